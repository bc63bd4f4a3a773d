/** The rule checker at the edges: rounds, periods, leads of 几帮一, ended pairings and targets. */
import { describe, expect, it } from 'vitest';
import { bangXiangJieDuiZhuCun, guaBaoBang, lianHuDaiChuang, xueLianJie } from '../programmes/templates.js';
import { checkProgramme, type RuleCheck } from './check.js';
import { asCadre, BUCHOU, cadre, facts, household, JIJIU, JIJIU_1, pair, programmeOf, toHousehold, toPlace } from './fixtures.js';
import { handOver } from './rules.js';

const kinds = (r: RuleCheck) => r.breaches.map((b) => `${b.kind}:${b.subject.id}:${b.ruleId ?? ''}`);

describe('rounds (Guiyang: round 2 ends and round 3 starts on 2013-09-29)', () => {
  const VILLAGE = '520112100201';
  const prog = programmeOf(bangXiangJieDuiZhuCun, '520100000000');
  const guo = cadre('郭丹', 'resident', VILLAGE);
  const next = cadre('新驻村干部', 'resident', VILLAGE);
  const posting = (extra = {}) => pair(asCadre(guo), toPlace('village', VILLAGE), { lead: false, roundNo: 2, startOn: '2012-09-29', ...extra });
  const check = (pairings: ReturnType<typeof pair>[], day: string, cadres = [guo]) => checkProgramme(prog, facts({ cadres, pairings }), day);

  it('accepts an open posting on the last day of its round and flags it the day the round ends', () => {
    expect(check([posting()], '2013-09-28').total).toBe(0);
    expect(kinds(check([posting()], '2013-09-29'))).toEqual(['outside_round:郭丹:']);
  });

  it('flags a posting that starts before its round, has no round, or names a round the programme lacks', () => {
    expect(kinds(check([posting({ startOn: '2012-09-28' })], '2013-01-01'))).toEqual(['outside_period:郭丹:', 'outside_round:郭丹:']);
    expect(kinds(check([posting({ roundNo: null })], '2013-01-01'))).toEqual(['outside_round:郭丹:']);
    expect(kinds(check([posting({ roundNo: 7 })], '2013-01-01'))).toEqual(['outside_round:郭丹:']);
    expect(kinds(check([posting({ endOn: '2013-10-15' })], '2013-01-01'))).toEqual(['outside_round:郭丹:']);
  });

  it('hands round 2 over to round 3 on 2013-09-29 in one step, keeping the old posting as history', () => {
    const old = posting();
    let n = 0;
    const { ended, started } = handOver([old], { helperKind: 'cadre', helperId: guo.id }, { helperKind: 'cadre', helperId: next.id, roundNo: 3 }, '2013-09-29', '第二轮期满交接', () => `new-${++n}`);
    expect(ended).toEqual([{ ...old, endOn: '2013-09-29' }]);
    expect(started[0]).toMatchObject({ id: 'new-1', helperId: next.id, roundNo: 3, startOn: '2013-09-29', endOn: null, note: '第二轮期满交接' });
    // 郭丹 left with round 2; the new cadre takes part, and holds the village, from round 3.
    const cadres = [{ ...guo, endedOn: '2013-09-29' }, { ...next, startedOn: '2013-09-29' }];
    expect(check([...ended, ...started], '2013-09-28', cadres).total).toBe(0);
    expect(check([...ended, ...started], '2013-09-29', cadres).total).toBe(0);
    expect(kinds(check([old], '2013-09-29', cadres))).toEqual(['missing_pairing:新驻村干部:resident-village', 'outside_round:郭丹:', 'inactive_helper:520112100201:']);
  });
});

describe('the programme period (挂包帮: 2010 to the end of 2012)', () => {
  const prog = programmeOf(guaBaoBang, '511827000000');
  const c = cadre('李铭', 'section', '511827000000');
  const a = household('困难党员户', '511827100201', ['party_member_hardship']);
  const b = household('贫困户', '511827100201', ['poor']);
  const both = (extra = {}) => [pair(asCadre(c), toHousehold(a), { startOn: '2010-03-01', ...extra }), pair(asCadre(c), toHousehold(b), { startOn: '2010-03-01', ...extra })];
  const check = (pairings: ReturnType<typeof pair>[], day: string) => checkProgramme(prog, facts({ cadres: [c], households: [a, b], pairings }), day);

  it('accepts open pairings while the programme runs and flags them once it has ended', () => {
    expect(check(both(), '2012-12-31').total).toBe(0);
    expect(check(both(), '2013-01-01').counts.outside_period).toBe(2);
    expect(check(both({ endOn: '2013-01-01' }), '2012-12-31').total).toBe(0);
  });

  it('flags pairings that start before the programme or are set to run past it', () => {
    expect(check(both({ startOn: '2009-12-31' }), '2010-06-01').counts.outside_period).toBe(2);
    expect(check(both({ endOn: '2013-06-01' }), '2010-06-01').counts.outside_period).toBe(2);
  });
});

describe('几帮一: several helpers, one lead contact', () => {
  const prog = programmeOf(xueLianJie);
  const cs = [cadre('甲', 'township', BUCHOU), cadre('乙', 'village', JIJIU), cadre('丙', 'party_member', JIJIU)];
  const h = household('吴吉成', JIJIU_1, ['poor']);
  const group = (leads: boolean[]) => cs.map((c, i) => pair(asCadre(c), toHousehold(h), { role: 'several_to_one', lead: leads[i]! }));
  const check = (leads: boolean[]) => checkProgramme(prog, facts({ cadres: cs, households: [h], pairings: group(leads) }), '2012-06-01');

  it('accepts exactly one lead and every helper meets 联一户', () => {
    expect(check([false, true, false]).total).toBe(0);
  });
  it('flags a group without a lead, or with two', () => {
    expect(kinds(check([false, false, false]))).toEqual(['no_lead:吴吉成:']);
    expect(kinds(check([true, true, false]))).toEqual(['several_leads:吴吉成:']);
  });
});

describe('ended pairings and ended targets', () => {
  const prog = programmeOf(lianHuDaiChuang);
  const c = cadre('宋海', 'village', JIJIU);
  const h = household('缪锋', JIJIU_1, ['conservative']);
  const check = (pairings: ReturnType<typeof pair>[], households = [h], day = '2012-06-01') => checkProgramme(prog, facts({ cadres: [c], households, pairings }), day);

  it('does not count a pairing that ended, or one that has not started', () => {
    expect(check([pair(asCadre(c), toHousehold(h), { endOn: '2012-06-01' })]).counts.missing_pairing).toBe(1);
    expect(check([pair(asCadre(c), toHousehold(h), { endOn: '2012-06-02' })]).total).toBe(0);
    expect(check([pair(asCadre(c), toHousehold(h), { startOn: '2012-06-02' })]).counts.missing_pairing).toBe(1);
  });

  it('flags a pairing to a household that moved away, which no longer counts', () => {
    const moved = { ...h, endedOn: '2012-05-01' };
    const r = check([pair(asCadre(c), toHousehold(moved))], [moved]);
    expect(kinds(r)).toEqual(['missing_pairing:宋海:village-conservative', 'inactive_target:宋海:']);
  });

  it("ignores other programmes' pairings", () => {
    expect(check([pair(asCadre(c), toHousehold(h), { programmeId: 'another' })]).counts.missing_pairing).toBe(1);
  });

  it('counts breaches per kind, each with a Chinese and an English message naming the cadre', () => {
    const r = check([]);
    expect(r.counts).toMatchObject({ missing_pairing: 1, uncovered: 0, over_capacity: 0 });
    expect(r.breaches[0]!.zh).toContain('宋海（村社干部）');
    expect(r.breaches[0]!.zh).toContain('思想保守户或难缠户');
    expect(r.breaches[0]!.en).toContain('conservative or difficult household');
  });
});

describe('capacities', () => {
  it('flags a cadre with more households than the programme allows', () => {
    const base = programmeOf(xueLianJie);
    const prog = { ...base, capacities: [{ subject: { kind: 'cadre' as const, ranks: ['township' as const] }, target: 'household' as const, max: 2 }] };
    const c = cadre('龙文斌', 'township', BUCHOU);
    const hs = [1, 2, 3].map((i) => household(`户${i}`, JIJIU, []));
    const pairings = hs.map((h) => pair(asCadre(c), toHousehold(h)));
    const r = checkProgramme(prog, facts({ cadres: [c], households: hs, pairings }), '2012-06-01');
    expect(kinds(r)).toEqual(['over_capacity:龙文斌:']);
    expect(r.breaches[0]!.detail).toEqual({ have: 3, max: 2 });
  });
});
