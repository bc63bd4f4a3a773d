import { describe, expect, it } from 'vitest';
import { withCheckChar } from '../../platform/personal-data.js';
import { allowedRegionLevels, branchRoleProblem, cadreIdentity, phonePattern, rankRegionProblem } from './rules.js';

describe('where cadres of each rank work', () => {
  it('keeps township cadres in the township and village cadres in a village', () => {
    expect(rankRegionProblem('township', 'township')).toBeNull();
    expect(rankRegionProblem('village', 'village')).toBeNull();
    expect(rankRegionProblem('township', 'village')?.zh).toContain('乡镇');
    expect(rankRegionProblem('party_member', 'township')?.zh).toContain('村');
  });
  it('posts resident cadres to a village, whatever unit sends them', () => {
    expect(allowedRegionLevels('resident')).toEqual(['village']);
  });
  it('puts county leaders at the county and unit cadres at their unit level', () => {
    expect(rankRegionProblem('county_leader', 'county')).toBeNull();
    expect(rankRegionProblem('county_leader', 'township')).not.toBeNull();
    expect(rankRegionProblem('section', 'county')).toBeNull();
    expect(rankRegionProblem('general', 'village')).not.toBeNull();
  });
  it('puts city and provincial leaders at their city or province', () => {
    expect(rankRegionProblem('city_leader', 'city')).toBeNull();
    expect(rankRegionProblem('province_leader', 'province')).toBeNull();
    expect(rankRegionProblem('city_leader', 'village')?.zh).toBe('市级领导的所在地应为市（州）');
    expect(rankRegionProblem('county_leader', 'city')?.zh).toBe('县级领导的所在地应为县');
  });
});

describe('branch roles', () => {
  it('needs a branch for a role in it', () => {
    expect(branchRoleProblem({ branchId: null, branchRole: 'secretary' })).not.toBeNull();
    expect(branchRoleProblem({ branchId: 'b', branchRole: 'secretary' })).toBeNull();
    expect(branchRoleProblem({ branchId: null, branchRole: null })).toBeNull();
  });
});

describe('phones', () => {
  it('takes mobiles and landlines, refuses short numbers', () => {
    expect(phonePattern.test('13907431234')).toBe(true);
    expect(phonePattern.test('0743-7221234')).toBe(true);
    expect(phonePattern.test('1390743123')).toBe(false);
    expect(phonePattern.test('12907431234')).toBe(false);
  });
});

describe("a cadre's ID number", () => {
  const man = withCheckChar('43312419850612061'); // 17th digit odd: a man
  it('is optional', () => {
    expect(cadreIdentity({ sex: 'female' })).toEqual({ problems: [], idNumber: null, sex: 'female' });
  });
  it('fills in the sex and upper-cases the check character', () => {
    expect(cadreIdentity({ idNumber: man.toLowerCase() })).toEqual({ problems: [], idNumber: man.toUpperCase(), sex: 'male' });
  });
  it('refuses a bad checksum and a sex that disagrees', () => {
    const bad = man.slice(0, 17) + (man[17] === '0' ? '1' : '0');
    expect(cadreIdentity({ idNumber: bad }).problems.map((p) => p.path)).toEqual(['idNumber']);
    expect(cadreIdentity({ idNumber: man, sex: 'female' }).problems.map((p) => p.path)).toEqual(['sex']);
  });
});
