import { describe, expect, it } from 'vitest';
import { roles } from '../../platform/roles.js';
import { answerProblems, describeSurveyEntry, itemCount, mayRecordSurvey, sameAnswers, sameSections, sectionsProblems } from './rules.js';
import type { SurveySection } from './tables.js';
import { allTemplates } from './templates.js';

const form: SurveySection[] = [
  {
    key: 'housing',
    title: '住房情况',
    items: [
      { key: 'structure', label: '住房结构', type: 'choice', options: ['砖混', '土木'], required: true },
      { key: 'area', label: '住房面积', type: 'number', unit: '平方米' },
      { key: 'repair', label: '是否需要危房改造', type: 'yes_no', required: true },
      { key: 'note', label: '说明', type: 'text' },
    ],
  },
];

describe('survey forms', () => {
  it('ships the seed 003 poor-household survey: 4 major items, 40+ sub-items, a valid form', () => {
    const [t] = allTemplates();
    expect(t!.name).toBe('贫困户调查表');
    expect(t!.sections.map((s) => s.title)).toEqual(['一、住房情况', '二、生产生活条件', '三、享受帮扶情况', '四、发展需求']);
    expect(itemCount(t!.sections)).toBeGreaterThanOrEqual(40);
    expect(sectionsProblems(t!.sections)).toEqual([]);
  });

  it('wants unique keys and choices with distinct options, options on choices only', () => {
    expect(sectionsProblems(form)).toEqual([]);
    const bad: SurveySection[] = [
      { key: 'a', title: 'A', items: [{ key: 'x', label: 'X', type: 'choice', options: ['是'] }, { key: 'y', label: 'Y', type: 'text', options: ['a', 'b'] }] },
      { key: 'a', title: 'B', items: [{ key: 'x', label: 'X2', type: 'choice', options: ['一', '二', '一'] }] },
    ];
    expect(sectionsProblems(bad).map((p) => p.path)).toEqual(['sections.0.items.0.options', 'sections.0.items.1.options', 'sections.1.key', 'sections.1.items.0.key', 'sections.1.items.0.options']);
  });

  it('knows an unchanged shape', () => {
    expect(sameSections(form, structuredClone(form))).toBe(true);
    const reordered = form.map((s) => ({ items: s.items.map((i) => Object.fromEntries(Object.entries(i).reverse())), title: s.title, key: s.key })) as SurveySection[];
    expect(sameSections(form, reordered)).toBe(true);
    expect(sameSections(form, [{ ...form[0]!, title: '住房' }])).toBe(false);
  });

  it('lets cadres fill in surveys, not leaders or unit heads', () => {
    expect(roles.filter(mayRecordSurvey)).toEqual(['system_admin', 'county_admin', 'township_admin', 'branch_secretary', 'cadre']);
  });
});

describe('survey answers', () => {
  it('accepts answers of the right types', () => {
    expect(answerProblems(form, { structure: '土木', area: 45.5, repair: true, note: '漏雨' })).toEqual([]);
    expect(answerProblems(form, { structure: '砖混', repair: false, area: null })).toEqual([]);
  });

  it('names wrong types, unknown options and items, and required items left out', () => {
    const problems = answerProblems(form, { structure: '茅草', area: '四十', repair: 'yes', note: 3, colour: 'red' });
    expect(problems.map((p) => p.path)).toEqual(['answers.colour', 'answers.structure', 'answers.area', 'answers.repair', 'answers.note']);
    expect(problems[1]!.message.zh).toBe('请从选项中选择：砖混、土木');
    const missing = answerProblems(form, { structure: '' });
    expect(missing.map((p) => [p.path, p.message.zh])).toEqual([
      ['answers.structure', '“住房结构”为必填项'],
      ['answers.repair', '“是否需要危房改造”为必填项'],
    ]);
  });

  it('knows a retried save', () => {
    expect(sameAnswers({ a: 1, b: null }, { a: 1 })).toBe(true);
    expect(sameAnswers({ a: 1 }, { a: 2 })).toBe(false);
  });

  it('puts a filled-in survey on the timeline', () => {
    expect(describeSurveyEntry({ action: 'create', after: { year: 2025, formName: '贫困户调查表' } })!.summary.zh).toBe('填写 2025 年《贫困户调查表》');
    expect(describeSurveyEntry({ action: 'view', after: {} })).toBeNull();
  });
});
