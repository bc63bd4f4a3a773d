import { describe, expect, it } from 'vitest';
import { branchKindOf, branchRegionProblem, unitLevelOf } from './rules.js';

describe('unit levels', () => {
  it('puts a unit at the level of its region, never under a group', () => {
    expect(unitLevelOf('county')).toBe('county');
    expect(unitLevelOf('township')).toBe('township');
    expect(unitLevelOf('group')).toBeNull();
  });
});

describe('where a branch sits', () => {
  it("puts a unit's branch in the unit's region", () => {
    expect(branchRegionProblem({ unitRegionCode: '433124000000', regionCode: '433124000000', regionLevel: 'county' })).toBeNull();
    expect(branchRegionProblem({ unitRegionCode: '433124000000', regionCode: '433124213209', regionLevel: 'village' })).not.toBeNull();
  });
  it('puts a branch without a unit in a village only', () => {
    expect(branchRegionProblem({ unitRegionCode: null, regionCode: '433124213209', regionLevel: 'village' })).toBeNull();
    expect(branchRegionProblem({ unitRegionCode: null, regionCode: '433124213000', regionLevel: 'township' })?.zh).toContain('村');
  });
  it('tells unit branches from village branches', () => {
    expect(branchKindOf('0190aaaa-0000-7000-8000-000000000000')).toBe('unit');
    expect(branchKindOf(null)).toBe('village');
  });
});
