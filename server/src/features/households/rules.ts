import { checkIdNumber, idProblemText, maskIdNumber, maskPhone } from '../../platform/personal-data.js';
import type { Role } from '../../platform/roles.js';
import type { RegionLevel } from '../../platform/scope.js';
import type { IncomeItem, householdStatuses, relations } from './tables.js';

type Text = { zh: string; en: string };
export interface Problem {
  /** Path under the request body, e.g. members.0.idNumber. */
  path: string;
  message: Text;
}

/**
 * Who sees ID numbers and phones in full in lists and on the household page: the administrators
 * (county organisation department, township party committee, system). Everyone else (cadres,
 * branch secretaries, unit heads, leaders) sees them masked.
 */
export const maySeePersonalData = (role: Role): boolean => role === 'system_admin' || role === 'county_admin' || role === 'township_admin';

/**
 * Who keeps the registry (households, members, incomes, status): the administrators and the
 * village party secretary, in their own region. Cadres, unit heads and leaders read it.
 */
export const mayEditRegistry = (role: Role): boolean => maySeePersonalData(role) || role === 'branch_secretary';

/** Masks an ID number and phone unless shown in full. */
export function maskPerson<T extends { idNumber: string | null; phone: string | null }>(row: T, full: boolean): T {
  if (full) return row;
  return { ...row, idNumber: row.idNumber && maskIdNumber(row.idNumber), phone: row.phone && maskPhone(row.phone) };
}

/**
 * A birth date as a role may see it: in full with full ID numbers, else the year alone. The masked
 * ID number (first 6 and last 4) plus the full date would give the whole number back; with only
 * the year, ~30 numbers fit each mask (365 days, one in 11 passing the check character).
 */
export function birthAsShown(birthDate: string | null, full: boolean): { birthDate: string | null; birthYear: number | null } {
  const birthYear = birthDate ? Number(birthDate.slice(0, 4)) : null;
  return { birthDate: full ? birthDate : null, birthYear };
}

/** Households live in a village (村/社区) or a group (组/社) of one. */
export const householdRegionProblem = (level: RegionLevel): Text | null =>
  level === 'village' || level === 'group'
    ? null
    : { zh: '农户须登记在村（社区）或组（社）', en: 'A household belongs to a village or a group' };

export interface MemberIdentity {
  idNumber?: string | null;
  sex?: 'male' | 'female' | null;
  birthDate?: string | null;
}

/**
 * A member's ID number checked (GB 11643) and their birth date and sex agreeing with it; what is
 * missing is filled from the ID number. Paths are relative to the member (idNumber, birthDate, sex).
 */
export function checkMemberIdentity(
  m: MemberIdentity,
  today: Date = new Date(),
): { problems: Problem[]; idNumber: string | null; sex: 'male' | 'female' | null; birthDate: string | null } {
  const sex = m.sex ?? null;
  const birthDate = m.birthDate ?? null;
  if (!m.idNumber) return { problems: [], idNumber: null, sex, birthDate };
  const checked = checkIdNumber(m.idNumber, today);
  if (!checked.ok) return { problems: [{ path: 'idNumber', message: idProblemText[checked.problem] }], idNumber: null, sex, birthDate };
  const problems: Problem[] = [];
  if (birthDate && birthDate !== checked.info.birthDate) {
    problems.push({
      path: 'birthDate',
      message: {
        zh: `出生日期与身份证号不符（身份证号为 ${checked.info.birthDate}）`,
        en: `The birth date differs from the ID number's (${checked.info.birthDate})`,
      },
    });
  }
  if (sex && sex !== checked.info.sex) {
    problems.push({ path: 'sex', message: { zh: '性别与身份证号不符', en: "The sex differs from the ID number's" } });
  }
  return { problems, idNumber: m.idNumber.trim().toUpperCase(), sex: checked.info.sex, birthDate: checked.info.birthDate };
}

/** Exactly one head (户主) among the members of a new household. */
export function headProblem(members: { relation: (typeof relations)[number] }[]): Text | null {
  const heads = members.filter((m) => m.relation === 'head').length;
  return heads === 1
    ? null
    : {
        zh: heads === 0 ? '请指定户主' : '每户只能有一位户主',
        en: heads === 0 ? 'Name the head of the household' : 'A household has one head',
      };
}

/** The same ID number twice in one request: the later ones are named. Paths: members.N.idNumber. */
export function repeatedIdNumbers(idNumbers: (string | null)[]): Problem[] {
  const seen = new Map<string, number>();
  const out: Problem[] = [];
  idNumbers.forEach((id, i) => {
    if (!id) return;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else
      out.push({
        path: `members.${i}.idNumber`,
        message: { zh: `与第 ${first + 1} 位成员的身份证号重复`, en: `Same ID number as member ${first + 1}` },
      });
  });
  return out;
}

/** What a change of a household's status needs: a household to merge into, not itself, not already in that state. */
export function statusChangeProblem(
  from: (typeof householdStatuses)[number],
  to: (typeof householdStatuses)[number],
  mergedIntoId: string | null | undefined,
  selfId: string,
): Problem | null {
  if (from === to && to !== 'merged') return { path: 'status', message: { zh: '状态未改变', en: 'The household already has this status' } };
  if (to === 'merged' && !mergedIntoId)
    return { path: 'mergedIntoId', message: { zh: '请选择并入的农户', en: 'Choose the household it merges into' } };
  if (to !== 'merged' && mergedIntoId)
    return { path: 'mergedIntoId', message: { zh: '只有合户时才填写并入的农户', en: 'Only a merge names another household' } };
  if (mergedIntoId === selfId) return { path: 'mergedIntoId', message: { zh: '不能并入本户', en: 'A household cannot merge into itself' } };
  return null;
}

export interface IncomeTotals {
  incomeFen: number;
  costFen: number;
  perCapitaNetFen: number;
}

/** Integer division rounded half away from zero: fen stay whole, losses round like gains. */
export function divideRounded(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isInteger(denominator) || denominator <= 0)
    throw new Error('fen must be safe integers and the divisor positive');
  const sign = numerator < 0 ? -1 : 1;
  return sign * Math.floor((2 * Math.abs(numerator) + denominator) / (2 * denominator));
}

/** 人均纯收入: (income − costs) / members, in fen, rounded to the fen (seed 001: 2500 → 3500 元). */
export function incomeTotals(items: readonly Pick<IncomeItem, 'kind' | 'amountFen'>[], memberCount: number): IncomeTotals {
  if (!Number.isInteger(memberCount) || memberCount < 1) throw new Error('a household income needs at least one member');
  const sum = (kind: IncomeItem['kind']) => items.filter((i) => i.kind === kind).reduce((s, i) => s + i.amountFen, 0);
  const incomeFen = sum('income');
  const costFen = sum('cost');
  return { incomeFen, costFen, perCapitaNetFen: divideRounded(incomeFen - costFen, memberCount) };
}

/** Two lists of income items are the same entry (a retried PUT changes nothing). */
export const sameItems = (a: readonly IncomeItem[], b: readonly IncomeItem[]): boolean =>
  a.length === b.length &&
  a.every(
    (x, i) =>
      x.kind === b[i]!.kind &&
      x.category === b[i]!.category &&
      (x.label ?? null) === (b[i]!.label ?? null) &&
      x.amountFen === b[i]!.amountFen,
  );

/** A catalogue code made from the pinyin initials of a name (种茶大户 → zcdh), unique by suffix. */
export function catalogCode(initials: string, taken: ReadonlySet<string>): string {
  const base = (initials.replace(/[^a-z0-9]/g, '') || 'x').slice(0, 30);
  const stem = /^[a-z]/.test(base) ? base : `c${base}`;
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem}${n}`)) return `${stem}${n}`;
}
