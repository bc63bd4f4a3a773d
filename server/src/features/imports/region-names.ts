/**
 * Pure: finding the region a row names. Clerks write 补抽乡 / 吉久村 / 一组 (or the codes); names
 * are looked up among the regions of the importer's scope only, so another township's village is
 * "not found", and a name that two townships share asks for the township or the code.
 */
import type { Cell } from '../../platform/excel.js';
import { normGroupName, problem, text, type Problem } from './rules.js';

export interface RegionEntry {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  /** Merged away or split: valid_to has passed. */
  expired: boolean;
}

export type Resolved = { ok: true; code: string; level: 'township' | 'village' | 'group' } | { ok: false; problem: Problem };

const codeLike = /^\d{12}(\d{3})?$/;

export class RegionIndex {
  private byCode = new Map<string, RegionEntry>();
  private byName = new Map<string, RegionEntry[]>();

  constructor(
    entries: RegionEntry[],
    private readonly scopePrefix: string,
  ) {
    for (const e of entries) {
      this.byCode.set(e.code, e);
      const key = `${e.level}|${e.level === 'group' ? normGroupName(e.name) : e.name}`;
      const list = this.byName.get(key);
      if (list) list.push(e);
      else this.byName.set(key, [e]);
    }
  }

  get size() {
    return this.byCode.size;
  }

  name(code: string): string | null {
    return this.byCode.get(code)?.name ?? null;
  }

  entry(code: string): RegionEntry | null {
    return this.byCode.get(code) ?? null;
  }

  /** Names of the regions of a level (template dropdowns), current ones only. */
  names(level: string): string[] {
    return [...this.byCode.values()].filter((e) => e.level === level && !e.expired).map((e) => e.name);
  }

  /**
   * One level: by code, or by name under the parent (when known) or anywhere in scope.
   * Blank answers null with no problem: the caller decides whether the level is required.
   */
  private find(column: string, v: Cell, level: 'township' | 'village' | 'group', parent: string | null, parentName: string | null): { entry: RegionEntry | null; problem?: Problem } {
    const s = text(v);
    if (s === null) return { entry: null };
    const what = { township: '乡镇', village: '村（社区）', group: '组（社）' }[level];
    if (codeLike.test(s)) {
      if (!s.startsWith(this.scopePrefix)) return { entry: null, problem: problem(column, `${what}代码 ${s} 不在您的管辖范围内`, `Region ${s} is outside your scope`) };
      const e = this.byCode.get(s);
      if (!e || e.level !== level) return { entry: null, problem: problem(column, `没有代码为 ${s} 的${what}`, `No ${level} with code ${s}`) };
      if (parent && e.parentCode !== parent) return { entry: null, problem: problem(column, `${s} 不在${parentName}下`, `${s} is not under ${parentName}`) };
      return this.current(column, e, what);
    }
    const key = `${level}|${level === 'group' ? normGroupName(s) : s}`;
    const all = (this.byName.get(key) ?? []).filter((e) => !parent || e.parentCode === parent);
    if (all.length === 0) {
      const where = parentName ? `${parentName}没有` : '您的管辖范围内没有';
      return { entry: null, problem: problem(column, `${where}名为“${s}”的${what}`, `No ${level} named "${s}" in your scope`) };
    }
    const live = all.filter((e) => !e.expired);
    if (live.length > 1) {
      return { entry: null, problem: problem(column, `有 ${live.length} 个名为“${s}”的${what}，请填写上级名称或 ${level === 'group' ? 15 : 12} 位行政区划代码`, `"${s}" is ambiguous; add the parent or the code`) };
    }
    return this.current(column, live[0] ?? all[0]!, what);
  }

  private current(column: string, e: RegionEntry, what: string) {
    if (e.expired) return { entry: null, problem: problem(column, `${what}“${e.name}”已撤并，请填写现在的名称`, `"${e.name}" no longer exists (merged or split)`) };
    return { entry: e };
  }

  /**
   * The region a row names, from the township down to the group: the deepest level filled wins.
   * `need` is the shallowest acceptable answer (households live in a village or group).
   */
  resolve(cells: { township: Cell; village: Cell; group?: Cell }, need: 'township' | 'village'): Resolved {
    // rows repeat the same few places: each is resolved once (a bounded memo)
    const key = [need, cells.township, cells.village, cells.group ?? null].map((c) => (c === null ? '' : `${typeof c}:${String(c)}`)).join('\u0001');
    const known = this.resolved.get(key);
    if (known) return known;
    const r = this.resolveOnce(cells, need);
    if (this.resolved.size < 10_000) this.resolved.set(key, r);
    return r;
  }
  private resolved = new Map<string, Resolved>();

  private resolveOnce(cells: { township: Cell; village: Cell; group?: Cell }, need: 'township' | 'village'): Resolved {
    const t = this.find('township', cells.township, 'township', null, null);
    if (t.problem) return { ok: false, problem: t.problem };
    const v = this.find('village', cells.village, 'village', t.entry?.code ?? null, t.entry?.name ?? null);
    if (v.problem) return { ok: false, problem: v.problem };
    if (!v.entry) {
      if (text(cells.group ?? null) !== null) return { ok: false, problem: problem('village', '填写了组，请同时填写村', 'A group needs its village') };
      if (need === 'village') return { ok: false, problem: problem('village', '必填', 'Required') };
      if (!t.entry) return { ok: false, problem: problem('township', '必填', 'Required') };
      return { ok: true, code: t.entry.code, level: 'township' };
    }
    const g = this.find('group', cells.group ?? null, 'group', v.entry.code, v.entry.name);
    if (g.problem) return { ok: false, problem: g.problem };
    return g.entry ? { ok: true, code: g.entry.code, level: 'group' } : { ok: true, code: v.entry.code, level: 'village' };
  }
}
