/**
 * What an import's passes share: the job they run for, what they found, batching, and the
 * error that rolls the apply back when the registry changed after the dry run.
 */
import { randomFillSync } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import type { Db } from '../../db/client.js';
import type { ColumnSpec } from '../../platform/excel.js';
import type { Scope } from '../../platform/scope.js';
import type { FileStorage } from '../../platform/storage.js';
import type { Msg, Problem } from './rules.js';

export interface Run {
  db: Db;
  storage: FileStorage;
  scope: Scope;
  jobId: string;
  today: Date;
  onProgress(rows: number): Promise<void>;
  /** Pinyin initials, cached for the job (names repeat). */
  initials(name: string): string;
  /** UUIDv7 ids for the rows written (bulkIds). */
  newId(): string;
}

export interface SampleProblem {
  row: number;
  column: string | null;
  zh: string;
  en: string;
}

/** A record the apply will change: its (first) row, who it is, and the sheet columns that differ. */
export interface Change {
  row: number;
  what: string;
  fields: string[];
}

export interface Checked {
  totalRows: number;
  errorRows: number;
  counts: Record<string, number>;
  sample: SampleProblem[];
  /** A few of the records the apply will change (kinds that compare with the registry). */
  changes?: Change[];
  /** The sheets read, and those passed over for want of the template's header. */
  sheets?: string[];
  skippedSheets?: string[];
  hasReport: boolean;
}

/** The registry changed between the dry run and the apply: nothing is written, check again. */
export class DataChanged extends Error {
  constructor(readonly msg: Msg) {
    super(msg.en);
  }
}

const sampleSize = 50;

/** Problems found after a row was staged (across rows, or against the registry), and bad households. */
export class Findings {
  private extras = new Map<number, Problem[]>();
  private bad = new Map<string, number>();
  private samples: { row: number; problem: Problem }[] = [];
  errorRows = 0;

  /** A household (or any group key) with a bad row is held back whole. */
  badKey(key: string | null, row: number): void {
    if (key === null) return;
    const first = this.bad.get(key);
    if (first === undefined || row < first) this.bad.set(key, row);
  }

  add(row: number, key: string | null, p: Problem): void {
    this.extras.set(row, [...(this.extras.get(row) ?? []), p]);
    this.badKey(key, row);
  }

  extra(row: number): Problem[] {
    return this.extras.get(row) ?? [];
  }

  firstBadRow(key: string | null): number | undefined {
    return key === null ? undefined : this.bad.get(key);
  }

  /** Counts a row of the final verdict and keeps the first problems for the job's summary. */
  count(row: number, problems: Problem[]): void {
    if (problems.length === 0) return;
    this.errorRows++;
    for (const p of problems) if (this.samples.length < sampleSize) this.samples.push({ row, problem: p });
  }

  sample(columns: readonly ColumnSpec[]): SampleProblem[] {
    const header = new Map(columns.map((c) => [c.key as string, c.header]));
    return this.samples.map(({ row, problem: p }) => ({ row, column: p.column ? (header.get(p.column) ?? p.column) : null, zh: p.zh, en: p.en }));
  }
}

/** Re-cuts batches of any size (NDJSON chunks) into batches of `size` (statements). */
export async function* batches<T>(source: AsyncIterable<T[]>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const items of source) {
    for (const item of items) {
      batch.push(item);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length) yield batch;
}

/**
 * Pinyin initials of names, as `whole` (regions/rules initialsOf) gives them, at a fraction of
 * its cost (~15 µs a name, 1.5 s for 100k): a Han character all of whose readings start with the
 * same letter is looked up once; a name with a character read several ways (长, 重, 单 …) or
 * anything other than Han characters goes to `whole`.
 */
export function nameInitials(whole: (name: string) => string): (name: string) => string {
  const byChar = new Map<string, string | null>();
  const byName = new Map<string, string>();
  const slow = (name: string) => {
    let v = byName.get(name);
    if (v === undefined) byName.set(name, (v = whole(name)));
    return v;
  };
  const letter = (ch: string) => {
    let v = byChar.get(ch);
    if (v === undefined) {
      const firsts = new Set(pinyin(ch, { multiple: true, type: 'array', toneType: 'none' }).map((r) => r[0]));
      v = firsts.size === 1 ? [...firsts][0]!.toLowerCase() : null;
      byChar.set(ch, v);
    }
    return v;
  };
  const known = new Map<string, string>();
  return (name) => {
    const k = known.get(name);
    if (k !== undefined) return k;
    let out = '';
    for (const ch of name) {
      const l = /\p{Script=Han}/u.test(ch) ? letter(ch) : null;
      if (l === null) return slow(name);
      out += l;
    }
    if (known.size < 100_000) known.set(name, out);
    return out;
  };
}

const hex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const nibble = '0123456789abcdef';

/**
 * UUIDv7 ids (the layout of platform/ids newId) for bulk writes, the random part drawn from a
 * pool: newId costs ~8 µs an id, which is a second for an import of 100k members; this ~0.3 µs.
 */
export function bulkIds(): () => string {
  const pool = Buffer.alloc(10 * 8192);
  let at = pool.length;
  let ms = -1;
  let time = '';
  return () => {
    if (at + 10 > pool.length) {
      randomFillSync(pool);
      at = 0;
    }
    const o = at;
    at += 10;
    const now = Date.now();
    if (now !== ms) {
      ms = now;
      const t = now.toString(16).padStart(12, '0');
      time = `${t.slice(0, 8)}-${t.slice(8, 12)}-7`;
    }
    const p = pool;
    return `${time}${nibble[p[o]! & 0x0f]}${hex[p[o + 1]!]}-${hex[(p[o + 2]! & 0x3f) | 0x80]}${hex[p[o + 3]!]}-${hex[p[o + 4]!]}${hex[p[o + 5]!]}${hex[p[o + 6]!]}${hex[p[o + 7]!]}${hex[p[o + 8]!]}${hex[p[o + 9]!]}`;
  };
}
