import { describe, expect, it } from 'vitest';
import { childLevel, initialsOf, isCurrent, nextGroupCode } from './rules.js';

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
