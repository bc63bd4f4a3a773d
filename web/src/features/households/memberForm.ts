import dayjs, { type Dayjs } from 'dayjs';
import type { Education, Health, LabourAbility, Member, Relation, Schooling } from '../../api/types';
import { isMasked } from '../../app/idNumber';

/** What the member form holds (a birth date as dayjs, empty fields undefined). */
export interface MemberValues {
  name: string;
  relation: Relation;
  idNumber?: string;
  sex?: 'male' | 'female';
  birthDate?: Dayjs | null;
  health?: Health;
  disability?: string;
  education?: Education;
  schooling?: Schooling;
  labourAbility?: LabourAbility;
  isPartyMember?: boolean;
  phone?: string;
  formerHeadRelation?: Exclude<Relation, 'head'>;
}

export const relations: Relation[] = [
  'head',
  'spouse',
  'son',
  'daughter',
  'son_in_law',
  'daughter_in_law',
  'grandchild',
  'parent',
  'grandparent',
  'sibling',
  'other',
];
export const healths: Health[] = ['healthy', 'chronic', 'serious_illness', 'disabled'];
export const educations: Education[] = ['none', 'preschool', 'primary', 'junior', 'senior', 'vocational', 'college'];
export const schoolings: Schooling[] = ['not_school_age', 'in_school', 'dropped_out', 'graduated'];
export const labours: LabourAbility[] = ['full', 'partial', 'none', 'not_working_age'];

const textOrNull = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

/** The API body of a member from the form (create: every field). */
export function memberBody(v: MemberValues) {
  return {
    name: v.name.trim(),
    relation: v.relation,
    idNumber: textOrNull(v.idNumber)?.toUpperCase() ?? null,
    sex: v.sex ?? null,
    birthDate: v.birthDate ? v.birthDate.format('YYYY-MM-DD') : null,
    health: v.health ?? null,
    disability: textOrNull(v.disability),
    education: v.education ?? null,
    schooling: v.schooling ?? null,
    labourAbility: v.labourAbility ?? null,
    isPartyMember: v.isPartyMember ?? false,
    phone: textOrNull(v.phone),
  };
}

/** The form's starting values for an existing member; a masked ID number or phone starts empty. */
export function memberValues(m: Member): MemberValues {
  return {
    name: m.name,
    relation: m.relation,
    idNumber: m.idNumber && !isMasked(m.idNumber) ? m.idNumber : undefined,
    sex: m.sex ?? undefined,
    birthDate: m.birthDate ? dayjs(m.birthDate) : null,
    health: m.health ?? undefined,
    disability: m.disability ?? undefined,
    education: m.education ?? undefined,
    schooling: m.schooling ?? undefined,
    labourAbility: m.labourAbility ?? undefined,
    isPartyMember: m.isPartyMember,
    phone: m.phone && !isMasked(m.phone) ? m.phone : undefined,
  };
}

type Body = ReturnType<typeof memberBody>;

/**
 * An update sends only what changed (and never a masked value back): a masked ID number or phone
 * left empty stays as it is.
 */
export function memberChanges(before: Member, v: MemberValues): Partial<Body> & { formerHeadRelation?: Exclude<Relation, 'head'> } {
  const next = memberBody(v);
  const prev = memberBody(memberValues(before));
  const out: Partial<Record<keyof Body, unknown>> = {};
  for (const k of Object.keys(next) as (keyof Body)[]) {
    if (next[k] === prev[k]) continue;
    if ((k === 'idNumber' || k === 'phone') && next[k] === null && isMasked(before[k])) continue;
    out[k] = next[k];
  }
  const changes = out as Partial<Body> & { formerHeadRelation?: Exclude<Relation, 'head'> };
  if (changes.relation === 'head' && before.relation !== 'head' && v.formerHeadRelation) changes.formerHeadRelation = v.formerHeadRelation;
  return changes;
}

/** Whole years between a birth date and today; with the year alone (masked roles), the age this year reaches. */
export function ageOf(birthDate: string | null, birthYear: number | null = null, today = dayjs()): number | null {
  if (birthDate) return today.diff(dayjs(birthDate), 'year');
  return birthYear ? today.year() - birthYear : null;
}
