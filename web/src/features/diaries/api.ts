import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Entry = Json<paths['/api/diary-entries/{id}']['get']['responses'][200]>;
export type EntryQuery = NonNullable<paths['/api/diary-entries']['get']['parameters']['query']>;
export type EntryStatus = Entry['status'];
export type Review = Json<paths['/api/diary-entries/{id}/reviews']['get']['responses'][200]>['items'][number];

export const diaryKeys = {
  list: (q: EntryQuery) => ['diaries', 'list', q] as const,
  detail: (id: string) => ['diaries', 'detail', id] as const,
  reviews: (id: string) => ['diaries', 'reviews', id] as const,
};

export const statusColor: Record<EntryStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  accepted: 'success',
};

export const useEntries = (query: EntryQuery) =>
  useQuery({
    queryKey: diaryKeys.list(query),
    queryFn: () => data(api.GET('/api/diary-entries', { params: { query } })),
    placeholderData: keepPreviousData,
  });

export const useEntry = (id: string) =>
  useQuery({ queryKey: diaryKeys.detail(id), queryFn: () => data(api.GET('/api/diary-entries/{id}', { params: { path: { id } } })) });

export const useReviews = (id: string) =>
  useQuery({
    queryKey: diaryKeys.reviews(id),
    queryFn: async () => (await data(api.GET('/api/diary-entries/{id}/reviews', { params: { path: { id } } }))).items,
  });

/** After any write to an entry: the entry, its reviews, the lists and everyone's work lists change. */
export function useEntryChanged() {
  const qc = useQueryClient();
  return (fresh: Entry) => {
    qc.setQueryData(diaryKeys.detail(fresh.id), fresh);
    return Promise.all([
      qc.invalidateQueries({ queryKey: ['diaries', 'list'] }),
      qc.invalidateQueries({ queryKey: diaryKeys.reviews(fresh.id) }),
      qc.invalidateQueries({ queryKey: ['worklists'] }),
      qc.invalidateQueries({ queryKey: ['notifications'] }),
    ]);
  };
}

export function useStartEntry() {
  const changed = useEntryChanged();
  return useMutation({
    mutationFn: (body: { id: string; month: string }) => data(api.POST('/api/diary-entries', { body })),
    onSuccess: changed,
  });
}

export function useSaveEntry() {
  const changed = useEntryChanged();
  return useMutation({
    mutationFn: (v: { id: string; version: number; body: string; visitIds?: string[] }) =>
      data(
        api.PATCH('/api/diary-entries/{id}', {
          params: { path: { id: v.id } },
          body: { version: v.version, body: v.body, ...(v.visitIds ? { visitIds: v.visitIds } : {}) },
        }),
      ),
    onSuccess: changed,
  });
}

export function useSubmitEntry() {
  const changed = useEntryChanged();
  return useMutation({
    mutationFn: (v: { id: string; version: number }) =>
      data(api.POST('/api/diary-entries/{id}/submit', { params: { path: { id: v.id } }, body: { version: v.version } })),
    onSuccess: changed,
  });
}

export function usePublishEntry() {
  const changed = useEntryChanged();
  return useMutation({
    mutationFn: (v: { id: string; version: number }) =>
      data(api.POST('/api/diary-entries/{id}/publish', { params: { path: { id: v.id } }, body: { version: v.version } })),
    onSuccess: changed,
  });
}
