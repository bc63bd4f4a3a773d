import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { HouseholdQuery, HouseholdSort, HouseholdStatus } from '../../api/types';
import { yuanToFen } from '../../app/money';

export interface HouseholdFilters {
  q?: string;
  regionCode?: string;
  categories: string[];
  povertyCause?: string;
  status?: HouseholdStatus;
  incomeYear?: number;
  /** Yuan, as typed. */
  incomeMin?: string;
  incomeMax?: string;
  sort: HouseholdSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const statuses: readonly HouseholdStatus[] = ['active', 'moved', 'merged', 'dissolved'];
const sorts: readonly HouseholdSort[] = ['village', 'headName', 'income', 'updated'];
const positive = (v: string | null, dflt: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : dflt;
};
const yuan = (v: string | null) => (v !== null && yuanToFen(v) !== null ? v : undefined);
const year = (v: string | null) => (v && /^\d{4}$/.test(v) ? Number(v) : undefined);
const code = /^[a-z][a-z0-9_]*$/;

/** Filters, sort and page live in the address: a list can be bookmarked, shared and gone back to. */
export function useHouseholdFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<HouseholdFilters>(() => {
    const status = params.get('status') as HouseholdStatus | null;
    const sort = params.get('sort') as HouseholdSort | null;
    return {
      q: params.get('q') || undefined,
      regionCode: params.get('region') || undefined,
      categories: (params.get('categories') ?? '').split(',').filter((c) => code.test(c)),
      povertyCause: code.test(params.get('cause') ?? '') ? params.get('cause')! : undefined,
      status: status && statuses.includes(status) ? status : undefined,
      incomeYear: year(params.get('incomeYear')),
      incomeMin: yuan(params.get('incomeMin')),
      incomeMax: yuan(params.get('incomeMax')),
      sort: sort && sorts.includes(sort) ? sort : 'village',
      order: params.get('order') === 'desc' ? 'desc' : 'asc',
      page: positive(params.get('page'), 1),
      pageSize: Math.min(positive(params.get('pageSize'), 20), 100),
    };
  }, [params]);

  const update = (next: Partial<HouseholdFilters>) => {
    const m: HouseholdFilters = { ...filters, page: 1, ...next };
    const p = new URLSearchParams();
    if (m.q) p.set('q', m.q);
    if (m.regionCode) p.set('region', m.regionCode);
    if (m.categories.length) p.set('categories', m.categories.join(','));
    if (m.povertyCause) p.set('cause', m.povertyCause);
    if (m.status) p.set('status', m.status);
    if (m.incomeYear) p.set('incomeYear', String(m.incomeYear));
    if (m.incomeMin) p.set('incomeMin', m.incomeMin);
    if (m.incomeMax) p.set('incomeMax', m.incomeMax);
    if (m.sort !== 'village') p.set('sort', m.sort);
    if (m.order !== 'asc') p.set('order', m.order);
    if (m.page > 1) p.set('page', String(m.page));
    if (m.pageSize !== 20) p.set('pageSize', String(m.pageSize));
    setParams(p, { replace: true });
  };

  return { filters, query: toQuery(filters), update, reset: () => setParams(new URLSearchParams(), { replace: true }) };
}

/** The API query of the filters (money in fen); `exportQuery` is the same without the page. */
export function toQuery(f: HouseholdFilters): HouseholdQuery {
  const q: HouseholdQuery = { page: f.page, pageSize: f.pageSize, sort: f.sort, order: f.order };
  if (f.q) q.q = f.q;
  if (f.regionCode) q.regionCode = f.regionCode;
  if (f.categories.length) q.categories = f.categories.join(',');
  if (f.povertyCause) q.povertyCause = f.povertyCause;
  if (f.status) q.status = f.status;
  if (f.incomeYear) q.incomeYear = String(f.incomeYear);
  const min = f.incomeMin !== undefined ? yuanToFen(f.incomeMin) : null;
  const max = f.incomeMax !== undefined ? yuanToFen(f.incomeMax) : null;
  if (min !== null) q.incomeMinFen = min;
  if (max !== null) q.incomeMaxFen = max;
  return q;
}

export function exportQuery(f: HouseholdFilters): Omit<HouseholdQuery, 'page' | 'pageSize'> {
  const { page: _p, pageSize: _s, ...rest } = toQuery(f);
  return rest;
}
