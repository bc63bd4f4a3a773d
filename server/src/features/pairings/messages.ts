/** Chinese and English wording of breaches and proposals. */
import { rankNames } from '../cadres/rules.js';
import { builtInCategories } from '../households/labels.js';
import type { TargetSpec } from '../programmes/model.js';
import { templateCategories } from '../programmes/templates.js';
import { kindNames, type HelperKind, type TargetKind } from './rules.js';

export interface Text {
  zh: string;
  en: string;
}

const builtIn = new Map<string, Text>([...builtInCategories, ...templateCategories].map((c) => [c.code, { zh: c.zh, en: c.en }]));

export type CategoryNamer = (code: string) => Text;

export const categoryNamer =
  (own?: ReadonlyMap<string, Text>): CategoryNamer =>
  (code) =>
    own?.get(code) ?? builtIn.get(code) ?? { zh: code, en: code };

/** 致富明星户 / 思想保守户或难缠户 / 农户 / 乡镇 … */
export function describeSpec(spec: TargetSpec, names: CategoryNamer): Text {
  if (spec.kind === 'household' && spec.categories.length > 0) {
    const cs = spec.categories.map(names);
    return { zh: cs.map((c) => c.zh).join('或'), en: cs.map((c) => c.en.toLowerCase()).join(' or ') + ' household' };
  }
  if (spec.kind === 'branch' && spec.of) return spec.of === 'unit' ? { zh: '部门党支部', en: "unit's party branch" } : { zh: '村党支部', en: 'village party branch' };
  return kindNames[spec.kind];
}

/** 李胜（党员） / 县农业局 / 乡干部 3f2a… / household 3f2a… (without a name, the id) */
export function who(kind: HelperKind | TargetKind, id: string, name?: string, rank?: keyof typeof rankNames): Text {
  const r = rank ? rankNames[rank] : null;
  if (name) return { zh: r ? `${name}（${r.zh}）` : name, en: r ? `${name} (${r.en.toLowerCase()})` : name };
  return r ? { zh: `${r.zh} ${id}`, en: `${r.en.toLowerCase()} ${id}` } : { zh: `${kindNames[kind].zh} ${id}`, en: `${kindNames[kind].en} ${id}` };
}

export const messages = {
  missing: (s: Text, rule: Text, target: Text, have: number, required: number): Text => ({
    zh: `${s.zh}未达到“${rule.zh}”：应联系${target.zh} ${required} 个，现有 ${have} 个，缺 ${required - have} 个`,
    en: `${s.en} falls short of "${rule.en}": needs ${required} ${target.en}, has ${have}, missing ${required - have}`,
  }),
  over: (s: Text, what: Text, have: number, max: number): Text => ({
    zh: `${s.zh}联系的${what.zh}超出上限：现有 ${have} 个，上限 ${max} 个`,
    en: `${s.en} is over capacity for ${what.en}: ${have} of at most ${max}`,
  }),
  uncovered: (t: Text, rule: Text): Text => ({
    zh: `${t.zh}尚无帮扶责任人（${rule.zh}）`,
    en: `${t.en} has no helper (${rule.en})`,
  }),
  outsideRegion: (s: Text, t: Text): Text => ({
    zh: `${s.zh}联系的${t.zh}不在活动范围内`,
    en: `${s.en} is paired with ${t.en} outside the programme's region`,
  }),
  outsidePeriod: (s: Text, t: Text): Text => ({
    zh: `${s.zh}与${t.zh}的结对不在活动期间内`,
    en: `The pairing of ${s.en} with ${t.en} lies outside the programme period`,
  }),
  outsideRound: (s: Text, t: Text, why: Text): Text => ({
    zh: `${s.zh}与${t.zh}的结对${why.zh}`,
    en: `The pairing of ${s.en} with ${t.en} ${why.en}`,
  }),
  inactiveTarget: (s: Text, t: Text): Text => ({
    zh: `${s.zh}联系的${t.zh}已迁出、撤销或失效，结对仍未结束`,
    en: `${s.en} is still paired with ${t.en}, which has ended`,
  }),
  inactiveHelper: (s: Text, t: Text): Text => ({
    zh: `${t.zh}的帮扶方${s.zh}已离开或撤销，需要交接`,
    en: `The helper of ${t.en}, ${s.en}, has left or ended: hand over`,
  }),
  noLead: (t: Text): Text => ({ zh: `${t.zh}有多名帮扶责任人（几帮一），但未指定牵头联系人`, en: `${t.en} has several helpers but no lead contact` }),
  severalLeads: (t: Text, n: number): Text => ({ zh: `${t.zh}有 ${n} 名牵头联系人，应只有一名`, en: `${t.en} has ${n} lead contacts; one is expected` }),
};

export const roundReasons = {
  none: { zh: '未指定轮次', en: 'has no round' },
  unknown: { zh: '指向不存在的轮次', en: 'points to a round the programme does not have' },
  before: { zh: '开始于轮次之前', en: 'starts before its round' },
  after: { zh: '超出轮次结束日期，尚未交接', en: 'runs past the end of its round and was not handed over' },
};
