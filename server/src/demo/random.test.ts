import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { demoId, demoRng, hash32, keyedRng, mulberry32 } from './random.js';

describe('the demo PRNG', () => {
  it('gives the same sequence for the same seed, and another for another seed', () => {
    const a = mulberry32(2012);
    const b = mulberry32(2012);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, mulberry32(2013))).not.toEqual(seqA);
  });

  it('stays in range', () => {
    const rng = demoRng(1);
    for (let i = 0; i < 1000; i++) {
      const f = rng.next();
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
      const n = rng.int(3, 8);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(8);
    }
  });

  it('reaches both ends of an integer range and follows weights roughly', () => {
    const rng = demoRng(7);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(3, 8)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8]);
    const picks = Array.from({ length: 2000 }, () => rng.weighted([['a', 9], ['b', 1]] as const));
    const share = picks.filter((p) => p === 'a').length / picks.length;
    expect(share).toBeGreaterThan(0.85);
    expect(share).toBeLessThan(0.95);
  });

  it('gives each key its own stream, independent of what was drawn before', () => {
    expect(keyedRng(1, 'village/433124213209').next()).toBe(keyedRng(1, 'village/433124213209').next());
    expect(keyedRng(1, 'a').next()).not.toBe(keyedRng(1, 'b').next());
    expect(hash32('吉久村')).toBe(hash32('吉久村'));
  });
});

describe('demo ids', () => {
  it('are stable UUIDv7-shaped ids that the API accepts', () => {
    const id = demoId(2012, 'cadre/township/0');
    expect(demoId(2012, 'cadre/township/0')).toBe(id);
    expect(demoId(2013, 'cadre/township/0')).not.toBe(id);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(z.uuid().safeParse(id).success).toBe(true);
  });
});
