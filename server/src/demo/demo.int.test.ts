import { and, count, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, JIJIU, createTestApp, type TestContext } from '../../test/app.js';
import { cadreRanks, cadres } from '../features/cadres/tables.js';
import { aboveCountyRanks } from '../features/cadres/rules.js';
import { incomeTotals } from '../features/households/rules.js';
import { householdIncomes, households, members } from '../features/households/tables.js';
import { checkIdNumber } from '../platform/personal-data.js';
import { regions } from '../features/regions/tables.js';
import { branches, units } from '../features/units/tables.js';
import { users } from '../features/users/tables.js';
import { DEMO_PASSWORD } from './accounts.js';
import { generateDemo } from './generate.js';

let t: TestContext;
let first: Record<string, number>;

beforeAll(async () => {
  t = await createTestApp({ demo: true }); // the demo accounts keep their shared password
  first = await generateDemo(t.database.db, {});
});
afterAll(() => t.close());

const db = () => t.database.db;
const countOf = async (table: typeof units | typeof branches | typeof cadres | typeof users | typeof households | typeof members | typeof householdIncomes) => (await db().select({ n: count() }).from(table))[0]!.n;

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
    // A county's demo: the leaders above the county (市级、省级领导) are not among its cadres.
    for (const rank of cadreRanks.filter((r) => !aboveCountyRanks.includes(r))) expect(n[rank], rank).toBeGreaterThan(0);
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

  it('links the demo cadre account to its cadre record, and the secretary to her branch (补抽乡机关党支部)', async () => {
    const [cadreUser] = await db().select().from(users).where(eq(users.username, 'cadre'));
    const [mine] = await db().select().from(cadres).where(eq(cadres.userId, cadreUser!.id));
    expect(mine).toMatchObject({ name: '麻春花', rank: 'township', regionCode: BUCHOU });
    const [secretaryUser] = await db().select().from(users).where(eq(users.username, 'secretary'));
    const [secretary] = await db().select({ name: cadres.name, role: cadres.branchRole, branch: branches.name }).from(cadres).innerJoin(branches, eq(branches.id, cadres.branchId)).where(eq(cadres.userId, secretaryUser!.id));
    expect(secretary).toEqual({ name: '麻永成', role: 'secretary', branch: '补抽乡机关党支部' });
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

  it('has 300 households across the villages and groups of 补抽乡, each with 2–6 members and one head', async () => {
    const all = await db().select().from(households);
    expect(all).toHaveLength(300);
    expect(first.households).toBe(300);
    const villages = new Set(all.map((h) => h.regionCode.slice(0, 12)));
    expect(villages.size).toBe(12);
    expect(all.every((h) => h.regionCode.startsWith('433124213') && h.regionCode.length === 15)).toBe(true);
    const people = await db().select().from(members);
    const byHousehold = new Map<string, typeof people>();
    for (const m of people) byHousehold.set(m.householdId, [...(byHousehold.get(m.householdId) ?? []), m]);
    for (const h of all) {
      const ms = byHousehold.get(h.id) ?? [];
      expect(ms.length).toBeGreaterThanOrEqual(2);
      expect(ms.length).toBeLessThanOrEqual(6);
      expect(ms.filter((m) => m.relation === 'head')).toHaveLength(1);
      expect(ms.every((m) => m.regionCode === h.regionCode)).toBe(true);
    }
  });

  it('gives every member a valid 433124 ID number agreeing with birth date and sex, and ages that make sense', async () => {
    const people = await db().select().from(members);
    expect(new Set(people.map((m) => m.idNumber)).size).toBe(people.length);
    const year = (d: string | null) => Number(d!.slice(0, 4));
    for (const m of people) {
      const checked = checkIdNumber(m.idNumber!);
      expect(checked.ok, m.idNumber!).toBe(true);
      if (checked.ok) expect([checked.info.regionPrefix, checked.info.birthDate, checked.info.sex]).toEqual(['433124', m.birthDate, m.sex]);
      expect(m.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
    }
    const heads = new Map(people.filter((m) => m.relation === 'head').map((m) => [m.householdId, m]));
    for (const m of people) {
      const head = heads.get(m.householdId)!;
      if (m.relation === 'son' || m.relation === 'daughter') expect(year(m.birthDate) - year(head.birthDate)).toBeGreaterThanOrEqual(20);
      if (m.relation === 'parent') expect(year(head.birthDate) - year(m.birthDate)).toBeGreaterThanOrEqual(20);
      if (m.relation === 'spouse') expect(Math.abs(year(m.birthDate) - year(head.birthDate))).toBeLessThanOrEqual(7);
      if (year(m.birthDate) >= 2011) expect(m.labourAbility).toBe('not_working_age');
    }
  });

  it('has categories by the seeds’ proportions, poverty causes for the poor, and seed 000’s 48 sheep', async () => {
    const all = await db().select().from(households);
    const share = (c: string) => all.filter((h) => h.categories.includes(c)).length / all.length;
    expect(share('poor')).toBeGreaterThan(0.12);
    expect(share('poor')).toBeLessThan(0.35);
    for (const c of ['prosperity_star', 'conservative', 'economically_behind']) expect(share(c), c).toBeGreaterThan(0.04);
    expect(all.filter((h) => h.categories.length === 0).length).toBeGreaterThan(30);
    for (const h of all.filter((x) => x.categories.includes('poor'))) expect(h.povertyCauses.length).toBeGreaterThan(0);
    for (const h of all.filter((x) => x.categories.includes('prosperity_star'))) expect(h.povertyCauses).toEqual([]);
    expect(all.some((h) => h.livestock.some((l) => l.kind === '羊' && l.head === 48))).toBe(true);
    expect(all.every((h) => Number(h.landMu) > 0)).toBe(true);
  });

  it('records incomes for 2024 and 2025, computed by the household rules; the poor’s rise, seed 001’s 2500 → 3500 among them', async () => {
    const incomes = await db().select().from(householdIncomes);
    expect(incomes).toHaveLength(600);
    for (const r of incomes) {
      expect(incomeTotals(r.items, r.memberCount)).toEqual({ incomeFen: r.incomeFen, costFen: r.costFen, perCapitaNetFen: r.perCapitaNetFen });
      expect(r.items.every((i) => Number.isInteger(i.amountFen) && i.amountFen >= 0)).toBe(true);
    }
    const all = await db().select().from(households);
    const poor = new Set(all.filter((h) => h.categories.includes('poor')).map((h) => h.id));
    const stars = new Set(all.filter((h) => h.categories.includes('prosperity_star')).map((h) => h.id));
    const of = (ids: Set<string>, year: number) => incomes.filter((r) => ids.has(r.householdId) && r.year === year).map((r) => r.perCapitaNetFen);
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(avg(of(poor, 2025))).toBeGreaterThan(avg(of(poor, 2024)));
    expect(Math.max(...of(poor, 2025))).toBeLessThan(Math.min(...of(stars, 2025)));
    const seed = all.find((h) => h.notes?.includes('48'))!;
    expect(incomes.filter((r) => r.householdId === seed.id).map((r) => [r.year, r.perCapitaNetFen]).sort()).toEqual([
      [2024, 250_000],
      [2025, 350_000],
    ]);
  });

  it('serves the households through the API: masked for the cadre, with a timeline', async () => {
    const cadre = await t.login('cadre', DEMO_PASSWORD);
    const list = await cadre.get('/api/households?categories=poor&pageSize=5');
    expect(list.status).toBe(200);
    expect(list.body.masked).toBe(true);
    expect(list.body.items[0].headIdNumber).toMatch(/^433124\*{8}/);
    const timeline = await cadre.get(`/api/households/${list.body.items[0].id}/timeline`);
    // The registry's own events (the household's pairing and visits, if any, are on the timeline too).
    const registry = timeline.body.items.filter((e: { kind: string }) => !e.kind.startsWith('pairing_') && e.kind !== 'visit');
    expect(registry.map((e: { kind: string }) => e.kind)).toEqual(['income_recorded', 'income_recorded', 'household_created']);
    expect(registry[2].on.startsWith('2024-0')).toBe(true);
    const township = await t.login('township', DEMO_PASSWORD);
    expect((await township.get('/api/households?pageSize=1')).body.total).toBe(300);
  });

  it('adds nothing when run again', async () => {
    const before = await Promise.all([countOf(units), countOf(branches), countOf(cadres), countOf(users), countOf(households), countOf(members), countOf(householdIncomes)]);
    const [groupsBefore] = await db().select({ n: count() }).from(regions).where(eq(regions.level, 'group'));
    const again = await generateDemo(db(), {});
    expect(Object.values(again).every((n) => n === 0)).toBe(true);
    expect(await Promise.all([countOf(units), countOf(branches), countOf(cadres), countOf(users), countOf(households), countOf(members), countOf(householdIncomes)])).toEqual(before);
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
    expect(bigger.households).toBe(300);
    expect(await countOf(households)).toBe(600);
  });
});

