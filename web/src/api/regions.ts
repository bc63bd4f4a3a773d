import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, data } from './client';
import { uuidv7 } from './ids';
import type { HistoricRegionBody, Region, RegionLevel, RenameBody, SuccessionBody, UpdateRegionBody } from './types';

export const regionKeys = {
  all: ['regions'] as const,
  roots: () => ['regions', 'roots'] as const,
  children: (code: string, includeExpired: boolean) => ['regions', 'children', code, includeExpired] as const,
  detail: (code: string) => ['regions', 'detail', code] as const,
  search: (q: string, page: number, level?: RegionLevel) => ['regions', 'search', q, page, level ?? ''] as const,
};

export const useRegionRoots = () =>
  useQuery({ queryKey: regionKeys.roots(), queryFn: async () => (await data(api.GET('/api/regions/roots'))).items, staleTime: 5 * 60_000 });

const childrenQuery = (code: string, includeExpired: boolean) => ({
  queryKey: regionKeys.children(code, includeExpired),
  queryFn: async (): Promise<Region[]> =>
    (
      await data(
        api.GET('/api/regions/{code}/children', {
          params: { path: { code }, query: { includeExpired: includeExpired ? 'true' : 'false' } },
        }),
      )
    ).items,
  staleTime: 5 * 60_000,
});

/** For lazy trees: children from the cache, else fetched once. */
export const fetchRegionChildren = (qc: QueryClient, code: string, includeExpired = false) =>
  qc.fetchQuery(childrenQuery(code, includeExpired));

export const useRegionChildren = (code: string | undefined, includeExpired: boolean) =>
  useQuery({ ...childrenQuery(code ?? '', includeExpired), enabled: !!code });

const detailQuery = (code: string) => ({
  queryKey: regionKeys.detail(code),
  queryFn: () => data(api.GET('/api/regions/{code}', { params: { path: { code } } })),
  staleTime: 5 * 60_000,
});

export const fetchRegion = (qc: QueryClient, code: string) => qc.fetchQuery(detailQuery(code));

export const useRegion = (code: string | undefined) => useQuery({ ...detailQuery(code ?? ''), enabled: !!code });

export const useRegionSearch = (q: string, page = 1, pageSize = 20, level?: RegionLevel) =>
  useQuery({
    queryKey: [...regionKeys.search(q, page, level), pageSize],
    queryFn: () => data(api.GET('/api/regions', { params: { query: { q, page, pageSize, ...(level ? { level } : {}) } } })),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });

export function useCreateGroup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { id?: string; parentCode: string; name: string }) =>
      data(api.POST('/api/regions', { body: { id: body.id ?? uuidv7(), ...body } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: regionKeys.all }),
  });
}

export function useUpdateRegion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, ...body }: UpdateRegionBody & { code: string }) =>
      data(api.PATCH('/api/regions/{code}', { params: { path: { code } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: regionKeys.all }),
  });
}

/** Provinces, cities or counties of the national extract under a prefix ('' for provinces). */
export const fetchDivisionChoices = (qc: QueryClient, under: string) =>
  qc.fetchQuery({
    queryKey: ['regions', 'divisions', under] as const,
    queryFn: async () => (await data(api.GET('/api/regions/divisions', { params: { query: { under } } }))).items,
    staleTime: 0,
  });

export function useLoadDivisions() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => data(api.POST('/api/regions/load', { body: { code } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: regionKeys.all }),
  });
}

export const useRegionHistory = (code: string | undefined) =>
  useQuery({
    queryKey: ['regions', 'history', code ?? ''] as const,
    queryFn: () => data(api.GET('/api/regions/{code}/history', { params: { path: { code: code! } } })),
    enabled: !!code,
  });

export function useRecordSuccession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SuccessionBody) => data(api.POST('/api/regions/events', { body: { id: body.id ?? uuidv7(), ...body } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: regionKeys.all }),
  });
}

export function useCreateHistoricRegion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: HistoricRegionBody) => data(api.POST('/api/regions/historic', { body: { id: body.id ?? uuidv7(), ...body } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: regionKeys.all }),
  });
}

export function useRecordRename() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, ...body }: RenameBody & { code: string }) =>
      data(api.POST('/api/regions/{code}/rename', { params: { path: { code } }, body: { id: body.id ?? uuidv7(), ...body } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: regionKeys.all }),
  });
}
