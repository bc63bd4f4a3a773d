import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from './client';
import type {
  CreateHouseholdBody,
  CreateMemberBody,
  Household,
  HouseholdQuery,
  HouseholdStatusBody,
  MemberStatusBody,
  PutIncomeBody,
  UpdateHouseholdBody,
  UpdateMemberBody,
} from './types';

export const householdKeys = {
  all: ['households'] as const,
  list: (q: HouseholdQuery) => ['households', 'list', q] as const,
  detail: (id: string) => ['households', 'detail', id] as const,
  incomes: (id: string) => ['households', 'incomes', id] as const,
  timeline: (id: string) => ['households', 'timeline', id] as const,
  personal: (id: string) => ['households', 'personal', id] as const,
  catalog: ['households', 'catalog'] as const,
};

export const useHouseholds = (query: HouseholdQuery) =>
  useQuery({
    queryKey: householdKeys.list(query),
    queryFn: () => data(api.GET('/api/households', { params: { query } })),
    placeholderData: keepPreviousData,
  });

export const useHousehold = (id: string) =>
  useQuery({ queryKey: householdKeys.detail(id), queryFn: () => data(api.GET('/api/households/{id}', { params: { path: { id } } })) });

/** Categories and poverty causes (built in and those added for regions in and above my scope). */
export const useCatalog = () =>
  useQuery({
    queryKey: householdKeys.catalog,
    queryFn: async () => (await data(api.GET('/api/households/catalog', { params: { query: {} } }))).items,
    staleTime: 10 * 60_000,
  });

export const useIncomes = (id: string) =>
  useQuery({
    queryKey: householdKeys.incomes(id),
    queryFn: async () => (await data(api.GET('/api/households/{id}/incomes', { params: { path: { id } } }))).items,
  });

export const useTimeline = (id: string) =>
  useQuery({
    queryKey: householdKeys.timeline(id),
    queryFn: async () => (await data(api.GET('/api/households/{id}/timeline', { params: { path: { id } } }))).items,
  });

/** Full ID numbers and phones: fetched only when asked (each view is audited), never cached. */
export function usePersonalView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => data(api.GET('/api/households/{id}/personal', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['audit'] }),
  });
}

/**
 * After any write to a household or its members: the page, its timeline, the lists and the
 * audit log change; the answer of the write is the household page itself when it is one.
 */
function useHouseholdChanged() {
  const qc = useQueryClient();
  return (householdId: string, fresh?: Household) => {
    if (fresh) qc.setQueryData(householdKeys.detail(householdId), fresh);
    return Promise.all([
      qc.invalidateQueries({ queryKey: householdKeys.detail(householdId), refetchType: fresh ? 'none' : 'active' }),
      qc.invalidateQueries({ queryKey: householdKeys.timeline(householdId) }),
      qc.invalidateQueries({ queryKey: householdKeys.incomes(householdId) }),
      qc.invalidateQueries({ queryKey: ['households', 'list'] }),
      qc.invalidateQueries({ queryKey: ['audit'] }),
    ]);
  };
}

export function useCreateHousehold() {
  const changed = useHouseholdChanged();
  return useMutation({
    mutationFn: (body: CreateHouseholdBody) => data(api.POST('/api/households', { body })),
    onSuccess: (h) => changed(h.id, h),
  });
}

export function useUpdateHousehold() {
  const changed = useHouseholdChanged();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateHouseholdBody & { id: string }) =>
      data(api.PATCH('/api/households/{id}', { params: { path: { id } }, body })),
    onSuccess: (h) => changed(h.id, h),
  });
}

export function useHouseholdStatus() {
  const changed = useHouseholdChanged();
  return useMutation({
    mutationFn: ({ id, ...body }: HouseholdStatusBody & { id: string }) =>
      data(api.POST('/api/households/{id}/status', { params: { path: { id } }, body })),
    onSuccess: (h) => changed(h.id, h),
  });
}

export function useAddMember() {
  const changed = useHouseholdChanged();
  return useMutation({
    mutationFn: ({ householdId, ...body }: CreateMemberBody & { householdId: string }) =>
      data(api.POST('/api/households/{id}/members', { params: { path: { id: householdId } }, body })),
    onSuccess: (m) => changed(m.householdId),
  });
}

export function useUpdateMember() {
  const changed = useHouseholdChanged();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateMemberBody & { id: string }) =>
      data(api.PATCH('/api/members/{id}', { params: { path: { id } }, body })),
    onSuccess: (m) => changed(m.householdId),
  });
}

export function useMemberStatus() {
  const changed = useHouseholdChanged();
  return useMutation({
    mutationFn: ({ id, ...body }: MemberStatusBody & { id: string }) =>
      data(api.POST('/api/members/{id}/status', { params: { path: { id } }, body })),
    onSuccess: (m) => changed(m.householdId),
  });
}

export function usePutIncome() {
  const changed = useHouseholdChanged();
  return useMutation({
    mutationFn: ({ householdId, year, ...body }: PutIncomeBody & { householdId: string; year: number }) =>
      data(api.PUT('/api/households/{id}/incomes/{year}', { params: { path: { id: householdId, year: String(year) } }, body })),
    onSuccess: (i) => changed(i.householdId),
  });
}
