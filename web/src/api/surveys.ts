import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from './client';
import { uuidv7 } from './ids';
import type { SurveyTemplateKey } from './types';

export const surveyKeys = {
  forms: ['surveys', 'forms'] as const,
  form: (id: string, version?: number) => ['surveys', 'form', id, version ?? 'current'] as const,
  answers: (householdId: string) => ['surveys', 'answers', householdId] as const,
  templates: ['surveys', 'templates'] as const,
};

/** The active forms a household of my scope may answer. */
export const useActiveSurveyForms = () =>
  useQuery({
    queryKey: surveyKeys.forms,
    queryFn: async () => (await data(api.GET('/api/surveys/forms', { params: { query: { status: 'active', pageSize: 100 } } }))).items,
    staleTime: 5 * 60_000,
  });

export const useSurveyForm = (id: string | undefined) =>
  useQuery({
    queryKey: surveyKeys.form(id ?? ''),
    queryFn: () => data(api.GET('/api/surveys/forms/{id}', { params: { path: { id: id! }, query: {} } })),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });

export const useSurveyAnswers = (householdId: string) =>
  useQuery({
    queryKey: surveyKeys.answers(householdId),
    queryFn: async () => (await data(api.GET('/api/households/{id}/surveys', { params: { path: { id: householdId } } }))).items,
  });

export const useSurveyTemplates = (enabled: boolean) =>
  useQuery({
    queryKey: surveyKeys.templates,
    queryFn: async () => (await data(api.GET('/api/surveys/templates'))).items,
    enabled,
    staleTime: Infinity,
  });

export function usePutSurvey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      householdId,
      formId,
      year,
      ...body
    }: {
      householdId: string;
      formId: string;
      year: number;
      version?: number;
      answers: Record<string, string | number | boolean | null>;
    }) => data(api.PUT('/api/households/{id}/surveys/{formId}/{year}', { params: { path: { id: householdId, formId, year } }, body })),
    onSuccess: (a) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: surveyKeys.answers(a.householdId) }),
        qc.invalidateQueries({ queryKey: ['households', 'timeline', a.householdId] }),
        qc.invalidateQueries({ queryKey: ['audit'] }),
      ]),
  });
}

/** An administrator copies a built-in form (贫困户调查表) for their region. */
export function useCreateFormFromTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (fromTemplate: SurveyTemplateKey) => data(api.POST('/api/surveys/forms', { body: { id: uuidv7(), fromTemplate } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['surveys'] }),
  });
}
