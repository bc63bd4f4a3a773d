/**
 * Pure rules for reading a clerk's Excel: one cell at a time (dates, ID numbers, phones, coded
 * values typed as Chinese labels) and region names resolved within the importer's scope.
 * No I/O: the service feeds rows and lookups in, and writes what comes out.
 */
import type { Cell } from '../../platform/excel.js';
import { checkIdNumber, idProblemText, type IdInfo } from '../../platform/personal-data.js';
import { excelSerialToIso } from '../../platform/excel.js';
import { fieldRules, lengthProblem, phonePattern } from '../../platform/field-rules.js';

export interface Msg {
  zh: string;
  en: string;
}
/** A problem with one cell (column = the column key), or with the row as a whole (column null). */
export interface Problem extends Msg {
  column: string | null;
}
export const problem = (column: string | null, zh: string, en: string): Problem => ({ column, zh, en });

/** Files up to this size are checked and applied within the request; larger ones in the background. */
export const inlineFileBytes = 1024 * 1024;
export const inlineApplyRows = 10_000;
export const maxUploadBytes = 50 * 1024 * 1024;

const spaces = /[\s\u3000]/;

/** Trimmed text of a cell (full-width spaces too), or null when empty. */
export function text(v: Cell): string | null {
  if (v === null) return null;
  if (typeof v === 'string' && v !== '' && !spaces.test(v)) return v;
  const s = String(v).replace(/[\s\u3000]+/g, ' ').trim();
  return s === '' ? null : s;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: Problem };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(column: string, zh: string, en: string): Parsed<T> => ({ ok: false, problem: problem(column, zh, en) });

/** Full-width digits and Ｘ (typed with a Chinese input method) as their ASCII selves. */
const fullWidth = /[\uff10-\uff19\uff38\uff58]/g;
const halfWidth = (s: string) => s.replace(fullWidth, (c) => (c === '\uff38' || c === '\uff58' ? 'X' : String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48)));
/** 4.33124E+17: the number Excel showed, pasted or saved back as text. */
const scientific = /^\d(\.\d+)?E\+?\d+$/i;

const lostDigits = (column: string) =>
  problem(column, '身份证号被 Excel 存成了数字，后几位已丢失：请把该列设为“文本”后重新填写', 'The ID number was stored as a number and lost digits; format the column as text');

/** Why an ID number that is not 17 digits and a digit or X is wrong, in the clerk's terms. */
function formatProblem(column: string, s: string): Problem {
  if (scientific.test(s))
    return problem(column, `身份证号成了科学计数法（${s}），后几位已丢失：请把该列设为“文本”后重新填写`, 'The ID number became scientific notation and lost digits; format the column as text');
  const odd = [...new Set(s.replace(/[0-9X]/g, ''))];
  if (odd.length) return problem(column, `身份证号中有数字和 X 以外的字符“${odd.slice(0, 3).join('”“')}”`, `The ID number contains "${odd.join('')}"`);
  if (s.length !== 18) return problem(column, s.length < 18 ? `身份证号只有 ${s.length} 位，应为 18 位` : `身份证号有 ${s.length} 位，应为 18 位`, `An ID number has 18 characters, not ${s.length}`);
  return problem(column, idProblemText.format.zh, idProblemText.format.en);
}

/** An ID number cell checked once: the number as written (upper case, no spaces, half-width) and what it says. */
export function idNumberOf(column: string, v: Cell, today = new Date()): Parsed<{ idNumber: string; info: IdInfo }> {
  if (typeof v === 'number') return { ok: false, problem: lostDigits(column) };
  const t = text(v);
  let s = t === null ? '' : /\s|[a-z]/.test(t) ? t.replace(/\s/g, '').toUpperCase() : t;
  let r = checkIdNumber(s, today);
  // the common cell is 18 plain characters and passes above; the rest is looked at once more
  if (!r.ok && r.problem === 'format') {
    s = halfWidth(s).replace(/\s/g, '').toUpperCase();
    r = checkIdNumber(s, today);
    if (!r.ok && r.problem === 'format') return { ok: false, problem: formatProblem(column, s) };
  }
  return r.ok ? ok({ idNumber: s, info: r.info }) : { ok: false, problem: { column, ...idProblemText[r.problem] } };
}

export function idNumberCell(column: string, v: Cell, today = new Date()): Parsed<string> {
  const r = idNumberOf(column, v, today);
  return r.ok ? ok(r.value.idNumber) : r;
}

const cnDigits = '〇一二三四五六七八九';

/** 2024-3-5, 2024/03/05, 2024.3.5, 20240305, 2024年3月5日, or an Excel date → 2024-03-05. */
export function dateCell(column: string, v: Cell, today = new Date()): Parsed<string | null> {
  if (v === null) return ok(null);
  let iso: string | null = null;
  if (typeof v === 'number') iso = v > 10_000_000 ? compactDate(String(v)) : excelSerialToIso(v);
  else {
    const s = String(v).trim();
    const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
    iso = m ? realDate(Number(m[1]), Number(m[2]), Number(m[3])) : /^\d{8}$/.test(s) ? compactDate(s) : null;
  }
  if (!iso) return bad(column, '日期格式不正确，请填写如 1985-03-12', 'Not a date; write e.g. 1985-03-12');
  if (iso < '1900-01-01' || iso > today.toISOString().slice(0, 10)) return bad(column, '日期超出合理范围', 'Date out of range');
  return ok(iso);
}

function realDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date.toISOString().slice(0, 10) : null;
}
const compactDate = (s: string) => realDate(Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6, 8)));

export function phoneCell(column: string, v: Cell): Parsed<string | null> {
  const s = text(v)?.replace(/[\s()（）]/g, '') ?? null;
  if (s === null) return ok(null);
  return phonePattern.test(s) ? ok(s) : bad(column, fieldRules.phone.bad.zh, fieldRules.phone.bad.en);
}

/** A non-negative amount with at most 2 decimals (耕地面积 in 亩). */
export function decimalCell(column: string, v: Cell, max: number = fieldRules.landMu.max): Parsed<string | null> {
  if (v === null) return ok(null);
  const n = typeof v === 'number' ? v : /^\d+(\.\d+)?$/.test(String(v).trim()) ? Number(String(v).trim()) : NaN;
  if (!Number.isFinite(n)) return bad(column, '应填写数字，如 3.5', 'Must be a number, e.g. 3.5');
  if (n < 0 || n > max) return bad(column, `数值超出合理范围（0–${max}）`, `Out of range (0–${max})`);
  return ok((Math.round(n * 100) / 100).toFixed(2));
}

export function yesNoCell(column: string, v: Cell): Parsed<boolean> {
  const s = text(v);
  if (s === null) return ok(false);
  if (['是', '党员', '中共党员', 'Y', 'y', 'yes', '1', 'true', '√'].includes(s) || v === true) return ok(true);
  if (['否', '群众', '非党员', 'N', 'n', 'no', '0', 'false', '×'].includes(s) || v === false) return ok(false);
  return bad(column, '请填写“是”或“否”', 'Write 是 (yes) or 否 (no)');
}

/** Label lookups per labels object, built once: exact (zh, code) and lower-cased English, each with its label's position. */
const codedLookups = new WeakMap<object, { exact: Map<string, [number, string]>; en: Map<string, [number, string]>; allowed: string }>();
function codedLookup(labels: Record<string, Msg>) {
  let l = codedLookups.get(labels);
  if (!l) {
    const exact = new Map<string, [number, string]>();
    const en = new Map<string, [number, string]>();
    Object.entries(labels).forEach(([code, m], i) => {
      for (const k of [m.zh, code]) if (!exact.has(k)) exact.set(k, [i, code]);
      if (!en.has(m.en.toLowerCase())) en.set(m.en.toLowerCase(), [i, code]);
    });
    l = { exact, en, allowed: Object.values(labels).map((m) => m.zh).join('、') };
    codedLookups.set(labels, l);
  }
  return l;
}

/** A coded value typed as its Chinese label (or English label, or code), with local synonyms. */
export function codedCell<K extends string>(column: string, v: Cell, labels: Record<K, Msg>, synonyms: Record<string, K> = {}): Parsed<K | null> {
  const s = text(v);
  if (s === null) return ok(null);
  if (synonyms[s]) return ok(synonyms[s]);
  // the first label (in order) whose zh or code is s, or whose English is s in any case
  const l = codedLookup(labels);
  const a = l.exact.get(s);
  const b = l.en.get(s.toLowerCase());
  const hit = a && b ? (a[0] <= b[0] ? a : b) : (a ?? b);
  if (hit) return ok(hit[1] as K);
  return bad(column, `“${s}”不是可选的值，可填：${l.allowed}`, `"${s}" is not one of the allowed values`);
}

/** Several values in one cell: 贫困户、信访户 (separated by 、 , ， ; ； / or spaces). */
export function listCell(column: string, v: Cell, lookup: Map<string, string>, what: string): Parsed<string[]> {
  const s = text(v);
  if (s === null) return ok([]);
  // the same few lists repeat down a register: answered once per lookup and text (a bounded memo)
  let memo = listMemos.get(lookup);
  if (!memo) listMemos.set(lookup, (memo = new Map()));
  const key = `${column}\u0001${what}\u0001${s}`;
  const known = memo.get(key);
  if (known) return known.ok ? ok([...known.value]) : known;
  const r = listOf(column, s, lookup, what);
  if (memo.size < 10_000) memo.set(key, r);
  return r.ok ? ok([...r.value]) : r;
}
const listMemos = new WeakMap<Map<string, string>, Map<string, Parsed<string[]>>>();

function listOf(column: string, s: string, lookup: Map<string, string>, what: string): Parsed<string[]> {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const part of s.split(/[、,，;；/\s]+/).filter(Boolean)) {
    const code = lookup.get(part) ?? lookup.get(part.toLowerCase());
    if (code) {
      if (!codes.includes(code)) codes.push(code);
    } else unknown.push(part);
  }
  if (unknown.length) return bad(column, `没有这样的${what}：${unknown.join('、')}`, `Unknown ${what}: ${unknown.join(', ')}`);
  return ok(codes.sort());
}

/** Label (zh, en lower-cased) and code → code, for listCell. */
export function labelLookup(entries: { code: string; zh: string; en: string }[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const e of entries) {
    m.set(e.code, e.code);
    m.set(e.zh, e.code);
    m.set(e.en.toLowerCase(), e.code);
  }
  return m;
}

export function nameCell(column: string, v: Cell, required: boolean): Parsed<string | null> {
  const s = text(v);
  if (s === null) return required ? bad(column, '必填', 'Required') : ok(null);
  const p = lengthProblem(fieldRules.personName, s);
  return p ? bad(column, p.zh, p.en) : ok(s);
}

/** Optional text held to a field's length rule (platform/field-rules). */
export function lengthCell(column: string, v: Cell, rule: Parameters<typeof lengthProblem>[0]): Parsed<string | null> {
  const s = text(v);
  if (s === null) return ok(null);
  const p = lengthProblem(rule, s);
  return p ? bad(column, p.zh, p.en) : ok(s);
}

/** 1组, 第1组, 第一组 and 一组 are the same group. */
export function normGroupName(name: string): string {
  const s = name.replace(/^第/, '').replace(/\s/g, '');
  const m = /^(\d{1,2})(.*)$/.exec(s);
  if (!m) return s;
  const n = Number(m[1]);
  const cn = n < 10 ? cnDigits[n]! : n < 20 ? `十${n % 10 ? cnDigits[n % 10] : ''}` : `${cnDigits[Math.floor(n / 10)]}十${n % 10 ? cnDigits[n % 10] : ''}`;
  return cn + m[2];
}
