import { describe, expect, it } from 'vitest';
import { confirmationProblem, hashSecret, maskPhone, newConfirmation, visitProblems } from './rules.js';

describe('what a visit must say', () => {
  const ok = { householdIds: ['h1'], villageCode: null, cadreIds: ['c1'], visitedOn: '2026-11-23' };
  it('accepts a visit to a household by a cadre today', () => {
    expect(visitProblems(ok, '2026-11-23')).toEqual([]);
  });
  it('names what is missing or wrong', () => {
    expect(
      visitProblems({ householdIds: [], villageCode: null, cadreIds: [], visitedOn: '2026-11-24' }, '2026-11-23').map((p) => p.path),
    ).toEqual(['householdIds', 'cadreIds', 'visitedOn']);
    expect(visitProblems({ ...ok, householdIds: ['h1', 'h1'] }, '2026-11-23').map((p) => p.path)).toEqual(['householdIds']);
  });
  it('accepts a village meeting with no household', () => {
    expect(visitProblems({ ...ok, householdIds: [], villageCode: '433124213209' }, '2026-11-23')).toEqual([]);
  });
});

describe('household confirmation', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  it('makes a fresh token and 6-digit code and keeps only their hashes', () => {
    const a = newConfirmation(now);
    const b = newConfirmation(now);
    expect(a.code).toMatch(/^\d{6}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.tokenHash).toBe(hashSecret(a.token));
    expect(a.expiresAt.getTime() - now.getTime()).toBe(30 * 60_000);
  });
  it('refuses once confirmed, expired or after five wrong codes', () => {
    const open = { confirmedAt: null, expiresAt: new Date(now.getTime() + 1000), attempts: 0 };
    expect(confirmationProblem(open, now)).toBeNull();
    expect(confirmationProblem({ ...open, confirmedAt: now }, now)).not.toBeNull();
    expect(confirmationProblem({ ...open, expiresAt: now }, now)).not.toBeNull();
    expect(confirmationProblem({ ...open, expiresAt: null }, now)).not.toBeNull();
    expect(confirmationProblem({ ...open, attempts: 5 }, now)).not.toBeNull();
  });
  it('masks the phone the code went to', () => {
    expect(maskPhone('13907431234')).toBe('139****1234');
  });
});
