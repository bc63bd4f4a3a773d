import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from './client';
import type { paths } from './schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Body<T> = T extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type Query<T> = T extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type Pairing = Json<paths['/api/pairings/{id}']['get']['responses'][200]>;
export type PairingQuery = Query<paths['/api/pairings']['get']>;
export type PairingRole = Pairing['role'];
export type HelperKind = Pairing['helperKind'];
export type TargetKind = Pairing['targetKind'];
export type EndReason = NonNullable<Pairing['endReason']>;
export type CreatePairingBody = Body<paths['/api/pairings']['post']>;
export type EndPairingBody = Body<paths['/api/pairings/{id}/end']['post']>;
export type HandoverBody = Body<paths['/api/pairings/handover']['post']>;
export type RuleCheck = Json<paths['/api/programmes/{id}/check']['get']['responses'][200]>;
export type CheckQuery = Query<paths['/api/programmes/{id}/check']['get']>;
export type Breach = RuleCheck['items'][number];
export type BreachKind = Breach['kind'];
export type Proposals = Json<paths['/api/programmes/{id}/proposals']['get']['responses'][200]>;
export type Proposal = Proposals['proposals'][number];
export type AcceptBody = Body<paths['/api/programmes/{id}/proposals/accept']['post']>;
export type MyHousehold = Json<paths['/api/me/households']['get']['responses'][200]>['items'][number];
export type MyVillages = Json<paths['/api/me/villages']['get']['responses'][200]>;

export const pairingKeys = {
  all: ['pairings'] as const,
  list: (q: PairingQuery) => ['pairings', 'list', q] as const,
  check: (id: string, q: CheckQuery) => ['pairings', 'check', id, q] as const,
  proposals: (id: string, q: Record<string, string | undefined>) => ['pairings', 'proposals', id, q] as const,
  helpers: (householdId: string) => ['pairings', 'helpers', householdId] as const,
  myHouseholds: (page: number) => ['pairings', 'me', 'households', page] as const,
  myVillages: ['pairings', 'me', 'villages'] as const,
};

export const usePairings = (query: PairingQuery, enabled = true) =>
  useQuery({
    queryKey: pairingKeys.list(query),
    queryFn: () => data(api.GET('/api/pairings', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useRuleCheck = (id: string, query: CheckQuery) =>
  useQuery({
    queryKey: pairingKeys.check(id, query),
    queryFn: () => data(api.GET('/api/programmes/{id}/check', { params: { path: { id }, query } })),
    placeholderData: keepPreviousData,
  });

/** The assistant's proposals: asked for on demand (生成建议), not on every page load. */
export const useProposals = (id: string, query: { regionCode?: string; on?: string }, enabled: boolean) =>
  useQuery({
    queryKey: pairingKeys.proposals(id, query),
    queryFn: () => data(api.GET('/api/programmes/{id}/proposals', { params: { path: { id }, query } })),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });

export const useHelpers = (householdId: string) =>
  useQuery({
    queryKey: pairingKeys.helpers(householdId),
    queryFn: () => data(api.GET('/api/households/{id}/helpers', { params: { path: { id: householdId } } })),
    select: (d) => d.items,
  });

export const useMyHouseholds = (page: number) =>
  useQuery({
    queryKey: pairingKeys.myHouseholds(page),
    queryFn: () => data(api.GET('/api/me/households', { params: { query: { page, pageSize: 50 } } })),
    placeholderData: keepPreviousData,
  });

export const useMyVillages = () => useQuery({ queryKey: pairingKeys.myVillages, queryFn: () => data(api.GET('/api/me/villages')) });

/** After any pairing change: lists, rule checks, helpers, participants' counts and the programme's. */
function useSettle() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: pairingKeys.all }), qc.invalidateQueries({ queryKey: ['programmes'] })]);
}

export function useCreatePairing() {
  const settle = useSettle();
  return useMutation({ mutationFn: (body: CreatePairingBody) => data(api.POST('/api/pairings', { body })), onSuccess: settle });
}

export function useEndPairing() {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ id, ...body }: EndPairingBody & { id: string }) =>
      data(api.POST('/api/pairings/{id}/end', { params: { path: { id } }, body })),
    onSuccess: settle,
  });
}

export function useHandover() {
  const settle = useSettle();
  return useMutation({ mutationFn: (body: HandoverBody) => data(api.POST('/api/pairings/handover', { body })), onSuccess: settle });
}

export function useAcceptProposals() {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ programmeId, ...body }: AcceptBody & { programmeId: string }) =>
      data(api.POST('/api/programmes/{id}/proposals/accept', { params: { path: { id: programmeId } }, body })),
    onSuccess: settle,
  });
}
