import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * Excel, the way county offices keep their registers: read a sheet row by row with a lean
 * streaming reader (platform/xlsx-reader; a 100k-row file is never in memory whole), and write
 * large files with exceljs's streaming writer straight into the HTTP reply.
 */
export const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A cell as plain JSON: text, number or boolean; dates as YYYY-MM-DD; empty as null. */
export type Cell = string | number | boolean | null;

export interface SheetRow {
  /** 1-based row number as Excel shows it. */
  rowNumber: number;
  /** cells[0] is column A. */
  cells: Cell[];
}

const isoDate = (d: Date) => (Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10));

export function plainCell(v: ExcelJS.CellValue | undefined): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return isoDate(v);
  if ('richText' in v) return plainCell(v.richText.map((r) => r.text).join(''));
  if ('formula' in v || 'sharedFormula' in v) return plainCell((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in v) return plainCell(v.text as ExcelJS.CellValue);
  if ('error' in v) return null;
  return null;
}

/** Zip files (.xlsx is one) start with "PK\x03\x04"; anything else is not an Excel 2007+ file. */
export const looksLikeXlsx = (head: Buffer) => head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;

/**
 * Rows of the first visible worksheet of a stored file read by byte ranges, streamed by the lean
 * reader (platform/xlsx-reader). Rows with no value at all are skipped; cells are as plainCell
 * makes exceljs's values.
 */
export { readSheetRows as readRows, readSheetBatches as readRowBatches, type RangeSource } from './xlsx-reader.js';

/** Header text compared loosely: no spaces or asterisks, half-width brackets. */
export const normHeader = (s: string) =>
  s
    .replace(/[\s*＊]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();

export interface ColumnSpec<K extends string = string> {
  key: K;
  header: string;
  aliases?: string[];
  required?: boolean;
  width?: number;
  /** Shown as the header cell's note in templates. */
  note?: string;
  /** Allowed values, offered as a dropdown in templates. */
  list?: string[];
  /** text: ID numbers, phones and codes, which Excel would turn into numbers; date: a date cell. */
  format?: 'text' | 'date';
}

export const textFormat = '@';
export const dateFormat = 'yyyy-mm-dd';

/** The cell format of a column (text or date), for templates, reports and exports alike. */
export const columnStyle = (format: ColumnSpec['format']): Partial<ExcelJS.Style> =>
  format === 'text' ? { numFmt: textFormat } : format === 'date' ? { numFmt: dateFormat } : {};

/** A sheet's columns: the width and format each spec asks for. */
export const sheetColumns = (specs: readonly Pick<ColumnSpec, 'width' | 'format'>[]): Partial<ExcelJS.Column>[] =>
  specs.map((c) => ({ width: c.width ?? 12, style: columnStyle(c.format) }));

/** YYYY-MM-DD as a date cell's value (midnight UTC: the day Excel shows). */
export function dateCellValue(iso: string | null | undefined): Date | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  // 1991-13-01 as typed stays text (the report shows it as the clerk wrote it)
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : d;
}

/**
 * How every workbook we write prints: landscape, as wide as one page, the header row repeated on
 * each page (A4).
 */
export const printSetup: Partial<ExcelJS.PageSetup> = {
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  paperSize: 9,
  printTitlesRow: '1:1',
};

/** A list sheet's header row, styled and frozen, for sheets built whole (not streamed). */
export function addListSheet(wb: ExcelJS.Workbook, name: string, columns: { header: string; width: number; format?: ColumnSpec['format'] }[]): ExcelJS.Worksheet {
  const sheet = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: printSetup });
  sheet.columns = columns.map((c) => ({ width: c.width, style: columnStyle(c.format) }));
  sheet.addRow(columns.map((c) => c.header)).eachCell((cell) => (cell.style = headerStyle));
  return sheet;
}

/** Maps the header row to column positions; lists the required headers that are missing. */
export function mapHeader<K extends string>(cells: Cell[], specs: readonly ColumnSpec<K>[]): { index: Map<K, number>; missing: ColumnSpec<K>[] } {
  const byName = new Map<string, K>();
  for (const s of specs) for (const h of [s.header, ...(s.aliases ?? [])]) byName.set(normHeader(h), s.key);
  const index = new Map<K, number>();
  cells.forEach((c, i) => {
    const key = typeof c === 'string' ? byName.get(normHeader(c)) : undefined;
    if (key !== undefined && !index.has(key)) index.set(key, i);
  });
  return { index, missing: specs.filter((s) => s.required && !index.has(s.key)) };
}

/** A streaming workbook whose bytes go to `stream` (pipe it to the reply). */
export function streamingWorkbook(opts: { styles?: boolean } = {}) {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: opts.styles ?? true, useSharedStrings: false });
  workbook.creator = 'Lianhu 联户';
  return { workbook, stream };
}

/** Content-Disposition for a Chinese file name, with an ASCII fallback for old clients. */
export function attachment(fileName: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const headerStyle: Partial<ExcelJS.Style> = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
};

export const badCellFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
export const badCellFont: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } };

/** Excel's serial day number (1900 system, as Excel and WPS store dates) → YYYY-MM-DD. */
export function excelSerialToIso(n: number): string | null {
  if (!Number.isFinite(n) || n < 1 || n > 2958465) return null;
  return isoDate(new Date(Date.UTC(1899, 11, 30) + Math.floor(n) * 86_400_000));
}
