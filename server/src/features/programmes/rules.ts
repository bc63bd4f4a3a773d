/**
 * Programme rules: which subjects and targets a rule speaks of, rounds and periods on a day,
 * validation of a definition, and copying a template. Pure: no I/O.
 */
import { levelOfCode, significantPrefix } from '../../platform/scope.js';
import type { CadreRank } from '../cadres/tables.js';
import { roleShapes, type HelperKind, type TargetKind } from '../pairings/rules.js';
import type { UnitLevel } from '../units/tables.js';
import type { Day, Programme, ProgrammeDefinition, ProgrammeTemplate, Round, SubjectSelector, TargetSpec } from './model.js';

export * from './model.js';

/** A subject as the rules see it: a cadre, unit or branch taking part in the programme. */
export type SubjectFacts =
  | { kind: 'cadre'; rank: CadreRank; tags?: readonly string[] }
  | { kind: 'unit'; level: UnitLevel }
  | { kind: 'branch'; unitId: string | null };

export function subjectMatches(sel: SubjectSelector, s: SubjectFacts): boolean {
  switch (sel.kind) {
    case 'cadre':
      return s.kind === 'cadre' && sel.ranks.includes(s.rank) && (!sel.tag || (s.tags ?? []).includes(sel.tag));
    case 'unit':
      return s.kind === 'unit' && (!sel.levels || sel.levels.length === 0 || sel.levels.includes(s.level));
    case 'branch':
      return s.kind === 'branch' && (!sel.of || (sel.of === 'unit') === (s.unitId !== null));
  }
}

/** A target as the rules see it; categories for households, unitId for branches. */
export interface TargetFacts {
  kind: TargetKind;
  categories?: readonly string[];
  unitId?: string | null;
}

export function targetMatches(spec: TargetSpec, t: TargetFacts): boolean {
  if (spec.kind !== t.kind) return false;
  switch (spec.kind) {
    case 'household':
      return spec.categories.length === 0 || spec.categories.some((c) => (t.categories ?? []).includes(c));
    case 'branch':
      return !spec.of || (spec.of === 'unit') === (t.unitId != null);
    case 'township':
    case 'village':
    case 'person':
      return true;
  }
}

export const helperKindOf = (sel: SubjectSelector): HelperKind => sel.kind;

/** The round running on a day, if any. */
export const roundOn = (p: Pick<ProgrammeDefinition, 'rounds'>, day: Day): Round | null => p.rounds.find((r) => r.startOn <= day && day < r.endOn) ?? null;

export const runsOn = (p: Pick<ProgrammeDefinition, 'period'>, day: Day): boolean => p.period.startOn <= day && (p.period.endOn === null || day < p.period.endOn);

/** Every household category code a programme names: the catalogue must know each of them. */
export function categoriesUsed(def: ProgrammeDefinition): string[] {
  const specs = [...def.pairingRules.map((r) => r.target), ...def.coverage.map((c) => c.target)];
  const codes = specs.flatMap((s) => (s.kind === 'household' ? s.categories : []));
  return [...new Set([...codes, ...(def.requirements.mustVisit?.categories ?? [])])].sort();
}

export interface DefinitionProblem {
  path: (string | number)[];
  zh: string;
  en: string;
}

const isDay = (d: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

/**
 * What is wrong with a definition beyond its shape: dates, rounds inside the period and not
 * overlapping, rule ids unique, min ≤ max, targets a subject can be paired with, roles that fit.
 */
export function programmeProblems(def: ProgrammeDefinition): DefinitionProblem[] {
  const out: DefinitionProblem[] = [];
  const add = (path: (string | number)[], zh: string, en: string) => out.push({ path, zh, en });
  try {
    if (levelOfCode(def.regionCode) === 'group') add(['regionCode'], '活动范围不能是组', 'A programme covers a village or more');
  } catch {
    add(['regionCode'], '行政区划代码无效', 'Not a region code');
  }
  const { startOn, endOn } = def.period;
  if (!isDay(startOn)) add(['period', 'startOn'], '日期无效', 'Not a date');
  if (endOn !== null && !isDay(endOn)) add(['period', 'endOn'], '日期无效', 'Not a date');
  if (endOn !== null && endOn <= startOn) add(['period', 'endOn'], '结束日期应晚于开始日期', 'The end comes after the start');

  const rounds = def.rounds.map((r, i) => ({ r, i })).sort((a, b) => a.r.startOn.localeCompare(b.r.startOn));
  const nos = new Set<number>();
  rounds.forEach(({ r, i }, k) => {
    if (nos.has(r.no)) add(['rounds', i, 'no'], `轮次 ${r.no} 重复`, `Round ${r.no} appears twice`);
    nos.add(r.no);
    if (!isDay(r.startOn) || !isDay(r.endOn) || r.endOn <= r.startOn) add(['rounds', i, 'endOn'], '轮次的结束日期应晚于开始日期', "A round's end comes after its start");
    if (r.startOn < startOn || (endOn !== null && r.endOn > endOn)) add(['rounds', i], '轮次应在活动期间内', 'A round lies inside the programme period');
    const next = rounds[k + 1];
    if (next && next.r.startOn < r.endOn) add(['rounds', next.i, 'startOn'], '轮次之间不能重叠', 'Rounds do not overlap');
  });

  const ids = new Set<string>();
  const checkId = (path: (string | number)[], id: string) => {
    if (ids.has(id)) add(path, `规则编号 ${id} 重复`, `Rule id ${id} appears twice`);
    ids.add(id);
  };
  def.pairingRules.forEach((r, i) => {
    checkId(['pairingRules', i, 'id'], r.id);
    if (r.max != null && r.max < r.min) add(['pairingRules', i, 'max'], '上限不应小于下限', 'The maximum is at least the minimum');
    if (r.subject.kind === 'cadre' && r.subject.ranks.length === 0) add(['pairingRules', i, 'subject', 'ranks'], '请选择干部职级', 'Choose at least one rank');
    const roles = r.roles?.length ? r.roles : null;
    const fits = Object.values(roleShapes).some((s) => s.helper === r.subject.kind && s.targets.includes(r.target.kind));
    if (!fits) add(['pairingRules', i, 'target'], '该帮扶方不能结对这类对象', 'This helper cannot be paired with this kind of target');
    roles?.forEach((role, j) => {
      const s = roleShapes[role];
      if (s.helper !== r.subject.kind || !s.targets.includes(r.target.kind)) add(['pairingRules', i, 'roles', j], `结对形式“${s.zh}”与规则不符`, `Role "${s.en}" does not fit the rule`);
    });
  });
  def.coverage.forEach((c, i) => checkId(['coverage', i, 'id'], c.id));
  const usesRound = Object.values(def.requirements).some((q) => q !== null && typeof q === 'object' && 'per' in q && q.per === 'round');
  if (usesRound && def.rounds.length === 0) add(['requirements'], '按轮次计的要求需要先设轮次', 'Per-round requirements need rounds');
  return out;
}

const addDays = (day: Day, n: number): Day => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (a: Day, b: Day): number => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/**
 * An administrator's own programme from a template: a deep copy with a new id, region and name;
 * with `startOn`, the period and every round move by the same number of days.
 */
export function copyTemplate(t: ProgrammeTemplate, opts: { id: string; regionCode: string; name?: string; startOn?: Day }): Programme {
  const def = structuredClone(t.definition);
  const shift = opts.startOn ? daysBetween(def.period.startOn, opts.startOn) : 0;
  const move = (d: Day) => (shift ? addDays(d, shift) : d);
  return {
    ...def,
    id: opts.id,
    templateKey: t.key,
    name: opts.name ?? def.name,
    regionCode: opts.regionCode,
    period: { startOn: move(def.period.startOn), endOn: def.period.endOn === null ? null : move(def.period.endOn) },
    rounds: def.rounds.map((r) => ({ ...r, startOn: move(r.startOn), endOn: move(r.endOn) })),
  };
}

/** The prefix every region inside the programme starts with (433124213000 → 433124213). */
export const programmePrefix = (p: Pick<ProgrammeDefinition, 'regionCode'>): string => significantPrefix(p.regionCode);
