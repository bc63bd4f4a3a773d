/**
 * The passes of an import over its files. Cadres and pairings: read the upload once with the
 * streaming reader and stage every row (cells as typed, what the rules made of them, problems)
 * as a line of NDJSON; read staged lines back for the report and the apply files. Households
 * (scanSheet): one pass whose rows go to the database (staging.ts). Memory holds only what the
 * cross-row checks need, never the rows.
 */
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { mapHeader, type Cell, type ColumnSpec, type RangeSource, type SheetRow } from '../../platform/excel.js';
import { bookSheetBatches, openBook } from '../../platform/xlsx-reader.js';
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
    return this.writeLine(JSON.stringify(value));
  }

  /** A line already made (no newline in it). */
  writeLine(text: string): Promise<void> | undefined {
    const line = text + '\n';
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

/**
 * Staged rows are written as two JSON texts on a line, split by a tab (JSON never holds a raw
 * tab): what the rules made of the row, then its cells — which only the report needs, so they
 * are parsed only for the rows it takes.
 */
function stagedLine(s: StagedRow): string {
  return JSON.stringify({ row: s.row, value: s.value, problems: s.problems, key: s.key }) + '\t' + JSON.stringify(s.cells);
}

class StagedLine<V> implements StagedRow<V> {
  row: number;
  value: V | null;
  problems: Problem[];
  key: string | null;
  private parsedCells: Cell[] | null = null;
  constructor(
    meta: Omit<StagedRow<V>, 'cells'>,
    private readonly cellsText: string,
  ) {
    this.row = meta.row;
    this.value = meta.value;
    this.problems = meta.problems;
    this.key = meta.key;
  }
  get cells(): Cell[] {
    return (this.parsedCells ??= JSON.parse(this.cellsText) as Cell[]);
  }
}

/** The staged rows (stageRows), a chunk's worth at a time. */
export async function* readStaged<V>(input: Readable): AsyncGenerator<StagedRow<V>[]> {
  const parse = (line: string) => {
    const tab = line.indexOf('\t');
    return new StagedLine<V>(JSON.parse(line.slice(0, tab)) as Omit<StagedRow<V>, 'cells'>, line.slice(tab + 1));
  };
  let rest = '';
  for await (const chunk of input) {
    const text = rest + (chunk as Buffer).toString('utf8');
    const lines = text.split('\n');
    rest = lines.pop()!;
    yield lines.filter(Boolean).map(parse);
  }
  if (rest) yield [parse(rest)];
}

/** Rows a template carries for show: the first cell starts with 【示例】. */
export const examplePrefix = '【示例】';

export interface StageResult<K extends string> {
  header: Cell[];
  index: Map<K, number>;
  rows: number;
  /** The sheets read (row numbers count across them: sheetRow), and those passed over. */
  sheets: string[];
  skippedSheets: string[];
}

/**
 * Rows of several sheets in one numbering: the n-th sheet read adds n × sheetRowBase to its row
 * numbers (Excel has 2^20 rows), so a single-sheet file keeps the numbers the clerk sees.
 */
export const sheetRowBase = 2 ** 21;

/** An encoded row as the clerk finds it: the sheet (when several were read) and its row. */
export function sheetRow(sheets: readonly string[], row: number): { sheet: string | null; row: number } {
  if (sheets.length < 2) return { sheet: null, row };
  return { sheet: sheets[Math.floor(row / sheetRowBase)] ?? null, row: row % sheetRowBase };
}

/** 第 N 行 (and 第 N、M 行) in a message, with the sheet named when several were read. */
export function rowsInText(sheets: readonly string[], text: string): string {
  if (sheets.length < 2) return text;
  return text.replace(/第 ([\d、]+) 行/g, (_, list: string) =>
    list
      .split('、')
      .map((n) => {
        const r = sheetRow(sheets, Number(n));
        return `${r.sheet ?? ''} 第 ${r.row} 行`;
      })
      .join('、'),
  );
}

export class ImportFailure extends Error {
  constructor(readonly msg: Msg) {
    super(msg.en);
  }
}

const unreadable: Msg = { zh: '文件无法读取：不是有效的 Excel（.xlsx）文件，或文件已损坏', en: 'The file cannot be read as an .xlsx workbook' };

/**
 * The header is the first row (of the first ten: county sheets often open with a title row) that
 * names every required column; after it, each row's cells by column key. Fed one row at a time.
 */
export class HeaderedRows<K extends string> {
  header: { cells: Cell[]; index: Map<K, number>; at: number[] } | null = null;
  /** No header within the first ten rows: read no further. */
  stopped = false;
  private best: { size: number; missing: readonly ColumnSpec<K>[] };

  private readonly blank: Record<K, Cell>;

  constructor(private readonly columns: readonly ColumnSpec<K>[]) {
    this.best = { size: 0, missing: columns.filter((c) => c.required) };
    this.blank = Object.fromEntries(columns.map((c) => [c.key, null])) as Record<K, Cell>;
  }

  /** The row's cells by column key; null for the header, the rows above it and example rows. */
  take({ rowNumber, cells }: SheetRow): Record<K, Cell> | null {
    if (!this.header) {
      const { index, missing } = mapHeader(cells, this.columns);
      if (missing.length === 0) this.header = { cells, index, at: this.columns.map((c) => index.get(c.key) ?? -1) };
      else if (rowNumber > 10) this.stopped = true;
      else if (index.size > this.best.size) this.best = { size: index.size, missing };
      return null;
    }
    let first: Cell = null;
    for (let i = 0; i < cells.length && first === null; i++) first = cells[i] ?? null;
    if (typeof first === 'string' && first.startsWith(examplePrefix)) return null;
    // a copy of a blank record has every key already (one shape for all rows): a cheap clone, then stores
    const byKey = { ...this.blank };
    const { at } = this.header;
    for (let i = 0; i < this.columns.length; i++) if (at[i]! >= 0) byKey[this.columns[i]!.key] = cells[at[i]!] ?? null;
    return byKey;
  }

  /** When the sheet ended without a header: what to tell the clerk. */
  missing(): Msg | null {
    if (this.header) return null;
    const names = this.best.missing.map((c) => c.header).join('、');
    return { zh: `找不到表头：缺少列 ${names}。请使用下载的模板`, en: `No header row: missing ${names}. Use the template` };
  }
}

/** A parsed row as it leaves the cell-by-cell parse (`pure`), before the checks across rows. */
export interface ParsedRow<P> {
  row: number;
  cells: Cell[];
  parsed: P;
}

/** A data row of any sheet read: its encoded number (sheetRow), its cells laid out as the first sheet's header, by key. */
interface HeaderedRow<K extends string> {
  row: number;
  cells: Cell[];
  byKey: Record<K, Cell>;
}

interface SheetsRead<K extends string> {
  header: { cells: Cell[]; index: Map<K, number> } | null;
  sheets: string[];
  skipped: string[];
  /** What to say when no sheet had the header (the first sheet's missing columns). */
  missing: Msg | null;
}

/**
 * The data rows of every visible sheet whose first ten rows hold the template's header (offices
 * keep one sheet per village), a chunk at a time. A later sheet's cells are laid out as the first
 * sheet's header, so the report has one set of columns.
 */
async function* headeredRows<K extends string>(file: RangeSource, columns: readonly ColumnSpec<K>[], read: SheetsRead<K>): AsyncGenerator<HeaderedRow<K>[]> {
  let book;
  try {
    book = await openBook(file);
  } catch {
    throw new ImportFailure(unreadable);
  }
  for (let i = 0; i < book.sheets.length; i++) {
    const h = new HeaderedRows(columns);
    const reader = bookSheetBatches(book, i);
    let base = 0;
    let layout: ((cells: Cell[]) => Cell[]) | null = null;
    try {
      for (;;) {
        let next: IteratorResult<SheetRow[]>;
        try {
          next = await reader.next();
        } catch {
          throw new ImportFailure(unreadable);
        }
        if (next.done) break;
        const out: HeaderedRow<K>[] = [];
        for (const r of next.value) {
          const had = h.header !== null;
          const byKey = h.take(r);
          if (h.stopped) break;
          if (!had && h.header) {
            base = read.sheets.length * sheetRowBase;
            read.sheets.push(book.sheets[i]!);
            if (!read.header) read.header = { cells: h.header.cells, index: h.header.index };
            else layout = relayout(h.header.index, read.header.index, read.header.cells.length);
          }
          if (byKey) out.push({ row: base + r.rowNumber, cells: layout ? layout(r.cells) : r.cells, byKey });
        }
        if (out.length) yield out;
        if (h.stopped) break;
      }
    } finally {
      await reader.return(undefined);
    }
    if (!h.header) read.skipped.push(book.sheets[i]!);
    if (i === 0) read.missing = h.missing();
    if (read.sheets.length >= 1000) break;
  }
}

/** A later sheet's cells moved to where the first sheet has the same columns (null when laid out alike). */
function relayout<K extends string>(from: Map<K, number>, to: Map<K, number>, width: number): ((cells: Cell[]) => Cell[]) | null {
  if ([...to].every(([k, i]) => from.get(k) === i)) return null;
  return (cells) => {
    const out: Cell[] = Array(width).fill(null);
    for (const [k, i] of to) {
      const j = from.get(k);
      if (j !== undefined) out[i] = cells[j] ?? null;
    }
    return out;
  };
}

const noHeader = <K extends string>(read: SheetsRead<K>) => new ImportFailure(read.missing ?? unreadable);

/**
 * Pass 1. Each data row is parsed cell by cell (`pure`, no state), then checked across rows
 * (`combine`) and staged; onProgress is called every `every` rows.
 */
export async function stageRows<K extends string, P, V>(opts: {
  /** The upload, read by byte ranges (storedFile). */
  file: RangeSource;
  storage: FileStorage;
  key: string;
  columns: readonly ColumnSpec<K>[];
  pure: (cells: Record<K, Cell>, row: number) => P;
  combine: (parsed: P, row: number) => { value: V | null; problems: Problem[]; key: string | null };
  onProgress: (rows: number) => Promise<void>;
  every?: number;
}): Promise<StageResult<K>> {
  const out = new LineWriter(opts.storage.writer(opts.key));
  const read: SheetsRead<K> = { header: null, sheets: [], skipped: [], missing: null };
  let rows = 0;
  try {
    for await (const batch of headeredRows(opts.file, opts.columns, read)) {
      for (const { row, cells, byKey } of batch) {
        const parsed = opts.combine(opts.pure(byKey, row), row);
        const flushed = out.writeLine(stagedLine({ row, cells, value: parsed.value, problems: parsed.problems, key: parsed.key }));
        if (flushed) await flushed;
        rows++;
        if (rows % (opts.every ?? 2000) === 0) await opts.onProgress(rows);
      }
    }
    if (!read.header) throw noHeader(read);
  } catch (err) {
    out.destroy();
    throw err;
  }
  await out.close();
  if (rows === 0) throw new ImportFailure({ zh: '表中没有数据行', en: 'The sheet has no data rows' });
  return { header: read.header.cells, index: read.header.index, rows, sheets: read.sheets, skippedSheets: read.skipped };
}

/**
 * One pass over the sheet for imports that stage in the database (households): each data row's
 * cells by column key handed to `each`, which answers a promise only when the pass must wait
 * (a buffer to flush, progress to record). Rows are read a chunk of the sheet at a time.
 */
export async function scanSheet<K extends string>(
  file: RangeSource,
  columns: readonly ColumnSpec<K>[],
  each: (row: number, cells: Cell[], byKey: Record<K, Cell>) => Promise<void> | undefined,
): Promise<StageResult<K>> {
  const read: SheetsRead<K> = { header: null, sheets: [], skipped: [], missing: null };
  let rows = 0;
  let slice = performance.now();
  for await (const batch of headeredRows(file, columns, read)) {
    for (const r of batch) {
      rows++;
      const wait = each(r.row, r.cells, r.byKey);
      if (wait) await wait;
      // Other clerks' requests wait while this loop runs: give them the event loop every 5 ms.
      if ((rows & 63) === 0 && performance.now() - slice > 5) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        slice = performance.now();
      }
    }
  }
  if (!read.header) throw noHeader(read);
  if (rows === 0) throw new ImportFailure({ zh: '表中没有数据行', en: 'The sheet has no data rows' });
  return { header: read.header.cells, index: read.header.index, rows, sheets: read.sheets, skippedSheets: read.skipped };
}
