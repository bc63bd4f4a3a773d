import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, COUNTY, JIJIU, createTestApp, type Client, type Res, type TestContext } from '../../../test/app.js';
import { newId } from '../../platform/ids.js';
import { scopeFor } from '../../platform/scope.js';
import { cadresAfter, insertCadres, listCadres, type CadreCursor } from '../cadres/repository.js';
import type { CadreRank } from '../cadres/tables.js';
import { householdBody } from '../households/fixtures.js';
import { initialsOf } from '../regions/rules.js';
import { householdsAfter, listHouseholds, type HouseholdCursor } from '../households/repository.js';
import { householdFilterQuery } from '../households/schemas.js';
import { householdHeader, readBack } from './testing.js';

/**
 * The export is the list the clerk sees: for the same query, the same households in the same
 * order (one row per member), masked for a role that may not see personal data.
 */
let t: TestContext;
let clerk: Client;
let cadre: Client;

const OTHER_VILLAGE = '433124213201';
const ID_COLUMN = householdHeader.indexOf('身份证号');
const PHONE_COLUMN = householdHeader.indexOf('联系电话');
const income = (perCapitaYuan: number) => [{ kind: 'income', category: 'wages', amountFen: perCapitaYuan * 100 * 4 }];

/** The cast: household number, village, head, categories, incomes by year (per capita, yuan). */
const cast: [string, string, string, string[], Record<number, number>][] = [
  ['E-01', JIJIU, '龙文斌', ['poor'], { 2024: 2500, 2025: 3500 }],
  ['E-02', JIJIU, '麻春花', ['poor', 'petitioner'], { 2025: 2800 }],
  ['E-03', OTHER_VILLAGE, '石金林', ['petitioner'], { 2024: 1800 }],
  ['E-04', JIJIU, '龙文斌', ['large_grower'], { 2025: 3500 }],
  ['E-05', OTHER_VILLAGE, '吴春生', ['poor'], {}],
  ['E-06', JIJIU, '杨光明', [], { 2024: 4200, 2025: 3900 }],
  ['E-07', OTHER_VILLAGE, '施明发', ['poor'], { 2025: 2200 }],
];

/** The household numbers of a list answer, in order. */
const listed = (res: Res) => (res.body.items as { householdNo: string }[]).map((h) => h.householdNo);

/** The household numbers of an export, in order, each once (a household spans its members' rows). */
async function exported(res: Res) {
  expect(res.status).toBe(200);
  const { rows } = await readBack(res.raw);
  const nos: string[] = [];
  for (const r of rows.slice(1)) if (nos[nos.length - 1] !== r.values[0]) nos.push(String(r.values[0]));
  return { nos, rows: rows.slice(1) };
}

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('buchou_admin', 'township_admin', BUCHOU);
  await t.createUser('buchou_cadre', 'cadre', BUCHOU);
  clerk = await t.login('buchou_admin');
  cadre = await t.login('buchou_cadre');
  for (const [householdNo, village, head, categories, incomes] of cast) {
    const h = await clerk.post('/api/households', householdBody(village, head, { householdNo, categories }));
    expect(h.status).toBe(201);
    for (const [year, yuan] of Object.entries(incomes)) {
      const res = await clerk.request({ method: 'PUT', url: `/api/households/${h.body.id}/incomes/${year}`, payload: { items: income(yuan) } });
      expect(res.status).toBe(200);
    }
  }
  const officer = (name: string, rank: CadreRank, regionCode: string, phone: string | null = null) => ({ id: newId(), name, initials: initialsOf(name), rank, regionCode, countyCode: '433124', phone });
  await insertCadres(t.database.db, [
    officer('龙文斌', 'township', BUCHOU, '13907431234'),
    officer('彭益', 'county_leader', COUNTY),
    officer('施明发', 'village', JIJIU),
    officer('麻春花', 'township', BUCHOU),
    officer('吴春生', 'resident', JIJIU),
    officer('石金林', 'village', OTHER_VILLAGE),
    officer('麻永成', 'village', JIJIU),
  ]);
});
afterAll(() => t.close());

const queries = [
  '',
  `regionCode=${JIJIU}`,
  `regionCode=${OTHER_VILLAGE}&sort=headName`,
  'categories=poor,petitioner&sort=headName&order=desc',
  'incomeMinFen=250000&incomeMaxFen=350000',
  'incomeYear=2024&incomeMinFen=200000&sort=income&order=desc',
  'sort=income',
  'sort=income&order=desc',
  `categories=poor&regionCode=${JIJIU}&incomeMaxFen=300000`,
  'q=lwb&sort=updated&order=desc',
  'povertyCause=no_skills&status=active&sort=village&order=desc',
];

describe('the export answers exactly the rows of the list, in the same order', () => {
  it.each(queries)('for ?%s', async (q) => {
    const list = await clerk.get(`/api/households?pageSize=500&${q}`);
    expect(list.status).toBe(200);
    const { nos, rows } = await exported(await clerk.get(`/api/exports/households.xlsx?${q}`));
    expect(nos).toEqual(listed(list));
    // One row per active member of each household listed.
    expect(rows).toHaveLength((list.body.items as { memberCount: number }[]).reduce((n, h) => n + h.memberCount, 0));
  });

  it('filters by income range, category and village as the list does (not everything)', async () => {
    expect((await exported(await clerk.get('/api/exports/households.xlsx?incomeMinFen=250000&incomeMaxFen=350000'))).nos).toEqual(['E-01', 'E-04', 'E-02']);
    expect((await exported(await clerk.get(`/api/exports/households.xlsx?categories=poor&regionCode=${JIJIU}&incomeMaxFen=300000`))).nos).toEqual(['E-02']);
    expect((await exported(await clerk.get('/api/exports/households.xlsx?sort=income&order=desc'))).nos).toEqual(['E-06', 'E-01', 'E-04', 'E-02', 'E-07', 'E-03', 'E-05']);
  });

  it('writes the income shown in the list after the template columns', async () => {
    const { rows } = await exported(await clerk.get('/api/exports/households.xlsx?q=E-06&incomeYear=2024'));
    expect(rows[0]!.values.slice(householdHeader.length)).toEqual(['正常', 2024, 4200]);
  });

  it('masks ID numbers and phones for a cadre, as the list does', async () => {
    const q = `regionCode=${JIJIU}&sort=headName`;
    const list = await cadre.get(`/api/households?pageSize=500&${q}`);
    expect(list.body.masked).toBe(true);
    const { nos, rows } = await exported(await cadre.get(`/api/exports/households.xlsx?${q}`));
    expect(nos).toEqual(listed(list));
    for (const r of rows) {
      expect(String(r.values[ID_COLUMN])).toMatch(/^433124\*{8}\d{3}[\dX]$/);
      if (r.values[PHONE_COLUMN] !== null) expect(String(r.values[PHONE_COLUMN])).toMatch(/^1\d\d\*{4}\d{4}$/);
    }
    const heads = rows.filter((r) => r.values[householdHeader.indexOf('与户主关系')] === '户主').map((r) => r.values[ID_COLUMN]);
    expect(heads).toEqual((list.body.items as { headIdNumber: string }[]).map((h) => h.headIdNumber));
  });

  it('gives the administrator full ID numbers', async () => {
    const { rows } = await exported(await clerk.get(`/api/exports/households.xlsx?regionCode=${JIJIU}`));
    for (const r of rows) expect(String(r.values[ID_COLUMN])).toMatch(/^433124\d{11}[\dX]$/);
  });

  it('answers a bad sort or income bound with 400 naming the field, as the list does', async () => {
    const res = await clerk.get('/api/exports/households.xlsx?sort=size&incomeMinFen=abc');
    expect(res.status).toBe(400);
    expect((res.body.error.fields as { path: string }[]).map((f) => f.path)).toEqual(expect.arrayContaining(['query.sort', 'query.incomeMinFen']));
  });
});

describe('the keyset walk of the export, two households at a time', () => {
  it.each(queries)('meets the list page by page for ?%s', async (q) => {
    const db = t.database.db;
    const scope = scopeFor({ role: 'township_admin', regionCode: BUCHOU, unitId: null });
    const f = householdFilterQuery.parse(Object.fromEntries(new URLSearchParams(q)));
    const all = await listHouseholds(db, scope, { ...f, page: 1, pageSize: 500 });
    const walked: string[] = [];
    let after: HouseholdCursor | null = null;
    for (let i = 0; i < 10; i++) {
      const page = await householdsAfter(db, scope, f, after, 2);
      if (page.length === 0) break;
      walked.push(...page.map((h) => h.id));
      after = page[page.length - 1]!.cursor;
    }
    expect(walked).toEqual(all.items.map((h) => h.id));
  });
});

describe('the cadre export is the cadre list', () => {
  const cadreQueries = ['', 'rank=village', `regionCode=${JIJIU}`, 'q=m', 'status=active'];
  it.each(cadreQueries)('same cadres, same order for ?%s', async (q) => {
    const list = await clerk.get(`/api/cadres?pageSize=500&${q}`);
    expect(list.status).toBe(200);
    const res = await clerk.get(`/api/exports/cadres.xlsx?${q}`);
    expect(res.status).toBe(200);
    const { rows } = await readBack(res.raw);
    expect(rows.slice(1).map((r) => r.values[0])).toEqual((list.body.items as { name: string }[]).map((c) => c.name));
  });

  it('walks the list two cadres at a time', async () => {
    const db = t.database.db;
    const scope = scopeFor({ role: 'township_admin', regionCode: BUCHOU, unitId: null });
    const all = await listCadres(db, scope, { page: 1, pageSize: 500 });
    expect(all.items.length).toBeGreaterThan(4);
    const walked: string[] = [];
    let after: CadreCursor | null = null;
    for (let i = 0; i < 10; i++) {
      const page = await cadresAfter(db, scope, {}, after, 2);
      if (page.length === 0) break;
      walked.push(...page.map((c) => c.id));
      const last = page[page.length - 1]!;
      after = { rankPos: last.rankPos, regionCode: last.regionCode, initials: last.initials, id: last.id };
    }
    expect(walked).toEqual(all.items.map((c) => c.id));
  });
});

describe('a dissolved household', () => {
  it('keeps the head it had last, in the list and in the export alike', async () => {
    const h = (await clerk.get('/api/households?q=E-07')).body.items[0];
    const res = await clerk.post(`/api/households/${h.id}/status`, { version: h.version, status: 'dissolved', on: '2026-01-10' });
    expect(res.status).toBe(200);
    const list = await clerk.get('/api/households?status=dissolved');
    expect(list.body.items.map((x: { headName: string; memberCount: number }) => [x.headName, x.memberCount])).toEqual([['施明发', 0]]);
    const { rows } = await exported(await clerk.get('/api/exports/households.xlsx?status=dissolved'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.values.slice(0, 5)).toEqual(['E-07', '补抽乡', '大卡村', null, '施明发']);
  });
});
