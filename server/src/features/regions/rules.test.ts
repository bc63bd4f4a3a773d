import { describe, expect, it } from 'vitest';
import { childLevel, divisionPrefix, initialsOf, isCurrent, mayLoadDivisions, nextGroupCode } from './rules.js';

describe('region hierarchy', () => {
  it('puts villages under townships and groups under villages', () => {
    expect(childLevel('township')).toBe('village');
    expect(childLevel('village')).toBe('group');
    expect(childLevel('group')).toBeNull();
  });
});

describe('group codes', () => {
  it('numbers the first group 001 under the village code', () => {
    expect(nextGroupCode('433124213209', [])).toBe('433124213209001');
  });
  it('takes the number after the highest, so a removed group never lends its code', () => {
    expect(nextGroupCode('433124213209', ['433124213209001', '433124213209004'])).toBe('433124213209005');
  });
  it('refuses to put a group under a township', () => {
    expect(() => nextGroupCode('433124213000', [])).toThrow();
  });
});

describe('search initials', () => {
  it('gives pinyin initials of village names', () => {
    expect(initialsOf('吉久村')).toBe('jjc');
    expect(initialsOf('补抽乡')).toBe('bcx');
  });
});

describe('validity', () => {
  const merged = { validFrom: null, validTo: '2020-01-01' };
  it('keeps a merged village current before the merge and not after', () => {
    expect(isCurrent(merged, '2019-12-31')).toBe(true);
    expect(isCurrent(merged, '2020-01-01')).toBe(false);
  });
});

describe('what a division load takes', () => {
  it('takes a province, city or county, short or as 12 digits', () => {
    expect(divisionPrefix('62')).toBe('62');
    expect(divisionPrefix('6207')).toBe('6207');
    expect(divisionPrefix('620723')).toBe('620723');
    expect(divisionPrefix('620723000000')).toBe('620723');
    expect(divisionPrefix('511800000000')).toBe('5118');
  });
  it('refuses townships, villages and malformed codes', () => {
    expect(divisionPrefix('620723101000')).toBeNull();
    expect(divisionPrefix('620723101201')).toBeNull();
    expect(divisionPrefix('62072')).toBeNull();
    expect(divisionPrefix('abc')).toBeNull();
  });
  it('lets system administrators load anything and county administrators their own county', () => {
    expect(mayLoadDivisions('system_admin', '', '62')).toBe('yes');
    expect(mayLoadDivisions('county_admin', '620723', '620723')).toBe('yes');
    expect(mayLoadDivisions('county_admin', '620723', '620524')).toBe('out_of_scope');
    expect(mayLoadDivisions('county_admin', '620723', '62')).toBe('out_of_scope');
    expect(mayLoadDivisions('township_admin', '620723101', '620723')).toBe('forbidden');
  });
});
