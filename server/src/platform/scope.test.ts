import { describe, expect, it } from 'vitest';
import { ancestorCodes, countyKeyOf, countyOf, inScope, levelOfCode, scopeFor, significantPrefix } from './scope.js';

describe('division codes', () => {
  it('reads the level from the padded code', () => {
    expect(levelOfCode('430000000000')).toBe('province');
    expect(levelOfCode('433100000000')).toBe('city');
    expect(levelOfCode('433124000000')).toBe('county');
    expect(levelOfCode('433124213000')).toBe('township');
    expect(levelOfCode('433124213209')).toBe('village');
    expect(levelOfCode('433124213209001')).toBe('group');
  });

  it('rejects what is not a division code', () => {
    expect(() => levelOfCode('4331')).toThrow();
    expect(() => levelOfCode('43312421320a')).toThrow();
  });

  it('gives the prefix every descendant shares', () => {
    expect(significantPrefix('433124213000')).toBe('433124213');
    expect(significantPrefix('433124000000')).toBe('433124');
    expect(significantPrefix('433124213209001')).toBe('433124213209001');
  });

  it('finds the county (shard key) of codes at or below a county', () => {
    expect(countyOf('433124213209')).toBe('433124');
    expect(countyOf('433100000000')).toBeNull();
  });

  it('keys records above the counties by six digits no county has', () => {
    expect(countyKeyOf('511827100201')).toBe('511827');
    expect(countyKeyOf('511800000000')).toBe('511800');
    expect(countyKeyOf('510000000000')).toBe('510000');
  });

  it('scopes a city or province user by its 4 or 2 digits', () => {
    expect(scopeFor({ role: 'county_admin', regionCode: '511800000000', unitId: null }).prefix).toBe('5118');
    expect(scopeFor({ role: 'county_admin', regionCode: '510000000000', unitId: null }).prefix).toBe('51');
  });
});

describe('scope', () => {
  const township = scopeFor({ role: 'township_admin', regionCode: '433124213000', unitId: null });

  it('covers the subtree of the user region and nothing beside it', () => {
    expect(inScope('433124213209', township)).toBe(true);
    expect(inScope('433124213000', township)).toBe(true);
    expect(inScope('433124206201', township)).toBe(false);
    expect(inScope('433124000000', township)).toBe(false);
  });

  it('gives the system administrator everything', () => {
    const sys = scopeFor({ role: 'system_admin', regionCode: '430000000000', unitId: null });
    expect(inScope('110101001001', sys)).toBe(true);
  });

  it('keeps the unit only for unit heads', () => {
    expect(scopeFor({ role: 'unit_head', regionCode: '433124000000', unitId: 'u1' }).unitId).toBe('u1');
    expect(scopeFor({ role: 'cadre', regionCode: '433124000000', unitId: 'u1' }).unitId).toBeNull();
  });
});

describe('regions above a scope', () => {
  it('gives a township user the county, city and province above it', () => {
    expect(ancestorCodes('433124213')).toEqual(['430000000000', '433100000000', '433124000000']);
  });
  it('gives a village user the township too', () => {
    expect(ancestorCodes('433124213209')).toEqual(['430000000000', '433100000000', '433124000000', '433124213000']);
  });
  it('gives nothing above the whole country or a province', () => {
    expect(ancestorCodes('')).toEqual([]);
    expect(ancestorCodes('43')).toEqual([]);
  });
});
