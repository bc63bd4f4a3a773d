import { describe, expect, it } from 'vitest';
import type { Programme } from '../programmes/model.js';
import { bangXiangJieDuiZhuCun, lianHuDaiChuang, xueLianJie } from '../programmes/templates.js';
import { checkProgramme } from './check.js';
import { accept, asCadre, BUCHOU, BUCHOU_CUN, cadre, DAKA, facts, household, JIJIU, JIJIU_1, JIJIU_2, pair, programmeOf, toHousehold } from './fixtures.js';
import { proposePairings } from './proposals.js';

const DAY = '2012-06-01';

describe('the assistant fills 联户带创 from breaches to none', () => {
  const prog = programmeOf(lianHuDaiChuang);
  const world = facts({
    cadres: [cadre('龙文斌', 'township', BUCHOU), cadre('麻永成', 'township', BUCHOU), cadre('宋海', 'village', JIJIU_1), cadre('李胜', 'party_member', BUCHOU_CUN, { tags: ['capable'] })],
    households: [
      household('s1', DAKA, ['prosperity_star']),
      household('s2', JIJIU_2, ['prosperity_star']),
      household('c1', JIJIU_2, ['conservative']),
      household('c2', JIJIU_1, ['conservative']),
      household('c3', DAKA, ['difficult']),
      household('b1', JIJIU, ['economically_behind']),
      household('b2', BUCHOU_CUN, ['poor']),
      household('b3', BUCHOU_CUN, ['poor']),
    ],
  });
  // b3 is already helped by someone else in the programme: the assistant leaves it alone.
  const helper = cadre('王培义', 'party_member', BUCHOU_CUN);
  const start = { ...world, cadres: [...world.cadres, helper], pairings: [pair(asCadre(helper), toHousehold(world.households[7]!))] };

  it('proposes the nearest free household of the right category for each missing link', () => {
    expect(checkProgramme(prog, start, DAY).counts.missing_pairing).toBe(4);
    const { proposals, unfilled } = proposePairings(prog, start, DAY);
    expect(unfilled).toEqual([]);
    expect(proposals.map((p) => [p.helperId, p.targetId, p.nearness, p.because.ruleId])).toEqual([
      ['麻永成', 's1', 'township', 'township-star'],
      ['龙文斌', 's2', 'township', 'township-star'],
      ['宋海', 'c2', 'group', 'village-conservative'],
      ['李胜', 'b2', 'village', 'member-behind'],
    ]);
    expect(proposals[0]).toMatchObject({ role: 'one_to_one', targetKind: 'household', lead: true, roundNo: null, startOn: DAY, regionCode: DAKA });
    expect(proposals[2]!.zh).toBe('建议宋海（村社干部）联系c2（每名村社干部联系一个思想保守户；同组）');
    expect(checkProgramme(prog, { ...start, pairings: [...start.pairings, ...accept(proposals)] }, DAY).total).toBe(0);
  });

  it('is deterministic', () => {
    expect(proposePairings(prog, start, DAY)).toEqual(proposePairings(prog, start, DAY));
  });

  it('reports a link it cannot fill: no free household of the category', () => {
    const two = { ...start, cadres: [...start.cadres, cadre('宋海二', 'village', DAKA)], households: start.households.filter((h) => h.id !== 'c1' && h.id !== 'c3') };
    const { proposals, unfilled } = proposePairings(prog, two, DAY);
    expect(proposals.filter((p) => p.because.ruleId === 'village-conservative')).toHaveLength(1);
    expect(unfilled).toMatchObject([{ ruleId: 'village-conservative', reason: 'no_candidates', missing: 1 }]);
    expect(unfilled[0]!.zh).toContain('思想保守户或难缠户');
  });
});

describe('must-visit households go to the nearest helper with spare capacity, never beyond it', () => {
  const base = programmeOf(xueLianJie);
  const prog: Programme = {
    ...base,
    requirements: { ...base.requirements, mustVisit: { categories: ['petitioner'], coveredByResident: false } },
    capacities: [{ subject: { kind: 'cadre', ranks: ['township'] }, target: 'household', max: 2 }],
  };
  const a = cadre('龙文斌', 'township', BUCHOU);
  const b = cadre('宋海', 'village', JIJIU);
  const own = household('施明辉', JIJIU_2, ['large_grower']);
  const petitioners = [household('h-a', DAKA, ['petitioner']), household('h-b', BUCHOU_CUN, ['petitioner']), household('h-c', JIJIU_2, ['petitioner']), household('h-d', JIJIU_1, ['petitioner'])];
  const world = facts({ cadres: [a, b], households: [own, ...petitioners], pairings: [pair(asCadre(a), toHousehold(own))] });

  it('fills 宋海 in his own village first, then 龙文斌 up to his capacity of 2, and lists the rest', () => {
    expect(checkProgramme(prog, world, DAY).counts).toMatchObject({ missing_pairing: 1, uncovered: 4 });
    const { proposals, unfilled } = proposePairings(prog, world, DAY);
    expect(proposals.map((p) => [p.helperId, p.targetId, p.because.kind])).toEqual([
      ['宋海', 'h-d', 'rule'],
      ['龙文斌', 'h-a', 'coverage'],
    ]);
    expect(unfilled.map((u) => [u.subject.id, u.reason])).toEqual([
      ['h-b', 'no_helpers'],
      ['h-c', 'no_helpers'],
    ]);
    const after = checkProgramme(prog, { ...world, pairings: [...world.pairings, ...accept(proposals)] }, DAY);
    expect(after.counts).toMatchObject({ missing_pairing: 0, over_capacity: 0, uncovered: 2 });
  });
});

describe('resident cadres are posted for the running round to the villages with fewest residents', () => {
  const prog = programmeOf(bangXiangJieDuiZhuCun, '520100000000');
  const V1 = '520112100201';
  const V2 = '520112100202';
  const residents = ['r1', 'r2', 'r3'].map((id) => cadre(id, 'resident', '520100000000'));
  const world = facts({ cadres: residents, regions: [{ code: V1, name: '沙坝村' }, { code: V2, name: '哪嘎村' }, { code: '520112100000', name: '百宜乡' }] });

  it('spreads them over both villages, in round 2, and the check is then clean', () => {
    const day = '2013-03-01';
    const { proposals } = proposePairings(prog, world, day);
    expect(proposals.map((p) => [p.helperId, p.targetId, p.role, p.roundNo, p.lead])).toEqual([
      ['r1', V1, 'resident', 2, false],
      ['r2', V2, 'resident', 2, false],
      ['r3', V1, 'resident', 2, false],
    ]);
    expect(checkProgramme(prog, { ...world, pairings: accept(proposals) }, day).total).toBe(0);
  });
});
