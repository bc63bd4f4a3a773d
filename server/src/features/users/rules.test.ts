import { describe, expect, it } from 'vitest';
import { assignableRoles, canManageAccount, canManageUsers, usernamePattern } from './rules.js';

describe('who may give which role', () => {
  it('lets a township administrator create cadres but not county administrators', () => {
    expect(assignableRoles('township_admin')).toContain('cadre');
    expect(assignableRoles('township_admin')).not.toContain('county_admin');
    expect(assignableRoles('township_admin')).not.toContain('township_admin');
  });
  it('lets a county administrator create township administrators', () => {
    expect(assignableRoles('county_admin')).toContain('township_admin');
    expect(assignableRoles('county_admin')).not.toContain('system_admin');
  });
  it('gives cadres, leaders and secretaries no account management', () => {
    expect(canManageUsers('cadre')).toBe(false);
    expect(canManageUsers('leader')).toBe(false);
    expect(canManageUsers('branch_secretary')).toBe(false);
  });
  it('does not let a township administrator touch a peer administrator', () => {
    expect(canManageAccount('township_admin', 'township_admin')).toBe(false);
    expect(canManageAccount('township_admin', 'leader')).toBe(true);
  });
});

describe('usernames', () => {
  it('accepts pinyin and phone numbers, refuses spaces and capitals', () => {
    expect(usernamePattern.test('longwenbin')).toBe(true);
    expect(usernamePattern.test('13907431234')).toBe(true);
    expect(usernamePattern.test('Long Wenbin')).toBe(false);
    expect(usernamePattern.test('ab')).toBe(false);
  });
});
