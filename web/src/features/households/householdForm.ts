import type { CreateHouseholdBody, Household, Housing, UpdateHouseholdBody } from '../../api/types';
import { isMasked } from '../../app/idNumber';
import { memberBody, type MemberValues } from './memberForm';

export interface HouseholdValues {
  regionCode: string;
  householdNo?: string;
  phone?: string;
  address?: string;
  categories: string[];
  povertyCauses: string[];
  landMu?: number | null;
  housing?: Housing;
  livestock: { kind: string; head: number }[];
  notes?: string;
  /** Only when registering: the head. */
  members?: MemberValues[];
}

export const housings: Housing[] = ['safe', 'dilapidated_c', 'dilapidated_d', 'none', 'unknown'];

/** A village (12 digits, not ending in 000) or a group (15 digits): where households live. */
export const isVillageOrGroup = (code: string | undefined): boolean =>
  !!code && (/^\d{15}$/.test(code) || (/^\d{12}$/.test(code) && !code.endsWith('000')));

const textOrNull = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

function fields(v: HouseholdValues) {
  return {
    regionCode: v.regionCode,
    householdNo: textOrNull(v.householdNo),
    phone: textOrNull(v.phone),
    address: textOrNull(v.address),
    categories: v.categories ?? [],
    povertyCauses: v.povertyCauses ?? [],
    landMu: v.landMu ?? null,
    housing: v.housing ?? 'unknown',
    livestock: (v.livestock ?? []).filter((l) => l && l.kind?.trim()).map((l) => ({ kind: l.kind.trim(), head: l.head ?? 0 })),
    notes: textOrNull(v.notes),
  };
}

export function createBody(id: string, v: HouseholdValues): CreateHouseholdBody {
  const head = v.members?.[0];
  return { id, ...fields(v), members: head ? [memberBody({ ...head, relation: 'head' })] : [] };
}

export function householdValues(h: Household): HouseholdValues {
  return {
    regionCode: h.regionCode,
    householdNo: h.householdNo ?? undefined,
    phone: h.phone && !isMasked(h.phone) ? h.phone : undefined,
    address: h.address ?? undefined,
    categories: h.categories,
    povertyCauses: h.povertyCauses,
    landMu: h.landMu,
    housing: h.housing,
    livestock: h.livestock,
    notes: h.notes ?? undefined,
  };
}

/** Only the changed fields (a masked phone left empty stays as it is). */
export function updateBody(h: Household, v: HouseholdValues): Omit<UpdateHouseholdBody, 'version'> {
  const next = fields(v);
  const prev = fields(householdValues(h));
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(next) as (keyof typeof next)[]) {
    if (JSON.stringify(next[k]) === JSON.stringify(prev[k])) continue;
    if (k === 'phone' && next.phone === null && isMasked(h.phone)) continue;
    out[k] = next[k];
  }
  return out as Omit<UpdateHouseholdBody, 'version'>;
}
