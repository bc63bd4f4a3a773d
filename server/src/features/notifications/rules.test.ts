import { describe, expect, it } from 'vitest';
import { roles } from '../../platform/roles.js';
import { remindsOfFieldWork } from './rules.js';

describe('who is reminded of visits and diaries', () => {
  it('the cadre and the branch secretary, never the leader, the unit head or an administrator', () => {
    expect(roles.filter(remindsOfFieldWork)).toEqual(['branch_secretary', 'cadre']);
    expect(remindsOfFieldWork(undefined)).toBe(false);
  });
});
