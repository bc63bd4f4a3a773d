import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, data } from './client';
import type { AuditQuery } from './types';

export const useAudit = (query: AuditQuery) =>
  useQuery({
    queryKey: ['audit', 'list', query] as const,
    queryFn: () => data(api.GET('/api/audit', { params: { query } })),
    placeholderData: keepPreviousData,
  });
