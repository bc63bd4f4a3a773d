import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Visit = Json<paths['/api/visits/{id}']['get']['responses'][200]>;
export type VisitPage = Json<paths['/api/visits']['get']['responses'][200]>;
export type VisitQuery = NonNullable<paths['/api/visits']['get']['parameters']['query']>;
export type CreateVisitBody = paths['/api/visits']['post']['requestBody']['content']['application/json'];
export type VisitKind = Visit['kind'];
export type Confirmation = Json<paths['/api/visits/{id}/confirmation']['post']['responses'][200]>;
export type MyHousehold = Json<paths['/api/me/households']['get']['responses'][200]>['items'][number];
export type PublicVisit = Json<paths['/api/public/visit-confirmations/{token}']['get']['responses'][200]>;

export const visitKinds: VisitKind[] = ['home_visit', 'meeting', 'condolence', 'farm_help', 'volunteer_labour', 'lecture', 'other'];

export const visitKeys = {
  list: (q: VisitQuery) => ['visits', 'list', q] as const,
  detail: (id: string) => ['visits', 'detail', id] as const,
  myHouseholds: ['visits', 'my-households'] as const,
};

export const useVisits = (query: VisitQuery, enabled = true) =>
  useQuery({
    queryKey: visitKeys.list(query),
    queryFn: () => data(api.GET('/api/visits', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useVisit = (id: string) =>
  useQuery({ queryKey: visitKeys.detail(id), queryFn: () => data(api.GET('/api/visits/{id}', { params: { path: { id } } })) });

/** The households I am paired with (their open pairings). */
export const useMyHouseholds = () =>
  useQuery({
    queryKey: visitKeys.myHouseholds,
    queryFn: async () => (await data(api.GET('/api/me/households', { params: { query: { pageSize: 100 } } }))).items,
    staleTime: 5 * 60_000,
  });

/** After any visit write: the visit, the lists, my work list and the household timelines change. */
export function useVisitChanged() {
  const qc = useQueryClient();
  return (fresh?: Visit) => {
    if (fresh) qc.setQueryData(visitKeys.detail(fresh.id), fresh);
    return Promise.all([
      qc.invalidateQueries({ queryKey: ['visits', 'list'] }),
      qc.invalidateQueries({ queryKey: ['worklists'] }),
      qc.invalidateQueries({ queryKey: ['households', 'timeline'] }),
    ]);
  };
}

export function useCreateVisit() {
  const changed = useVisitChanged();
  return useMutation({
    mutationFn: (body: CreateVisitBody) => data(api.POST('/api/visits', { body })),
    onSuccess: (v) => changed(v),
  });
}

export function useVoidVisit() {
  const changed = useVisitChanged();
  return useMutation({
    mutationFn: (v: { id: string; version: number }) =>
      data(api.PATCH('/api/visits/{id}', { params: { path: { id: v.id } }, body: { version: v.version, status: 'void' } })),
    onSuccess: (v) => changed(v),
  });
}

export function useRequestConfirmation() {
  return useMutation({
    mutationFn: (id: string) => data(api.POST('/api/visits/{id}/confirmation', { params: { path: { id } } })),
  });
}

export function useConfirmByCode() {
  const changed = useVisitChanged();
  return useMutation({
    mutationFn: (v: { id: string; code: string; confirmedByName?: string | null }) =>
      data(
        api.POST('/api/visits/{id}/confirm', {
          params: { path: { id: v.id } },
          body: { code: v.code, confirmedByName: v.confirmedByName || null },
        }),
      ),
    onSuccess: (v) => changed(v),
  });
}
