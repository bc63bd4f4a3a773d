/** The five seed templates: valid, and saying what their seeds say. */
import { describe, expect, it } from 'vitest';
import { builtInCategories } from '../households/labels.js';
import { categoriesUsed, programmeProblems } from './rules.js';
import { programmeDefinitionSchema } from './schemas.js';
import { bangXiangJieDuiZhuCun, guaBaoBang, lianCunLianHu, lianHuDaiChuang, programmeTemplates, templateByKey, templateCategories, xueLianJie } from './templates.js';

const rule = (t: typeof xueLianJie, id: string) => t.definition.pairingRules.find((r) => r.id === id)!;

describe('the seed templates', () => {
  it('are five, one per seed, with unique keys', () => {
    expect(programmeTemplates.map((t) => t.seed)).toEqual(['000', '001', '002', '003', '004']);
    expect(new Set(programmeTemplates.map((t) => t.key)).size).toBe(5);
    expect(templateByKey('lian-hu-dai-chuang')).toBe(lianHuDaiChuang);
    expect(templateByKey('nope')).toBeNull();
  });

  it.each(programmeTemplates.map((t) => [t.key, t] as const))('%s passes the programme contract', (_key, t) => {
    expect(programmeProblems(t.definition)).toEqual([]);
    expect(programmeDefinitionSchema.safeParse(t.definition).error?.issues ?? []).toEqual([]);
  });

  it('name only categories the built-in catalogue knows (the template categories ship with migration 0004)', () => {
    const known = new Set(builtInCategories.map((c) => c.code));
    for (const t of programmeTemplates) expect(categoriesUsed(t.definition).filter((c) => !known.has(c))).toEqual([]);
    expect(templateCategories.filter((c) => !known.has(c.code))).toEqual([]);
  });
});

describe('what each seed says', () => {
  it('000 学一技联一户解一难: a diary, two difficulties, one technique, one household each', () => {
    const r = xueLianJie.definition.requirements;
    expect(r.diaryPerCadre).toEqual({ atLeast: 1, per: 'programme' });
    expect(r.difficultiesPerCadre).toEqual({ atLeast: 2, per: 'programme' });
    expect(r.learning).toEqual({ techniquesPerCadre: 1 });
    expect(rule(xueLianJie, 'link-one-household')).toMatchObject({ min: 1, target: { kind: 'household', categories: [] } });
    expect(xueLianJie.definition.regionCode).toBe('433124213000');
  });

  it('001 联户带创: 三联 by rank, and 三个一 (monthly visit and diary, a main problem a year)', () => {
    expect(rule(lianHuDaiChuang, 'township-star')).toMatchObject({ subject: { ranks: ['township', 'section'] }, target: { categories: ['prosperity_star'] }, min: 1 });
    expect(rule(lianHuDaiChuang, 'village-conservative')).toMatchObject({ subject: { ranks: ['village'] }, target: { categories: ['conservative', 'difficult'] } });
    expect(rule(lianHuDaiChuang, 'member-behind')).toMatchObject({ subject: { ranks: ['party_member'], tag: 'capable' }, target: { categories: ['economically_behind', 'poor'] } });
    const r = lianHuDaiChuang.definition.requirements;
    expect([r.visitsPerHousehold, r.diaryPerCadre, r.problemsPerHousehold]).toEqual([
      { atLeast: 1, per: 'month' },
      { atLeast: 1, per: 'month' },
      { atLeast: 1, per: 'year' },
    ]);
  });

  it('002 挂包帮: county leaders link a township, a village, a rural and an urban household; section cadres two households', () => {
    const leader = guaBaoBang.definition.pairingRules.filter((r) => r.subject.kind === 'cadre' && r.subject.ranks.includes('county_leader'));
    expect(leader.map((r) => r.target)).toEqual([
      { kind: 'township' },
      { kind: 'village' },
      { kind: 'household', categories: ['party_member_hardship', 'poor'] },
      { kind: 'household', categories: ['urban_hardship', 'laid_off'] },
    ]);
    expect(rule(guaBaoBang, 'section-party-member').target).toEqual({ kind: 'household', categories: ['party_member_hardship'] });
    expect(rule(guaBaoBang, 'section-poor').target).toEqual({ kind: 'household', categories: ['poor'] });
    expect(guaBaoBang.definition.period).toEqual({ startOn: '2010-01-01', endOn: '2013-01-01' });
  });

  it('003 联村联户: units link villages, cadres poor households; 五必访 left for the county to list', () => {
    expect(rule(lianCunLianHu, 'unit-village')).toMatchObject({ subject: { kind: 'unit' }, roles: ['unit_village'] });
    expect(rule(lianCunLianHu, 'cadre-poor').target).toEqual({ kind: 'household', categories: ['poor'] });
    expect(lianCunLianHu.definition.requirements.mustVisit).toBeNull();
    expect(lianCunLianHu.definition.requirements.duties.some((d) => d.zh.includes('五必访'))).toBe(true);
  });

  it('004 部门帮乡·支部结对·干部驻村: rounds of 1,170 and 955, one village per resident, 五必访', () => {
    const d = bangXiangJieDuiZhuCun.definition;
    expect(d.rounds.map((r) => [r.no, r.plannedCount, r.endOn])).toEqual([
      [2, 1170, '2013-09-29'],
      [3, 955, '2014-09-29'],
    ]);
    expect(rule(bangXiangJieDuiZhuCun, 'resident-village')).toMatchObject({ min: 1, max: 1, roles: ['resident'] });
    expect(rule(bangXiangJieDuiZhuCun, 'branch-pair')).toMatchObject({ subject: { kind: 'branch', of: 'unit' }, target: { kind: 'branch', of: 'village' } });
    expect(d.requirements.mustVisit).toEqual({ categories: ['hardship', 'poor', 'party_member_household', 'tech_prosperity', 'petitioner'], coveredByResident: true });
  });
});
