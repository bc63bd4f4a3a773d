import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from './client';
import type { CadreQuery, CreateCadreBody, UpdateCadreBody } from './types';

export const cadreKeys = {
  all: ['cadres'] as const,
  list: (q: CadreQuery) => ['cadres', 'list', q] as const,
  detail: (id: string) => ['cadres', 'detail', id] as const,
};

export const useCadres = (query: CadreQuery) =>
  useQuery({
    queryKey: cadreKeys.list(query),
    queryFn: () => data(api.GET('/api/cadres', { params: { query } })),
    placeholderData: keepPreviousData,
  });

export const useCadre = (id: string) =>
  useQuery({ queryKey: cadreKeys.detail(id), queryFn: () => data(api.GET('/api/cadres/{id}', { params: { path: { id } } })) });

/** 新增干部: the body carries an id made in the browser, so a retried save cannot register twice. */
export function useCreateCadre() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCadreBody) => data(api.POST('/api/cadres', { body })),
    onSuccess: (c) => {
      qc.setQueryData(cadreKeys.detail(c.id), c);
      return Promise.all([
        qc.invalidateQueries({ queryKey: cadreKeys.all }),
        qc.invalidateQueries({ queryKey: ['units'] }),
        qc.invalidateQueries({ queryKey: ['branches'] }),
      ]);
    },
  });
}

export function useUpdateCadre() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateCadreBody & { id: string }) =>
      data(api.PATCH('/api/cadres/{id}', { params: { path: { id } }, body })),
    onSuccess: (c) => {
      qc.setQueryData(cadreKeys.detail(c.id), c);
      return Promise.all([
        qc.invalidateQueries({ queryKey: cadreKeys.all }),
        qc.invalidateQueries({ queryKey: ['units'] }),
        qc.invalidateQueries({ queryKey: ['branches'] }),
        qc.invalidateQueries({ queryKey: ['audit'] }),
      ]);
    },
  });
}
