import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, JIJIU, MAOER, createTestApp, type Client, type Res, type TestContext } from '../../../test/app.js';
import { newId } from '../../platform/ids.js';
import { auditLog } from '../audit/tables.js';
import { insertCadres } from '../cadres/repository.js';
import { cadres } from '../cadres/tables.js';
import { householdBody } from '../households/fixtures.js';
import { initialsOf } from '../regions/rules.js';

let t: TestContext;
let township: Client;
let maoer: Client;
let cadreClient: Client;
let programmeId: string;

const MAOER_VILLAGE = '433124206201';
const DAKA = '433124213201'; // 大卡村 of 补抽乡
const paths = (res: Res) => (res.body.error?.fields ?? []).map((f: { path: string }) => f.path);
const ids: Record<string, string> = {};
const hh: Record<string, string> = {};
function cadre(name: string, rank: (typeof cadres.$inferInsert)['rank'], regionCode: string) {
  ids[name] = newId();
  return { id: ids[name], name, initials: initialsOf(name), rank, regionCode, countyCode: '433124' };
}
const pairing = (helper: string, household: string, more: Record<string, unknown> = {}) => ({
  programmeId,
  role: 'one_to_one',
  helperKind: 'cadre',
  helperId: ids[helper],
  targetKind: 'household',
  targetId: hh[household],
  startOn: '2025-02-01',
  ...more,
});

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('buchou_admin', 'township_admin', BUCHOU);
  await t.createUser('maoer_admin', 'township_admin', MAOER);
  const cadreUser = await t.createUser('buchou_cadre', 'cadre', BUCHOU);
  township = await t.login('buchou_admin');
  maoer = await t.login('maoer_admin');
  cadreClient = await t.login('buchou_cadre');
  await insertCadres(t.database.db, [
    cadre('龙文斌', 'township', BUCHOU),
    cadre('麻春花', 'township', BUCHOU),
    cadre('吴春生', 'township', BUCHOU),
    cadre('石金', 'village', JIJIU),
    cadre('田猫儿', 'village', MAOER_VILLAGE),
  ]);
  await t.database.db.update(cadres).set({ userId: cadreUser }).where(eq(cadres.id, ids['龙文斌']!));
  const households: [string, string, string[]][] = [
    ['石金林', JIJIU, ['prosperity_star']],
    ['龙春生', JIJIU, ['conservative']],
    ['麻老三', JIJIU, ['poor']],
    ['吴明星', DAKA, ['prosperity_star']],
    ['石大卡', DAKA, ['prosperity_star']],
  ];
  for (const [head, region, categories] of households)
    hh[head] = (await township.post('/api/households', householdBody(region, head, { categories }))).body.id;
  hh['田猫户'] = (await maoer.post('/api/households', householdBody(MAOER_VILLAGE, '田猫户'))).body.id;
  const prog = await township.post('/api/programmes', { fromTemplate: 'lian-hu-dai-chuang', regionCode: BUCHOU, startOn: '2025-01-01' });
  programmeId = prog.body.id;
  await township.post(`/api/programmes/${programmeId}/participants`, {
    select: { kind: 'cadre', ranks: ['township', 'village'] },
    startOn: '2025-01-01',
  });
});
afterAll(() => t.close());

describe('pairing by hand', () => {
  it('pairs a township cadre with a star household, idempotent on the id, audited, with names', async () => {
    const id = newId();
    const res = await township.post('/api/pairings', { ...pairing('龙文斌', '石金林'), id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id,
      helperName: '龙文斌',
      helperRank: 'township',
      targetName: '石金林',
      lead: true,
      regionCode: JIJIU,
      regionName: '吉久村',
      endOn: null,
      programmeName: '联户带创',
    });
    const again = await township.post('/api/pairings', { ...pairing('龙文斌', '石金林'), id });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(id);
    expect((await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id))).map((a) => a.action)).toEqual(['create']);
  });

  it('refuses a second open pairing of the same helper and household in the programme (409 on body.helperId)', async () => {
    const res = await township.post('/api/pairings', pairing('龙文斌', '石金林'));
    expect(res.status).toBe(409);
    expect(paths(res)).toEqual(['body.helperId']);
  });

  it('checks the role’s shape, the dates, the round and the ends (400 naming the field)', async () => {
    expect(paths(await township.post('/api/pairings', pairing('龙文斌', '龙春生', { helperKind: 'unit' })))).toEqual(['body.helperKind']);
    expect(paths(await township.post('/api/pairings', pairing('龙文斌', '龙春生', { role: 'resident' })))).toEqual(['body.targetKind']);
    expect(paths(await township.post('/api/pairings', pairing('龙文斌', '龙春生', { endOn: '2025-01-01' })))).toEqual(['body.endOn']);
    expect(paths(await township.post('/api/pairings', pairing('龙文斌', '龙春生', { startOn: '2024-06-01' })))).toEqual(['body.startOn']);
    expect(paths(await township.post('/api/pairings', pairing('龙文斌', '龙春生', { roundNo: 3 })))).toEqual(['body.roundNo']);
    expect(paths(await township.post('/api/pairings', pairing('龙文斌', '龙春生', { helperId: newId() })))).toEqual(['body.helperId']);
    expect(paths(await township.post('/api/pairings', pairing('龙文斌', '龙春生', { targetId: newId() })))).toEqual(['body.targetId']);
    expect(paths(await township.post('/api/pairings', pairing('龙文斌', '龙春生', { startOn: '2025-02-30' })))).toEqual(['body.startOn']);
    expect(
      paths(
        await township.post('/api/pairings', {
          ...pairing('龙文斌', '龙春生'),
          targetKind: 'village',
          targetId: BUCHOU,
          role: 'leader_point',
        }),
      ),
    ).toEqual(['body.targetId']);
  });

  it('keeps both ends in scope: a 猫儿乡 household is 403, and 猫儿乡 cannot pair a 补抽乡 household', async () => {
    expect((await township.post('/api/pairings', pairing('龙文斌', '田猫户'))).status).toBe(403);
    expect((await maoer.post('/api/pairings', { ...pairing('田猫儿', '龙春生'), programmeId: undefined })).status).toBe(403);
    expect((await cadreClient.post('/api/pairings', pairing('麻春花', '龙春生'))).status).toBe(403);
  });

  it('gives a 几帮一 household exactly one lead: the first helper leads, a second lead is refused', async () => {
    const first = await township.post('/api/pairings', pairing('麻春花', '麻老三', { role: 'several_to_one' }));
    expect(first.body.lead).toBe(true);
    const second = await township.post('/api/pairings', pairing('吴春生', '麻老三', { role: 'several_to_one' }));
    expect(second.body.lead).toBe(false);
    const third = await township.post('/api/pairings', pairing('石金', '麻老三', { role: 'several_to_one', lead: true }));
    expect(third.status).toBe(409);
    expect(paths(third)).toEqual(['body.lead']);
  });

  it('lists with filters and pages; 猫儿乡 sees none of them', async () => {
    const all = await township.get(`/api/pairings?programmeId=${programmeId}`);
    expect(all.body.total).toBe(3);
    expect((await township.get(`/api/pairings?helperId=${ids['龙文斌']}`)).body.total).toBe(1);
    expect((await township.get(`/api/pairings?targetKind=household&targetId=${hh['麻老三']}&role=several_to_one`)).body.total).toBe(2);
    expect((await township.get(`/api/pairings?activeOn=2025-01-15`)).body.total).toBe(0);
    expect((await township.get(`/api/pairings?regionCode=${DAKA}`)).body.total).toBe(0);
    const page = await township.get('/api/pairings?pageSize=2&page=2');
    expect(page.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.body.items).toHaveLength(1);
    expect((await maoer.get(`/api/pairings?programmeId=${programmeId}`)).body.total).toBe(0);
    expect(paths(await township.get('/api/pairings?activeOn=yesterday'))).toEqual(['query.activeOn']);
    expect((await maoer.get(`/api/pairings/${all.body.items[0].id}`)).status).toBe(404);
  });

  it('ends a pairing with a reason and its version; stale is 409, twice is 409, 猫儿乡 is 403', async () => {
    const p = (await township.get(`/api/pairings?targetId=${hh['麻老三']}&helperId=${ids['吴春生']}`)).body.items[0];
    expect((await maoer.post(`/api/pairings/${p.id}/end`, { version: p.version, on: '2025-03-01', reason: 'other' })).status).toBe(403);
    expect(paths(await township.post(`/api/pairings/${p.id}/end`, { version: p.version, on: '2025-03-01', reason: 'because' }))).toEqual([
      'body.reason',
    ]);
    expect(paths(await township.post(`/api/pairings/${p.id}/end`, { version: p.version, on: '2024-03-01', reason: 'other' }))).toEqual([
      'body.on',
    ]);
    const res = await township.post(`/api/pairings/${p.id}/end`, {
      version: p.version,
      on: '2025-03-01',
      reason: 'mistake',
      note: '重复登记',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ endOn: '2025-03-01', endReason: 'mistake', version: p.version + 1 });
    const stale = await township.post(`/api/pairings/${p.id}/end`, { version: p.version, on: '2025-03-02', reason: 'other' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    expect((await township.post(`/api/pairings/${p.id}/end`, { version: p.version + 1, on: '2025-03-02', reason: 'other' })).status).toBe(
      409,
    );
    expect((await township.post(`/api/pairings/${newId()}/end`, { version: 1, on: '2025-03-02', reason: 'other' })).status).toBe(404);
  });
});

describe('my households, my villages, a household’s helpers and timeline', () => {
  it('shows the signed-in cadre their households with head, village and categories', async () => {
    const res = await cadreClient.get('/api/me/households');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      cadreId: ids['龙文斌'],
      total: 1,
      items: [
        { headName: '石金林', villageName: '吉久村', categories: ['prosperity_star'], categoryNames: ['致富明星户'], lastContactOn: null },
      ],
    });
    expect(res.body.items[0].phone).toMatch(/\*/);
    const villages = await cadreClient.get('/api/me/villages');
    expect(villages.body).toMatchObject({
      cadreId: ids['龙文斌'],
      items: [{ villageCode: JIJIU, villageName: '吉久村', townshipName: '补抽乡', households: 1, postings: [] }],
    });
    const none = await township.get('/api/me/households');
    expect(none.body).toMatchObject({ cadreId: null, total: 0 });
    expect(paths(await cadreClient.get('/api/me/households?pageSize=0'))).toEqual(['query.pageSize']);
  });

  it('lists a household’s helpers past and present, and puts them on its timeline', async () => {
    const res = await township.get(`/api/households/${hh['麻老三']}/helpers`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((p: { helperName: string; endOn: string | null }) => [p.helperName, p.endOn])).toEqual([
      ['麻春花', null],
      ['吴春生', '2025-03-01'],
    ]);
    expect((await maoer.get(`/api/households/${hh['麻老三']}/helpers`)).status).toBe(404);
    const timeline = await township.get(`/api/households/${hh['麻老三']}/timeline`);
    const kinds = timeline.body.items
      .filter((e: { entityType: string }) => e.entityType === 'pairing')
      .map((e: { kind: string; on: string }) => `${e.kind}@${e.on}`);
    expect(kinds).toEqual(expect.arrayContaining(['pairing_started@2025-02-01', 'pairing_ended@2025-03-01']));
  });
});

describe('the rule check', () => {
  it('finds every cadre short of their rule on a day, with counts, pages and kind filter', async () => {
    const res = await township.get(`/api/programmes/${programmeId}/check?on=2025-04-01&pageSize=2`);
    expect(res.status).toBe(200);
    // 麻春花 and 吴春生 lack a star household, 石金 a conservative one; 龙文斌 has his.
    expect(res.body.counts.missing_pairing).toBe(3);
    expect(res.body).toMatchObject({ total: 3, filteredTotal: 3, page: 1, pageSize: 2, regionCode: BUCHOU, on: '2025-04-01' });
    expect(res.body.items).toHaveLength(2);
    expect(res.body.items.map((b: { message: string }) => b.message).join()).toMatch(/麻春花|吴春生|石金/);
    const none = await township.get(`/api/programmes/${programmeId}/check?on=2025-04-01&kind=over_capacity`);
    expect(none.body).toMatchObject({ filteredTotal: 0, total: 3, items: [] });
    const village = await township.get(`/api/programmes/${programmeId}/check?on=2025-04-01&regionCode=${JIJIU}`);
    expect(village.body.counts.missing_pairing).toBe(1);
    expect(paths(await township.get(`/api/programmes/${programmeId}/check?on=2025-04-01&kind=nope`))).toEqual(['query.kind']);
    expect((await maoer.get(`/api/programmes/${programmeId}/check`)).status).toBe(404);
    expect((await township.get(`/api/programmes/${programmeId}/check?regionCode=${MAOER}`)).status).toBe(404);
  });

  it('exports the check as .xlsx with counts and every breach', async () => {
    const res = await township.get(`/api/programmes/${programmeId}/check.xlsx?on=2025-04-01`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    const list = wb.getWorksheet('问题清单')!;
    expect(list.rowCount).toBe(4);
    expect(list.getRow(2).getCell(1).value).toBe('缺少结对');
    expect(wb.getWorksheet('汇总')!.getRow(2).values).toEqual([undefined, '缺少结对', 3]);
  });

  it('shows names and Chinese labels in the check workbook, never codes or ids', async () => {
    const res = await township.get(`/api/programmes/${programmeId}/check.xlsx?on=2025-04-01`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    const list = wb.getWorksheet('问题清单')!;
    const text: string[] = [];
    list.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
    expect(text.join('|')).not.toMatch(/township-star|village-conservative|member-behind|\bcadre\b|\bhousehold\b|[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(list.getRow(1).values).toEqual([undefined, '问题类别', '说明', '规则', '对象类别', '对象', '所在地']);
    expect(list.getRow(2).values).toEqual(expect.arrayContaining(['缺少结对', '干部', '每名乡干部联系一个致富明星户']));
    expect(list.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1' });
  });
});

describe('the assistant', () => {
  it('proposes stars for the township cadres and a conservative household for the village cadre', async () => {
    const res = await township.get(`/api/programmes/${programmeId}/proposals?on=2025-04-01`);
    expect(res.status).toBe(200);
    expect(res.body.breachesBefore).toBe(3);
    const pairs = res.body.proposals.map((p: { helperName: string; targetName: string }) => [p.helperName, p.targetName]).sort();
    expect(pairs).toHaveLength(3);
    expect(pairs.map((p: string[]) => p[0])).toEqual(['吴春生', '石金', '麻春花']);
    expect(pairs.find((p: string[]) => p[0] === '石金')[1]).toBe('龙春生');
    expect((await maoer.get(`/api/programmes/${programmeId}/proposals`)).status).toBe(404);
    expect((await cadreClient.get(`/api/programmes/${programmeId}/proposals`)).status).toBe(403);
  });

  it('accepts them in one transaction, idempotent on the item ids, and the check goes to none', async () => {
    const proposals = (await township.get(`/api/programmes/${programmeId}/proposals?on=2025-04-01`)).body.proposals;
    const items = proposals.map((p: Record<string, unknown>) => ({
      id: newId(),
      role: p.role,
      helperKind: p.helperKind,
      helperId: p.helperId,
      targetKind: p.targetKind,
      targetId: p.targetId,
      lead: p.lead,
      roundNo: p.roundNo,
      startOn: p.startOn,
    }));
    const res = await township.post(`/api/programmes/${programmeId}/proposals/accept`, { items });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 3, alreadyThere: 0, breachesBefore: 3, breachesAfter: 0 });
    const retry = await township.post(`/api/programmes/${programmeId}/proposals/accept`, { items });
    expect(retry.body).toMatchObject({ created: 0, alreadyThere: 3 });
    expect(retry.body.items).toHaveLength(3);
    expect((await township.get(`/api/programmes/${programmeId}/check?on=2025-04-01`)).body.total).toBe(0);
  });

  it('accepts a harmless extra, refuses an item that would add a breach or names a target outside the region (nothing saved)', async () => {
    const before = (await township.get(`/api/pairings?programmeId=${programmeId}&open=true`)).body.total;
    const over = await township.post(`/api/programmes/${programmeId}/proposals/accept`, {
      items: [
        {
          id: newId(),
          role: 'one_to_one',
          helperKind: 'cadre',
          helperId: ids['石金'],
          targetKind: 'household',
          targetId: hh['石大卡'],
          lead: true,
          roundNo: null,
          startOn: '2025-04-01',
        },
      ],
    });
    expect(over.status).toBe(200);
    // 联户带创 has no capacities: a second household is fine. With a capacity of one it is not.
    const p = (await township.get(`/api/programmes/${programmeId}`)).body;
    await township.patch(`/api/programmes/${programmeId}`, {
      version: p.version,
      capacities: [{ subject: { kind: 'cadre', ranks: ['township'] }, target: 'household', max: 1 }],
    });
    const res = await township.post(`/api/programmes/${programmeId}/proposals/accept`, {
      items: [
        {
          id: newId(),
          role: 'one_to_one',
          helperKind: 'cadre',
          helperId: ids['龙文斌'],
          targetKind: 'household',
          targetId: hh['吴明星'],
          lead: true,
          roundNo: null,
          startOn: '2025-04-01',
        },
      ],
    });
    expect(res.status).toBe(409);
    expect(paths(res)).toEqual(['body.items.0']);
    const outside = await township.post(`/api/programmes/${programmeId}/proposals/accept`, {
      items: [
        {
          id: newId(),
          role: 'one_to_one',
          helperKind: 'cadre',
          helperId: ids['麻春花'],
          targetKind: 'household',
          targetId: hh['田猫户'],
          lead: true,
          roundNo: null,
          startOn: '2025-04-01',
        },
      ],
    });
    expect(outside.status).toBe(400);
    expect(paths(outside)).toEqual(['body.items.0.targetId']);
    expect(paths(await township.post(`/api/programmes/${programmeId}/proposals/accept`, { items: [] }))).toEqual(['body.items']);
    expect((await township.get(`/api/pairings?programmeId=${programmeId}&open=true`)).body.total).toBe(before + 1);
  });
});

describe('handover', () => {
  it('moves one cadre’s pairings to another on a day, linked and noted, in one step', async () => {
    const old = (await township.get(`/api/pairings?helperId=${ids['龙文斌']}&open=true`)).body.items;
    expect(old).toHaveLength(1);
    const res = await township.post('/api/pairings/handover', {
      programmeId,
      on: '2025-07-01',
      note: '第二轮驻村干部轮换',
      moves: [{ fromCadreId: ids['龙文斌'], toCadreId: ids['吴春生'] }],
    });
    expect(res.status).toBe(200);
    expect(res.body.ended).toHaveLength(1);
    expect(res.body.ended[0]).toMatchObject({
      id: old[0].id,
      endOn: '2025-07-01',
      endReason: 'handover',
      replacedById: res.body.started[0].id,
    });
    expect(res.body.started[0]).toMatchObject({
      helperName: '吴春生',
      targetId: old[0].targetId,
      startOn: '2025-07-01',
      endOn: null,
      note: '第二轮驻村干部轮换',
    });
    expect((await cadreClient.get('/api/me/households')).body.total).toBe(0);
    // The day before, the old cadre still held it.
    expect((await township.get(`/api/pairings?helperId=${ids['龙文斌']}&activeOn=2025-06-30`)).body.total).toBe(1);
  });

  it('refuses what cannot be moved (400 naming the move), and 猫儿乡 reaching for 补抽乡’s cadres', async () => {
    expect(
      paths(
        await township.post('/api/pairings/handover', {
          on: '2025-08-01',
          note: '轮换',
          moves: [{ fromCadreId: ids['龙文斌'], toCadreId: ids['龙文斌'] }],
        }),
      ),
    ).toEqual(['body.moves.0.toCadreId']);
    expect(
      paths(
        await township.post('/api/pairings/handover', {
          on: '2025-08-01',
          note: '轮换',
          moves: [{ fromCadreId: ids['龙文斌'], toCadreId: ids['麻春花'] }],
        }),
      ),
    ).toEqual(['body.moves']);
    expect(
      paths(
        await township.post('/api/pairings/handover', {
          on: '2025-08-01',
          note: '轮换',
          moves: [{ fromCadreId: ids['麻春花'], toCadreId: ids['石金'], pairingIds: [newId()] }],
        }),
      ),
    ).toEqual(['body.moves.0.pairingIds.0']);
    expect(paths(await township.post('/api/pairings/handover', { on: '2025-08-01', moves: [] }))).toEqual(
      expect.arrayContaining(['body.note', 'body.moves']),
    );
    // 猫儿乡 does not see 补抽乡's cadres at all: the move names an unknown cadre.
    const res = await maoer.post('/api/pairings/handover', {
      on: '2025-08-01',
      note: '轮换',
      moves: [{ fromCadreId: ids['吴春生'], toCadreId: ids['田猫儿'] }],
    });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['body.moves.0.fromCadreId']);
    expect((await township.get(`/api/pairings?helperId=${ids['吴春生']}&open=true`)).body.total).toBeGreaterThan(0);
  });
});

describe('the pairing list names places', () => {
  it('names a group with its village (吉久村二组), not "二组" alone', async () => {
    const group = (await township.post('/api/regions', { parentCode: JIJIU, name: '二组' })).body.code as string;
    hh['杨二组'] = (await township.post('/api/households', householdBody(group, '杨二组'))).body.id;
    const made = await township.post('/api/pairings', pairing('吴春生', '杨二组', { role: 'one_to_one' }));
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ regionCode: group, regionName: '吉久村二组' });
    const list = await township.get(`/api/pairings?targetId=${hh['杨二组']}`);
    expect(list.body.items.map((p: { regionName: string }) => p.regionName)).toEqual(['吉久村二组']);
  });
});

