import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { PairingQuery, PairingRole } from '../../api/pairings';
import { roleShapes } from './pairingForm';

export interface PairingFilters {
  regionCode?: string;
  role?: PairingRole;
  helperId?: string;
  activeOn?: string;
  page: number;
}

const roles = Object.keys(roleShapes) as PairingRole[];
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const day = /^\d{4}-\d{2}-\d{2}$/;
const keys = ['region', 'role', 'helper', 'on', 'page'];

/** The board's filters in the address (region, role, helper, active on a day), beside the page's own (tab). */
export function usePairingFilters(programmeId: string) {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<PairingFilters>(() => {
    const role = params.get('role') as PairingRole;
    const helper = params.get('helper');
    const on = params.get('on');
    const page = Number(params.get('page'));
    return {
      regionCode: params.get('region') || undefined,
      role: roles.includes(role) ? role : undefined,
      helperId: helper && uuid.test(helper) ? helper : undefined,
      activeOn: on && day.test(on) ? on : undefined,
      page: Number.isInteger(page) && page > 0 ? page : 1,
    };
  }, [params]);

  const update = (next: Partial<PairingFilters>) => {
    const m: PairingFilters = { ...filters, page: 1, ...next };
    const p = new URLSearchParams(params);
    for (const k of keys) p.delete(k);
    if (m.regionCode) p.set('region', m.regionCode);
    if (m.role) p.set('role', m.role);
    if (m.helperId) p.set('helper', m.helperId);
    if (m.activeOn) p.set('on', m.activeOn);
    if (m.page > 1) p.set('page', String(m.page));
    setParams(p, { replace: true });
  };
  const reset = () => {
    const p = new URLSearchParams(params);
    for (const k of keys) p.delete(k);
    setParams(p, { replace: true });
  };

  const query: PairingQuery = { programmeId, page: filters.page, pageSize: 20 };
  if (filters.regionCode) query.regionCode = filters.regionCode;
  if (filters.role) query.role = filters.role;
  if (filters.helperId) query.helperId = filters.helperId;
  if (filters.activeOn) query.activeOn = filters.activeOn;
  else query.open = 'true';
  return { filters, query, update, reset };
}
