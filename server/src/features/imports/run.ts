/**
 * What an import's passes share: the job they run for, what they found, batching, and the
 * error that rolls the apply back when the registry changed after the dry run.
 */
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
}

export interface SampleProblem {
  row: number;
  column: string | null;
  zh: string;
  en: string;
}

export interface Checked {
  totalRows: number;
  errorRows: number;
  counts: Record<string, number>;
  sample: SampleProblem[];
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

export async function* batches<T>(source: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of source) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

export const cachedInitials = (f: (name: string) => string) => {
  const cache = new Map<string, string>();
  return (name: string) => {
    let v = cache.get(name);
    if (v === undefined) cache.set(name, (v = f(name)));
    return v;
  };
};
