/**
 * The error report: the uploaded sheet's rows that were not (or will not be) imported, as the
 * clerk typed them, each bad cell filled red with a note giving the reason in Chinese, and a last
 * column 错误说明. Rows held back only because another row of their household is wrong come along
 * (no red cell), so the clerk can fix the report itself and import it again.
 */
import type ExcelJS from 'exceljs';
import { badCellFill, badCellFont, headerStyle, streamingWorkbook, type Cell, type ColumnSpec } from '../../platform/excel.js';
import type { FileStorage } from '../../platform/storage.js';
import type { StagedRow } from './pipeline.js';
import type { Problem } from './rules.js';

export const reasonHeader = '错误说明';

export class ReportWriter {
  private readonly sheet: ExcelJS.Worksheet;
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly stored: Promise<number>;
  private readonly width: number;
  private readonly labels = new Map<string, string>();
  rows = 0;

  constructor(
    storage: FileStorage,
    key: string,
    header: Cell[],
    private readonly index: Map<string, number>,
    columns: readonly ColumnSpec[],
  ) {
    const { workbook, stream } = streamingWorkbook();
    this.workbook = workbook;
    this.stored = storage.put(key, stream);
    for (const c of columns) this.labels.set(c.key, c.header);
    this.width = header.length;
    this.sheet = workbook.addWorksheet('错误报告', { views: [{ state: 'frozen', ySplit: 1 }] });
    const widths = new Map<number, number>();
    for (const c of columns) if (index.has(c.key)) widths.set(index.get(c.key)!, c.width ?? 12);
    this.sheet.columns = [...header.map((_, i) => ({ width: widths.get(i) ?? 12 })), { width: 60 }];
    const head = this.sheet.addRow([...header, reasonHeader]);
    head.eachCell((cell) => (cell.style = headerStyle));
    head.getCell(this.width + 1).font = { bold: true, color: { argb: 'FF9C0006' } };
    head.commit();
  }

  /** One row: its own problems marked on their cells, or the reason it was held back. */
  add(staged: Pick<StagedRow, 'row' | 'cells'>, problems: Problem[], heldBack: string | null): void {
    const values = staged.cells.slice(0, this.width);
    const reasons = problems.map((p) => `${p.column ? (this.labels.get(p.column) ?? p.column) + '：' : ''}${p.zh}`);
    if (heldBack) reasons.push(heldBack);
    const row = this.sheet.addRow([...values, ...Array(this.width - values.length).fill(null), `第 ${staged.row} 行：${reasons.join('；')}`]);
    const notes = new Map<number, string[]>();
    for (const p of problems) {
      const i = p.column ? this.index.get(p.column) : undefined;
      if (i !== undefined) notes.set(i, [...(notes.get(i) ?? []), p.zh]);
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
    this.sheet.commit();
    await this.workbook.commit();
    await this.stored;
  }
}
