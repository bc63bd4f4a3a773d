import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { CadreQuery, CadreRank } from '../../api/types';

export interface CadreFilters {
  q?: string;
  rank?: CadreRank;
  unitId?: string;
  branchId?: string;
  regionCode?: string;
  status?: 'active' | 'left';
  hasAccount?: 'true' | 'false';
  page: number;
  pageSize: number;
}

export const cadreRanks: CadreRank[] = ['province_leader', 'city_leader', 'county_leader', 'section', 'general', 'township', 'village', 'party_member', 'resident'];
const positive = (v: string | null, dflt: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : dflt;
};
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const oneOf = <T extends string>(v: string | null, all: readonly T[]): T | undefined => (all.includes(v as T) ? (v as T) : undefined);
const id = (v: string | null) => (v && uuid.test(v) ? v : undefined);

/** The cadre list's filters in the address (a unit's or branch's count links here with ?unit= / ?branch=). */
export function useCadreFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<CadreFilters>(
    () => ({
      q: params.get('q') || undefined,
      rank: oneOf(params.get('rank'), cadreRanks),
      unitId: id(params.get('unit')),
      branchId: id(params.get('branch')),
      regionCode: params.get('region') || undefined,
      status: oneOf(params.get('status'), ['active', 'left'] as const),
      hasAccount: oneOf(params.get('account'), ['true', 'false'] as const),
      page: positive(params.get('page'), 1),
      pageSize: Math.min(positive(params.get('pageSize'), 20), 100),
    }),
    [params],
  );

  const update = (next: Partial<CadreFilters>) => {
    const m: CadreFilters = { ...filters, page: 1, ...next };
    const p = new URLSearchParams();
    if (m.q) p.set('q', m.q);
    if (m.rank) p.set('rank', m.rank);
    if (m.unitId) p.set('unit', m.unitId);
    if (m.branchId) p.set('branch', m.branchId);
    if (m.regionCode) p.set('region', m.regionCode);
    if (m.status) p.set('status', m.status);
    if (m.hasAccount) p.set('account', m.hasAccount);
    if (m.page > 1) p.set('page', String(m.page));
    if (m.pageSize !== 20) p.set('pageSize', String(m.pageSize));
    setParams(p, { replace: true });
  };

  const query: CadreQuery = { page: filters.page, pageSize: filters.pageSize };
  if (filters.q) query.q = filters.q;
  if (filters.rank) query.rank = filters.rank;
  if (filters.unitId) query.unitId = filters.unitId;
  if (filters.branchId) query.branchId = filters.branchId;
  if (filters.regionCode) query.regionCode = filters.regionCode;
  if (filters.status) query.status = filters.status;
  if (filters.hasAccount) query.hasAccount = filters.hasAccount;

  return { filters, query, update, reset: () => setParams(new URLSearchParams(), { replace: true }) };
}
