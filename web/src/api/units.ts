import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from './client';
import type { BranchQuery, CreateBranchBody, CreateUnitBody, UnitQuery, UpdateUnitBody } from './types';

export const unitKeys = {
  all: ['units'] as const,
  list: (q: UnitQuery) => ['units', 'list', q] as const,
  detail: (id: string) => ['units', 'detail', id] as const,
};
export const branchKeys = {
  all: ['branches'] as const,
  list: (q: BranchQuery) => ['branches', 'list', q] as const,
  detail: (id: string) => ['branches', 'detail', id] as const,
};

export const useUnits = (query: UnitQuery, enabled = true) =>
  useQuery({
    queryKey: unitKeys.list(query),
    queryFn: () => data(api.GET('/api/units', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useUnit = (id: string | null | undefined) =>
  useQuery({
    queryKey: unitKeys.detail(id ?? ''),
    queryFn: () => data(api.GET('/api/units/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });

export const useBranches = (query: BranchQuery, enabled = true) =>
  useQuery({
    queryKey: branchKeys.list(query),
    queryFn: () => data(api.GET('/api/branches', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useBranch = (id: string | null | undefined) =>
  useQuery({
    queryKey: branchKeys.detail(id ?? ''),
    queryFn: () => data(api.GET('/api/branches/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });

/** Unit and branch writes also add to the audit log. */
function useInvalidate() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: unitKeys.all }),
      qc.invalidateQueries({ queryKey: branchKeys.all }),
      qc.invalidateQueries({ queryKey: ['audit'] }),
    ]);
}

export function useCreateUnit() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (body: CreateUnitBody) => data(api.POST('/api/units', { body })), onSuccess: done });
}

export function useUpdateUnit() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateUnitBody & { id: string }) =>
      data(api.PATCH('/api/units/{id}', { params: { path: { id } }, body })),
    onSuccess: done,
  });
}

export function useCreateBranch() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (body: CreateBranchBody) => data(api.POST('/api/branches', { body })), onSuccess: done });
}
