import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, JIJIU, MAOER, createTestApp, type Client, type Res, type TestContext } from '../../../test/app.js';
import { newId } from '../../platform/ids.js';
import { folderStorage } from '../../platform/storage.js';
import { auditLog } from '../audit/tables.js';
import { insertCadres } from '../cadres/repository.js';
import { householdBody } from '../households/fixtures.js';
import { pairings } from '../pairings/tables.js';
import { initialsOf } from '../regions/rules.js';
import { pairingColumns, type PairingColumn } from './pairing-rows.js';
import { multipart, readBack, xlsxOf } from './testing.js';

/**
 * The clerk of 补抽乡 pairs cadres with households of 吉久村 from a county office's sheet: the
 * template, a dry run whose report marks each bad cell, the valid rows applied through the
 * pairings' rules, and the same sheet again changing nothing.
 */
let t: TestContext;
let clerk: Client;
let maoer: Client;
let programmeId: string;
const DAKA = '433124213201';
const cadreIds: Record<string, string> = {};
const heads: Record<string, { id: string; idNumber: string }> = {};
const jobs: string[] = [];

type Value = string | number | null;
const header = pairingColumns.map((c) => c.header);
const row = (cells: Partial<Record<PairingColumn, Value>>): Value[] => pairingColumns.map((c) => cells[c.key] ?? null);
const col = (key: PairingColumn) => pairingColumns.findIndex((c) => c.key === key) + 1;

async function upload(client: Client, rows: Value[][]): Promise<Res> {
  const m = multipart(await xlsxOf(header, rows), '结对.xlsx', { kind: 'pairings' });
  const res = await client.request({ method: 'POST', url: '/api/imports', payload: m.payload, headers: m.headers });
  if (res.body?.id) jobs.push(res.body.id);
  return res;
}
const openPairings = () => t.database.db.select().from(pairings).where(isNull(pairings.endOn));

const lhdc = { programme: '联户带创', startOn: '2025-03-01' };
// Rows 2, 3, 4 and 11 are good; the rest each carry one fault.
const sheet = (): Value[][] => [
  row({ ...lhdc, role: '一帮一', helper: '麻春花', target: '龙文斌' }),
  row({ ...lhdc, role: '几帮一', helper: '吴春生', target: '石金林', targetIdNumber: heads['石金林']!.idNumber }),
  row({ ...lhdc, role: '几帮一', helper: '麻春花', target: '石金林', targetIdNumber: heads['石金林']!.idNumber }),
  row({ ...lhdc, role: '一帮一', helper: '张三', target: '龙文斌' }),
  row({ ...lhdc, role: '一帮一', helper: '石金', target: '龙文斌' }),
  row({ ...lhdc, role: '一帮一', helper: '麻春花', target: '无此户' }),
  row({ ...lhdc, role: '驻村', helper: '吴春生', target: '龙文斌' }),
  row({ ...lhdc, role: '一帮一', helper: '吴春生', target: '龙文斌', startOn: '2024-06-01' }),
  row({ ...lhdc, role: '一帮一', helper: '吴春生', target: '田猫户', targetIdNumber: heads['田猫户']!.idNumber }),
  row({ ...lhdc, role: '驻村', helper: '石金', helperKey: '13974300003', target: '吉久村', round: '第一轮', startOn: '2025-02-01' }),
  row({ ...lhdc, role: '一帮一', helper: '吴春生', target: '石金林' }),
];

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('buchou_admin', 'township_admin', BUCHOU);
  await t.createUser('maoer_admin', 'township_admin', MAOER);
  clerk = await t.login('buchou_admin');
  maoer = await t.login('maoer_admin');
  const cadre = (name: string, rank: 'township' | 'village', regionCode: string, phone: string) => {
    const id = newId();
    cadreIds[`${name}${phone}`] = id;
    cadreIds[name] ??= id;
    return { id, name, initials: initialsOf(name), rank, regionCode, countyCode: '433124', phone };
  };
  await insertCadres(t.database.db, [
    cadre('麻春花', 'township', BUCHOU, '13974300001'),
    cadre('吴春生', 'township', BUCHOU, '13974300005'),
    cadre('石金', 'village', JIJIU, '13974300002'),
    cadre('石金', 'village', JIJIU, '13974300003'),
    cadre('龙老四', 'village', JIJIU, '13974300004'),
  ]);
  const household = async (client: Client, region: string, head: string) => {
    const body = householdBody(region, head);
    const res = await client.post('/api/households', body);
    expect(res.status).toBe(201);
    return { id: res.body.id as string, idNumber: body.members[0]!.idNumber };
  };
  heads['龙文斌'] = await household(clerk, JIJIU, '龙文斌');
  heads['石金林'] = await household(clerk, JIJIU, '石金林');
  heads['石金林大卡'] = await household(clerk, DAKA, '石金林');
  heads['田猫户'] = await household(maoer, '433124206201', '田猫户');
  const prog = await clerk.post('/api/programmes', { fromTemplate: 'lian-hu-dai-chuang', regionCode: BUCHOU, startOn: '2025-01-01' });
  expect(prog.status).toBe(201);
  programmeId = prog.body.id;
  expect(
    (await clerk.post(`/api/programmes/${programmeId}/rounds`, { no: 1, name: '第一轮', startOn: '2025-01-01', endOn: '2025-07-01' }))
      .status,
  ).toBe(201);
});
afterAll(async () => {
  const storage = folderStorage(t.app.config.filesDir);
  for (const id of jobs) await storage.remove(`imports/${id}`);
  await t.close();
});

describe('the pairing template', () => {
  it('has the columns a clerk fills, my programmes and townships as dropdowns, and an example row', async () => {
    const res = await clerk.get('/api/imports/templates/pairings.xlsx');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    const { rows, workbook } = await readBack(res.raw);
    expect(rows[0]!.values).toEqual(header);
    expect(String(rows[1]!.values[0])).toMatch(/^【示例】/);
    const options = workbook.getWorksheet('选项')!;
    const values = (h: string) => options.getColumn((options.getRow(1).values as unknown[]).indexOf(h)).values.filter(Boolean);
    expect(values('活动')).toContain('联户带创');
    expect(values('结对方式')).toEqual(expect.arrayContaining(['一帮一', '几帮一', '驻村', '部门包村']));
    expect(values('结对方式')).not.toContain('人帮人');
    expect(values('乡镇')).toEqual(['乡镇', '补抽乡']);
  });

  it('is for administrators', async () => {
    await t.createUser('buchou_cadre', 'cadre', BUCHOU);
    expect((await (await t.login('buchou_cadre')).get('/api/imports/templates/pairings.xlsx')).status).toBe(403);
  });
});

describe('importing pairings', () => {
  let firstJob: string;

  it('dry run: checks every row, writes nothing, and names each bad cell by its column', async () => {
    const res = await upload(clerk, sheet());
    expect(res.status).toBe(201);
    firstJob = res.body.id;
    expect(res.body).toMatchObject({
      kind: 'pairings',
      status: 'validated',
      totalRows: 11,
      errorRows: 7,
      hasReport: true,
      summary: { pairingsToCreate: 4, pairingsUnchanged: 0, rowsToImport: 4 },
    });
    const byRow = new Map<number, { column: string | null; message: string }[]>();
    for (const p of res.body.problems) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
    expect(byRow.get(5)).toEqual([{ sheet: null, row: 5, column: '帮扶人', message: expect.stringContaining('没有名为“张三”的干部') }]);
    expect(byRow.get(6)).toEqual([{ sheet: null, row: 6, column: '帮扶人', message: expect.stringContaining('有 2 名干部叫“石金”') }]);
    expect(byRow.get(7)).toEqual([{ sheet: null, row: 7, column: '对象', message: expect.stringContaining('没有户主名为“无此户”') }]);
    expect(byRow.get(8)).toEqual([{ sheet: null, row: 8, column: '对象', message: expect.stringContaining('没有名为“龙文斌”的村') }]);
    expect(byRow.get(9)).toEqual([{ sheet: null, row: 9, column: '开始日期', message: expect.stringContaining('开始日期应在活动期间内') }]);
    expect(byRow.get(10)).toEqual([{ sheet: null, row: 10, column: '对象身份证号', message: '该户不在您的管辖范围内' }]);
    expect(byRow.get(12)).toEqual([{ sheet: null, row: 12, column: '对象', message: expect.stringContaining('有 2 户户主名为“石金林”') }]);
    expect(await openPairings()).toHaveLength(0);
  });

  it('the report carries the bad rows as typed, each bad cell red with its reason', async () => {
    const res = await clerk.get(`/api/imports/${firstJob}/report.xlsx`);
    expect(res.status).toBe(200);
    const { rows } = await readBack(res.raw);
    expect(rows).toHaveLength(1 + 7);
    const byHelperTarget = (helper: string, target: string) =>
      rows.find((r) => r.values[col('helper') - 1] === helper && r.values[col('target') - 1] === target)!;
    const zhang = byHelperTarget('张三', '龙文斌');
    expect(zhang.red).toEqual([col('helper')]);
    expect(zhang.notes[col('helper')]).toContain('没有名为“张三”的干部');
    expect(byHelperTarget('石金', '龙文斌').red).toEqual([col('helper')]);
    expect(byHelperTarget('麻春花', '无此户').red).toEqual([col('target')]);
    expect(byHelperTarget('吴春生', '田猫户').red).toEqual([col('targetIdNumber')]);
    const early = rows.find((r) => r.values[col('startOn') - 1] === '2024-06-01')!;
    expect(early.red).toEqual([col('startOn')]);
    expect(String(early.values.at(-1))).toMatch(/^第 9 行：开始日期：开始日期应在活动期间内/);
  });

  it('refuses all-or-nothing while rows are wrong, then applies the valid rows through the pairing rules, audited', async () => {
    expect((await clerk.post(`/api/imports/${firstJob}/apply`, { mode: 'all_or_nothing' })).status).toBe(409);
    expect(await openPairings()).toHaveLength(0);
    const res = await clerk.post(`/api/imports/${firstJob}/apply`, { mode: 'valid_rows' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'done', summary: { pairingsCreated: 4, pairingsUnchanged: 0 } });
    const made = await openPairings();
    expect(made).toHaveLength(4);
    const of = (helper: string, target: string) => made.find((p) => p.helperId === helper && p.targetId === target);
    expect(of(cadreIds['麻春花']!, heads['龙文斌']!.id)).toMatchObject({
      role: 'one_to_one',
      helperKind: 'cadre',
      targetKind: 'household',
      lead: true,
      programmeId,
      regionCode: JIJIU,
      countyCode: '433124',
      startOn: '2025-03-01',
    });
    // 几帮一: the first helper of 石金林 leads, the second does not
    expect(of(cadreIds['吴春生']!, heads['石金林']!.id)).toMatchObject({ role: 'several_to_one', lead: true });
    expect(of(cadreIds['麻春花']!, heads['石金林']!.id)).toMatchObject({ role: 'several_to_one', lead: false });
    expect(of(cadreIds['石金13974300003']!, JIJIU)).toMatchObject({
      role: 'resident',
      targetKind: 'village',
      roundNo: 1,
      lead: false,
      startOn: '2025-02-01',
    });
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'pairing'), eq(auditLog.action, 'create')));
    expect(audits.map((a) => a.entityId).sort()).toEqual(made.map((p) => p.id).sort());
    // they are pairings like any other: the household page lists its helpers
    const helpers = await clerk.get(`/api/households/${heads['石金林']!.id}/helpers`);
    expect(helpers.status).toBe(200);
    expect(helpers.body.items.map((p: { helperName: string }) => p.helperName).sort()).toEqual(['吴春生', '麻春花'].sort());
  });

  it('importing the same sheet again changes nothing', async () => {
    const res = await upload(clerk, sheet());
    expect(res.body).toMatchObject({ errorRows: 7, summary: { pairingsToCreate: 0, pairingsUnchanged: 4, rowsToImport: 4 } });
    const applied = await clerk.post(`/api/imports/${res.body.id}/apply`, { mode: 'valid_rows' });
    expect(applied.status).toBe(200);
    expect(applied.body.summary).toMatchObject({ pairingsCreated: 0, pairingsUnchanged: 4 });
    expect(await openPairings()).toHaveLength(4);
  });

  it('keeps one lead per 几帮一 household, in the sheet and against the register', async () => {
    const id = heads['石金林']!.idNumber;
    const res = await upload(clerk, [
      row({ ...lhdc, role: '几帮一', helper: '龙老四', target: '石金林', targetIdNumber: id, lead: '是' }),
      row({ ...lhdc, role: '几帮一', helper: '石金', helperKey: '13974300002', target: '石金林', targetIdNumber: id }),
      row({ ...lhdc, role: '几帮一', helper: '麻春花', target: '龙文斌', lead: '是' }),
      row({ ...lhdc, role: '几帮一', helper: '吴春生', target: '龙文斌', lead: '是' }),
    ]);
    expect(res.body).toMatchObject({ errorRows: 2, summary: { pairingsToCreate: 1, pairingsUnchanged: 1 } });
    expect(res.body.problems).toEqual([
      { sheet: null, row: 2, column: '是否联系人', message: '该户已有牵头联系人，几帮一只能有一名牵头人' },
      // row 4 is the register's lead, unchanged: named as the first import named it
      { sheet: null, row: 5, column: '是否联系人', message: '第 4 行已是该户的牵头联系人，几帮一只能有一名牵头人' },
    ]);
    expect((await clerk.post(`/api/imports/${res.body.id}/apply`, { mode: 'valid_rows' })).body.summary).toMatchObject({
      pairingsCreated: 1,
    });
    const shi = (await openPairings()).find((p) => p.helperId === cadreIds['石金13974300002']);
    expect(shi).toMatchObject({ targetId: heads['石金林']!.id, lead: false });
  });

  it('refuses the whole apply when a household got its 几帮一 lead after the check, writing nothing', async () => {
    const before = (await openPairings()).length;
    const res = await upload(clerk, [
      row({ ...lhdc, role: '几帮一', helper: '龙老四', target: '石金林', targetIdNumber: heads['石金林大卡']!.idNumber, lead: '是' }),
      row({ ...lhdc, role: '一帮一', helper: '龙老四', target: '龙文斌' }),
    ]);
    expect(res.body).toMatchObject({ errorRows: 0, summary: { pairingsToCreate: 2 } });
    const byHand = await clerk.post('/api/pairings', {
      programmeId,
      role: 'several_to_one',
      helperKind: 'cadre',
      helperId: cadreIds['吴春生'],
      targetKind: 'household',
      targetId: heads['石金林大卡']!.id,
      startOn: '2025-03-01',
      lead: true,
    });
    expect(byHand.status).toBe(201);
    const applied = await clerk.post(`/api/imports/${res.body.id}/apply`, { mode: 'all_or_nothing' });
    expect(applied.status).toBe(409);
    expect(applied.body.error.message).toContain('牵头联系人');
    expect(await openPairings()).toHaveLength(before + 1);
    expect((await clerk.get(`/api/imports/${res.body.id}`)).body.status).toBe('failed');
  });

  it("another township's clerk sees nothing of 补抽乡 and cannot apply its import", async () => {
    const res = await upload(maoer, [row({ ...lhdc, role: '一帮一', helper: '麻春花', target: '龙文斌' })]);
    expect(res.body.problems.map((p: { column: string }) => p.column).sort()).toEqual(['对象', '帮扶人', '活动']);
    expect(res.body.summary).toMatchObject({ rowsToImport: 0 });
    expect((await maoer.post(`/api/imports/${firstJob}/apply`, { mode: 'valid_rows' })).status).toBe(403);
  });

  it('a sheet without the pairing columns is refused, naming what is missing', async () => {
    const m = multipart(await xlsxOf(['姓名', '身份证号'], [['龙文斌', '433124197203150018']]), '错表.xlsx', { kind: 'pairings' });
    const res = await clerk.request({ method: 'POST', url: '/api/imports', payload: m.payload, headers: m.headers });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0]).toMatchObject({ path: 'file', message: expect.stringContaining('活动') });
  });
});
