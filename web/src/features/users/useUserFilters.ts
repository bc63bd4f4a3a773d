import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Role, UserQuery } from '../../api/types';
import { roles } from '../../app/roles';

export interface UserFilters {
  q?: string;
  role?: Role;
  status?: 'active' | 'disabled';
  regionCode?: string;
  page: number;
  pageSize: number;
}

const isRole = (v: string | null): v is Role => !!v && (roles as readonly string[]).includes(v);
const positive = (v: string | null, dflt: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : dflt;
};

/** The filter bar and page live in the address, so a list can be bookmarked, shared and gone back to. */
export function useUserFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<UserFilters>(() => {
    const status = params.get('status');
    const role = params.get('role');
    return {
      q: params.get('q') || undefined,
      role: isRole(role) ? role : undefined,
      status: status === 'active' || status === 'disabled' ? status : undefined,
      regionCode: params.get('region') || undefined,
      page: positive(params.get('page'), 1),
      pageSize: Math.min(positive(params.get('pageSize'), 20), 100),
    };
  }, [params]);

  const update = (next: Partial<UserFilters>) => {
    const merged: UserFilters = { ...filters, page: 1, ...next };
    const p = new URLSearchParams();
    if (merged.q) p.set('q', merged.q);
    if (merged.role) p.set('role', merged.role);
    if (merged.status) p.set('status', merged.status);
    if (merged.regionCode) p.set('region', merged.regionCode);
    if (merged.page > 1) p.set('page', String(merged.page));
    if (merged.pageSize !== 20) p.set('pageSize', String(merged.pageSize));
    setParams(p, { replace: true });
  };

  const query: UserQuery = {
    page: filters.page,
    pageSize: filters.pageSize,
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.role ? { role: filters.role } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.regionCode ? { regionCode: filters.regionCode } : {}),
  };

  return { filters, query, update, reset: () => setParams(new URLSearchParams(), { replace: true }) };
}
