import { and, arrayOverlaps, asc, count, desc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { regionWhere, significantPrefix, type Scope } from '../../platform/scope.js';
import { regions } from '../regions/tables.js';
import type { HouseholdListQuery } from './schemas.js';
import { householdIncomes, households, members } from './tables.js';

export type HouseholdRow = typeof households.$inferSelect;

const head = alias(members, 'head');
const village = alias(regions, 'village');
const own = alias(regions, 'own');

/**
 * The head shown for a household: the active head, or for a household that moved, merged or was
 * dissolved (its members all left) the head it had last.
 */
const headJoin = eq(
  head.id,
  sql`(select m.id from ${members} m where m.household_id = ${households.id} and m.relation = 'head'
       order by (m.status = 'active') desc, m.status_changed_on desc nulls first, m.created_at desc limit 1)`,
);
const villageCode = sql<string>`substr(${households.regionCode}, 1, 12)`;
const groupName = sql<string | null>`case when length(${households.regionCode}) = 15 then ${own.name} end`;
const memberCount = sql<number>`(select count(*)::int from ${members} m where m.household_id = ${households.id} and m.status = 'active')`;

/** The income shown (and filtered on): the year asked for, else the latest year recorded. */
function incomeOf(year: number | undefined) {
  const which = year === undefined ? sql`order by i.year desc limit 1` : sql`and i.year = ${year}`;
  return {
    year: sql<number | null>`(select i.year from ${householdIncomes} i where i.household_id = ${households.id} ${which})`,
    fen: sql<string | null>`(select i.per_capita_net_fen from ${householdIncomes} i where i.household_id = ${households.id} ${which})`,
  };
}

const esc = (q: string) => q.replace(/[%_\\]/g, (c) => '\\' + c);

/** Head's name or initials, any active member's full ID number or phone start, household number. */
function search(q: string): SQL {
  const e = esc(q);
  const member = sql`exists (select 1 from ${members} m where m.household_id = ${households.id} and m.status = 'active' and (m.id_number = ${q.toUpperCase()} or m.phone like ${e + '%'}))`;
  return or(sql`${head.name} ilike ${'%' + e + '%'}`, like(head.initials, `${e.toLowerCase()}%`), eq(households.householdNo, q), like(households.phone, `${e}%`), member)!;
}

export async function listHouseholds(db: Executor, scope: Scope, f: HouseholdListQuery) {
  const income = incomeOf(f.incomeYear);
  const conds: SQL[] = [regionWhere(households.regionCode, scope)];
  if (f.regionCode) conds.push(like(households.regionCode, significantPrefix(f.regionCode) + '%'));
  if (f.categories) conds.push(arrayOverlaps(households.categories, f.categories));
  if (f.povertyCause) conds.push(sql`${f.povertyCause} = any(${households.povertyCauses})`);
  if (f.incomeMinFen !== undefined) conds.push(sql`${income.fen} >= ${f.incomeMinFen}`);
  if (f.incomeMaxFen !== undefined) conds.push(sql`${income.fen} <= ${f.incomeMaxFen}`);
  if (f.status) conds.push(eq(households.status, f.status));
  if (f.q) conds.push(search(f.q));
  const where = and(...conds);
  const dir = f.order === 'desc' ? desc : asc;
  // Households without a head or an income come last either way.
  const lastIfNull = (e: SQL | typeof head.initials) => sql`${e} ${sql.raw(f.order === 'desc' ? 'desc' : 'asc')} nulls last`;
  const order: SQL[] = {
    village: [dir(households.regionCode), asc(head.initials)],
    headName: [lastIfNull(head.initials), dir(head.name)],
    income: [lastIfNull(income.fen)],
    updated: [dir(households.updatedAt)],
  }[f.sort];
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select({
        id: households.id,
        householdNo: households.householdNo,
        regionCode: households.regionCode,
        villageCode,
        villageName: village.name,
        groupName,
        headMemberId: head.id,
        headName: head.name,
        headIdNumber: head.idNumber,
        phone: sql<string | null>`coalesce(${households.phone}, ${head.phone})`,
        memberCount,
        categories: households.categories,
        povertyCauses: households.povertyCauses,
        status: households.status,
        incomeYear: income.year,
        incomeFen: income.fen,
        version: households.version,
        updatedAt: households.updatedAt,
      })
      .from(households)
      .leftJoin(head, headJoin)
      .leftJoin(own, eq(own.code, households.regionCode))
      .leftJoin(village, eq(village.code, villageCode))
      .where(where)
      .orderBy(...order, asc(households.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    // The head is joined for counting only when the search needs it.
    f.q ? db.select({ total: count() }).from(households).leftJoin(head, headJoin).where(where) : db.select({ total: count() }).from(households).where(where),
  ]);
  const items = rows.map(({ incomeYear, incomeFen, ...r }) => ({ ...r, income: incomeYear === null ? null : { year: incomeYear, perCapitaNetFen: Number(incomeFen) } }));
  return { items, total };
}

const township = alias(regions, 'township');

export async function getHousehold(db: Executor, scope: Scope, id: string) {
  const rows = await db
    .select({
      household: households,
      townshipName: township.name,
      villageName: village.name,
      groupName,
    })
    .from(households)
    .leftJoin(own, eq(own.code, households.regionCode))
    .leftJoin(village, eq(village.code, villageCode))
    .leftJoin(township, eq(township.code, sql`substr(${households.regionCode}, 1, 9) || '000'`))
    .where(and(eq(households.id, id), regionWhere(households.regionCode, scope)))
    .limit(1);
  const r = rows[0];
  return r ? { ...r.household, townshipName: r.townshipName, villageName: r.villageName, groupName: r.groupName } : null;
}

/** Unscoped: only to tell an out-of-scope write (403) from a missing row (404), and a taken id. */
export async function householdExists(db: Executor, id: string): Promise<boolean> {
  const rows = await db.select({ id: households.id }).from(households).where(eq(households.id, id)).limit(1);
  return rows.length > 0;
}

/** Unscoped: household numbers are unique in a county whoever can see the other household. */
export async function householdNoTaken(db: Executor, countyCode: string, householdNo: string, exceptId?: string): Promise<boolean> {
  const conds = [eq(households.countyCode, countyCode), eq(households.householdNo, householdNo)];
  if (exceptId) conds.push(sql`${households.id} <> ${exceptId}`);
  const rows = await db.select({ id: households.id }).from(households).where(and(...conds)).limit(1);
  return rows.length > 0;
}

/** Batch insert (≤1000 rows a statement); rows already there (same id or number) are skipped. */
export async function insertHouseholds(db: Executor, rows: (typeof households.$inferInsert)[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const done = await db.insert(households).values(rows.slice(i, i + 1000)).onConflictDoNothing().returning({ id: households.id });
    ids.push(...done.map((r) => r.id));
  }
  return ids;
}

/** Updates only if the version matches; returns false when it was stale. */
export async function updateHousehold(db: Executor, id: string, version: number, set: Partial<typeof households.$inferInsert>) {
  const rows = await db
    .update(households)
    .set({ ...set, version: sql`${households.version} + 1`, updatedAt: new Date() })
    .where(and(eq(households.id, id), eq(households.version, version)))
    .returning({ id: households.id });
  return rows.length > 0;
}

/** Moves what belongs to a household along when it moves to another village or group. */
export async function moveHouseholdParts(db: Executor, id: string, regionCode: string, countyCode: string) {
  await db.update(members).set({ regionCode, countyCode }).where(eq(members.householdId, id));
  await db.update(householdIncomes).set({ regionCode, countyCode }).where(eq(householdIncomes.householdId, id));
}

/** A member or income changed: the household counts as updated (list order), its version stays. */
export async function touchHousehold(db: Executor, id: string) {
  await db.update(households).set({ updatedAt: new Date() }).where(eq(households.id, id));
}

/** Unscoped: who holds each of these ID numbers as an active member, with their household's head and village. */
export async function activeHoldersOf(db: Executor, idNumbers: string[]) {
  if (idNumbers.length === 0) return [];
  const holder = alias(members, 'holder');
  return db
    .select({
      idNumber: holder.idNumber,
      memberId: holder.id,
      memberName: holder.name,
      householdId: holder.householdId,
      headName: head.name,
      regionCode: households.regionCode,
      villageName: village.name,
      groupName,
    })
    .from(holder)
    .innerJoin(households, eq(households.id, holder.householdId))
    .leftJoin(head, headJoin)
    .leftJoin(own, eq(own.code, households.regionCode))
    .leftJoin(village, eq(village.code, villageCode))
    .where(and(inArray(holder.idNumber, idNumbers), eq(holder.status, 'active')));
}
