import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, JIJIU, createTestApp, type TestContext } from '../../../test/app.js';
import { newId } from '../../platform/ids.js';
import { insertCadres } from '../cadres/repository.js';
import { raiseReminders } from '../notifications/jobs.js';
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
  it('counts cadres behind on visits and diaries per cadre, village and unit', async () => {
    const res = await w.admin.get(`/api/worklists/admin?month=${month}`);
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(res.body.cadres.map((c: { cadreName: string }) => [c.cadreName, c]));
    expect(byName['龙文斌']).toMatchObject({
      paired: 2,
      visited: 1,
      notVisited: 1,
      diaries: 0,
      behindVisits: true,
      behindDiary: true,
      villageName: '吉久村',
    });
    expect(byName['石金林']).toMatchObject({ paired: 1, visited: 1, diaries: 1, behindVisits: false, behindDiary: false });
    expect(res.body.byVillage).toEqual([
      expect.objectContaining({ villageCode: JIJIU, cadres: 3, behindVisits: 1, behindDiary: 2, householdsNotVisited: 1 }),
    ]);
    expect(res.body.totals).toMatchObject({ cadres: 3, behindVisits: 1 });
    const behind = await w.admin.get(`/api/worklists/admin?onlyBehind=true`);
    expect(behind.body.cadres.map((c: { cadreName: string }) => c.cadreName).sort()).toEqual(['施明发', '龙文斌'].sort());
  });

  it('exports the list as a workbook', async () => {
    const res = await w.admin.get(`/api/worklists/admin.xlsx?regionCode=${BUCHOU}`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain('worklist.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    const rows = wb.getWorksheet('干部')!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]).toContain('结对户数');
    expect(rows.some((r) => r.includes('龙文斌'))).toBe(true);
    expect(wb.getWorksheet('按村')!.getRow(2).values).toEqual([undefined, '补抽乡', '吉久村', 3, 1, 2, 1]);
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
});

describe('the work list as a workbook a clerk prints', () => {
  it('shows a township cadre under 乡镇, not as a village, with column widths and a print setup', async () => {
    await insertCadres(t.database.db, [{ id: newId(), name: '彭乡长', initials: 'pxz', rank: 'township', regionCode: BUCHOU, countyCode: '433124' }]);
    const res = await w.admin.get(`/api/worklists/admin.xlsx?regionCode=${BUCHOU}`);
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
