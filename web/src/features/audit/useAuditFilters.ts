import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { AuditQuery } from '../../api/types';

export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

const day = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
const positive = (v: string | null, dflt: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : dflt;
};
const keys = ['entityType', 'entityId', 'action', 'from', 'to'] as const;

/** Audit filters live in the address (shareable, survive going back). */
export function useAuditFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<AuditFilters>(
    () => ({
      entityType: params.get('entityType') || undefined,
      entityId: params.get('entityId') || undefined,
      action: params.get('action') || undefined,
      from: day(params.get('from')),
      to: day(params.get('to')),
      page: positive(params.get('page'), 1),
      pageSize: Math.min(positive(params.get('pageSize'), 20), 100),
    }),
    [params],
  );

  const update = (next: Partial<AuditFilters>) => {
    const merged: AuditFilters = { ...filters, page: 1, ...next };
    const p = new URLSearchParams();
    for (const k of keys) if (merged[k]) p.set(k, merged[k]);
    if (merged.page > 1) p.set('page', String(merged.page));
    if (merged.pageSize !== 20) p.set('pageSize', String(merged.pageSize));
    setParams(p, { replace: true });
  };

  const query: AuditQuery = { page: filters.page, pageSize: filters.pageSize };
  for (const k of keys) if (filters[k]) query[k] = filters[k];

  return { filters, query, update, reset: () => setParams(new URLSearchParams(), { replace: true }) };
}
