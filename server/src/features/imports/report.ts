/**
 * The error report: the uploaded sheet's rows that were not (or will not be) imported, as the
 * clerk typed them, each bad cell filled red with a note giving the reason in Chinese, and a last
 * column 错误说明. Rows held back only because another row of their household is wrong come along
 * (no red cell), so the clerk can fix the report itself and import it again: its columns keep the
 * template's formats (ID numbers, phones and codes as text, dates as date cells) and dropdowns.
 */
import type ExcelJS from 'exceljs';
import { badCellFill, badCellFont, columnStyle, dateCellValue, headerStyle, printSetup, streamingWorkbook, type Cell, type ColumnSpec } from '../../platform/excel.js';
import type { FileStorage } from '../../platform/storage.js';
import { rowsInText, sheetRow, type StagedRow } from './pipeline.js';
import type { Problem } from './rules.js';

export const reasonHeader = '错误说明';
/** Rows below the report's last that keep the dropdowns, for rows the clerk adds. */
const spareRows = 200;

function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export class ReportWriter {
  private readonly sheet: ExcelJS.Worksheet;
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly stored: Promise<number>;
  private readonly width: number;
  private readonly labels = new Map<string, string>();
  /** The upload's column positions that hold dates, and the dropdown lists by position. */
  private readonly dates = new Set<number>();
  private readonly lists: { at: number; header: string; values: string[] }[] = [];
  rows = 0;

  constructor(
    storage: FileStorage,
    key: string,
    header: Cell[],
    private readonly index: Map<string, number>,
    columns: readonly ColumnSpec[],
    private readonly sheets: readonly string[] = [],
    lists: Record<string, string[]> = {},
  ) {
    const { workbook, stream } = streamingWorkbook();
    this.workbook = workbook;
    this.stored = storage.put(key, stream);
    for (const c of columns) this.labels.set(c.key, c.header);
    this.width = header.length;
    this.sheet = workbook.addWorksheet('错误报告', { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: printSetup });
    const specAt = new Map<number, ColumnSpec>();
    for (const c of columns) if (index.has(c.key)) specAt.set(index.get(c.key)!, c);
    for (const [at, c] of specAt) {
      if (c.format === 'date') this.dates.add(at);
      const values = lists[c.key] ?? c.list;
      if (values?.length) this.lists.push({ at, header: c.header, values });
    }
    this.sheet.columns = [...header.map((_, i) => ({ width: specAt.get(i)?.width ?? 12, style: columnStyle(specAt.get(i)?.format) })), { width: 60 }];
    const head = this.sheet.addRow([...header, reasonHeader]);
    head.eachCell((cell) => (cell.style = headerStyle));
    head.getCell(this.width + 1).font = { bold: true, color: { argb: 'FF9C0006' } };
    head.commit();
  }

  /** One row: its own problems marked on their cells, or the reason it was held back. */
  add(staged: Pick<StagedRow, 'row' | 'cells'>, problems: Problem[], heldBack: string | null): void {
    const values: (Cell | Date)[] = staged.cells.slice(0, this.width);
    for (const i of this.dates) if (typeof values[i] === 'string') values[i] = dateCellValue(values[i] as string) ?? values[i]!;
    const text = (s: string) => rowsInText(this.sheets, s);
    const reasons = problems.map((p) => `${p.column ? (this.labels.get(p.column) ?? p.column) + '：' : ''}${text(p.zh)}`);
    if (heldBack) reasons.push(text(heldBack));
    const at = sheetRow(this.sheets, staged.row);
    const where = `${at.sheet ? `${at.sheet} ` : ''}第 ${at.row} 行`;
    const row = this.sheet.addRow([...values, ...Array(this.width - values.length).fill(null), `${where}：${reasons.join('；')}`]);
    const notes = new Map<number, string[]>();
    for (const p of problems) {
      const i = p.column ? this.index.get(p.column) : undefined;
      if (i !== undefined) notes.set(i, [...(notes.get(i) ?? []), text(p.zh)]);
    }
    for (const [i, text] of notes) {
      const cell = row.getCell(i + 1);
      cell.fill = badCellFill;
      cell.font = badCellFont;
      cell.note = text.join('\n');
    }
    const reason = row.getCell(this.width + 1);
    reason.font = badCellFont;
    reason.alignment = { wrapText: true, vertical: 'top' };
    row.commit();
    this.rows++;
  }

  async close(): Promise<void> {
    // the template's dropdowns, over the report's rows and some spare ones, from a hidden sheet of options
    const last = this.rows + 1 + spareRows;
    this.lists.forEach((l, n) => {
      const target = colLetter(l.at + 1);
      (this.sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${target}2:${target}${last}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`'选项'!$${colLetter(n + 1)}$2:$${colLetter(n + 1)}$${l.values.length + 1}`],
        showErrorMessage: false,
      });
    });
    this.sheet.commit();
    if (this.lists.length) {
      const options = this.workbook.addWorksheet('选项', { state: 'hidden' });
      const longest = Math.max(...this.lists.map((l) => l.values.length));
      options.addRow(this.lists.map((l) => l.header)).commit();
      for (let i = 0; i < longest; i++) options.addRow(this.lists.map((l) => l.values[i] ?? null)).commit();
      options.commit();
    }
    await this.workbook.commit();
    await this.stored;
  }
}
