/**
 * Visit rules, pure: what a visit must say, and the household's confirmation (a one-time QR token
 * or a short code) — see docs/decisions.md "Field work".
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';

type Text = { zh: string; en: string };

export const visitKinds = ['home_visit', 'meeting', 'condolence', 'farm_help', 'volunteer_labour', 'lecture', 'other'] as const;
export type VisitKind = (typeof visitKinds)[number];
export const visitKindNames: Record<VisitKind, Text> = {
  home_visit: { zh: '入户走访', en: 'Home visit' },
  meeting: { zh: '座谈', en: 'Meeting' },
  condolence: { zh: '慰问', en: 'Condolence visit' },
  farm_help: { zh: '帮耕帮畜', en: 'Farm help' },
  volunteer_labour: { zh: '义务劳动', en: 'Volunteer labour' },
  lecture: { zh: '宣讲', en: 'Lecture' },
  other: { zh: '其他', en: 'Other' },
};

export interface VisitShape {
  householdIds: string[];
  villageCode: string | null;
  cadreIds: string[];
  visitedOn: string;
}

export interface Problem {
  path: string;
  message: Text;
}

/** A visit is to households or to a village (座谈, 宣讲, 义务劳动), by at least one cadre, not in the future. */
export function visitProblems(v: VisitShape, today: string): Problem[] {
  const out: Problem[] = [];
  if (v.householdIds.length === 0 && !v.villageCode)
    out.push({ path: 'householdIds', message: { zh: '请选择走访的农户或村', en: 'Choose the households or the village visited' } });
  if (v.cadreIds.length === 0) out.push({ path: 'cadreIds', message: { zh: '请选择走访的干部', en: 'Choose the cadres who visited' } });
  if (v.visitedOn > today)
    out.push({ path: 'visitedOn', message: { zh: '走访日期不能晚于今天', en: 'The visit cannot be in the future' } });
  if (new Set(v.householdIds).size !== v.householdIds.length)
    out.push({ path: 'householdIds', message: { zh: '农户重复', en: 'A household is listed twice' } });
  return out;
}

/** How long a confirmation request stays open: the family confirms while the cadre is there. */
export const confirmationMinutes = 30;
/** Wrong codes allowed before the request is spent. */
export const maxCodeAttempts = 5;

export const hashSecret = (s: string): string => createHash('sha256').update(s).digest('hex');

/** A fresh request: a 32-byte URL-safe token for the QR code and a 6-digit code; only their hashes are kept. */
export function newConfirmation(now: Date) {
  const token = randomBytes(32).toString('base64url');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  return {
    token,
    code,
    tokenHash: hashSecret(token),
    codeHash: hashSecret(code),
    expiresAt: new Date(now.getTime() + confirmationMinutes * 60_000),
  };
}

export interface ConfirmationState {
  confirmedAt: Date | null;
  expiresAt: Date | null;
  attempts: number;
}

/** Why a confirmation cannot go ahead now, or null. */
export function confirmationProblem(s: ConfirmationState, now: Date): Text | null {
  if (s.confirmedAt) return { zh: '该走访已确认', en: 'The visit is already confirmed' };
  if (!s.expiresAt || s.expiresAt <= now)
    return { zh: '确认码已过期，请干部重新生成', en: 'The confirmation has expired; ask the cadre for a new one' };
  if (s.attempts >= maxCodeAttempts)
    return { zh: '确认码错误次数过多，请干部重新生成', en: 'Too many wrong codes; ask the cadre for a new one' };
  return null;
}

/** 13907431234 → 139****1234: where the code went, shown to the cadre. */
export const maskPhone = (phone: string): string => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****');
