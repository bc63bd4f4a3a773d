import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { withCheckChar } from '../web/src/app/idNumber';

/** A fresh folder for the files a journey downloads and builds. */
export const tmpDir = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `lianhu-${name}-`));

/** Clicks whatever starts a download and saves the file; returns its path and suggested name. */
export async function downloadBy(page: Page, dir: string, click: () => Promise<void>): Promise<{ file: string; name: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const name = download.suggestedFilename();
  const file = path.join(dir, `${Date.now()}-${name}`);
  await download.saveAs(file);
  return { file, name };
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Text of a cell as Excel shows it (rich text joined). */
export function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return String(v);
}

/** The header row of a sheet (the first row naming `required`) and each header's column number. */
export function headerOf(sheet: ExcelJS.Worksheet, required: string): { row: number; col: Map<string, number> } {
  for (let r = 1; r <= Math.min(sheet.rowCount, 10); r++) {
    const col = new Map<string, number>();
    sheet.getRow(r).eachCell((cell, c) => col.set(cellText(cell), c));
    if (col.has(required)) return { row: r, col };
  }
  throw new Error(`no header row naming ${required}`);
}

/** Every row of a sheet as text, by header. */
export function rowsOf(sheet: ExcelJS.Worksheet, required: string): Record<string, string>[] {
  const { row, col } = headerOf(sheet, required);
  const out: Record<string, string>[] = [];
  for (let r = row + 1; r <= sheet.rowCount; r++) {
    const rec: Record<string, string> = {};
    for (const [name, c] of col) rec[name] = cellText(sheet.getRow(r).getCell(c));
    if (Object.values(rec).some((v) => v)) out.push(rec);
  }
  return out;
}

/** Appends rows (by header name) under the template's header and example, and writes the file. */
export async function fillTemplate(template: string, out: string, rows: Record<string, string | number>[]): Promise<void> {
  const wb = await readWorkbook(template);
  const sheet = wb.worksheets[0]!;
  const { col } = headerOf(sheet, '身份证号');
  let at = sheet.rowCount;
  for (const r of rows) {
    const row = sheet.getRow(++at);
    for (const [name, v] of Object.entries(r)) {
      const c = col.get(name);
      if (!c) throw new Error(`the template has no column ${name}`);
      row.getCell(c).value = v;
    }
  }
  await wb.xlsx.writeFile(out);
}

/** A valid ID number of someone born on `birth` (YYYYMMDD); `seq` odd for a man. */
export const idNumber = (birth: string, seq: number) => withCheckChar(`433101${birth}${String(seq).padStart(3, '0')}`);

/** The same number with a wrong check character. */
export const badChecksum = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
