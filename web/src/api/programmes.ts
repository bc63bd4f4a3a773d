import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from './client';
import type { paths } from './schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Body<T> = T extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type Query<T> = T extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type Programme = Json<paths['/api/programmes/{id}']['get']['responses'][200]>;
export type ProgrammeSummary = Json<paths['/api/programmes']['get']['responses'][200]>['items'][number];
export type ProgrammeQuery = Query<paths['/api/programmes']['get']>;
export type ProgrammeTemplate = Json<paths['/api/programmes/templates']['get']['responses'][200]>['items'][number];
export type ProgrammeDefinition = ProgrammeTemplate['definition'];
export type Requirements = ProgrammeDefinition['requirements'];
export type PairingRule = ProgrammeDefinition['pairingRules'][number];
export type Round = Programme['rounds'][number];
export type CreateProgrammeBody = Body<paths['/api/programmes']['post']>;
export type UpdateProgrammeBody = Body<paths['/api/programmes/{id}']['patch']>;
export type CreateRoundBody = Body<paths['/api/programmes/{id}/rounds']['post']>;
export type UpdateRoundBody = Body<paths['/api/programme-rounds/{id}']['patch']>;
export type Participant = Json<paths['/api/programmes/{id}/participants']['get']['responses'][200]>['items'][number];
export type ParticipantQuery = Query<paths['/api/programmes/{id}/participants']['get']>;
export type EnrolBody = Body<paths['/api/programmes/{id}/participants']['post']>;
export type UpdateParticipantBody = Body<paths['/api/programme-participants/{id}']['patch']>;

export const programmeKeys = {
  all: ['programmes'] as const,
  templates: ['programmes', 'templates'] as const,
  list: (q: ProgrammeQuery) => ['programmes', 'list', q] as const,
  detail: (id: string) => ['programmes', 'detail', id] as const,
  participants: (id: string, q: ParticipantQuery) => ['programmes', 'participants', id, q] as const,
};

export const useProgrammeTemplates = () =>
  useQuery({
    queryKey: programmeKeys.templates,
    queryFn: () => data(api.GET('/api/programmes/templates')),
    staleTime: Infinity,
    select: (d) => d.items,
  });

export const useProgrammes = (query: ProgrammeQuery) =>
  useQuery({
    queryKey: programmeKeys.list(query),
    queryFn: () => data(api.GET('/api/programmes', { params: { query } })),
    placeholderData: keepPreviousData,
  });

export const useProgramme = (id: string) =>
  useQuery({
    queryKey: programmeKeys.detail(id),
    queryFn: () => data(api.GET('/api/programmes/{id}', { params: { path: { id } } })),
    enabled: !!id,
  });

export const useParticipants = (id: string, query: ParticipantQuery, enabled = true) =>
  useQuery({
    queryKey: programmeKeys.participants(id, query),
    queryFn: () => data(api.GET('/api/programmes/{id}/participants', { params: { path: { id }, query } })),
    placeholderData: keepPreviousData,
    enabled: !!id && enabled,
  });

/** After any change to a programme: its page, its list, its participants, and the rule check. */
function useSettle() {
  const qc = useQueryClient();
  return (p?: Programme) => {
    if (p) qc.setQueryData(programmeKeys.detail(p.id), p);
    return Promise.all([qc.invalidateQueries({ queryKey: programmeKeys.all }), qc.invalidateQueries({ queryKey: ['pairings'] })]);
  };
}

export function useCreateProgramme() {
  const settle = useSettle();
  return useMutation({
    mutationFn: (body: CreateProgrammeBody) => data(api.POST('/api/programmes', { body })),
    onSuccess: (p) => settle(p),
  });
}

export function useUpdateProgramme() {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateProgrammeBody & { id: string }) =>
      data(api.PATCH('/api/programmes/{id}', { params: { path: { id } }, body })),
    onSuccess: (p) => settle(p),
  });
}

export function useAddRound() {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ programmeId, ...body }: CreateRoundBody & { programmeId: string }) =>
      data(api.POST('/api/programmes/{id}/rounds', { params: { path: { id: programmeId } }, body })),
    onSuccess: (p) => settle(p),
  });
}

export function useUpdateRound() {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateRoundBody & { id: string }) =>
      data(api.PATCH('/api/programme-rounds/{id}', { params: { path: { id } }, body })),
    onSuccess: (p) => settle(p),
  });
}

export function useEnrol() {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ programmeId, ...body }: EnrolBody & { programmeId: string }) =>
      data(api.POST('/api/programmes/{id}/participants', { params: { path: { id: programmeId } }, body })),
    onSuccess: () => settle(),
  });
}

export function useUpdateParticipant() {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateParticipantBody & { id: string }) =>
      data(api.PATCH('/api/programme-participants/{id}', { params: { path: { id } }, body })),
    onSuccess: () => settle(),
  });
}
