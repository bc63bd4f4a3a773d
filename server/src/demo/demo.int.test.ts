import { and, count, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, JIJIU, createTestApp, type TestContext } from '../../test/app.js';
import { cadreRanks, cadres } from '../features/cadres/tables.js';
import { regions } from '../features/regions/tables.js';
import { branches, units } from '../features/units/tables.js';
import { users } from '../features/users/tables.js';
import { DEMO_PASSWORD } from './accounts.js';
import { generateDemo } from './generate.js';

let t: TestContext;
let first: Record<string, number>;

beforeAll(async () => {
  t = await createTestApp();
  first = await generateDemo(t.database.db, {});
});
afterAll(() => t.close());

const db = () => t.database.db;
const countOf = async (table: typeof units | typeof branches | typeof cadres | typeof users) => (await db().select({ n: count() }).from(table))[0]!.n;

describe('the demo of 补抽乡', () => {
  it('puts 3–8 groups (一组 …) under each of the 12 villages', async () => {
    const rows = await db()
      .select({ village: regions.parentCode, n: count() })
      .from(regions)
      .where(and(like(regions.code, '433124213%'), eq(regions.level, 'group')))
      .groupBy(regions.parentCode);
    expect(rows).toHaveLength(12);
    for (const r of rows) {
      expect(r.n).toBeGreaterThanOrEqual(3);
      expect(r.n).toBeLessThanOrEqual(8);
    }
    const [g] = await db().select().from(regions).where(eq(regions.code, `${JIJIU}001`));
    expect(g).toMatchObject({ name: '一组', parentCode: JIJIU, level: 'group', initials: 'yz', countyCode: '433124' });
  });

  it('has the county units and the township office, each with its branch, and a branch per village', async () => {
    const allUnits = await db().select().from(units);
    expect(allUnits.filter((u) => u.level === 'county').length).toBeGreaterThanOrEqual(10);
    expect(allUnits.map((u) => u.name)).toEqual(expect.arrayContaining(['县农业局', '县扶贫办', '县交通局', '县供电公司', '县信用联社', '补抽乡人民政府']));
    const allBranches = await db().select().from(branches);
    const names = allBranches.map((b) => b.name);
    expect(names).toEqual(expect.arrayContaining(['吉久村党支部', '县农业局党支部', '补抽乡机关党支部']));
    expect(allBranches.filter((b) => b.unitId === null && b.regionCode.startsWith('433124213'))).toHaveLength(12);
    expect(allBranches.filter((b) => b.unitId !== null)).toHaveLength(allUnits.length);
  });

  it('has cadres of every rank, about 30 township cadres, 2–3 village cadres per village', async () => {
    const byRank = await db().select({ rank: cadres.rank, n: count() }).from(cadres).groupBy(cadres.rank);
    const n = Object.fromEntries(byRank.map((r) => [r.rank, r.n]));
    for (const rank of cadreRanks) expect(n[rank], rank).toBeGreaterThan(0);
    expect(n.township).toBe(30);
    expect(n.county_leader).toBeGreaterThanOrEqual(3);
    const perVillage = await db()
      .select({ village: cadres.regionCode, n: count() })
      .from(cadres)
      .where(eq(cadres.rank, 'village'))
      .groupBy(cadres.regionCode);
    expect(perVillage).toHaveLength(12);
    for (const v of perVillage) expect([2, 3]).toContain(v.n);
  });

  it('gives every cadre a local name, a well-formed mobile and a place', async () => {
    const all = await db().select().from(cadres);
    for (const c of all) {
      expect(c.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
      expect(c.phone).toMatch(/^1[358]\d{9}$/);
      expect(c.regionCode.startsWith('433124')).toBe(true);
      if (c.rank !== 'county_leader') expect(c.unitId ?? c.branchId).not.toBeNull();
    }
    const surnames = new Set(all.map((c) => c.name[0]));
    expect(surnames.has('龙') && surnames.has('石') && surnames.has('麻')).toBe(true);
  });

  it('links the demo cadre account to its cadre record, and the secretary to 吉久村党支部', async () => {
    const [cadreUser] = await db().select().from(users).where(eq(users.username, 'cadre'));
    const [mine] = await db().select().from(cadres).where(eq(cadres.userId, cadreUser!.id));
    expect(mine).toMatchObject({ name: '麻春花', rank: 'township', regionCode: BUCHOU });
    const [secretaryUser] = await db().select().from(users).where(eq(users.username, 'secretary'));
    const [secretary] = await db().select({ name: cadres.name, role: cadres.branchRole, branch: branches.name }).from(cadres).innerJoin(branches, eq(branches.id, cadres.branchId)).where(eq(cadres.userId, secretaryUser!.id));
    expect(secretary).toEqual({ name: '施明发', role: 'secretary', branch: '吉久村党支部' });
  });

  it('serves the demo through the API: the unit head sees the cadres of 县农业局 only', async () => {
    const head = await t.login('unithead', DEMO_PASSWORD);
    const res = await head.get('/api/cadres?pageSize=100');
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThan(2);
    expect(new Set(res.body.items.map((c: { unitName: string }) => c.unitName))).toEqual(new Set(['县农业局']));
    const township = await t.login('township', DEMO_PASSWORD);
    const villages = await township.get(`/api/branches?regionCode=${BUCHOU}&pageSize=100`);
    expect(villages.body.total).toBe(13);
  });

  it('adds nothing when run again', async () => {
    const before = await Promise.all([countOf(units), countOf(branches), countOf(cadres), countOf(users)]);
    const [groupsBefore] = await db().select({ n: count() }).from(regions).where(eq(regions.level, 'group'));
    const again = await generateDemo(db(), {});
    expect(Object.values(again).every((n) => n === 0)).toBe(true);
    expect(await Promise.all([countOf(units), countOf(branches), countOf(cadres), countOf(users)])).toEqual(before);
    const [groupsAfter] = await db().select({ n: count() }).from(regions).where(eq(regions.level, 'group'));
    expect(groupsAfter).toEqual(groupsBefore);
    expect(first.cadres).toBe(before[2]);
  });

  it('grows the party members with the households asked for, keeping what is there', async () => {
    const [{ n: members } = { n: 0 }] = await db().select({ n: count() }).from(cadres).where(eq(cadres.rank, 'party_member'));
    const bigger = await generateDemo(db(), { households: 600 });
    expect(bigger.cadres).toBeGreaterThan(0);
    const [{ n: after } = { n: 0 }] = await db().select({ n: count() }).from(cadres).where(eq(cadres.rank, 'party_member'));
    expect(after).toBe(members * 2);
    const [{ n: dup } = { n: 0 }] = await db().select({ n: sql<number>`count(*) - count(distinct ${cadres.id})` }).from(cadres);
    expect(Number(dup)).toBe(0);
  });
});

