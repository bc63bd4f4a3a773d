import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, JIJIU, MAOER, createTestApp, type Client, type TestContext } from '../../../test/app.js';
import { newId } from '../../platform/ids.js';
import { auditLog } from '../audit/tables.js';
import { householdBody } from './fixtures.js';
import { householdIncomes } from './tables.js';

let t: TestContext;
let township: Client;
let cadre: Client;
let maoer: Client;
let shi: { id: string };
let long: { id: string };
let theirs: { id: string };

const paths = (res: { body: { error: { fields?: { path: string }[] } } }) => (res.body.error.fields ?? []).map((f) => f.path);
const put = (c: Client, url: string, body: unknown) => c.request({ method: 'PUT', url, payload: body as never });
const written = async () => {
  const [[i], [a]] = await Promise.all([
    t.database.db.select({ n: count() }).from(householdIncomes),
    t.database.db.select({ n: count() }).from(auditLog),
  ]);
  return [i!.n, a!.n];
};

/** Seed 001: a household of four whose per-capita net income rose from 2500 to 3500 yuan. */
const items2024 = [
  { kind: 'income', category: 'wages', label: '外出务工', amountFen: 800_000 },
  { kind: 'income', category: 'production', label: '烤烟', amountFen: 500_000 },
  { kind: 'income', category: 'transfer', label: '低保', amountFen: 100_000 },
  { kind: 'cost', category: 'production_cost', label: '化肥、烟苗', amountFen: 400_000 },
];
const items2025 = [
  { kind: 'income', category: 'wages', amountFen: 1_000_000 },
  { kind: 'income', category: 'production', label: '养羊 48 只', amountFen: 700_000 },
  { kind: 'income', category: 'transfer', amountFen: 100_000 },
  { kind: 'cost', category: 'production_cost', amountFen: 400_000 },
];

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('buchou_admin', 'township_admin', BUCHOU);
  await t.createUser('buchou_cadre', 'cadre', BUCHOU);
  await t.createUser('maoer_admin', 'township_admin', MAOER);
  township = await t.login('buchou_admin');
  cadre = await t.login('buchou_cadre');
  maoer = await t.login('maoer_admin');
  shi = (await township.post('/api/households', householdBody(JIJIU, '石金林'))).body;
  long = (await township.post('/api/households', householdBody(JIJIU, '龙文斌', { categories: ['prosperity_star'] }))).body;
  theirs = (await maoer.post('/api/households', householdBody('433124206201', '田猫儿'))).body;
});
afterAll(() => t.close());

describe("a household's income by year (人均纯收入, seed 001)", () => {
  let v2024: { version: number };

  it('records 2024: 14,000 yuan income less 4,000 costs over the four members is 2,500 yuan each', async () => {
    const res = await put(township, `/api/households/${shi.id}/incomes/2024`, { items: items2024 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      year: 2024,
      memberCount: 4,
      incomeFen: 1_400_000,
      costFen: 400_000,
      perCapitaNetFen: 250_000,
      version: 1,
    });
    v2024 = res.body;
    const audit = await township.get(`/api/audit?entityType=household_income&entityId=${res.body.id}`);
    expect(audit.body.items[0]).toMatchObject({ action: 'create', regionCode: JIJIU });
  });

  it('records 2025: 3,500 yuan each; the list shows both years and the latest', async () => {
    const res = await put(township, `/api/households/${shi.id}/incomes/2025`, { items: items2025 });
    expect(res.body.perCapitaNetFen).toBe(350_000);
    const list = await cadre.get(`/api/households/${shi.id}/incomes`);
    expect(list.body.items.map((i: { year: number; perCapitaNetFen: number }) => [i.year, i.perCapitaNetFen])).toEqual([
      [2024, 250_000],
      [2025, 350_000],
    ]);
    expect((await township.get(`/api/households/${shi.id}`)).body.income).toEqual({ year: 2025, perCapitaNetFen: 350_000 });
  });

  it('is idempotent: the same figures again change nothing', async () => {
    const before = await written();
    const again = await put(township, `/api/households/${shi.id}/incomes/2024`, { items: items2024 });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(1);
    expect(await written()).toEqual(before);
  });

  it('corrects a year with the version read, shared by a member count given, rounded to the fen', async () => {
    const res = await put(township, `/api/households/${shi.id}/incomes/2024`, { version: v2024.version, memberCount: 3, items: items2024 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ memberCount: 3, perCapitaNetFen: 333_333, version: 2 });
    const stale = await put(township, `/api/households/${shi.id}/incomes/2024`, { version: v2024.version, items: items2025 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.memberCount).toBe(3);
    const noVersion = await put(township, `/api/households/${shi.id}/incomes/2024`, { items: items2025 });
    expect(noVersion.status).toBe(409);
  });

  it('answers bad items with 400 naming the field, writing nothing', async () => {
    const before = await written();
    const res = await put(township, `/api/households/${shi.id}/incomes/2023`, {
      items: [
        { kind: 'income', category: 'production_cost', amountFen: 100 },
        { kind: 'cost', category: 'other_cost', amountFen: 12.5 },
        { kind: 'income', category: 'wages', amountFen: -1 },
      ],
      memberCount: 0,
    });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(
      expect.arrayContaining(['body.items.0.category', 'body.items.1.amountFen', 'body.items.2.amountFen', 'body.memberCount']),
    );
    const year = await put(township, `/api/households/${shi.id}/incomes/1800`, { items: items2024 });
    expect(paths(year)).toEqual(['params.year']);
    const empty = await put(township, `/api/households/${shi.id}/incomes/2023`, { items: [] });
    expect(paths(empty)).toEqual(['body.items']);
    expect(await written()).toEqual(before);
  });

  it('filters and sorts the household list by per-capita income of a year', async () => {
    await put(township, `/api/households/${long.id}/incomes/2025`, {
      items: [{ kind: 'income', category: 'production', amountFen: 8_000_000 }],
    });
    const poor = await township.get('/api/households?incomeYear=2025&incomeMaxFen=400000');
    expect(poor.body.items.map((h: { id: string }) => h.id)).toEqual([shi.id]);
    expect(poor.body.items[0].income).toEqual({ year: 2025, perCapitaNetFen: 350_000 });
    const in2024 = await township.get('/api/households?incomeYear=2024&incomeMinFen=300000');
    expect(in2024.body.items.map((h: { id: string }) => h.id)).toEqual([shi.id]);
    const sorted = await township.get('/api/households?sort=income&order=desc');
    expect(sorted.body.items.map((h: { id: string }) => h.id)).toEqual([long.id, shi.id]);
  });

  it('keeps incomes in scope: 猫儿乡 404 on reads, 403 on writes; cadres read but do not write', async () => {
    expect((await township.get(`/api/households/${theirs.id}/incomes`)).status).toBe(404);
    expect((await put(township, `/api/households/${theirs.id}/incomes/2025`, { items: items2025 })).status).toBe(403);
    expect((await put(township, `/api/households/${newId()}/incomes/2025`, { items: items2025 })).status).toBe(404);
    expect((await put(cadre, `/api/households/${shi.id}/incomes/2023`, { items: items2025 })).status).toBe(403);
  });
});
