import { describe, expect, it } from 'vitest';
import { assignableRoles, canManageAccount } from './roles';
import { passwordProblemKey, phonePattern, usernamePattern } from './validators';

describe('form rules mirror the server', () => {
  it('passwords: 8+ characters with letters and digits', () => {
    expect(passwordProblemKey('abc1')).toBe('auth.passwordTooShort');
    expect(passwordProblemKey('abcdefgh')).toBe('auth.passwordNeedsBoth');
    expect(passwordProblemKey('12345678')).toBe('auth.passwordNeedsBoth');
    expect(passwordProblemKey('lianhu2026')).toBeNull();
  });

  it('usernames and phones', () => {
    expect(usernamePattern.test('e2e.cadre')).toBe(true);
    expect(usernamePattern.test('Cadre')).toBe(false);
    expect(usernamePattern.test('ab')).toBe(false);
    expect(phonePattern.test('13812345678')).toBe(true);
    expect(phonePattern.test('0743-7221234')).toBe(true);
    expect(phonePattern.test('12345')).toBe(false);
    // the server's rule (app/fieldRules): no mobile starts 12
    expect(phonePattern.test('12907431234')).toBe(false);
  });

  it('administrators give only roles below their own', () => {
    expect(assignableRoles('township_admin')).toEqual(['branch_secretary', 'unit_head', 'cadre', 'leader']);
    expect(assignableRoles('county_admin')).not.toContain('county_admin');
    expect(assignableRoles('system_admin')).toContain('system_admin');
    expect(assignableRoles('cadre')).toEqual([]);
    expect(canManageAccount('township_admin', 'township_admin')).toBe(false);
  });
});
