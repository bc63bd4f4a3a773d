import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { BranchQuery } from '../../api/types';

export interface BranchFilters {
  q?: string;
  unitId?: string;
  status?: 'active' | 'dissolved';
  regionCode?: string;
  page: number;
  pageSize: number;
}

const positive = (v: string | null, dflt: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : dflt;
};
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The party branches list's filters in the address (with ?tab=branches). */
export function useBranchFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<BranchFilters>(() => {
    const status = params.get('status');
    return {
      q: params.get('q') || undefined,
      unitId: uuid.test(params.get('unit') ?? '') ? params.get('unit')! : undefined,
      status: status === 'active' || status === 'dissolved' ? status : undefined,
      regionCode: params.get('region') || undefined,
      page: positive(params.get('page'), 1),
      pageSize: Math.min(positive(params.get('pageSize'), 20), 100),
    };
  }, [params]);

  const update = (next: Partial<BranchFilters>) => {
    const m: BranchFilters = { ...filters, page: 1, ...next };
    const p = new URLSearchParams({ tab: 'branches' });
    if (m.q) p.set('q', m.q);
    if (m.unitId) p.set('unit', m.unitId);
    if (m.status) p.set('status', m.status);
    if (m.regionCode) p.set('region', m.regionCode);
    if (m.page > 1) p.set('page', String(m.page));
    if (m.pageSize !== 20) p.set('pageSize', String(m.pageSize));
    setParams(p, { replace: true });
  };

  const query: BranchQuery = { page: filters.page, pageSize: filters.pageSize };
  if (filters.q) query.q = filters.q;
  if (filters.unitId) query.unitId = filters.unitId;
  if (filters.status) query.status = filters.status;
  if (filters.regionCode) query.regionCode = filters.regionCode;

  return { filters, query, update, reset: () => setParams(new URLSearchParams({ tab: 'branches' }), { replace: true }) };
}
