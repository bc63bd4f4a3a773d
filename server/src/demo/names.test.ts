import { describe, expect, it } from 'vitest';
import { groupName, pickName, pickPhone, surnames } from './names.js';
import { demoRng } from './random.js';

describe('demo names', () => {
  it('are the same for the same seed', () => {
    const a = demoRng(2012);
    const b = demoRng(2012);
    const namesA = Array.from({ length: 20 }, () => pickName(a).name);
    expect(Array.from({ length: 20 }, () => pickName(b).name)).toEqual(namesA);
  });

  it('are two or three Chinese characters with a local surname', () => {
    const rng = demoRng(3);
    const known = new Set(surnames.map(([s]) => s));
    for (let i = 0; i < 500; i++) {
      const { name } = pickName(rng);
      expect(name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
      expect(known.has(name[0]!)).toBe(true);
    }
  });

  it('favour the Miao and Tujia surnames of 花垣', () => {
    const rng = demoRng(4);
    const first = Array.from({ length: 2000 }, () => pickName(rng).name[0]);
    const share = (s: string) => first.filter((c) => c === s).length / first.length;
    expect(share('石')).toBeGreaterThan(share('宋'));
    expect(share('龙')).toBeGreaterThan(0.06);
  });

  it('keep the sex asked for', () => {
    const rng = demoRng(5);
    expect(pickName(rng, 'female').sex).toBe('female');
  });
});

describe('demo phones and groups', () => {
  it('makes 11-digit mobiles starting 13, 15 or 18', () => {
    const rng = demoRng(6);
    for (let i = 0; i < 200; i++) expect(pickPhone(rng)).toMatch(/^1[358]\d{9}$/);
  });

  it('names groups as villages do', () => {
    expect(groupName(1)).toBe('一组');
    expect(groupName(8)).toBe('八组');
    expect(groupName(10)).toBe('十组');
    expect(groupName(12)).toBe('十二组');
    expect(groupName(21)).toBe('二十一组');
  });
});
