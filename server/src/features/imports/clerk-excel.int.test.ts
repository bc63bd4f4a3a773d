import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, JIJIU, createTestApp, type Client, type Res, type TestContext } from '../../../test/app.js';
import { checkIdNumber } from '../../platform/personal-data.js';
import { folderStorage } from '../../platform/storage.js';
import { insertCadres } from '../cadres/repository.js';
import { householdBody } from '../households/fixtures.js';
import { households, members } from '../households/tables.js';
import { newId } from '../../platform/ids.js';
import { initialsOf } from '../regions/rules.js';
import { cadreColumns } from './cadre-rows.js';
import { householdColumns } from './household-rows.js';
import { pairingColumns } from './pairing-rows.js';
import { cadreHeader, cadreRow, householdHeader, householdRow, idNumber, multipart } from './testing.js';

/**
 * Excel as a county clerk uses it: export, change nothing, import again and nothing moves; a dry
 * run that says what will really change; a workbook of one sheet per village; templates whose
 * example passes the checks and whose ID columns stay text; exports that print.
 */
let t: TestContext;
let clerk: Client;
const jobs: string[] = [];

const col = (header: string) => (householdHeader as readonly string[]).indexOf(header) + 1;

async function upload(client: Client, file: Buffer, kind = 'households', name = '农户.xlsx'): Promise<Res> {
  const m = multipart(file, name, { kind });
  const res = await client.request({ method: 'POST', url: '/api/imports', payload: m.payload, headers: m.headers });
  if (res.body?.id) jobs.push(res.body.id);
  return res;
}
const load = async (raw: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw as unknown as ArrayBuffer);
  return wb;
};
const versions = async () =>
  Object.fromEntries(
    (await t.database.db.select({ id: households.id, version: households.version }).from(households)).map((h) => [h.id, h.version]),
  );
const memberVersions = async () =>
  Object.fromEntries((await t.database.db.select({ id: members.id, version: members.version }).from(members)).map((m) => [m.id, m.version]));

const created: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('buchou_admin', 'township_admin', BUCHOU);
  clerk = await t.login('buchou_admin');
  // Registered by hand: categories not in code order, a household phone that is not the head's.
  for (const [no, head, categories] of [
    ['R-01', '龙文斌', ['poor', 'petitioner']],
    ['R-02', '麻春花', ['petitioner', 'poor']],
    ['R-03', '石金林', []],
  ] as const) {
    const res = await clerk.post('/api/households', householdBody(JIJIU, head, { householdNo: no, categories: [...categories], phone: '0743-7221234', address: '补抽乡吉久村一组' }));
    expect(res.status).toBe(201);
    created.push(res.body.id);
  }
});
afterAll(async () => {
  const storage = folderStorage(t.app.config.filesDir);
  for (const id of jobs) await storage.remove(`imports/${id}`);
  await t.close();
});

describe('an export imported again unchanged', () => {
  it('changes nothing: 0 updates in the dry run and the apply, no version moves', async () => {
    const before = { households: await versions(), members: await memberVersions() };
    const exported = await clerk.get('/api/exports/households.xlsx');
    expect(exported.status).toBe(200);
    const check = await upload(clerk, exported.raw, 'households', '导出.xlsx');
    expect(check.status).toBe(201);
    expect(check.body.errorRows).toBe(0);
    expect(check.body.summary).toMatchObject({ householdsToCreate: 0, householdsToUpdate: 0, householdsUnchanged: 3, membersToCreate: 0, membersToUpdate: 0, membersUnchanged: 12 });
    const applied = await clerk.post(`/api/imports/${check.body.id}/apply`, { mode: 'all_or_nothing' });
    expect(applied.status).toBe(200);
    expect(applied.body.summary).toMatchObject({ householdsCreated: 0, householdsUpdated: 0, membersCreated: 0, membersUpdated: 0 });
    expect(await versions()).toEqual(before.households);
    expect(await memberVersions()).toEqual(before.members);
    const [kept] = await t.database.db.select().from(households).where(eq(households.id, created[0]!));
    expect(kept!.phone).toBe('0743-7221234');
    expect(kept!.categories).toEqual(['poor', 'petitioner']);
  });

  it('exports the household phone, the column the import reads', async () => {
    const wb = await load((await clerk.get('/api/exports/households.xlsx')).raw);
    const sheet = wb.worksheets[0]!;
    const at = (sheet.getRow(1).values as unknown[]).indexOf('户联系电话');
    expect(at).toBeGreaterThan(0);
    expect(sheet.getRow(2).getCell(at).value).toBe('0743-7221234');
  });
});

describe('the dry run says what will really change', () => {
  it('counts only the households and members that differ, and names the changed fields', async () => {
    const wb = await load((await clerk.get('/api/exports/households.xlsx')).raw);
    const sheet = wb.worksheets[0]!;
    // 麻春花's household gets another address; 龙文斌's son another education
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      if (row.getCell(col('户主姓名')).value === '麻春花') row.getCell(col('家庭地址')).value = '补抽乡吉久村二组';
      if (row.getCell(col('姓名')).value === '龙文斌' && row.getCell(col('与户主关系')).value !== '户主') row.getCell(col('文化程度')).value = '高中';
    });
    const check = await upload(clerk, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(check.body.summary).toMatchObject({ householdsToUpdate: 1, householdsUnchanged: 2, membersToUpdate: 1, membersUnchanged: 11, membersToCreate: 0 });
    const changes = check.body.changes as { what: string; fields: string[] }[];
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ what: expect.stringContaining('麻春花'), fields: ['家庭地址'] }),
        expect.objectContaining({ what: expect.stringContaining('龙文斌'), fields: ['文化程度'] }),
      ]),
    );
    const applied = await clerk.post(`/api/imports/${check.body.id}/apply`, { mode: 'all_or_nothing' });
    expect(applied.body.summary).toMatchObject({ householdsUpdated: 1, membersUpdated: 1 });
  });
});

describe('a workbook of one sheet per village', () => {
  it('reads every sheet with the template header and says which', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('封面').addRow(['补抽乡农户花名册']);
    const one = wb.addWorksheet('一组');
    one.addRow(householdHeader);
    one.addRow(householdRow({ householdNo: 'S-01', village: '吉久村', headName: '杨光', relation: '户主', name: '杨光', idNumber: idNumber('19800101', 60) }));
    const two = wb.addWorksheet('二组');
    two.addRow(['二组农户']);
    two.addRow(householdHeader);
    two.addRow(householdRow({ householdNo: 'S-02', village: '吉久村', headName: '田二', relation: '户主', name: '田二', idNumber: idNumber('19810101', 61) }));
    two.addRow(householdRow({ householdNo: 'S-03', village: '吉久村', headName: '彭大', relation: '户主', name: '彭大', idNumber: '433124' }));
    const check = await upload(clerk, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(check.status).toBe(201);
    expect(check.body).toMatchObject({ totalRows: 3, errorRows: 1, sheets: ['一组', '二组'], skippedSheets: ['封面'] });
    expect(check.body.summary).toMatchObject({ householdsToCreate: 2 });
    expect(check.body.problems[0]).toMatchObject({ sheet: '二组', row: 4, column: '身份证号' });
    const report = await load((await clerk.get(`/api/imports/${check.body.id}/report.xlsx`)).raw);
    expect(String(report.worksheets[0]!.getRow(2).getCell(householdHeader.length + 1).value)).toMatch(/^二组 第 4 行：/);
  });
});

describe('templates', () => {
  for (const [kind, columns, key] of [
    ['households', householdColumns, 'idNumber'],
    ['pairings', pairingColumns, 'targetIdNumber'],
    ['cadres', cadreColumns, 'idNumber'],
  ] as const) {
    it(`the ${kind} template's example passes the ID check and its ID, phone and code columns are text`, async () => {
      const wb = await load((await clerk.get(`/api/imports/templates/${kind}.xlsx`)).raw);
      const sheet = wb.worksheets[0]!;
      const keys = columns.map((c) => c.key as string);
      const example = String(sheet.getRow(2).getCell(keys.indexOf(key) + 1).value);
      expect(checkIdNumber(example.replace('【示例】', '')).ok).toBe(true);
      const textKeys = keys.filter((k) => /idNumber|phone|Phone|helperKey|householdNo/.test(k));
      expect(textKeys.length).toBeGreaterThan(0);
      for (const k of textKeys) expect([k, sheet.getCell(3, keys.indexOf(k) + 1).numFmt]).toEqual([k, '@']);
      expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
    });
  }
});

describe('the error report', () => {
  it('keeps the template’s dropdowns and text formats, its dates as dates, and prints', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('农户');
    ws.addRow(householdHeader);
    ws.addRow(householdRow({ householdNo: 'E-01', village: '吉久村', headName: '施金华', relation: '户主', name: '施金华', idNumber: idNumber('19720315', 70), birthDate: '1972-03-15', education: '博士后' }));
    const check = await upload(clerk, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(check.body.errorRows).toBe(1);
    const report = await load((await clerk.get(`/api/imports/${check.body.id}/report.xlsx`)).raw);
    const sheet = report.worksheets[0]!;
    expect(sheet.getCell(2, col('身份证号')).numFmt).toBe('@');
    expect(sheet.getCell(2, col('出生日期')).value).toBeInstanceOf(Date);
    expect(sheet.getCell(2, col('文化程度')).dataValidation).toMatchObject({ type: 'list' });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
  });
});

describe('the pairing error report', () => {
  it('keeps the ID columns text and the dropdowns, so it is fixed in place', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('结对');
    ws.addRow(pairingColumns.map((c) => c.header));
    ws.addRow(pairingColumns.map((c) => ({ programme: '没有的活动', role: '一帮一', helper: '麻春花', target: '龙文斌', startOn: '2025-03-01' })[c.key as string] ?? null));
    const check = await upload(clerk, Buffer.from(await wb.xlsx.writeBuffer()), 'pairings', '结对.xlsx');
    expect(check.body.errorRows).toBe(1);
    const sheet = (await load((await clerk.get(`/api/imports/${check.body.id}/report.xlsx`)).raw)).worksheets[0]!;
    const at = (key: string) => pairingColumns.findIndex((c) => c.key === key) + 1;
    expect([sheet.getCell(2, at('targetIdNumber')).numFmt, sheet.getCell(2, at('helperKey')).numFmt]).toEqual(['@', '@']);
    expect(sheet.getCell(2, at('role')).dataValidation).toMatchObject({ type: 'list' });
    expect(sheet.getCell(2, at('startOn')).value).toBeInstanceOf(Date);
  });
});

describe('cadre import', () => {
  it('finds a duplicate ID number on rows with other faults too, in one round', async () => {
    const id = idNumber('19850612', 80);
    const res = await upload(
      clerk,
      await (async () => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('干部');
        ws.addRow(cadreHeader);
        ws.addRow(cadreRow({ name: '吴春生', idNumber: id, rank: '驻村干部', unit: '没有的单位' }));
        ws.addRow(cadreRow({ name: '吴春生', idNumber: id, rank: '驻村干部' }));
        return Buffer.from(await wb.xlsx.writeBuffer());
      })(),
      'cadres',
      '干部.xlsx',
    );
    expect(res.body.errorRows).toBe(2);
    expect(res.body.problems).toEqual(expect.arrayContaining([expect.objectContaining({ row: 3, column: '身份证号', message: '与第 2 行的身份证号重复' })]));
  });
});

describe('exports', () => {
  it('writes dates as date cells, sets widths and a print setup', async () => {
    const wb = await load((await clerk.get('/api/exports/households.xlsx')).raw);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getCell(2, col('出生日期')).value).toBeInstanceOf(Date);
    expect(sheet.getCell(2, col('身份证号')).numFmt).toBe('@');
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1' });
  });

  it('gives the pairings register, visits and diary entries of my scope', async () => {
    const cadreId = newId();
    await insertCadres(t.database.db, [{ id: cadreId, name: '麻永成', initials: initialsOf('麻永成'), rank: 'township', regionCode: BUCHOU, countyCode: '433124' }]);
    const pairing = await clerk.post('/api/pairings', { role: 'one_to_one', helperKind: 'cadre', helperId: cadreId, targetKind: 'household', targetId: created[0], startOn: '2025-03-01' });
    expect(pairing.status).toBe(201);
    const register = await clerk.get('/api/exports/pairings.xlsx');
    expect(register.status).toBe(200);
    const rows = (await load(register.raw)).worksheets[0]!;
    expect(rows.getRow(1).values).toEqual(expect.arrayContaining(['帮扶人', '对象', '开始日期']));
    expect(rows.getRow(2).values).toEqual(expect.arrayContaining(['麻永成', '龙文斌', '一帮一']));
    expect(rows.getCell(2, (rows.getRow(1).values as unknown[]).indexOf('开始日期')).value).toBeInstanceOf(Date);
    expect((await clerk.get('/api/exports/visits.xlsx')).status).toBe(200);
    expect((await clerk.get('/api/exports/diary-entries.xlsx')).status).toBe(200);
  });
});
