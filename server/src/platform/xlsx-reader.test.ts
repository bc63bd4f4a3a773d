import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { plainCell, type Cell, type SheetRow } from './excel.js';
import { dateStyles, isDateFormat, readSheetRows, sharedStrings, SheetScanner, xmlText } from './xlsx-reader.js';

/** The file as stored, read by ranges in chunks of `chunk` bytes. */
const rowsOf = async (file: Uint8Array, chunk = 97) => {
  const read = (start: number, end: number) =>
    Readable.from(
      (function* () {
        for (let i = start; i <= Math.min(end, file.length - 1); i += chunk)
          yield Buffer.from(file.subarray(i, Math.min(i + chunk, end + 1)));
      })(),
    );
  const out: SheetRow[] = [];
  for await (const r of readSheetRows({ size: file.length, read })) out.push(r);
  return out;
};

/** What exceljs (loaded whole) makes of the first visible sheet, through plainCell. */
async function reference(file: Uint8Array): Promise<SheetRow[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file) as unknown as ArrayBuffer);
  const sheet = wb.worksheets.find((w) => w.state !== 'hidden')!;
  const out: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: Cell[] = [];
    for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
    while (cells.length && cells[cells.length - 1] === null) cells.pop();
    if (cells.some((c) => c !== null)) out.push({ rowNumber: row.number, cells });
  });
  return out;
}
const trimmed = (rows: SheetRow[]) =>
  rows
    .map((r) => ({ rowNumber: r.rowNumber, cells: [...r.cells] }))
    .map((r) => {
      while (r.cells.length && r.cells[r.cells.length - 1] === null) r.cells.pop();
      return r;
    });

describe('the lean .xlsx reader', () => {
  it('reads what exceljs writes, shared strings or not, as exceljs reads it back', async () => {
    for (const useSharedStrings of [true, false]) {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('hidden list', { state: 'hidden' }).addRow(['不该读到']);
      const ws = wb.addWorksheet('农户成员');
      ws.addRow(['户编号', '姓名', '身份证号', '出生日期', '耕地面积(亩)', '是否党员', '备注']);
      ws.addRow(['4331240001', '龙文斌', '433124197203150012', new Date(Date.UTC(1972, 2, 15)), 3.5, true, 'A & B <c> "d" \'e\'']);
      ws.addRow([]);
      ws.addRow(['', '  ', null, null, 0, false, null]);
      ws.addRow([null, { richText: [{ text: '吴', font: { bold: true } }, { text: '春生' }] }, '433124198506120021']);
      ws.getCell('J7').value = 42;
      ws.getCell('A8').value = { formula: '1+1', result: 2 };
      ws.getCell('B8').value = { formula: '"a"&"b"', result: 'ab' };
      ws.getCell('C8').value = { error: '#N/A' };
      ws.getCell('D9').value = new Date(Date.UTC(2024, 1, 29, 23, 59));
      ws.getCell('E9').numFmt = 'yyyy"年"m"月"d"日"';
      ws.getCell('E9').value = 45000;
      ws.getCell('F9').numFmt = '0.00';
      ws.getCell('F9').value = 45000.5;
      ws.getCell('G10').value = '🐑 48 只';
      const file = new Uint8Array(
        await (useSharedStrings ? wb.xlsx.writeBuffer({ useSharedStrings: true }) : wb.xlsx.writeBuffer({ useSharedStrings: false })),
      );
      const rows = await rowsOf(file);
      expect(trimmed(rows)).toEqual(await reference(file));
      expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 4, 5, 7, 8, 9, 10]);
      expect(rows[1]!.cells).toEqual(['4331240001', '龙文斌', '433124197203150012', '1972-03-15', 3.5, true, 'A & B <c> "d" \'e\'']);
      expect(rows[2]!.cells).toEqual([null, null, null, null, 0, false]);
      expect(rows[3]!.cells).toEqual([null, '吴春生', '433124198506120021']);
      expect(rows[4]!.cells[9]).toBe(42);
      expect(rows[5]!.cells).toEqual([2, 'ab']);
      expect(rows[6]!.cells.slice(3)).toEqual(['2024-02-29', '2023-03-15', 45000.5]);
    }
  });

  it('reads what the streaming writer makes (the sheet before the shared strings, data descriptors)', async () => {
    const chunks: Buffer[] = [];
    const stream = new (await import('node:stream')).PassThrough();
    stream.on('data', (c: Buffer) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: true });
    const ws = wb.addWorksheet('农户成员');
    for (let i = 1; i <= 3000; i++) ws.addRow([`户${i % 50}`, i, i % 7 === 0 ? null : `名&${i}`, i % 2 === 0]).commit();
    ws.commit();
    await wb.commit();
    const file = new Uint8Array(Buffer.concat(chunks));
    const rows = await rowsOf(file, 4096);
    expect(rows).toHaveLength(3000);
    expect(rows[6]!).toEqual({ rowNumber: 7, cells: ['户7', 7, null, false] });
    expect(rows[2999]!).toEqual({ rowNumber: 3000, cells: ['户0', 3000, '名&3000', true] });
    expect(trimmed(rows)).toEqual(await reference(file));
  });

  it('reads inline strings, shared strings where the relations say (capitalised), rich text runs without their phonetic guide, booleans, dates as serial numbers, entities, prefixed tags and rows without r', async () => {
    const files = {
      '[Content_Types].xml': '<?xml version="1.0"?><Types/>',
      'xl/workbook.xml':
        '<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="说明" sheetId="2" state="hidden" r:id="rId2"/><x:sheet name="表" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>',
      'xl/_rels/workbook.xml.rels':
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="./SharedStrings.xml"/></Relationships>',
      'xl/styles.xml':
        '<styleSheet><numFmts count="1"><numFmt numFmtId="170" formatCode="[Red]0.00;&quot;负&quot;0"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="170"/></cellXfs></styleSheet>',
      'xl/SharedStrings.xml':
        '<sst><si><t>甲</t></si><si><r><t>龙</t></r><r><rPr><b/></rPr><t xml:space="preserve">文斌 </t></r><rPh sb="0" eb="1"><t>ロン</t></rPh></si><si><t/></si></sst>',
      'xl/worksheets/sheet2.xml':
        '<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>不读</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>',
      'xl/worksheets/sheet1.xml':
        '<?xml version="1.0"?><x:worksheet xmlns:x="m"><x:sheetPr/><x:sheetData>' +
        '<x:row r="2" spans="1:6"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="B2" t="s"><x:v>1</x:v></x:c><x:c r="C2" t="inlineStr"><x:is><x:r><x:t>A&amp;B</x:t></x:r><x:r><x:t>&#x4E2D;&#25991;&lt;&gt;</x:t></x:r></x:is></x:c><x:c r="E2" t="b"><x:v>1</x:v></x:c><x:c r="F2" s="1"><x:v>0</x:v></x:c></x:row>' +
        '<x:row><x:c t="s"><x:v>2</x:v></x:c><x:c s="2"><x:v>-1.5</x:v></x:c><x:c t="e"><x:v>#DIV/0!</x:v></x:c><x:c t="b"><x:v>0</x:v></x:c></x:row>' +
        '<x:row r="5"/>' +
        '<x:row><x:c r="AA6" t="str"><x:f>A1</x:f><x:v> </x:v></x:c><x:c r="AB6" s="1"><x:f>TODAY()</x:f><x:v>45000</x:v></x:c></x:row>' +
        '</x:sheetData><x:mergeCells count="0"/></x:worksheet>',
    };
    const zip = zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])), { level: 6 });
    const rows = await rowsOf(zip, 13);
    expect(rows).toEqual([
      { rowNumber: 2, cells: ['甲', '龙文斌 ', 'A&B中文<>', null, true, '1904-01-01'] },
      { rowNumber: 3, cells: [null, -1.5, null, false] },
      { rowNumber: 6, cells: [...Array<null>(27).fill(null), 45000] },
    ]);
  });

  // Issue 12 #5: a zip bomb in the shared strings, a row that never closes.
  const bookWith = (strings: string, sheet: string) =>
    zipSync(
      {
        'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="a" r:id="rId1"/></sheets></workbook>'),
        'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
        'xl/sharedStrings.xml': strToU8(strings),
        'xl/worksheets/sheet1.xml': strToU8(sheet),
      },
      { level: 9 },
    );
  it('refuses shared strings that unpack to more than 100 times their size, early', async () => {
    const bomb = bookWith(`<sst><si><t>${'a'.repeat(40 * 1024 * 1024)}</t></si></sst>`, '<worksheet><sheetData/></worksheet>');
    expect(bomb.length).toBeLessThan(100 * 1024);
    await expect(rowsOf(bomb, 64 * 1024)).rejects.toThrow(/more than 100 times/);
  });
  it('refuses a row that never closes', async () => {
    const huge = bookWith('<sst/>', `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${randomBytes(4 * 1024 * 1024).toString('base64')}`);
    await expect(rowsOf(huge, 64 * 1024)).rejects.toThrow(/too large/);
  });
  it('searches a row split over many chunks once (the scan resumes where it stopped)', () => {
    const scanner = new SheetScanner({ strings: [], dates: [], date1904: false });
    const row = `<row r="1"><c r="A1" t="inlineStr"><is><t>${'x'.repeat(100_000)}</t></is></c></row>`;
    const text = `<worksheet><sheetData>${row}</sheetData></worksheet>`;
    const rows: SheetRow[] = [];
    for (let i = 0; i < text.length; i += 1000) rows.push(...scanner.push(text.slice(i, i + 1000)));
    expect(rows).toEqual([{ rowNumber: 1, cells: ['x'.repeat(100_000)] }]);
  });

  it('refuses what is not a workbook', async () => {
    await expect(rowsOf(strToU8('PK\x03\x04 not really a zip at all'))).rejects.toThrow(/not a zip/);
    const good = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') });
    await expect(rowsOf(good.subarray(0, good.length - 30))).rejects.toThrow();
    await expect(rowsOf(zipSync({ 'a.txt': strToU8('hello') }))).rejects.toThrow(/not a workbook/);
  });

  it('decodes XML text, date formats, shared strings and styles', () => {
    expect(xmlText('a &amp;&lt;&gt;&quot;&apos; &#20013;&#x6587; &bogus;')).toBe('a &<>"\' 中文 &bogus;');
    expect(isDateFormat('yyyy/m/d')).toBe(true);
    expect(isDateFormat('[Red]0.00;"负"0')).toBe(false);
    expect(isDateFormat('0.00')).toBe(false);
    expect(sharedStrings('<sst><si><t>a</t></si><si/><si><r><t>b</t></r><r><t>c</t></r></si></sst>')).toEqual(['a', '', 'bc']);
    expect(
      dateStyles(
        '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="22"/><xf numFmtId="4"/></cellXfs></styleSheet>',
      ),
    ).toEqual([false, true, true, false]);
  });

  it('scans a sheet cut anywhere, even inside a tag', () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>12.5</v></c></row><row r="2"><c r="C2" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>';
    for (let cut = 1; cut < xml.length; cut++) {
      const s = new SheetScanner({ strings: ['甲'], dates: [], date1904: false });
      const rows = [...s.push(xml.slice(0, cut)), ...s.push(xml.slice(cut))];
      expect(rows).toEqual([
        { rowNumber: 1, cells: ['甲', 12.5] },
        { rowNumber: 2, cells: [null, null, 'x'] },
      ]);
    }
  });
});
