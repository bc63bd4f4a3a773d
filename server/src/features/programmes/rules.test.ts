import { describe, expect, it } from 'vitest';
import type { ProgrammeDefinition } from './model.js';
import { categoriesUsed, copyTemplate, programmePrefix, programmeProblems, roundOn, runsOn, subjectMatches, targetMatches } from './rules.js';
import { programmeDefinitionSchema } from './schemas.js';
import { bangXiangJieDuiZhuCun, lianHuDaiChuang } from './templates.js';

const guiyang = bangXiangJieDuiZhuCun.definition;
const def = (over: Partial<ProgrammeDefinition>): ProgrammeDefinition => ({ ...structuredClone(guiyang), ...over });
const paths = (d: ProgrammeDefinition) => programmeProblems(d).map((p) => p.path.join('.'));

describe('validating a programme definition', () => {
  it('accepts the seed definitions', () => {
    expect(programmeProblems(guiyang)).toEqual([]);
  });

  it('refuses a period that ends before it starts, and bad dates', () => {
    expect(paths(def({ period: { startOn: '2013-01-01', endOn: '2012-01-01' } }))).toContain('period.endOn');
    expect(paths(def({ period: { startOn: '2013-02-30', endOn: null } }))).toContain('period.startOn');
  });

  it('refuses overlapping rounds, rounds outside the period and repeated round numbers', () => {
    const [r2, r3] = guiyang.rounds as [ProgrammeDefinition['rounds'][number], ProgrammeDefinition['rounds'][number]];
    expect(paths(def({ rounds: [r2, { ...r3, startOn: '2013-09-28' }] }))).toEqual(['rounds.1.startOn']);
    expect(paths(def({ rounds: [{ ...r2, startOn: '2012-01-01' }, r3] }))).toEqual(['rounds.0']);
    expect(paths(def({ rounds: [r2, { ...r3, no: 2 }] }))).toEqual(['rounds.1.no']);
    expect(paths(def({ rounds: [{ ...r2, endOn: r2.startOn }] }))).toEqual(['rounds.0.endOn']);
  });

  it('refuses repeated rule ids, max below min, and targets or roles a subject cannot have', () => {
    const [unitTownship, branchPair] = guiyang.pairingRules as [ProgrammeDefinition['pairingRules'][number], ProgrammeDefinition['pairingRules'][number]];
    expect(paths(def({ pairingRules: [unitTownship, { ...branchPair, id: unitTownship.id }] }))).toEqual(['pairingRules.1.id']);
    expect(paths(def({ pairingRules: [{ ...unitTownship, min: 2, max: 1 }] }))).toEqual(['pairingRules.0.max']);
    expect(paths(def({ pairingRules: [{ ...unitTownship, target: { kind: 'person' }, roles: null }] }))).toEqual(['pairingRules.0.target']);
    expect(paths(def({ pairingRules: [{ ...unitTownship, roles: ['resident'] }] }))).toEqual(['pairingRules.0.roles.0']);
  });

  it('refuses per-round requirements without rounds, and a group or a bad code as the region', () => {
    const requirements = { ...guiyang.requirements, visitsPerHousehold: { atLeast: 1, per: 'round' as const } };
    expect(paths(def({ rounds: [], requirements }))).toEqual(['requirements']);
    expect(paths(def({ regionCode: '433124213209001' }))).toEqual(['regionCode']);
    expect(paths(def({ regionCode: '4331' }))).toEqual(['regionCode']);
  });

  it('reports problems as zod issues with field paths and Chinese messages', () => {
    const bad = programmeDefinitionSchema.safeParse(def({ period: { startOn: '2013-01-01', endOn: '2012-01-01' } }));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual(['period.endOn', '结束日期应晚于开始日期']);
    const shape = programmeDefinitionSchema.safeParse({ ...guiyang, pairingRules: [{ ...guiyang.pairingRules[2], subject: { kind: 'cadre', ranks: [] } }] });
    expect(shape.error?.issues[0]?.path.join('.')).toBe('pairingRules.0.subject.ranks');
  });
});

describe('copying a template', () => {
  it('makes an independent copy with its own id, region and name', () => {
    const p = copyTemplate(lianHuDaiChuang, { id: 'p1', regionCode: '433124213000', name: '补抽乡联户带创' });
    expect(p).toMatchObject({ id: 'p1', templateKey: 'lian-hu-dai-chuang', regionCode: '433124213000', name: '补抽乡联户带创' });
    p.pairingRules[0]!.min = 5;
    expect(lianHuDaiChuang.definition.pairingRules[0]!.min).toBe(1);
    expect(programmePrefix(p)).toBe('433124213');
  });

  it('moves the period and every round together when given a new start', () => {
    const p = copyTemplate(bangXiangJieDuiZhuCun, { id: 'p2', regionCode: '520100000000', startOn: '2014-09-29' });
    expect(p.period).toEqual({ startOn: '2014-09-29', endOn: null });
    expect(p.rounds.map((r) => [r.no, r.startOn, r.endOn])).toEqual([
      [2, '2014-09-29', '2015-09-29'],
      [3, '2015-09-29', '2016-09-28'], // 365 days on, across a leap day
    ]);
    expect(programmeProblems(p)).toEqual([]);
  });
});

describe('who a rule speaks of', () => {
  it('matches cadres by rank and enrolment tag, units by level, branches by kind', () => {
    const capable = { kind: 'cadre' as const, ranks: ['party_member' as const], tag: 'capable' };
    expect(subjectMatches(capable, { kind: 'cadre', rank: 'party_member', tags: ['capable'] })).toBe(true);
    expect(subjectMatches(capable, { kind: 'cadre', rank: 'party_member' })).toBe(false);
    expect(subjectMatches(capable, { kind: 'cadre', rank: 'village', tags: ['capable'] })).toBe(false);
    expect(subjectMatches({ kind: 'unit', levels: ['city', 'county'] }, { kind: 'unit', level: 'township' })).toBe(false);
    expect(subjectMatches({ kind: 'unit' }, { kind: 'unit', level: 'province' })).toBe(true);
    expect(subjectMatches({ kind: 'branch', of: 'unit' }, { kind: 'branch', unitId: null })).toBe(false);
    expect(subjectMatches({ kind: 'branch', of: 'village' }, { kind: 'branch', unitId: null })).toBe(true);
  });

  it('matches households of any listed category, or any household for an empty list', () => {
    expect(targetMatches({ kind: 'household', categories: ['conservative', 'difficult'] }, { kind: 'household', categories: ['difficult', 'poor'] })).toBe(true);
    expect(targetMatches({ kind: 'household', categories: ['conservative'] }, { kind: 'household', categories: ['poor'] })).toBe(false);
    expect(targetMatches({ kind: 'household', categories: [] }, { kind: 'household', categories: [] })).toBe(true);
    expect(targetMatches({ kind: 'village' }, { kind: 'township' })).toBe(false);
    expect(targetMatches({ kind: 'branch', of: 'village' }, { kind: 'branch', unitId: 'u1' })).toBe(false);
  });
});

describe('rounds and the period on a day', () => {
  it('finds the running round with half-open dates', () => {
    expect(roundOn(guiyang, '2013-09-28')?.no).toBe(2);
    expect(roundOn(guiyang, '2013-09-29')?.no).toBe(3);
    expect(roundOn(guiyang, '2014-09-29')).toBeNull();
    expect(runsOn(guiyang, '2012-09-28')).toBe(false);
    expect(runsOn(guiyang, '2012-09-29')).toBe(true);
  });

  it('lists every category a programme names', () => {
    expect(categoriesUsed(guiyang)).toEqual(['hardship', 'party_member_household', 'petitioner', 'poor', 'tech_prosperity']);
    expect(categoriesUsed(lianHuDaiChuang.definition)).toEqual(['conservative', 'difficult', 'economically_behind', 'poor', 'prosperity_star']);
  });
});
