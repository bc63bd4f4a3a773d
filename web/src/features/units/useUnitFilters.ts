import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { UnitKind, UnitLevel, UnitQuery } from '../../api/types';

export interface UnitFilters {
  q?: string;
  level?: UnitLevel;
  kind?: UnitKind;
  status?: 'active' | 'dissolved';
  regionCode?: string;
  page: number;
  pageSize: number;
}

export const unitLevels: UnitLevel[] = ['province', 'city', 'county', 'township', 'village'];
export const unitKinds: UnitKind[] = ['department', 'institution', 'enterprise', 'other'];
const positive = (v: string | null, dflt: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : dflt;
};
const oneOf = <T extends string>(v: string | null, all: readonly T[]): T | undefined => (all.includes(v as T) ? (v as T) : undefined);

/** The units list's filters in the address (beside ?tab=). */
export function useUnitFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<UnitFilters>(
    () => ({
      q: params.get('q') || undefined,
      level: oneOf(params.get('level'), unitLevels),
      kind: oneOf(params.get('kind'), unitKinds),
      status: oneOf(params.get('status'), ['active', 'dissolved'] as const),
      regionCode: params.get('region') || undefined,
      page: positive(params.get('page'), 1),
      pageSize: Math.min(positive(params.get('pageSize'), 20), 100),
    }),
    [params],
  );

  const update = (next: Partial<UnitFilters>) => {
    const m: UnitFilters = { ...filters, page: 1, ...next };
    const p = new URLSearchParams();
    if (m.q) p.set('q', m.q);
    if (m.level) p.set('level', m.level);
    if (m.kind) p.set('kind', m.kind);
    if (m.status) p.set('status', m.status);
    if (m.regionCode) p.set('region', m.regionCode);
    if (m.page > 1) p.set('page', String(m.page));
    if (m.pageSize !== 20) p.set('pageSize', String(m.pageSize));
    setParams(p, { replace: true });
  };

  const query: UnitQuery = { page: filters.page, pageSize: filters.pageSize };
  if (filters.q) query.q = filters.q;
  if (filters.level) query.level = filters.level;
  if (filters.kind) query.kind = filters.kind;
  if (filters.status) query.status = filters.status;
  if (filters.regionCode) query.regionCode = filters.regionCode;

  return { filters, query, update, reset: () => setParams(new URLSearchParams(), { replace: true }) };
}
