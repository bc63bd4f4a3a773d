import { describe, expect, it } from 'vitest';
import { drawSample, mayReview, populationDigest, sampleSize } from './rules.js';

const ids = Array.from({ length: 40 }, (_, i) => `0190${String(i).padStart(4, '0')}-0000-7000-8000-000000000000`);

describe('the quarterly sample', () => {
  it('draws the same entries from the same seed, whatever order the entries were read in', () => {
    const a = drawSample(ids, 'seed-1', 5);
    expect(a).toHaveLength(5);
    expect(drawSample([...ids].reverse(), 'seed-1', 5)).toEqual(a);
    expect(a.every((id) => ids.includes(id))).toBe(true);
  });
  it('draws differently from another seed', () => {
    expect(drawSample(ids, 'seed-2', 5)).not.toEqual(drawSample(ids, 'seed-1', 5));
  });
  it('is fair: over many seeds every entry is drawn about as often', () => {
    const hits = new Map<string, number>();
    for (let s = 0; s < 2000; s++) for (const id of drawSample(ids, `s${s}`, 5)) hits.set(id, (hits.get(id) ?? 0) + 1);
    // Expected 2000 × 5/40 = 250 each.
    for (const id of ids) expect(hits.get(id)).toBeGreaterThan(180);
    for (const id of ids) expect(hits.get(id)).toBeLessThan(320);
  });
  it('sizes the sample: all of a few, a tenth of many, at least 5, at most 50', () => {
    expect([sampleSize(0), sampleSize(3), sampleSize(6), sampleSize(120), sampleSize(2000)]).toEqual([0, 3, 5, 12, 50]);
  });
  it('fingerprints the population independent of order', () => {
    expect(populationDigest(ids)).toBe(populationDigest([...ids].reverse()));
    expect(populationDigest(ids)).not.toBe(populationDigest(ids.slice(1)));
  });
});

describe('who reviews', () => {
  const author = { cadreId: 'c1', branchId: 'b1', rank: 'party_member' as const };
  it('the branch secretary reviews the members of their branch only', () => {
    expect(mayReview({ role: 'branch_secretary', cadreId: 'c9', secretaryOfBranchId: 'b1' }, author)).toBe(true);
    expect(mayReview({ role: 'branch_secretary', cadreId: 'c9', secretaryOfBranchId: 'b2' }, author)).toBe(false);
  });
  it('the township committee reviews every cadre; a cadre reviews nobody; nobody reviews themself', () => {
    expect(mayReview({ role: 'township_admin', cadreId: null, secretaryOfBranchId: null }, author)).toBe(true);
    expect(mayReview({ role: 'cadre', cadreId: 'c9', secretaryOfBranchId: null }, author)).toBe(false);
    expect(mayReview({ role: 'branch_secretary', cadreId: 'c1', secretaryOfBranchId: 'b1' }, author)).toBe(false);
  });
});
