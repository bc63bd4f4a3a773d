import { levelOfCode, significantPrefix, type RegionLevel } from '../../platform/scope.js';

/**
 * Region history as pure functions: which regions went into which (merges, splits), the codes
 * given to regions that no longer exist, and names over time. No I/O.
 */

/** One line of region_successions: predecessor continued (wholly or in part) by successor. */
export interface Succession {
  predecessorCode: string;
  successorCode: string;
}

type Text = { zh: string; en: string };

/** Every region that went, directly or through others, into one of `codes` (not the codes themselves). */
export function predecessorClosure(edges: readonly Succession[], codes: readonly string[]): string[] {
  const into = new Map<string, string[]>();
  for (const e of edges) into.set(e.successorCode, [...(into.get(e.successorCode) ?? []), e.predecessorCode]);
  const seen = new Set(codes);
  const out: string[] = [];
  const todo = [...codes];
  while (todo.length) {
    for (const p of into.get(todo.pop()!) ?? []) {
      if (seen.has(p)) continue;
      seen.add(p);
      out.push(p);
      todo.push(p);
    }
  }
  return out.sort();
}

/** Every region that one of `codes` went into, directly or through others. */
export const successorClosure = (edges: readonly Succession[], codes: readonly string[]): string[] =>
  predecessorClosure(
    edges.map((e) => ({ predecessorCode: e.successorCode, successorCode: e.predecessorCode })),
    codes,
  );

/**
 * The code prefixes whose records belong to a region when its predecessors are included: its own,
 * and those of every region that went into it or into a region under it (a village merged into
 * another village of the township counts for the township), minus those already covered.
 */
export function prefixesWithPredecessors(edges: readonly Succession[], code: string): string[] {
  const own = significantPrefix(code);
  const into = edges.filter((e) => e.successorCode.startsWith(own)).map((e) => e.successorCode);
  const prefixes = predecessorClosure(edges, [code, ...into]).map(significantPrefix);
  const out = [own];
  for (const p of [...new Set(prefixes)].sort((a, b) => a.length - b.length || a.localeCompare(b))) {
    if (!out.some((o) => p.startsWith(o))) out.push(p);
  }
  return out;
}

export interface SuccessionInput {
  kind: 'merge' | 'split';
  predecessors: { code: string; level: RegionLevel; validFrom: string | null; validTo: string | null }[];
  successors: { code: string; level: RegionLevel; validFrom: string | null; validTo: string | null }[];
  on: string;
}

/**
 * What is wrong with a merge (regions into one, which may be one of them: 南台村 and 梨园村 into
 * 梨园村) or a split (one region into several, possibly itself among them), against the history
 * already recorded; null when it can be recorded. `field` names the part of the body at fault.
 */
export function successionProblem(s: SuccessionInput, edges: readonly Succession[]): { field: string; message: Text } | null {
  const succ = new Set(s.successors.map((r) => r.code));
  const ending = s.predecessors.filter((p) => !succ.has(p.code));
  if (s.kind === 'merge' && s.successors.length !== 1) return { field: 'successorCodes', message: { zh: '合并后只能有一个区划', en: 'A merge has one successor' } };
  if (s.kind === 'split' && s.predecessors.length !== 1) return { field: 'predecessorCodes', message: { zh: '拆分只能针对一个区划', en: 'A split has one predecessor' } };
  if (s.kind === 'split' && s.successors.filter((r) => r.code !== s.predecessors[0]!.code).length < 1) return { field: 'successorCodes', message: { zh: '请选择拆分后的区划', en: 'Choose the regions it was split into' } };
  // A split may leave the region itself in place (part of 甲村 became 乙村); a merge ends someone.
  if (s.kind === 'merge' && ending.length === 0) return { field: 'predecessorCodes', message: { zh: '请选择被合并（撤销）的区划', en: 'Choose the regions merged' } };
  const level = s.predecessors[0]!.level;
  if ([...s.predecessors, ...s.successors].some((r) => r.level !== level)) return { field: 'successorCodes', message: { zh: '合并或拆分的区划应为同一级别', en: 'All regions must be of one level' } };
  for (const [i, p] of s.predecessors.entries()) {
    if (succ.has(p.code)) continue;
    if (p.validTo !== null && p.validTo !== s.on) return { field: `predecessorCodes.${i}`, message: { zh: `该区划已于 ${p.validTo} 撤销`, en: `It already ended on ${p.validTo}` } };
    if (p.validFrom !== null && p.validFrom >= s.on) return { field: 'on', message: { zh: `日期应晚于被撤销区划的设立日期 ${p.validFrom}`, en: `The day must come after ${p.validFrom}` } };
    if (p.validTo !== null && edges.some((e) => e.predecessorCode === p.code)) return { field: `predecessorCodes.${i}`, message: { zh: '该区划的撤并已记录过', en: 'Its merge or split is already recorded' } };
  }
  for (const [i, r] of s.successors.entries()) {
    if (r.validTo !== null && r.validTo <= s.on) return { field: `successorCodes.${i}`, message: { zh: `该区划在 ${s.on} 已不存在`, en: `It no longer exists on ${s.on}` } };
    const later = successorClosure(edges, [r.code]);
    if (ending.some((p) => later.includes(p.code))) return { field: `successorCodes.${i}`, message: { zh: '该区划由被撤销的区划演变而来，不能循环', en: 'That would make a cycle' } };
  }
  return null;
}

/**
 * A code for a township or village that no longer exists and whose national code is unknown: the
 * parent's digits and the first free number of the 9xx block (433124213 → 433124213901; a township
 * of 433124 → 433124901000). The statistics office's 2023 codes use 0xx–5xx only, so a local code
 * never meets a national one, and prefix scoping works for it as for any region.
 */
export function nextLocalCode(parentCode: string, existingChildCodes: readonly string[]): string {
  const parent = levelOfCode(parentCode);
  if (parent !== 'county' && parent !== 'township') throw new Error('local codes are for townships and villages');
  const head = significantPrefix(parentCode);
  const used = existingChildCodes.filter((c) => c.startsWith(head + '9')).map((c) => Number(c.slice(head.length, head.length + 3)));
  const next = Math.max(900, ...used) + 1;
  if (next > 999) throw new Error('no local code left under ' + parentCode);
  return (head + String(next)).padEnd(12, '0');
}

/** A rename as recorded: the name before and after, from a day. */
export interface Rename {
  oldName: string;
  newName: string;
  on: string;
}

/** The names a region had, oldest first, each with its half-open validity. */
export function nameHistory(r: { name: string; validFrom: string | null }, renames: readonly Rename[]): { name: string; validFrom: string | null; validTo: string | null }[] {
  const sorted = [...renames].sort((a, b) => a.on.localeCompare(b.on));
  const out: { name: string; validFrom: string | null; validTo: string | null }[] = [];
  let from = r.validFrom;
  for (const e of sorted) {
    out.push({ name: e.oldName, validFrom: from, validTo: e.on });
    from = e.on;
  }
  out.push({ name: r.name, validFrom: from, validTo: null });
  return out;
}
