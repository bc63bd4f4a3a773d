/** The rule checker on each seed's rules: a failing case and a passing case for every rule. */
import { describe, expect, it } from 'vitest';
import { bangXiangJieDuiZhuCun, guaBaoBang, lianCunLianHu, lianHuDaiChuang, xueLianJie } from '../programmes/templates.js';
import { checkProgramme, type RuleCheck } from './check.js';
import { asBranch, asCadre, asUnit, branch, BUCHOU, cadre, DAKA, facts, household, JIJIU, JIJIU_1, pair, programmeOf, toBranch, toHousehold, toPlace, unit } from './fixtures.js';

const kinds = (r: RuleCheck) => r.breaches.map((b) => `${b.kind}:${b.subject.id}:${b.ruleId ?? ''}`);
const DAY = '2012-06-15';

describe('seed 000 学一技联一户解一难 (补抽乡)', () => {
  const prog = programmeOf(xueLianJie);
  const longWenbin = cadre('龙文斌', 'township', BUCHOU);
  const shiMinghui = household('施明辉', JIJIU_1, ['large_grower']);
  const party = branch('吉久村党支部', JIJIU, null);

  it('fails when a cadre links no household, passes once 龙文斌 links 施明辉', () => {
    const bad = checkProgramme(prog, facts({ cadres: [longWenbin] }), DAY);
    expect(kinds(bad)).toEqual(['missing_pairing:龙文斌:link-one-household']);
    expect(bad.breaches[0]!.detail).toEqual({ required: 1, have: 0, missing: 1 });
    const ok = checkProgramme(prog, facts({ cadres: [longWenbin], pairings: [pair(asCadre(longWenbin), toHousehold(shiMinghui))], households: [shiMinghui] }), DAY);
    expect(ok.total).toBe(0);
  });

  it('fails when a branch has no leader linked (党政领导成员分别挂钩联系20个党支部), passes with one', () => {
    const bad = checkProgramme(prog, facts({ branches: [party] }), DAY);
    expect(kinds(bad)).toEqual(['uncovered:吉久村党支部:leaders-link-branches']);
    const linked = pair(asCadre(longWenbin), toBranch(party), { role: 'leader_point', lead: false });
    const house = pair(asCadre(longWenbin), toHousehold(shiMinghui));
    const ok = checkProgramme(prog, facts({ cadres: [longWenbin], branches: [party], households: [shiMinghui], pairings: [linked, house] }), DAY);
    expect(ok.total).toBe(0);
  });
});

describe('seed 001 联户带创 三联 (倪家营)', () => {
  const prog = programmeOf(lianHuDaiChuang);
  const luWeijian = cadre('鲁维俭', 'section', BUCHOU); // 乡长
  const songHai = cadre('宋海', 'village', JIJIU);
  const liSheng = cadre('李胜', 'party_member', JIJIU, { tags: ['capable'] });
  const ordinary = cadre('普通党员', 'party_member', JIJIU);
  const songYulin = household('宋玉林', JIJIU_1, ['prosperity_star', 'large_breeder']);
  const miaoHong = household('缪红', JIJIU_1, ['difficult']);
  const xuXuefu = household('徐学福', JIJIU, ['economically_behind']);
  const all = { cadres: [luWeijian, songHai, liSheng, ordinary], households: [songYulin, miaoHong, xuXuefu] };

  it('fails each of the three links when nobody is paired (members who are not capable owe none)', () => {
    const r = checkProgramme(prog, facts(all), DAY);
    expect(kinds(r)).toEqual(['missing_pairing:宋海:village-conservative', 'missing_pairing:李胜:member-behind', 'missing_pairing:鲁维俭:township-star']);
    expect(r.counts.missing_pairing).toBe(3);
  });

  it('fails a village cadre linked to a star household instead of a conservative one', () => {
    const r = checkProgramme(prog, facts({ ...all, cadres: [songHai], pairings: [pair(asCadre(songHai), toHousehold(songYulin))] }), DAY);
    expect(kinds(r)).toEqual(['missing_pairing:宋海:village-conservative']);
  });

  it('passes when 乡长 links a star, 宋海 a 难缠户 and 李胜 a 经济落后户 one to one', () => {
    const pairings = [pair(asCadre(luWeijian), toHousehold(songYulin)), pair(asCadre(songHai), toHousehold(miaoHong)), pair(asCadre(liSheng), toHousehold(xuXuefu))];
    expect(checkProgramme(prog, facts({ ...all, pairings }), DAY).total).toBe(0);
  });

  it("counts only 一帮一/几帮一 for the member's rule: a branch's help is not the member's", () => {
    const pairings = [pair(asCadre(liSheng), toHousehold(xuXuefu), { role: 'leader_point' })];
    expect(kinds(checkProgramme(prog, facts({ ...all, cadres: [liSheng], pairings }), DAY))).toEqual(['missing_pairing:李胜:member-behind']);
  });
});

describe('seed 002 挂包帮 (宝兴县)', () => {
  const BAOXING = '511827000000';
  const MUPING = '511827100000';
  const XINBAO = '511827100201';
  const prog = programmeOf(guaBaoBang, BAOXING);
  const day = '2010-08-01';
  const jiang = cadre('姜小林', 'county_leader', BAOXING);
  const li = cadre('李铭', 'section', BAOXING);
  const rural = household('困难党员户', XINBAO, ['party_member_hardship', 'poor']);
  const poor = household('贫困户', XINBAO, ['poor']);
  const urban = household('下岗职工', '511827100001', ['laid_off']);
  const jianchayuan = unit('县检察院', BAOXING, 'county');
  const p2: typeof pair = (h, t, extra = {}) => pair(h, t, { startOn: '2010-01-05', ...extra });
  const leaderLinks = [
    p2(asCadre(jiang), toPlace('township', MUPING), { role: 'leader_point', lead: false }),
    p2(asCadre(jiang), toPlace('village', XINBAO), { role: 'leader_point', lead: false }),
    p2(asCadre(jiang), toHousehold(rural), { endOn: '2012-12-31' }),
  ];
  const households = [rural, poor, urban];

  it('fails a county leader without an urban household, passes with a laid-off worker', () => {
    const bad = checkProgramme(prog, facts({ cadres: [jiang], households, pairings: leaderLinks }), day);
    expect(kinds(bad)).toEqual(['missing_pairing:姜小林:leader-urban-household']);
    const ok = checkProgramme(prog, facts({ cadres: [jiang], households, pairings: [...leaderLinks, p2(asCadre(jiang), toHousehold(urban))] }), day);
    expect(ok.total).toBe(0);
  });

  it('fails a section cadre whose one household is both a poor party member and poor; passes with a second', () => {
    const one = [p2(asCadre(li), toHousehold(rural))];
    const bad = checkProgramme(prog, facts({ cadres: [li], households, pairings: one }), day);
    expect(bad.breaches).toHaveLength(1);
    expect(bad.breaches[0]!.detail.missing).toBe(1);
    const ok = checkProgramme(prog, facts({ cadres: [li], households, pairings: [...one, p2(asCadre(li), toHousehold(poor))] }), day);
    expect(ok.total).toBe(0);
  });

  it('fails a unit that has taken on no village (部门包村), passes with 新宝村', () => {
    expect(kinds(checkProgramme(prog, facts({ units: [jianchayuan] }), day))).toEqual(['missing_pairing:县检察院:unit-village']);
    const took = p2(asUnit(jianchayuan), toPlace('village', XINBAO), { lead: false, endOn: '2013-01-01' });
    expect(checkProgramme(prog, facts({ units: [jianchayuan], pairings: [took] }), day).total).toBe(0);
  });
});

describe('seed 003 联村联户·为民富民 (武山县)', () => {
  const WUSHAN = '620524000000';
  const XIPING = '620524101201';
  const prog = programmeOf(lianCunLianHu, WUSHAN);
  const sifaju = unit('县司法局', WUSHAN, 'county');
  const liWei = cadre('李炜', 'section', WUSHAN);
  const deng = household('邓书文', XIPING, ['poor']);
  const notPoor = household('一般户', XIPING, []);

  it('fails a unit without a village and a cadre linked to a household that is not poor', () => {
    const r = checkProgramme(prog, facts({ units: [sifaju], cadres: [liWei], households: [notPoor], pairings: [pair(asCadre(liWei), toHousehold(notPoor))] }), DAY);
    expect(kinds(r)).toEqual(['missing_pairing:县司法局:unit-village', 'missing_pairing:李炜:cadre-poor']);
  });

  it('passes when 县司法局 links 西坪村 and 李炜 the poor household of 邓书文', () => {
    const pairings = [pair(asUnit(sifaju), toPlace('village', XIPING), { lead: false }), pair(asCadre(liWei), toHousehold(deng))];
    expect(checkProgramme(prog, facts({ units: [sifaju], cadres: [liWei], households: [deng], pairings }), DAY).total).toBe(0);
  });
});

describe('seed 004 部门帮乡·支部结对·干部驻村 (贵阳市)', () => {
  const GUIYANG = '520100000000';
  const BAIYI = '520112100000';
  const SHABA = '520112100201';
  const OTHER = '520112100202';
  const prog = programmeOf(bangXiangJieDuiZhuCun, GUIYANG);
  const day = '2013-03-01';
  const kejiting = unit('市科技局', GUIYANG, 'city');
  const unitBranch = branch('市科技局党支部', GUIYANG, kejiting.id);
  const villageBranch = branch('沙坝村党支部', SHABA, null);
  const guoDan = cadre('郭丹', 'resident', SHABA);
  const petitioner = household('信访户', SHABA, ['petitioner']);
  const farPetitioner = household('另一信访户', OTHER, ['petitioner']);
  const base = { units: [kejiting], branches: [unitBranch, villageBranch], cadres: [guoDan], households: [petitioner] };
  const good = [
    pair(asUnit(kejiting), toPlace('township', BAIYI), { lead: false, startOn: '2012-10-08' }),
    pair(asBranch(unitBranch), toBranch(villageBranch), { lead: false, startOn: '2012-10-08' }),
    pair(asCadre(guoDan), toPlace('village', SHABA), { lead: false, roundNo: 2, startOn: '2012-09-29', endOn: '2013-09-29' }),
  ];

  it('fails 部门帮乡, 支部结对, 驻村 and 五必访 with no pairings', () => {
    const r = checkProgramme(prog, facts(base), day);
    expect(kinds(r)).toEqual(['missing_pairing:市科技局:unit-township', 'missing_pairing:市科技局党支部:branch-pair', 'missing_pairing:郭丹:resident-village', 'uncovered:信访户:must-visit']);
  });

  it('passes with all three pairings: the resident covers the 信访户 of 沙坝村 (五必访)', () => {
    expect(checkProgramme(prog, facts({ ...base, pairings: good }), day).total).toBe(0);
  });

  it('fails a 信访户 in a village without a resident cadre or helper', () => {
    const r = checkProgramme(prog, facts({ ...base, households: [petitioner, farPetitioner], pairings: good }), day);
    expect(kinds(r)).toEqual(['uncovered:另一信访户:must-visit']);
  });

  it('fails a resident cadre posted to two villages in one round (one village per round)', () => {
    const second = pair(asCadre(guoDan), toPlace('village', OTHER), { lead: false, roundNo: 2, startOn: '2012-10-01', endOn: '2013-09-29' });
    const r = checkProgramme(prog, facts({ ...base, pairings: [...good, second] }), day);
    expect(kinds(r)).toEqual(['over_capacity:郭丹:resident-village']);
    expect(r.breaches[0]!.detail).toEqual({ have: 2, max: 1 });
  });
});

describe('region tree', () => {
  it('fails a 补抽乡 pairing to a household of 龙潭镇 (outside the programme region)', () => {
    const prog = programmeOf(xueLianJie);
    const c = cadre('麻永成', 'township', BUCHOU);
    const far = household('外乡户', '433124102201', []);
    const near = household('施金林', DAKA, ['large_breeder']);
    const r = checkProgramme(prog, facts({ cadres: [c], households: [far, near], pairings: [pair(asCadre(c), toHousehold(far))] }), DAY);
    expect(kinds(r)).toEqual(['outside_region:麻永成:']);
    const ok = checkProgramme(prog, facts({ cadres: [c], households: [far, near], pairings: [pair(asCadre(c), toHousehold(near))] }), DAY);
    expect(ok.total).toBe(0);
  });
});
