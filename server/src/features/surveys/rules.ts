import type { Role } from '../../platform/roles.js';
import { mayEditRegistry, type Problem } from '../households/rules.js';
import type { SurveySection } from './tables.js';

export type AnswerValue = string | number | boolean | null;

/** Who fills in a household's survey: whoever keeps the registry, and the cadres who visit. */
export const mayRecordSurvey = (role: Role): boolean => mayEditRegistry(role) || role === 'cadre';

/**
 * A form's sections make sense: keys unique (sections, and items across the whole form, since
 * answers are keyed by item), choices with at least two distinct options, options only on choices.
 * Paths: sections.N…
 */
export function sectionsProblems(sections: readonly SurveySection[]): Problem[] {
  const out: Problem[] = [];
  const sectionKeys = new Set<string>();
  const itemKeys = new Set<string>();
  sections.forEach((s, si) => {
    if (sectionKeys.has(s.key)) out.push({ path: `sections.${si}.key`, message: { zh: `分项代码 ${s.key} 重复`, en: `Section key ${s.key} repeats` } });
    sectionKeys.add(s.key);
    s.items.forEach((item, ii) => {
      const at = `sections.${si}.items.${ii}`;
      if (itemKeys.has(item.key)) out.push({ path: `${at}.key`, message: { zh: `小项代码 ${item.key} 重复`, en: `Item key ${item.key} repeats` } });
      itemKeys.add(item.key);
      const options = item.options ?? [];
      if (item.type === 'choice') {
        if (new Set(options).size < 2) out.push({ path: `${at}.options`, message: { zh: '选择题至少需要两个不同的选项', en: 'A choice needs at least two distinct options' } });
        else if (new Set(options).size !== options.length) out.push({ path: `${at}.options`, message: { zh: '选项重复', en: 'Options repeat' } });
      } else if (options.length) {
        out.push({ path: `${at}.options`, message: { zh: '只有选择题才有选项', en: 'Only a choice has options' } });
      }
    });
  });
  return out;
}

/** JSON with object keys sorted: the database's jsonb does not keep the order they were written in. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Two shapes of a form are the same (an update that keeps them makes no new version). */
export const sameSections = (a: readonly SurveySection[], b: readonly SurveySection[]): boolean => canonical(a) === canonical(b);

export const itemCount = (sections: readonly SurveySection[]): number => sections.reduce((n, s) => n + s.items.length, 0);

const typeText = {
  text: { zh: '应填文字', en: 'Expected text' },
  number: { zh: '应填数字', en: 'Expected a number' },
  yes_no: { zh: '应填“是”或“否”', en: 'Expected yes or no' },
} as const;

/**
 * Answers checked against the form version they are given on: every key an item of the form, each
 * value of the item's type (a choice one of its options), and every required item answered.
 * Paths: answers.<item key>.
 */
export function answerProblems(sections: readonly SurveySection[], answers: Record<string, AnswerValue>): Problem[] {
  const out: Problem[] = [];
  const items = new Map(sections.flatMap((s) => s.items.map((i) => [i.key, i] as const)));
  for (const key of Object.keys(answers)) {
    if (!items.has(key)) out.push({ path: `answers.${key}`, message: { zh: '调查表中没有这一项', en: 'The form has no such item' } });
  }
  for (const [key, item] of items) {
    const v = answers[key];
    const path = `answers.${key}`;
    if (v === undefined || v === null || v === '') {
      if (item.required) out.push({ path, message: { zh: `“${item.label}”为必填项`, en: `"${item.label}" is required` } });
      continue;
    }
    switch (item.type) {
      case 'text':
        if (typeof v !== 'string') out.push({ path, message: typeText.text });
        break;
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v)) out.push({ path, message: typeText.number });
        break;
      case 'yes_no':
        if (typeof v !== 'boolean') out.push({ path, message: typeText.yes_no });
        break;
      case 'choice':
        if (typeof v !== 'string' || !(item.options ?? []).includes(v)) out.push({ path, message: { zh: `请从选项中选择：${(item.options ?? []).join('、')}`, en: `Choose one of: ${(item.options ?? []).join(', ')}` } });
        break;
    }
  }
  return out;
}

/** Two answer sets are the same (a retried save changes nothing). */
export function sameAnswers(a: Record<string, AnswerValue>, b: Record<string, AnswerValue>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? null) === (b[k] ?? null));
}

/** The timeline's sentence for a survey answered or corrected. */
export function describeSurveyEntry(e: { action: string; after: unknown }) {
  const after = (e.after ?? {}) as { year?: number; formName?: string; formVersion?: number };
  if (e.action !== 'create' && e.action !== 'update') return null;
  const again = e.action === 'update';
  return {
    kind: 'survey_answered',
    summary: {
      zh: `${again ? '修改' : '填写'} ${after.year} 年《${after.formName}》`,
      en: `${again ? 'Corrected' : 'Filled in'} the ${after.year} "${after.formName}"`,
    },
  };
}
