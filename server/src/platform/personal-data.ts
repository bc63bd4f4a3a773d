/**
 * Resident identity numbers (GB 11643-1999, 18 characters): 6-digit region, 8-digit birth date,
 * 3-digit sequence (odd for men), and an ISO 7064 MOD 11-2 check character.
 */

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

export type IdProblem = 'format' | 'birth_date' | 'checksum';

export interface IdInfo {
  birthDate: string; // YYYY-MM-DD
  sex: 'male' | 'female';
  regionPrefix: string;
}

export const idProblemText: Record<IdProblem, { zh: string; en: string }> = {
  format: { zh: '身份证号应为 18 位，最后一位可为 X', en: 'An ID number has 18 characters, the last may be X' },
  birth_date: { zh: '身份证号中的出生日期不存在', en: 'The birth date in the ID number is not a real date' },
  checksum: { zh: '身份证号校验位不正确，请核对是否抄错', en: 'The ID number check digit is wrong; check for a typo' },
};

const digitAt = (s: string, i: number) => s.charCodeAt(i) - 48;

export function checkIdNumber(raw: string, today: Date = new Date()): { ok: true; info: IdInfo } | { ok: false; problem: IdProblem } {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: 'format' };
  const y = digitAt(id, 6) * 1000 + digitAt(id, 7) * 100 + digitAt(id, 8) * 10 + digitAt(id, 9);
  const m = digitAt(id, 10) * 10 + digitAt(id, 11);
  const d = digitAt(id, 12) * 10 + digitAt(id, 13);
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  if (!real || y < 1900 || date > today) return { ok: false, problem: 'birth_date' };
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += weights[i]! * digitAt(id, i);
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

/** Completes 17 digits with their check character (for generated demo data and tests). */
export function withCheckChar(first17: string): string {
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + checkChars[sum % 11];
}

/** 433124199001011234 → 433124********1234: the region and last four stay readable. */
export const maskIdNumber = (id: string): string => (id.length < 10 ? '****' : `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`);

/** 13907431234 → 139****1234. */
export const maskPhone = (p: string): string => (p.length < 7 ? '****' : `${p.slice(0, 3)}${'*'.repeat(p.length - 7)}${p.slice(-4)}`);
