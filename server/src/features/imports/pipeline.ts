/**
 * The passes of an import over its files, whatever the kind: read the upload once with the
 * streaming reader and stage every row (cells as typed, what the rules made of them, problems)
 * as a line of NDJSON; read staged lines back for the report and the apply files. Memory holds
 * only what the cross-row checks need, never the rows.
 */
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { mapHeader, readRows, type Cell, type ColumnSpec, type RangeSource } from '../../platform/excel.js';
import type { FileStorage } from '../../platform/storage.js';
import type { Msg, Problem } from './rules.js';

export interface StagedRow<V = unknown> {
  row: number;
  cells: Cell[];
  value: V | null;
  problems: Problem[];
  /** The household a member row belongs to; null for kinds without groups. */
  key: string | null;
}

export const files = (jobId: string) => ({
  upload: `imports/${jobId}/upload.xlsx`,
  staged: `imports/${jobId}/rows.ndjson`,
  report: `imports/${jobId}/report.xlsx`,
  apply: (part: string) => `imports/${jobId}/apply-${part}.ndjson`,
});

/**
 * NDJSON out, buffered: lines are joined and written 512 KB at a time, so a row costs no await
 * (write answers a promise only when it flushed and must wait for the disk).
 */
export class LineWriter {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly out: Writable) {}

  write(value: unknown): Promise<void> | undefined {
    const line = JSON.stringify(value) + '\n';
    this.parts.push(line);
    this.size += line.length;
    return this.size >= 512 * 1024 ? this.flush() : undefined;
  }

  private async flush(): Promise<void> {
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    if (this.size) await this.flush();
    this.out.end();
    await once(this.out, 'finish');
  }

  destroy(): void {
    this.out.destroy();
  }
}

/** NDJSON in, a chunk's worth of parsed lines at a time (a promise per chunk, not per line). */
export async function* readBatches<T>(input: Readable): AsyncGenerator<T[]> {
  let rest = '';
  for await (const chunk of input) {
    const text = rest + (chunk as Buffer).toString('utf8');
    const lines = text.split('\n');
    rest = lines.pop()!;
    yield lines.filter(Boolean).map((l) => JSON.parse(l) as T);
  }
  if (rest) yield [JSON.parse(rest) as T];
}

/** A stored file as the .xlsx reader takes it: its size and byte ranges. */
export async function storedFile(storage: FileStorage, key: string): Promise<RangeSource> {
  return { size: await storage.size(key), read: (start, end) => storage.read(key, { start, end }) };
}

/** Rows a template carries for show: the first cell starts with 【示例】. */
export const examplePrefix = '【示例】';

export interface StageResult<K extends string> {
  header: Cell[];
  index: Map<K, number>;
  rows: number;
}

export class ImportFailure extends Error {
  constructor(readonly msg: Msg) {
    super(msg.en);
  }
}

/**
 * Pass 1. The header is the first row (of the first ten: county sheets often open with a title
 * row) that names every required column. Each data row is parsed and staged; onProgress is called
 * every `every` rows.
 */
export async function stageRows<K extends string, V>(opts: {
  /** The upload, read by byte ranges (storedFile). */
  file: RangeSource;
  storage: FileStorage;
  key: string;
  columns: readonly ColumnSpec<K>[];
  parse: (cells: Record<K, Cell>, row: number) => { value: V | null; problems: Problem[]; key: string | null };
  onProgress: (rows: number) => Promise<void>;
  every?: number;
}): Promise<StageResult<K>> {
  const out = new LineWriter(opts.storage.writer(opts.key));
  let header: { cells: Cell[]; index: Map<K, number>; at: number[] } | null = null;
  let best = { size: 0, missing: opts.columns.filter((c) => c.required) };
  let rows = 0;
  const reader = readRows(opts.file);
  try {
    for (;;) {
      let next: IteratorResult<{ rowNumber: number; cells: Cell[] }>;
      try {
        next = await reader.next();
      } catch {
        throw new ImportFailure({ zh: '文件无法读取：不是有效的 Excel（.xlsx）文件，或文件已损坏', en: 'The file cannot be read as an .xlsx workbook' });
      }
      if (next.done) break;
      const { rowNumber, cells } = next.value;
      if (!header) {
        const { index, missing } = mapHeader(cells, opts.columns);
        if (missing.length === 0) header = { cells, index, at: opts.columns.map((c) => index.get(c.key) ?? -1) };
        else if (rowNumber > 10) break;
        else if (index.size > best.size) best = { size: index.size, missing };
        continue;
      }
      const first = cells.find((c) => c !== null);
      if (typeof first === 'string' && first.startsWith(examplePrefix)) continue;
      const byKey = {} as Record<K, Cell>;
      for (let i = 0; i < opts.columns.length; i++) {
        const at = header.at[i]!;
        byKey[opts.columns[i]!.key] = at < 0 ? null : (cells[at] ?? null);
      }
      const parsed = opts.parse(byKey, rowNumber);
      const flushed = out.write({ row: rowNumber, cells, value: parsed.value, problems: parsed.problems, key: parsed.key } satisfies StagedRow<V>);
      if (flushed) await flushed;
      rows++;
      if (rows % (opts.every ?? 2000) === 0) await opts.onProgress(rows);
    }
  } catch (err) {
    out.destroy();
    await reader.return(undefined);
    throw err;
  }
  await out.close();
  if (!header) {
    const names = best.missing.map((c) => c.header).join('、');
    throw new ImportFailure({ zh: `找不到表头：缺少列 ${names}。请使用下载的模板`, en: `No header row: missing ${names}. Use the template` });
  }
  if (rows === 0) throw new ImportFailure({ zh: '表中没有数据行', en: 'The sheet has no data rows' });
  return { header: header.cells, index: header.index, rows };
}
