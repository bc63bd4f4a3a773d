import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, COUNTY, JIJIU, MAOER, PASSWORD, createTestApp, type TestContext } from '../../../test/app.js';
import { insertUnits } from '../units/repository.js';
import { newId } from '../../platform/ids.js';
import { households, members } from '../households/tables.js';
import { cadres } from '../cadres/tables.js';
import { folderStorage } from '../../platform/storage.js';
import { dropStaging } from './staging.js';
import { cadreHeader, cadreRow, householdHeader, householdRow, idNumber, multipart, readBack, xlsxOf } from './testing.js';

/**
 * The clerk of 补抽乡 imports the households of 吉久村 from Excel: a template, a dry run that
 * writes nothing, an error report that marks each bad cell, the valid rows, then the fixed file.
 */
let t: TestContext;
type Raw = { status: number; body: any; raw: Buffer; headers: Record<string, unknown> }; // eslint-disable-line @typescript-eslint/no-explicit-any
type RawClient = { request(o: InjectOptions): Promise<Raw>; get(url: string): Promise<Raw>; post(url: string, body?: unknown): Promise<Raw>; upload(file: Buffer | null, name: string, fields?: Record<string, string>, url?: string): Promise<Raw> };
let clerk: RawClient;
let maoer: RawClient;
let county: RawClient;
let cadre: RawClient;
const jobIds: string[] = [];

async function rawLogin(username: string): Promise<RawClient> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  const request = async (o: InjectOptions): Promise<Raw> => {
    const r = await t.app.inject({ ...o, headers: { cookie, 'x-csrf-token': csrf, ...(o.headers as Record<string, string>) } });
    let body: unknown = null;
    try {
      body = r.json();
    } catch {
      /* binary */
    }
    if (body && typeof body === 'object' && 'id' in body && typeof (body as { id: unknown }).id === 'string' && r.statusCode < 300) jobIds.push((body as { id: string }).id);
    return { status: r.statusCode, body, raw: r.rawPayload, headers: r.headers };
  };
  return {
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, body) => request({ method: 'POST', url, payload: body as InjectOptions['payload'] }),
    upload: (file, name, fields = { kind: 'households' }, url = '/api/imports') => {
      const m = multipart(file, name, fields);
      return request({ method: 'POST', url, payload: m.payload, headers: m.headers });
    },
  };
}

const fieldPaths = (r: Raw) => (r.body.error.fields ?? []).map((f: { path: string }) => f.path);

// The cast: 龙文斌's household (him, his wife, their son) and 麻春花's (her and her mother).
const ids = {
  long: idNumber('19720315', 1, 'male'),
  longWife: idNumber('19750402', 2, 'female'),
  longSon: idNumber('19990711', 3, 'male'),
  ma: idNumber('19680920', 4, 'female'),
  maMother: idNumber('19450101', 5, 'female'),
  shi: idNumber('19800808', 6, 'male'),
};
const long = { householdNo: '433124213209001', township: '补抽乡', village: '吉久村', group: '一组', headName: '龙文斌', categories: '贫困户、信访户', causes: '因病', landMu: 3.5, housing: 'C级危房' };
const good = [
  householdRow({ ...long, relation: '户主', name: '龙文斌', idNumber: ids.long, phone: '13907431234', education: '初中' }),
  householdRow({ ...long, relation: '妻', name: '石秀英', idNumber: ids.longWife, health: '长期慢性病' }),
  householdRow({ ...long, relation: '长子', name: '龙小军', idNumber: ids.longSon, schooling: '已毕业' }),
  householdRow({ village: '吉久村', headName: '麻春花', relation: '户主', name: '麻春花', idNumber: ids.ma, categories: '困难党员户', partyMember: '是' }),
  householdRow({ relation: '母亲', name: '吴秀兰', idNumber: ids.maMother }),
];

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('buchou_admin', 'township_admin', BUCHOU);
  await t.createUser('maoer_admin', 'township_admin', MAOER);
  await t.createUser('county_admin', 'county_admin', COUNTY);
  await t.createUser('buchou_cadre', 'cadre', BUCHOU);
  clerk = await rawLogin('buchou_admin');
  maoer = await rawLogin('maoer_admin');
  county = await rawLogin('county_admin');
  cadre = await rawLogin('buchou_cadre');
  expect((await clerk.post('/api/regions', { parentCode: JIJIU, name: '一组' })).status).toBe(201);
});
afterAll(async () => {
  const storage = folderStorage(t.app.config.filesDir);
  for (const id of jobIds) await storage.remove(`imports/${id}`);
  await t.close();
});

const countRows = async () => {
  const [h] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(households);
  const [m] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(members);
  return { households: h!.n, members: m!.n };
};

describe('templates', () => {
  it('gives the households template with a header note, dropdowns of my villages and an example row', async () => {
    const res = await clerk.get('/api/imports/templates/households.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('农户成员导入模板.xlsx'));
    const { rows, workbook } = await readBack(res.raw);
    expect(rows[0]!.values).toEqual(householdHeader);
    expect(rows[0]!.notes[9]).toContain('18 位');
    expect(String(rows[1]!.values[0])).toMatch(/^【示例】/);
    const options = workbook.getWorksheet('选项')!;
    expect(options.state).toBe('hidden');
    const col = (options.getRow(1).values as unknown[]).indexOf('村');
    const villages = options.getColumn(col).values.filter(Boolean);
    expect(villages).toContain('吉久村');
    expect(villages).not.toContain('团结村');
    expect(workbook.getWorksheet('填写说明')).toBeTruthy();
  });
  it('gives the cadre template', async () => {
    const res = await clerk.get('/api/imports/templates/cadres.xlsx');
    expect(res.status).toBe(200);
    expect((await readBack(res.raw)).rows[0]!.values).toEqual(cadreHeader);
  });
  it('keeps templates for administrators', async () => {
    expect((await cadre.get('/api/imports/templates/households.xlsx')).status).toBe(403);
    expect((await t.anonymous.get('/api/imports/templates/cadres.xlsx')).status).toBe(401);
  });
});

let firstJob: string;

describe('a file with good and bad rows', () => {
  const bad = [
    householdRow({ householdNo: '433124213209003', village: '吉久村', headName: '施金华', relation: '户主', name: '施金华', idNumber: ids.shi.slice(0, 17) + (ids.shi[17] === '1' ? '2' : '1') }),
    householdRow({ householdNo: '433124213209004', village: '吉九村', headName: '杨光', relation: '户主', name: '杨光', idNumber: idNumber('19900101', 7) }),
    householdRow({ householdNo: '433124213209005', village: '吉久村', headName: '田二', relation: '户主', name: '田二', idNumber: idNumber('19910101', 8), landMu: '三亩', birthDate: '1991-13-01' }),
    householdRow({ householdNo: '433124213209006', village: '吉久村', headName: '彭大', relation: '户主', name: '彭大', idNumber: idNumber('19920101', 9) }),
    householdRow({ householdNo: '433124213209006', village: '吉久村', headName: '彭大', relation: '户主', name: '彭二', idNumber: idNumber('19930101', 10) }),
    householdRow({ householdNo: '433124213209007', village: '团结村', headName: '石猫', relation: '户主', name: '石猫', idNumber: idNumber('19940101', 11) }),
  ];

  it('checks every row and writes nothing (the dry run)', async () => {
    const before = await countRows();
    const res = await clerk.upload(await xlsxOf(householdHeader, [...good, ...bad]), '吉久村农户.xlsx');
    expect(res.status).toBe(201);
    firstJob = res.body.id;
    expect(res.body).toMatchObject({ kind: 'households', status: 'validated', totalRows: 11, processedRows: 11, errorRows: 6, hasReport: true });
    expect(res.body.summary).toMatchObject({ households: 7, householdsToCreate: 2, householdsToUpdate: 0, membersToCreate: 5, membersToUpdate: 0, rowsToImport: 5 });
    expect(res.body.problems.map((p: { row: number; column: string }) => `${p.row} ${p.column}`)).toEqual(
      expect.arrayContaining(['7 身份证号', '8 村', '9 耕地面积(亩)', '9 出生日期', '10 与户主关系', '11 与户主关系', '12 村']),
    );
    expect(await countRows()).toEqual(before);
  });

  it('marks each bad cell red in the report, with the reason in a note and the 错误说明 column', async () => {
    const res = await clerk.get(`/api/imports/${firstJob}/report.xlsx`);
    expect(res.status).toBe(200);
    const { rows } = await readBack(res.raw);
    expect(rows[0]!.values).toEqual([...householdHeader, '错误说明']);
    expect(rows).toHaveLength(7);
    const byName = (name: string) => rows.find((r) => r.values[6] === name)!;
    const idCol = householdHeader.indexOf('身份证号') + 1;
    expect(byName('施金华').red).toEqual([idCol]);
    expect(byName('施金华').notes[idCol]).toContain('校验位');
    const villageCol = householdHeader.indexOf('村') + 1;
    expect(byName('杨光').red).toEqual([villageCol]);
    expect(byName('杨光').notes[villageCol]).toBe('您的管辖范围内没有名为“吉九村”的村（社区）');
    expect(byName('田二').red.sort()).toEqual([householdHeader.indexOf('出生日期') + 1, householdHeader.indexOf('耕地面积(亩)') + 1].sort());
    expect(String(byName('彭二').values[householdHeader.length])).toContain('本户有 2 个户主');
    expect(byName('石猫').notes[villageCol]).toContain('团结村');
    expect(String(byName('施金华').values[householdHeader.length])).toMatch(/^第 7 行：身份证号：/);
  });

  it('takes the report back once its cells are fixed', async () => {
    const { workbook } = await readBack((await clerk.get(`/api/imports/${firstJob}/report.xlsx`)).raw);
    const sheet = workbook.worksheets[0]!;
    const col = (h: string) => (householdHeader as string[]).indexOf(h) + 1;
    const fixes: Record<string, Record<string, string | number | null>> = {
      施金华: { 身份证号: ids.shi },
      杨光: { 村: '吉久村' },
      田二: { '耕地面积(亩)': 3, 出生日期: null },
      彭二: { 与户主关系: '子' },
      石猫: { 村: '吉久村' },
    };
    sheet.eachRow((row) => {
      for (const [h, v] of Object.entries(fixes[String(row.getCell(col('姓名')).value)] ?? {})) row.getCell(col(h)).value = v;
    });
    const fixed = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await clerk.upload(fixed, '吉久村农户-错误报告.xlsx');
    expect(res.body).toMatchObject({ status: 'validated', totalRows: 6, errorRows: 0 });
    expect(res.body.summary).toMatchObject({ householdsToCreate: 5, membersToCreate: 6 });
    jobIds.push(res.body.id);
  });

  it('refuses all_or_nothing while rows have errors', async () => {
    const res = await clerk.post(`/api/imports/${firstJob}/apply`, { mode: 'all_or_nothing' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('有 6 行有误');
    expect((await countRows()).members).toBe(0);
  });

  it('imports only the valid rows, in one audited step', async () => {
    const res = await clerk.post(`/api/imports/${firstJob}/apply`, { mode: 'valid_rows' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'done', mode: 'valid_rows', processedRows: 5 });
    expect(res.body.summary).toMatchObject({ householdsCreated: 2, membersCreated: 5, membersUpdated: 0 });
    expect(await countRows()).toEqual({ households: 2, members: 5 });
    const [hh] = await t.database.db.select().from(households).where(eq(households.householdNo, '433124213209001'));
    expect(hh).toMatchObject({ categories: ['petitioner', 'poor'], povertyCauses: ['illness'], landMu: '3.50', housing: 'dilapidated_c', phone: '13907431234' });
    expect(hh!.regionCode).toMatch(/^433124213209\d{3}$/);
    const ma = await t.database.db.select().from(members).where(eq(members.idNumber, ids.maMother));
    expect(ma[0]).toMatchObject({ relation: 'parent', sex: 'female', birthDate: '1945-01-01', regionCode: JIJIU });
    const audit = await t.database.db.execute(sql`select action, after from audit_log where entity_id = ${firstJob}`);
    const entries = (audit as unknown as { rows: { action: string; after: Record<string, unknown> }[] }).rows;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'import', after: { kind: 'households', mode: 'valid_rows', householdsCreated: 2, membersCreated: 5 } });
  });

  it('does not apply the same job twice', async () => {
    expect((await clerk.post(`/api/imports/${firstJob}/apply`, { mode: 'valid_rows' })).status).toBe(409);
  });
});

describe('importing again', () => {
  it('updates rather than duplicates, matching households by 户编号 or by the head, members by ID number', async () => {
    const again = [
      householdRow({ ...long, relation: '户主', name: '龙文斌', idNumber: ids.long, phone: '13907439999' }),
      householdRow({ ...long, relation: '配偶', name: '石秀英', idNumber: ids.longWife }),
      householdRow({ ...long, relation: '子', name: '龙小军', idNumber: ids.longSon }),
      householdRow({ ...long, relation: '孙子女', name: '龙豆豆', idNumber: idNumber('20200101', 12) }),
      householdRow({ village: '吉久村', headName: '麻春花', relation: '户主', name: '麻春花', idNumber: ids.ma, categories: '困难党员户', partyMember: '是' }),
      householdRow({ relation: '父母', name: '吴秀兰', idNumber: ids.maMother }),
    ];
    const res = await clerk.upload(await xlsxOf(householdHeader, again), 'again.xlsx');
    expect(res.body).toMatchObject({ status: 'validated', errorRows: 0, hasReport: false });
    // only what differs: the head's phone (the household keeps its own), 龙豆豆 is new
    expect(res.body.summary).toMatchObject({ householdsToCreate: 0, householdsToUpdate: 0, householdsUnchanged: 2, membersToCreate: 1, membersToUpdate: 1, membersUnchanged: 4 });
    expect(res.body.changes).toEqual([{ sheet: null, row: 2, what: '龙文斌', fields: ['联系电话'] }]);
    expect((await clerk.get(`/api/imports/${res.body.id}/report.xlsx`)).status).toBe(404);
    const done = await clerk.post(`/api/imports/${res.body.id}/apply`, { mode: 'all_or_nothing' });
    expect(done.status).toBe(200);
    expect(done.body.summary).toMatchObject({ householdsCreated: 0, membersCreated: 1, membersUpdated: 1 });
    expect(await countRows()).toEqual({ households: 2, members: 6 });
    // the household's phone is its own (户联系电话, blank here: kept), no longer overwritten by the head's
    const [hh] = await t.database.db.select().from(households).where(eq(households.householdNo, '433124213209001'));
    expect(hh!.phone).toBe('13907431234');
  });

  it('refuses a person already in another household, naming it', async () => {
    const res = await clerk.upload(
      await xlsxOf(householdHeader, [householdRow({ householdNo: '433124213209010', village: '吉久村', headName: '龙小军', relation: '户主', name: '龙小军', idNumber: ids.longSon })]),
      'split.xlsx',
    );
    expect(res.body.errorRows).toBe(1);
    expect(res.body.problems[0].message).toContain('户编号 433124213209001');
  });
});

describe('scope', () => {
  it('refuses rows for another township, by name or by code', async () => {
    const res = await maoer.upload(await xlsxOf(householdHeader, [householdRow({ village: '433124213209', headName: '甲乙', relation: '户主', name: '甲乙', idNumber: idNumber('19850101', 20) }), householdRow({ village: '吉久村', headName: '丙丁', relation: '户主', name: '丙丁', idNumber: idNumber('19850101', 21) })]), 'x.xlsx');
    expect(res.body.errorRows).toBe(2);
    expect(res.body.problems.map((p: { message: string }) => p.message)).toEqual(['村（社区）代码 433124213209 不在您的管辖范围内', '您的管辖范围内没有名为“吉久村”的村（社区）']);
  });
  it('refuses a person registered outside the scope', async () => {
    const res = await maoer.upload(await xlsxOf(householdHeader, [householdRow({ village: '团结村', headName: '龙文斌', relation: '户主', name: '龙文斌', idNumber: ids.long })]), 'x.xlsx');
    expect(res.body.problems[0].message).toBe('此人已登记在您管辖范围外的农户中');
  });
  it('asks for the township when a county clerk names a village two townships share', async () => {
    const res = await county.upload(await xlsxOf(householdHeader, [householdRow({ village: '龙门村', headName: '甲乙', relation: '户主', name: '甲乙', idNumber: idNumber('19850101', 22) })]), 'x.xlsx');
    expect(res.body.problems[0].message).toContain('有 2 个名为“龙门村”的村（社区）');
  });
  it('hides another township’s jobs (404) and refuses to apply them (403)', async () => {
    expect((await maoer.get(`/api/imports/${firstJob}`)).status).toBe(404);
    expect((await maoer.get(`/api/imports/${firstJob}/report.xlsx`)).status).toBe(404);
    expect((await maoer.post(`/api/imports/${firstJob}/apply`, { mode: 'valid_rows' })).status).toBe(403);
    expect((await county.get(`/api/imports/${firstJob}`)).status).toBe(200);
  });
  it('lets only administrators import', async () => {
    expect((await cadre.upload(await xlsxOf(householdHeader, good), 'x.xlsx')).status).toBe(403);
    expect((await cadre.get(`/api/imports/${firstJob}`)).status).toBe(403);
  });
});

describe('bad uploads', () => {
  it('answers 400 in Chinese for a file that is not .xlsx, an old .xls, a missing file or kind', async () => {
    const notXlsx = await clerk.upload(Buffer.from('姓名,身份证号\n龙文斌,1'), 'list.csv');
    expect(notXlsx.status).toBe(400);
    expect(notXlsx.body.error.message).toContain('不是 Excel');
    expect(fieldPaths(notXlsx)).toEqual(['file']);
    const xls = await clerk.upload(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old.xls');
    expect(xls.body.error.message).toContain('另存为');
    const none = await clerk.upload(null, '');
    expect(none.status).toBe(400);
    expect(fieldPaths(none)).toEqual(['file']);
    const noKind = await clerk.upload(await xlsxOf(householdHeader, good), 'x.xlsx', {});
    expect(fieldPaths(noKind)).toEqual(['body.kind']);
    const a = multipart(await xlsxOf(householdHeader, good), 'x.xlsx', { kind: 'households' });
    const cut = await clerk.request({ method: 'POST', url: '/api/imports', payload: a.payload.subarray(0, 300), headers: a.headers });
    expect(cut.status).toBe(400);
    expect(cut.body.error.message).toContain('不完整');
    const json = await clerk.post('/api/imports', { kind: 'households' });
    expect(json.status).toBe(400);
    expect(json.body.error.message).toContain('上传');
  });
  it('answers 400 naming the missing columns, and for a corrupt workbook', async () => {
    const res = await clerk.upload(await xlsxOf(['姓名', '性别'], [['龙文斌', '男']]), 'x.xlsx');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('缺少列');
    expect(res.body.error.message).toContain('身份证号');
    const corrupt = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    const broken = await clerk.upload(corrupt, 'x.xlsx');
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toContain('无法读取');
  });
  it('answers 413 for a file over 50 MB', async () => {
    const res = await clerk.upload(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(50 * 1024 * 1024 + 10)]), 'big.xlsx');
    expect(res.status).toBe(413);
    expect(res.body.error.message).toContain('50 MB');
  });
  it('answers 400 for bad ids and modes', async () => {
    expect((await clerk.get('/api/imports/123')).status).toBe(400);
    const mode = await clerk.post(`/api/imports/${firstJob}/apply`, { mode: 'some' });
    expect(fieldPaths(mode)).toEqual(['body.mode']);
    expect((await clerk.get(`/api/imports/${newId()}`)).status).toBe(404);
  });
});

describe('a large file', () => {
  it('is checked and applied in the background while the UI polls for progress', { timeout: 120_000 }, async () => {
    const rows = [];
    for (let h = 0; h < 4000; h++) {
      const no = `4331242132095${String(h).padStart(4, '0')}`;
      const head = `龙${h}`;
      // over 1 MB within the field rules (an address of at most 100 characters): random addresses and phones
      const address = `补抽乡补抽村${h}号（${randomBytes(63).toString('base64')}）`;
      const digits = (n: number) => String(randomBytes(4).readUInt32LE(0)).padStart(10, '0').slice(0, n);
      const householdPhone = `0743-${digits(7)}`;
      for (let m = 0; m < 4; m++) {
        const phone = m === 0 ? `139${String(h).padStart(8, '0')}` : `13${digits(9)}`;
        rows.push(householdRow({ householdNo: no, village: '补抽村', headName: head, relation: m === 0 ? '户主' : '子', name: m === 0 ? head : `${head}子${m}`, idNumber: idNumber(`19${50 + (h % 40)}0${1 + m}1${h % 10}`, Math.floor(h / 10), 'male'), categories: '贫困户', landMu: 2.5, phone, householdPhone, address }));
      }
    }
    const file = await xlsxOf(householdHeader, rows);
    expect(file.length).toBeGreaterThan(1024 * 1024);
    const started = await clerk.upload(file, 'large.xlsx');
    expect(started.status).toBe(202);
    expect(started.body.status).toBe('validating');
    const poll = async (until: (s: string) => boolean) => {
      for (let i = 0; i < 600; i++) {
        const job = (await clerk.get(`/api/imports/${started.body.id}`)).body;
        if (until(job.status)) return job;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('timed out');
    };
    const checked = await poll((s) => s !== 'validating');
    expect(checked).toMatchObject({ status: 'validated', totalRows: 16000, processedRows: 16000, errorRows: 0 });
    const applying = await clerk.post(`/api/imports/${started.body.id}/apply`, { mode: 'all_or_nothing' });
    expect(applying.status).toBe(202);
    expect(applying.body.status).toBe('importing');
    const done = await poll((s) => s !== 'importing');
    expect(done).toMatchObject({ status: 'done', processedRows: 16000, summary: { householdsCreated: 4000, membersCreated: 16000 } });
  });
});

describe('the cadre register', () => {
  it('imports cadres by name of unit and village, idempotent on the ID number', async () => {
    const agri = newId();
    await insertUnits(t.database.db, [{ id: agri, name: '县农业局', initials: 'xnyj', level: 'county', regionCode: COUNTY, countyCode: '433124' }]);
    const rows = [
      cadreRow({ name: '吴春生', idNumber: idNumber('19850612', 30), rank: '第一书记', unit: '县农业局', title: '驻村第一书记', phone: '13974300001', village: '吉久村' }),
      cadreRow({ name: '龙文斌', idNumber: idNumber('19720315', 31), rank: '乡干部', title: '乡党委书记' }),
      cadreRow({ name: '错误', idNumber: idNumber('19720315', 32), rank: '村社干部', township: '补抽乡' }),
      cadreRow({ name: '无单位', idNumber: idNumber('19720315', 33), rank: '党员', unit: '县林业局', village: '吉久村' }),
    ];
    const res = await clerk.upload(await xlsxOf(cadreHeader, rows), 'cadres.xlsx', { kind: 'cadres' });
    expect(res.body).toMatchObject({ kind: 'cadres', status: 'validated', totalRows: 4, errorRows: 2 });
    expect(res.body.problems.map((p: { column: string; message: string }) => `${p.column} ${p.message}`)).toEqual(['乡镇 村社干部的所在地应为村（社区）', '单位 没有名为“县林业局”的单位（或不在您的管辖范围内），请先建立']);
    const done = await clerk.post(`/api/imports/${res.body.id}/apply`, { mode: 'valid_rows' });
    expect(done.body.summary).toMatchObject({ cadresCreated: 2, cadresUpdated: 0 });
    const wu = await t.database.db.select().from(cadres).where(eq(cadres.name, '吴春生'));
    expect(wu[0]).toMatchObject({ rank: 'resident', unitId: agri, regionCode: JIJIU, initials: 'wcs', sex: 'male' });
    const again = await clerk.upload(await xlsxOf(cadreHeader, [cadreRow({ name: '吴春生', idNumber: idNumber('19850612', 30), rank: '驻村干部', title: '工作队长', village: '吉久村' })]), 'again.xlsx', { kind: 'cadres' });
    expect(again.body.summary).toMatchObject({ cadresToCreate: 0, cadresToUpdate: 1 });
    await clerk.post(`/api/imports/${again.body.id}/apply`, { mode: 'all_or_nothing' });
    const after = await t.database.db.select().from(cadres).where(eq(cadres.name, '吴春生'));
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ title: '工作队长', unitId: agri, version: 2 });
  });
});

describe('exports', () => {
  it('gives administrators the list in full and audits it', async () => {
    const res = await clerk.get(`/api/exports/households.xlsx?regionCode=${JIJIU}`);
    expect(res.status).toBe(200);
    const { rows } = await readBack(res.raw);
    expect(rows[0]!.values.slice(0, householdHeader.length)).toEqual(householdHeader);
    const longRow = rows.find((r) => r.values[6] === '龙文斌')!;
    expect(longRow.values[8]).toBe(ids.long);
    expect(longRow.values[15]).toBe('13907439999');
    expect(longRow.values[16]).toBe('信访户、贫困户');
    expect(rows).toHaveLength(7);
    const audit = await clerk.get('/api/audit?action=export_personal');
    expect(audit.status).toBe(200);
  });
  it('masks ID numbers and phones for a cadre', async () => {
    const res = await cadre.get('/api/exports/households.xlsx?q=lwb');
    expect(res.status).toBe(200);
    const { rows } = await readBack(res.raw);
    expect(rows).toHaveLength(5);
    const longRow = rows.find((r) => r.values[6] === '龙文斌')!;
    expect(longRow.values[8]).toBe(`433124********${ids.long.slice(-4)}`);
    expect(longRow.values[15]).toBe('139****9999');
  });
  it('exports cadres, masked for a cadre', async () => {
    const full = await readBack((await clerk.get('/api/exports/cadres.xlsx?rank=resident')).raw);
    expect(full.rows.map((r) => r.values[0])).toEqual(['姓名', '吴春生']);
    expect(full.rows[1]!.values[2]).toBe(idNumber('19850612', 30));
    const masked = await readBack((await cadre.get('/api/exports/cadres.xlsx?rank=resident')).raw);
    expect(masked.rows[1]!.values[2]).toMatch(/^433124\*{8}\d{3}[\dX]$/);
  });
  it('answers bad filters with 400 naming the field', async () => {
    const res = await clerk.get('/api/exports/households.xlsx?status=gone&regionCode=12');
    expect(res.status).toBe(400);
    expect(fieldPaths(res)).toEqual(expect.arrayContaining(['query.status', 'query.regionCode']));
  });
});

describe('the working tables of a check', () => {
  it('are dropped by the apply; when they are gone (a crash empties them) the apply writes nothing and asks for a new upload', async () => {
    const staged = (id: string) => t.database.db.execute(sql.raw(`select count(*)::int as n from pg_tables where schemaname = 'import_staging' and tablename like '%${id.replaceAll('-', '')}'`));
    const tables = async (id: string) => ((await staged(id)) as unknown as { rows: { n: number }[] }).rows[0]!.n;
    const row = (no: string, name: string, id: string) => householdRow({ householdNo: no, village: '吉久村', headName: name, relation: '户主', name, idNumber: id });
    const one = await clerk.upload(await xlsxOf(householdHeader, [row('433124213209020', '滕一', idNumber('19810101', 20))]), 'one.xlsx');
    expect(await tables(one.body.id)).toBe(2);
    expect((await clerk.post(`/api/imports/${one.body.id}/apply`, { mode: 'all_or_nothing' })).status).toBe(200);
    expect(await tables(one.body.id)).toBe(0);

    const two = await clerk.upload(await xlsxOf(householdHeader, [row('433124213209021', '滕二', idNumber('19820101', 21))]), 'two.xlsx');
    await dropStaging(t.database.db, two.body.id);
    const before = await countRows();
    const res = await clerk.post(`/api/imports/${two.body.id}/apply`, { mode: 'all_or_nothing' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('请重新上传');
    expect(await countRows()).toEqual(before);
    expect((await clerk.get(`/api/imports/${two.body.id}`)).body.status).toBe('failed');
  });
});
