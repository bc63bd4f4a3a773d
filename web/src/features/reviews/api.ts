import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { paths } from '../../api/schema';
import { type Entry, useEntryChanged } from '../diaries/api';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type ReviewBody = paths['/api/diary-entries/{id}/reviews']['post']['requestBody']['content']['application/json'];
export type ReviewerWork = Json<paths['/api/worklists/reviewer']['get']['responses'][200]>;
export type Sample = Json<paths['/api/diary-samples/{id}']['get']['responses'][200]>;

export const useReviewerWork = () =>
  useQuery({ queryKey: ['worklists', 'reviewer'], queryFn: () => data(api.GET('/api/worklists/reviewer')) });

export const useSamples = () =>
  useQuery({
    queryKey: ['diaries', 'samples'],
    queryFn: async () => (await data(api.GET('/api/diary-samples', { params: { query: { pageSize: 20 } } }))).items,
  });

export function useReview() {
  const changed = useEntryChanged();
  return useMutation({
    mutationFn: (v: { id: string } & ReviewBody) => {
      const { id, ...body } = v;
      return data(api.POST('/api/diary-entries/{id}/reviews', { params: { path: { id } }, body }));
    },
    onSuccess: (e: Entry) => changed(e),
  });
}

export function useDrawSample() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { id: string; quarter: string }) => data(api.POST('/api/diary-samples', { body })),
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: ['diaries', 'samples'] }), qc.invalidateQueries({ queryKey: ['worklists'] })]),
  });
}
