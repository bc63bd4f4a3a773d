/** A county's worth of facts: the checker and the assistant are right at scale (timing: the bench). */
import { describe, expect, it } from 'vitest';
import { checkProgramme } from './check.js';
import { countyWorld } from './county-fixture.js';
import { accept } from './fixtures.js';
import { proposePairings } from './proposals.js';

describe('a county: 20,000 households, 3,000 cadres, 30,000 pairings', () => {
  const w = countyWorld();

  it('builds the county it claims to', () => {
    expect(w.facts.households).toHaveLength(20_000);
    expect(w.facts.cadres).toHaveLength(3_000);
    expect(w.facts.pairings.length).toBeGreaterThanOrEqual(30_000);
  });

  it('finds exactly the faults the generator planted', () => {
    const r = checkProgramme(w.programme, w.facts, w.day);
    const byRule = (id: string) => r.breaches.filter((b) => b.kind === 'missing_pairing' && b.ruleId === id).length;
    expect(byRule('township-star')).toBe(w.expected.missingStar);
    expect(byRule('village-conservative')).toBe(w.expected.missingConservative);
    expect(w.expected.missingStar).toBe(101); // every fifth township cadre, and the one whose star household moved away
    expect(r.counts).toEqual({
      missing_pairing: w.expected.missingStar + w.expected.missingConservative,
      over_capacity: w.expected.overCapacity,
      uncovered: w.expected.uncovered,
      outside_region: w.expected.outsideRegion,
      outside_period: 0,
      outside_round: 0,
      inactive_target: w.expected.inactiveTarget,
      inactive_helper: 0,
      no_lead: 0,
      several_leads: 0,
    });
    expect(w.expected.uncovered).toBeGreaterThan(0);
    expect(w.expected.inactiveTarget).toBeGreaterThan(0);
    expect(r.total).toBe(r.breaches.length);
  });

  it('lets the assistant fill every missing link it can without passing any capacity', () => {
    const before = checkProgramme(w.programme, w.facts, w.day);
    const { proposals, unfilled } = proposePairings(w.programme, w.facts, w.day);
    const after = checkProgramme(w.programme, { ...w.facts, pairings: [...w.facts.pairings, ...accept(proposals)] }, w.day);
    expect(after.counts.missing_pairing).toBe(unfilled.filter((u) => u.reason !== 'no_helpers').length);
    expect(after.counts.uncovered).toBe(unfilled.filter((u) => u.reason === 'no_helpers').length);
    expect(after.counts.over_capacity).toBe(before.counts.over_capacity);
    expect(after.counts.missing_pairing).toBeLessThan(before.counts.missing_pairing);
    expect(new Set(proposals.map((p) => p.targetId)).size).toBe(proposals.length);
  });
});
