import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data, rawFetch } from './client';
import type { ImportJob, ImportKind, ImportMode, ImportStatus } from './types';

/**
 * Excel import jobs. The upload is multipart, which the typed client does not send, so it goes
 * through rawFetch (same headers, same errors); the rest is the typed client.
 */
export const importKeys = {
  job: (id: string) => ['imports', id] as const,
  recent: (kind: ImportKind) => ['imports', 'recent', kind] as const,
};

/** My scope's latest imports of a kind, to come back to one left running or read its report again. */
export const useRecentImports = (kind: ImportKind) =>
  useQuery({
    queryKey: importKeys.recent(kind),
    queryFn: async () => (await data(api.GET('/api/imports', { params: { query: { kind, page: 1, pageSize: 5 } } }))).items,
  });

/** Still working: poll for progress. */
export const isRunning = (s: ImportStatus | undefined) => s === 'validating' || s === 'importing';

export const templateUrl = (kind: ImportKind) => `/api/imports/templates/${kind}.xlsx`;
export const reportUrl = (id: string) => `/api/imports/${id}/report.xlsx`;

export function useImportJob(id: string | undefined) {
  return useQuery({
    queryKey: importKeys.job(id ?? ''),
    queryFn: () => data(api.GET('/api/imports/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
    refetchInterval: (q) => (isRunning(q.state.data?.status) ? 600 : false),
    staleTime: 0,
  });
}

export function useUploadImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, kind }: { file: File; kind: ImportKind }) => {
      const form = new FormData();
      form.append('kind', kind);
      form.append('file', file, file.name);
      return (await (await rawFetch(`/api/imports?kind=${kind}`, { method: 'POST', body: form })).json()) as ImportJob;
    },
    onSuccess: (job) => {
      qc.setQueryData(importKeys.job(job.id), job);
      return qc.invalidateQueries({ queryKey: ['imports', 'recent'] });
    },
  });
}

export function useApplyImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, mode }: { id: string; mode: ImportMode }) =>
      data(api.POST('/api/imports/{id}/apply', { params: { path: { id } }, body: { mode } })),
    onSuccess: (job) => {
      qc.setQueryData(importKeys.job(job.id), job);
      return Promise.all(
        [['households'], ['cadres'], ['units'], ['branches'], ['audit'], ['imports', 'recent']].map((queryKey) =>
          qc.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}
