import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, JIJIU, createTestApp, type TestContext } from '../../../test/app.js';
import { newId } from '../../platform/ids.js';
import { insertCadres } from '../cadres/repository.js';
import { raiseReminders } from '../notifications/jobs.js';
import { householdBody } from '../households/fixtures.js';
import { pairings } from '../pairings/tables.js';
import { eq } from 'drizzle-orm';
import { fieldWorld, todayInShanghai, type FieldWorld } from '../visits/testing.js';
import { daysBetween, lastDayOfMonth, previousMonth } from './periods.js';

let t: TestContext;
let w: FieldWorld;
const paths = (res: { body: { error: { fields?: { path: string }[] } } }) => (res.body.error.fields ?? []).map((f) => f.path);
const today = todayInShanghai();
const month = today.slice(0, 7);
const lastMonthDay = `${previousMonth(month)}-15`;

beforeAll(async () => {
  t = await createTestApp();
  w = await fieldWorld(t);
  // 龙文斌 visited 吴二妹 last month and 麻老三 this month; 石金林 nobody.
  await w.long.post('/api/visits', { kind: 'home_visit', visitedOn: lastMonthDay, householdIds: [w.household.b] });
  await w.long.post('/api/visits', { kind: 'home_visit', visitedOn: today, householdIds: [w.household.a] });
});
afterAll(() => t.close());

describe("a cadre's work this month", () => {
  it('lists households not visited this month by days since the last visit, and the diary due', async () => {
    const res = await w.long.get('/api/worklists/cadre');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      cadreName: '龙文斌',
      on: today,
      visits: { households: 2, done: 1, quota: { atLeast: 1, per: 'month' }, dueOn: lastDayOfMonth(month) },
    });
    expect(res.body.visits.toVisit).toEqual([
      expect.objectContaining({
        householdId: w.household.b,
        headName: '吴二妹',
        regionCode: JIJIU,
        lastVisitOn: lastMonthDay,
        daysSinceLastVisit: daysBetween(lastMonthDay, today),
        visitsThisPeriod: 0,
      }),
    ]);
    expect(res.body.diary.current).toMatchObject({ state: 'due', done: 0, required: 1, period: { key: month } });
  });

  it('puts a never-visited household first and changes as visits and entries come in', async () => {
    const shi = await w.shi.get('/api/worklists/cadre');
    expect(shi.body.visits.toVisit).toEqual([
      expect.objectContaining({ householdId: w.household.c, lastVisitOn: null, daysSinceLastVisit: null }),
    ]);
    await w.shi.post('/api/visits', { kind: 'condolence', visitedOn: today, householdIds: [w.household.c] });
    const entry = (await w.shi.post('/api/diary-entries', { month })).body;
    await w.shi.post(`/api/diary-entries/${entry.id}/submit`, { version: entry.version });
    const after = await w.shi.get('/api/worklists/cadre');
    expect(after.body.visits).toMatchObject({ done: 1, toVisit: [] });
    expect(after.body.diary.current).toMatchObject({ state: 'met', done: 1 });
  });

  it('shows returned entries to revise', async () => {
    const entry = (await w.long.post('/api/diary-entries', { month })).body;
    const sub = (await w.long.post(`/api/diary-entries/${entry.id}/submit`, { version: entry.version })).body;
    await w.secretary.post(`/api/diary-entries/${entry.id}/reviews`, { version: sub.version, action: 'return', comment: '补充' });
    const res = await w.long.get('/api/worklists/cadre');
    expect(res.body.returned).toEqual([expect.objectContaining({ id: entry.id, month, status: 'returned' })]);
  });

  it('lets a leader read a cadre’s list (the cadre page), a cadre not another’s', async () => {
    await t.createUser('county_leader', 'leader', BUCHOU);
    const leader = await t.login('county_leader');
    const res = await leader.get(`/api/worklists/cadre?cadreId=${w.cadre.long}`);
    expect(res.status).toBe(200);
    expect(res.body.cadreName).toBe('龙文斌');
    const refused = await w.shi.get(`/api/worklists/cadre?cadreId=${w.cadre.long}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
  });

  it('lets an administrator read a cadre’s list in scope, names bad input, hides other townships', async () => {
    expect((await w.admin.get(`/api/worklists/cadre?cadreId=${w.cadre.long}`)).body.cadreName).toBe('龙文斌');
    expect(paths(await w.admin.get('/api/worklists/cadre?on=2026-02-30'))).toEqual(['query.on']);
    expect((await w.maoer.get(`/api/worklists/cadre?cadreId=${w.cadre.long}`)).status).toBe(404);
    expect((await w.shi.get(`/api/worklists/cadre?cadreId=${w.cadre.long}`)).status).toBe(403);
    expect((await w.admin.get('/api/worklists/cadre')).status).toBe(403);
  });
});

describe("a reviewer's queue", () => {
  it('shows the branch secretary the submitted entries of the branch members', async () => {
    const res = await w.secretary.get('/api/worklists/reviewer');
    expect(res.status).toBe(200);
    expect(res.body.awaiting).toEqual([expect.objectContaining({ cadreName: '石金林', month })]);
    expect((await w.long.get('/api/worklists/reviewer')).status).toBe(403);
    expect((await w.maoer.get('/api/worklists/reviewer')).body.awaiting).toEqual([]);
  });
});

describe("the administrator's list", () => {
  it('counts cadres due soon or overdue per cadre, village and unit (on the last day of the month)', async () => {
    const res = await w.admin.get(`/api/worklists/admin?month=${month}&on=${lastDayOfMonth(month)}`);
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(res.body.cadres.map((c: { cadreName: string }) => [c.cadreName, c]));
    expect(byName['龙文斌']).toMatchObject({
      paired: 2,
      visited: 1,
      notVisited: 1,
      diaries: 0,
      diaryRequired: 1,
      visitState: 'due_soon',
      diaryState: 'due_soon',
      visitDueOn: lastDayOfMonth(month),
      behindVisits: true,
      behindDiary: true,
      villageName: '吉久村',
    });
    expect(byName['石金林']).toMatchObject({
      paired: 1,
      visited: 1,
      diaries: 1,
      visitState: 'met',
      diaryState: 'met',
      behindVisits: false,
      behindDiary: false,
    });
    // 施明发 helps no household in any programme: he owes no diary and is not flagged.
    expect(byName['施明发']).toMatchObject({ paired: 0, diaryRequired: 0, diaryState: 'met', behindDiary: false });
    expect(res.body.byVillage).toEqual([
      expect.objectContaining({ villageCode: JIJIU, cadres: 3, behindVisits: 1, behindDiary: 1, householdsNotVisited: 1 }),
    ]);
    expect(res.body.totals).toMatchObject({ cadres: 3, behindVisits: 1 });
    const behind = await w.admin.get(`/api/worklists/admin?onlyBehind=true&on=${lastDayOfMonth(month)}`);
    expect(behind.body.cadres.map((c: { cadreName: string }) => c.cadreName)).toEqual(['龙文斌']);
  });

  it('flags nothing early in the month, what is missing in its last week, and a short month once it is over', async () => {
    // Last month: 龙文斌 visited 吴二妹 on the 15th and not 麻老三; no entry.
    const last = previousMonth(month);
    const seen = async (on: string) =>
      ((await w.admin.get(`/api/worklists/admin?month=${last}&on=${on}`)).body.cadres as { cadreName: string }[]).find(
        (c) => c.cadreName === '龙文斌',
      );
    expect(await seen(`${last}-02`)).toMatchObject({
      visited: 0,
      visitState: 'on_track',
      diaryState: 'on_track',
      behindVisits: false,
      behindDiary: false,
    });
    expect(await seen(`${last}-20`)).toMatchObject({ visited: 1, visitState: 'on_track', diaryState: 'on_track', behindVisits: false });
    expect(await seen(lastDayOfMonth(last))).toMatchObject({
      visited: 1,
      visitState: 'due_soon',
      diaryState: 'due_soon',
      behindVisits: true,
      behindDiary: true,
    });
    expect(await seen(`${month}-01`)).toMatchObject({
      visited: 1,
      visitState: 'overdue',
      diaryState: 'overdue',
      behindVisits: true,
      behindDiary: true,
    });
  });

  it('exports the list as a workbook', async () => {
    // seen on the month's last day, when what is not done is due (on the 2nd nothing would be flagged)
    const res = await w.admin.get(`/api/worklists/admin.xlsx?regionCode=${BUCHOU}&on=${lastDayOfMonth(month)}`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain('worklist.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    const rows = wb.getWorksheet('干部')!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]).toContain('结对户数');
    expect(rows.some((r) => r.includes('龙文斌'))).toBe(true);
    // the workbook says what the list says, seen the same day
    const list = (await w.admin.get(`/api/worklists/admin?regionCode=${BUCHOU}&on=${lastDayOfMonth(month)}`)).body;
    const jijiu = list.byVillage.find((v: { villageName: string }) => v.villageName === '吉久村');
    expect(jijiu).toMatchObject({ cadres: 3, behindVisits: 1, householdsNotVisited: 1 });
    expect(wb.getWorksheet('按村')!.getRow(2).values).toEqual([undefined, '补抽乡', '吉久村', 3, 1, jijiu.behindDiary, 1]);
  });

  it('names bad input and hides other townships', async () => {
    expect(paths(await w.admin.get('/api/worklists/admin?month=2026-13'))).toEqual(['query.month']);
    expect((await w.maoer.get(`/api/worklists/admin?regionCode=${BUCHOU}`)).status).toBe(404);
    expect((await w.maoer.get(`/api/worklists/admin.xlsx?regionCode=${BUCHOU}`)).status).toBe(404);
    expect((await w.long.get('/api/worklists/admin')).status).toBe(403);
  });
});

describe('reminders', () => {
  it('raises due and overdue notices once, in the last week and after the month', async () => {
    const late = new Date(`${lastDayOfMonth(month)}T12:00:00+08:00`);
    const n = await raiseReminders(t.database.db, late);
    expect(n).toBeGreaterThan(0);
    expect(await raiseReminders(t.database.db, late)).toBe(0);
    const notes = (await w.long.get('/api/notifications?unread=true')).body;
    const kinds = notes.items.map((i: { kind: string }) => i.kind);
    expect(kinds).toEqual(expect.arrayContaining(['visits_due', 'diary_due', 'visits_overdue', 'entry_returned']));
    expect(notes.items.find((i: { kind: string }) => i.kind === 'visits_due').text).toBe(
      `本月还有 1 户联系户未走访，请在 ${lastDayOfMonth(month)} 前走访`,
    );
    expect((await w.secretary.get('/api/notifications')).body.items.map((i: { kind: string }) => i.kind)).toContain('review_waiting');
    const first = notes.items[0];
    const read = await w.long.post(`/api/notifications/${first.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    expect((await w.long.get('/api/notifications')).body.unread).toBe(notes.total - 1);
    expect((await w.shi.post(`/api/notifications/${first.id}/read`)).status).toBe(404);
    expect(paths(await w.long.post('/api/notifications/nope/read'))).toEqual(['params.id']);
  });

  it('reminds only those who owe the thing: a leader linked to a paired cadre is not told to visit or write', async () => {
    const leaderUser = await t.createUser('peng_yi', 'leader', BUCHOU);
    const leaderCadre = newId();
    await insertCadres(t.database.db, [
      { id: leaderCadre, name: '彭益', initials: 'py', rank: 'county_leader', regionCode: JIJIU, countyCode: '433124', userId: leaderUser },
    ]);
    await t.database.db.insert(pairings).values({
      id: newId(),
      regionCode: JIJIU,
      countyCode: '433124',
      role: 'leader_point',
      helperKind: 'cadre',
      helperId: leaderCadre,
      targetKind: 'household',
      targetId: w.household.c,
      lead: false,
      startOn: '2025-01-01',
    });
    await raiseReminders(t.database.db, new Date(`${lastDayOfMonth(month)}T12:00:00+08:00`));
    const leader = await t.login('peng_yi');
    expect((await leader.get('/api/notifications')).body.items).toEqual([]);
    // The same standing owed by a cadre account is reminded (龙文斌, above).
    expect((await w.long.get('/api/notifications')).body.items.map((i: { kind: string }) => i.kind)).toContain('diary_due');
  });

  it("holds each cadre to their own programme's diary quota (学一技联一户解一难: one entry over the programme)", async () => {
    const xue = await w.admin.post('/api/programmes', { fromTemplate: 'xue-yi-ji-lian-yi-hu', regionCode: BUCHOU, startOn: '2025-01-01' });
    expect(xue.status).toBe(201);
    await t.database.db.update(pairings).set({ programmeId: xue.body.id }).where(eq(pairings.helperId, w.cadre.long));
    const res = await w.admin.get(`/api/worklists/admin?month=${month}&on=${lastDayOfMonth(month)}`);
    const long = res.body.cadres.find((c: { cadreName: string }) => c.cadreName === '龙文斌');
    expect(long).toMatchObject({
      diaryPer: 'programme',
      diaryFrom: '2025-01-01',
      diaryDueOn: null,
      diaryRequired: 1,
      diaryState: 'on_track',
      behindDiary: false,
    });
    // Visits: the programme sets none, so the monthly rule holds.
    expect(long).toMatchObject({ visitPer: 'month', visitState: 'due_soon', behindVisits: true });
  });
});

describe("a resident cadre's list (驻村)", () => {
  it('includes the must-visit households of the village that no helper is paired with (五必访 [004])', async () => {
    const unhelped = (await w.admin.post('/api/households', householdBody(JIJIU, '杨五必'))).body.id as string;
    const notMustVisit = (await w.admin.post('/api/households', householdBody(JIJIU, '杨普通', { categories: [] }))).body.id as string;
    const names = async () =>
      ((await w.shi.get('/api/worklists/cadre')).body.visits.toVisit as { householdId: string }[]).map((h) => h.householdId);
    expect(await names()).not.toContain(unhelped);
    const programme = await w.admin.post('/api/programmes', {
      fromTemplate: 'bang-xiang-jie-dui-zhu-cun',
      regionCode: BUCHOU,
      startOn: '2025-01-01',
    });
    expect(programme.status).toBe(201);
    await t.database.db.insert(pairings).values({
      id: newId(),
      regionCode: JIJIU,
      countyCode: '433124',
      role: 'resident',
      helperKind: 'cadre',
      helperId: w.cadre.shi,
      targetKind: 'village',
      targetId: JIJIU,
      programmeId: programme.body.id,
      lead: false,
      startOn: '2025-01-01',
    });
    const res = await w.shi.get('/api/worklists/cadre');
    // 麻老三 and 吴二妹 (poor, helped by 龙文斌) are his; 杨普通 is no must-visit household.
    expect(res.body.visits.toVisit).toEqual([
      expect.objectContaining({
        householdId: unhelped,
        headName: '杨五必',
        regionCode: JIJIU,
        regionName: '吉久村',
        mustVisit: true,
        lastVisitOn: null,
      }),
    ]);
    expect(res.body.visits.toVisit.map((h: { householdId: string }) => h.householdId)).not.toContain(notMustVisit);
    expect(res.body.visits).toMatchObject({ households: 2, done: 1 });
    // Once a helper is paired with it, it is the helper's.
    await t.database.db.insert(pairings).values({
      id: newId(),
      regionCode: JIJIU,
      countyCode: '433124',
      role: 'one_to_one',
      helperKind: 'cadre',
      helperId: w.cadre.long,
      targetKind: 'household',
      targetId: unhelped,
      lead: true,
      startOn: '2025-01-01',
    });
    expect(await names()).toEqual([]);
  });
});

describe('the work list as a workbook a clerk prints', () => {
  it('shows a township cadre under 乡镇, not as a village, with column widths and a print setup', async () => {
    await insertCadres(t.database.db, [{ id: newId(), name: '彭乡长', initials: 'pxz', rank: 'township', regionCode: BUCHOU, countyCode: '433124' }]);
    // seen on the month's last day, when what is not done is due (on the 2nd nothing would be flagged)
    const res = await w.admin.get(`/api/worklists/admin.xlsx?regionCode=${BUCHOU}&on=${lastDayOfMonth(month)}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('干部')!;
    const header = sheet.getRow(1).values as unknown[];
    const at = (h: string) => header.indexOf(h);
    let township: ExcelJS.Row | undefined;
    let village: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(at('干部')).value === '彭乡长') township = row;
      if (row.getCell(at('干部')).value === '龙文斌') village = row;
    });
    expect([township!.getCell(at('乡镇')).value, township!.getCell(at('村')).value]).toEqual(['补抽乡', null]);
    expect([village!.getCell(at('乡镇')).value, village!.getCell(at('村')).value]).toEqual(['补抽乡', '吉久村']);
    for (const name of ['干部', '按村', '按单位']) {
      const s = wb.getWorksheet(name)!;
      expect(s.getColumn(1).width, name).toBeGreaterThan(8);
      expect(s.pageSetup, name).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1' });
    }
  });
});
