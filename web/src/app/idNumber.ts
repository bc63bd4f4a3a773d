/**
 * Resident identity numbers (GB 11643-1999, 18 characters): 6-digit region, 8-digit birth date,
 * 3-digit sequence (odd for men), and an ISO 7064 MOD 11-2 check character.
 *
 * Ported from server/src/platform/personal-data.ts (checkIdNumber, withCheckChar) so that a clerk
 * sees a mistyped number while typing; the server checks again. Keep the two in step.
 */

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

export type IdProblem = 'format' | 'birth_date' | 'checksum';

export interface IdInfo {
  birthDate: string; // YYYY-MM-DD
  sex: 'male' | 'female';
  regionPrefix: string;
}

export function checkIdNumber(raw: string, today: Date = new Date()): { ok: true; info: IdInfo } | { ok: false; problem: IdProblem } {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: 'format' };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  if (!real || y < 1900 || date > today) return { ok: false, problem: 'birth_date' };
  const sum = weights.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  if (checkChars[sum % 11] !== id[17]) return { ok: false, problem: 'checksum' };
  return {
    ok: true,
    info: {
      birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
      sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
      regionPrefix: id.slice(0, 6),
    },
  };
}

/** Completes 17 digits with their check character (tests and demo data). */
export function withCheckChar(first17: string): string {
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + checkChars[sum % 11];
}

/** A number shown masked by the server (433124********1234): it cannot be edited, only replaced. */
export const isMasked = (v: string | null | undefined): boolean => !!v && v.includes('*');
