/**
 * A county of 20 townships × 25 villages × 40 households (20,000), 3,000 cadres and ~30,000
 * pairings under 联户带创 with 五必访 for petitioners, with known faults, and the counts the
 * checker must find, kept by plain bookkeeping while generating. For the scale test and the
 * `pairings` benchmark.
 */
import type { Programme } from '../programmes/model.js';
import { lianHuDaiChuang } from '../programmes/templates.js';
import type { CadreFact, Facts, HouseholdFact } from './facts.js';
import { programmeOf } from './fixtures.js';
import type { Pairing } from './rules.js';

export const COUNTY = '433124';
export const DAY = '2012-06-01';

export interface CountyWorld {
  programme: Programme;
  facts: Facts;
  day: string;
  expected: { missingStar: number; missingConservative: number; uncovered: number; inactiveTarget: number; outsideRegion: number; overCapacity: number };
}

export function countyWorld(): CountyWorld {
  const base = programmeOf(lianHuDaiChuang, `${COUNTY}000000`);
  const programme: Programme = {
    ...base,
    requirements: { ...base.requirements, mustVisit: { categories: ['petitioner'], coveredByResident: false } },
    capacities: [{ subject: { kind: 'cadre', ranks: ['township'] }, target: 'household', max: 25 }],
  };
  const households: HouseholdFact[] = [];
  const cadres: CadreFact[] = [];
  const pairings: Pairing[] = [];
  const counted = new Map<string, HouseholdFact[]>(); // cadre → live households of active pairings
  const expected = { missingStar: 0, missingConservative: 0, uncovered: 0, inactiveTarget: 0, outsideRegion: 0, overCapacity: 0 };

  const link = (c: CadreFact, h: HouseholdFact, programmeId = programme.id, endOn: string | null = null) => {
    pairings.push({ id: `p${pairings.length}`, programmeId, role: 'one_to_one', helperKind: 'cadre', helperId: c.id, targetKind: 'household', targetId: h.id, lead: true, roundNo: null, startOn: '2012-01-01', endOn, regionCode: h.regionCode });
    if (programmeId !== programme.id || endOn !== null) return;
    if (h.endedOn) expected.inactiveTarget++;
    else counted.set(c.id, [...(counted.get(c.id) ?? []), h]);
  };

  for (let t = 0; t < 20; t++) {
    const township = `${COUNTY}${100 + t}`;
    const inTownship: HouseholdFact[] = [];
    for (let v = 0; v < 25; v++) {
      const village = `${township}${200 + v}`;
      const inVillage: HouseholdFact[] = [];
      for (let k = 0; k < 40; k++) {
        const i = households.length;
        const categories = [i % 20 === 0 ? 'prosperity_star' : i % 20 === 1 ? 'conservative' : i % 20 === 2 ? 'economically_behind' : null, i % 50 === 3 ? 'petitioner' : null].filter((c): c is string => c !== null);
        const h: HouseholdFact = { id: `h${i}`, regionCode: `${village}00${1 + (k % 4)}`, categories, endedOn: i % 997 === 0 || i === 140 ? '2012-05-01' : null };
        households.push(h);
        inVillage.push(h);
        inTownship.push(h);
      }
      for (let j = 0; j < 5; j++) {
        const c: CadreFact = { id: `v${t}-${v}-${j}`, rank: 'village', regionCode: village, unitId: null, branchId: null };
        cadres.push(c);
        // Village cadre j helps households 8j … 8j+7 of the village; in every tenth village the first cadre's pairings have ended.
        for (let m = 0; m < 8; m++) link(c, inVillage[8 * j + m]!, programme.id, v % 10 === 0 && j === 0 ? '2012-01-01' : null);
      }
    }
    for (let k = 0; k < 25; k++) {
      const c: CadreFact = { id: `t${t}-${k}`, rank: 'township', regionCode: `${township}000`, unitId: null, branchId: null };
      cadres.push(c);
      if (k % 5 !== 0) link(c, inTownship[20 * k]!); // the k-th star household; every fifth cadre has none
      for (let m = 0; m < 18; m++) link(c, inTownship[40 * m + 5 + (k % 15)]!);
      if (k === 1 && t < 10) for (let m = 0; m < 8; m++) link(c, inTownship[720 + 10 * m + 3]!); // 27 > 25
      if (k === 2 && t < 2) for (let m = 0; m < 5; m++) link(c, { id: `far-${t}-${m}`, regionCode: `433125101201`, categories: [] }); // another county
      if (k === 5 && t < 10) for (let m = 0; m < 10; m++) link(c, inTownship[20 * (25 + m)]!, programme.id, '2012-02-01'); // ended stars: history, not help
      link(c, inTownship[k]!, 'another-programme'); // read by nobody: another programme's
    }
  }

  for (const c of cadres) {
    const mine = counted.get(c.id) ?? [];
    const has = (cat: string) => mine.some((h) => h.categories.includes(cat));
    if (c.rank === 'township' && !has('prosperity_star')) expected.missingStar++;
    if (c.rank === 'village' && !has('conservative')) expected.missingConservative++;
    if (c.rank === 'township' && mine.length > 25) expected.overCapacity++;
  }
  const covered = new Set([...counted.values()].flat().map((h) => h.id));
  expected.uncovered = households.filter((h) => !h.endedOn && h.categories.includes('petitioner') && !covered.has(h.id)).length;
  expected.outsideRegion = 10;
  return { programme, facts: { cadres, households, units: [], branches: [], regions: [], pairings }, day: DAY, expected };
}
