import { describe, expect, it } from 'vitest';
import i18n from 'i18next';
import { initI18n } from '../../app/i18n';
import type { ProgrammeDefinition } from '../../api/programmes';
import { requirementSections, subjectText } from './requirementText';

initI18n('zh-CN');
const t = i18n.getFixedT('zh-CN');
const tEn = i18n.getFixedT('en');
const names: Record<string, string> = { poor: '贫困户', petitioner: '信访户', prosperity_star: '致富明星户' };
const name = (c: string) => names[c] ?? c;

// 联户带创 (seed 001) as the server's template gives it, with a 五必访 and a limit added for the test.
const def: Pick<ProgrammeDefinition, 'requirements' | 'pairingRules' | 'coverage' | 'capacities'> = {
  requirements: {
    visitsPerHousehold: { atLeast: 1, per: 'month' },
    diaryPerCadre: { atLeast: 1, per: 'month' },
    problemsPerHousehold: { atLeast: 1, per: 'year' },
    difficultiesPerCadre: null,
    learning: null,
    mustVisit: { categories: ['poor', 'petitioner'], coveredByResident: true },
    duties: [{ zh: '四帮：帮助分析落后原因', en: 'Four helps' }],
  },
  pairingRules: [
    {
      id: 'township-star',
      subject: { kind: 'cadre', ranks: ['township', 'section'] },
      target: { kind: 'household', categories: ['prosperity_star'] },
      min: 1,
      zh: '每名乡干部联系一个致富明星户',
      en: 'Each township cadre links one prosperity-star household',
    },
    {
      id: 'resident-village',
      subject: { kind: 'cadre', ranks: ['resident'] },
      target: { kind: 'village' },
      roles: ['resident'],
      min: 1,
      max: 1,
      zh: '每名驻村干部驻一个村',
      en: 'Each resident cadre is posted to one village',
    },
  ],
  coverage: [],
  capacities: [{ subject: { kind: 'cadre', ranks: ['party_member'], tag: 'capable' }, target: 'household', max: 3 }],
};

describe('a programme’s requirements in plain words', () => {
  it('says the cadences, the must-visit categories, each rule with its counts, the limits and duties in Chinese', () => {
    const s = requirementSections(def, t, name);
    expect(s.map((x) => x.key)).toEqual(['general', 'rules', 'capacities', 'duties']);
    expect(s[0]!.lines).toEqual([
      '走访：每户每月至少走访 1 次',
      '民情日记：每名干部每月至少记 1 篇',
      '解决问题：每户每年至少解决 1 个主要问题',
      '必访户：贫困户、信访户（驻村干部可覆盖所驻村的必访户）',
    ]);
    expect(s[1]!.lines).toEqual(['每名乡干部联系一个致富明星户（至少 1 个）', '每名驻村干部驻一个村（至少 1 个，至多 1 个）']);
    expect(s[2]!.lines).toEqual(['党员（致富能力较强）每人最多联系 3 个农户']);
    expect(s[3]!.lines).toEqual(['四帮：帮助分析落后原因']);
  });

  it('uses the rules’ English text in English', () => {
    const s = requirementSections(def, tEn, (c) => c, true);
    expect(s[0]!.lines[0]).toBe('Visits: each household at least 1 times a month');
    expect(s[1]!.lines[0]).toBe('Each township cadre links one prosperity-star household (at least 1)');
    expect(s[3]!.lines).toEqual(['Four helps']);
  });

  it('leaves out what a programme does not ask', () => {
    const empty = {
      requirements: {
        visitsPerHousehold: null,
        diaryPerCadre: null,
        problemsPerHousehold: null,
        difficultiesPerCadre: null,
        learning: { techniquesPerCadre: 1 },
        mustVisit: null,
        duties: [],
      },
      pairingRules: [],
      coverage: [],
      capacities: [],
    };
    expect(requirementSections(empty, t, name)).toEqual([
      { key: 'general', lines: ['学一技：每名干部学会 1 项实用技术，并记录培训内容和时间'] },
    ]);
  });

  it('names rule subjects: ranks, units, branches', () => {
    expect(subjectText({ kind: 'cadre', ranks: ['township', 'village'] }, t)).toBe('乡干部、村社干部');
    expect(subjectText({ kind: 'unit' }, t)).toBe('单位');
    expect(subjectText({ kind: 'branch', of: 'village' }, t)).toBe('村支部');
  });
});
