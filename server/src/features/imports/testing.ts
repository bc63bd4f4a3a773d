/**
 * For tests and the benchmark: Excel files made the way a clerk's would be, valid ID numbers,
 * and multipart bodies for app.inject.
 */
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { withCheckChar } from '../../platform/personal-data.js';
import { cadreColumns, type CadreColumn } from './cadre-rows.js';
import { householdColumns, type HouseholdColumn } from './household-rows.js';

type Value = string | number | null;

/** A valid ID number: region 433124, birth date YYYYMMDD, a sequence (odd for men). */
export function idNumber(birth: string, seq: number, sex: 'male' | 'female' = 'male', region = '433124'): string {
  const s = seq * 2 + (sex === 'male' ? 1 : 0);
  return withCheckChar(`${region}${birth}${String(s % 1000).padStart(3, '0')}`);
}

/** A workbook with one sheet: the header row, then the rows (each a list of cell values). */
export async function xlsxOf(header: string[], rows: Value[][], sheet = 'Sheet1'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const householdHeader = householdColumns.map((c) => c.header);
export const cadreHeader = cadreColumns.map((c) => c.header);

/** A row of the households sheet, from the cells given by column key. */
export const householdRow = (cells: Partial<Record<HouseholdColumn, Value>>): Value[] => householdColumns.map((c) => cells[c.key] ?? null);
export const cadreRow = (cells: Partial<Record<CadreColumn, Value>>): Value[] => cadreColumns.map((c) => cells[c.key] ?? null);

/** A multipart/form-data body for app.inject: a file part and plain fields. */
export function multipart(file: Buffer | null, fileName: string, fields: Record<string, string> = {}) {
  const boundary = `----lianhu${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(fileName)}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
      file,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Reads a workbook's first sheet back: values, fills and notes by [row][column], 1-based. */
export async function readBack(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const width = ws.columnCount; // a getter that walks every row: once, not per row
  const rows: { values: Value[]; red: number[]; notes: Record<number, string> }[] = [];
  ws.eachRow((row) => {
    const values: Value[] = [];
    const red: number[] = [];
    const notes: Record<number, string> = {};
    for (let i = 1; i <= width; i++) {
      const cell = row.getCell(i);
      const v = cell.value;
      // date cells as the day they show (YYYY-MM-DD), whatever the machine's time zone
      values.push(v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'object' ? String(cell.text) : (v as Value));
      const fill = cell.fill as { fgColor?: { argb?: string } } | undefined;
      if (fill?.fgColor?.argb === 'FFFFC7CE') red.push(i);
      if (cell.note) notes[i] = typeof cell.note === 'string' ? cell.note : (cell.note.texts ?? []).map((t) => t.text).join('');
    }
    rows.push({ values, red, notes });
  });
  return { sheet: ws, rows, workbook: wb };
}
