import { and, arrayOverlaps, count, desc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { alias, QueryBuilder, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { regionWhere, significantPrefix, type Scope } from '../../platform/scope.js';
import { cadres } from '../cadres/tables.js';
import { pairings } from '../pairings/tables.js';
import { regions } from '../regions/tables.js';
import { branches } from '../units/tables.js';
import type { HouseholdFilterQuery, HouseholdListQuery } from './schemas.js';
import { householdIncomes, households, members } from './tables.js';

export type HouseholdRow = typeof households.$inferSelect;

const head = alias(members, 'head');
const village = alias(regions, 'village');
const own = alias(regions, 'own');

/**
 * The head of a household looked up one at a time (a few households: activeHoldersOf): the active
 * head, or for a household that moved, merged or was dissolved the head it had last. Lists use
 * headsOf below.
 */
const headJoin = eq(
  head.id,
  sql`(select m.id from ${members} m where m.household_id = ${households.id} and m.relation = 'head'
       order by (m.status = 'active') desc, m.status_changed_on desc nulls first, m.created_at desc limit 1)`,
);
const villageCode = sql<string>`substr(${households.regionCode}, 1, 12)`;
const groupName = sql<string | null>`case when length(${households.regionCode}) = 15 then ${own.name} end`;
const memberCount = sql<number>`(select count(*)::int from ${members} m where m.household_id = ${households.id} and m.status = 'active')`;

const qb = new QueryBuilder();

/**
 * The filter as the repository takes it: with includePredecessors the service has resolved the
 * region into the code prefixes of it and the regions merged into it (regions history-service).
 */
export type HouseholdFilter = HouseholdFilterQuery & { regionPrefixes?: string[] };

/** The region filter: the region asked for, or the prefixes resolved for it; null when none. */
function regionFilter(column: AnyPgColumn, f: Pick<HouseholdFilter, 'regionCode' | 'regionPrefixes'>): SQL | null {
  const prefixes = f.regionPrefixes ?? (f.regionCode ? [significantPrefix(f.regionCode)] : []);
  return prefixes.length ? or(...prefixes.map((p) => like(column, p + '%')))! : null;
}

/**
 * A unit head's households: those an open pairing links to the unit, to one of its cadres or to one
 * of its branches, and those in the villages and townships the unit takes on (部门包村, 部门帮乡).
 */
export function unitHouseholdsWhere(unitId: string): SQL {
  // Both subqueries are uncorrelated: PostgreSQL runs each once (a hashed id set, an array of prefixes).
  return sql`(${households.id} in (select p.target_id::uuid from ${pairings} p where p.target_kind = 'household' and p.end_on is null and (
      (p.helper_kind = 'unit' and p.helper_id = ${unitId})
      or (p.helper_kind = 'cadre' and p.helper_id in (select c.id from ${cadres} c where c.unit_id = ${unitId}))
      or (p.helper_kind = 'branch' and p.helper_id in (select b.id from ${branches} b where b.unit_id = ${unitId}))))
    or ${households.regionCode} like any (array(select (case p.target_kind when 'township' then substr(p.target_id, 1, 9) else p.target_id end) || '%'
      from ${pairings} p where p.helper_kind = 'unit' and p.helper_id = ${unitId} and p.end_on is null and p.target_kind in ('village', 'township'))))`;
}

/** The scope of a household read: the region prefix and, for a unit head, the unit's households. */
const householdScope = (scope: Scope): SQL =>
  scope.unitId
    ? and(regionWhere(households.regionCode, scope), unitHouseholdsWhere(scope.unitId))!
    : regionWhere(households.regionCode, scope);

/** Rows of a region-owned table in the scope and, when filtered, in the region asked for. */
function within(column: AnyPgColumn, scope: Scope, f: Pick<HouseholdFilter, 'regionCode' | 'regionPrefixes'>): SQL {
  const conds = [regionWhere(column, scope)];
  const region = regionFilter(column, f);
  if (region) conds.push(region);
  return and(...conds)!;
}

/**
 * The head shown for each household of the list and its export: the active head, or for a
 * household that moved, merged or was dissolved (its members all left) the head it had last.
 * One set-based pass over the heads of the scope (a member lives where their household does),
 * rather than a lookup per household, which cost more than the rest of the query.
 */
function headsOf(scope: Scope, f: HouseholdFilter) {
  return qb
    .selectDistinctOn([members.householdId], {
      householdId: members.householdId,
      id: members.id,
      name: members.name,
      initials: members.initials,
      idNumber: members.idNumber,
      phone: members.phone,
    })
    .from(members)
    .where(and(eq(members.relation, 'head'), within(members.regionCode, scope, f)))
    .orderBy(
      members.householdId,
      sql`(${members.status} = 'active') desc`,
      sql`${members.statusChangedOn} desc nulls first`,
      desc(members.createdAt),
    )
    .as('hd');
}
type Heads = ReturnType<typeof headsOf>;

/** The income shown (and filtered and sorted on) for each household: the year asked for, else the latest year recorded. */
function incomesOf(scope: Scope, f: HouseholdFilter) {
  const conds = [within(householdIncomes.regionCode, scope, f)];
  if (f.incomeYear !== undefined) conds.push(eq(householdIncomes.year, f.incomeYear));
  return qb
    .selectDistinctOn([householdIncomes.householdId], {
      householdId: householdIncomes.householdId,
      year: householdIncomes.year,
      fen: householdIncomes.perCapitaNetFen,
    })
    .from(householdIncomes)
    .where(and(...conds))
    .orderBy(householdIncomes.householdId, desc(householdIncomes.year))
    .as('inc');
}
type Incomes = ReturnType<typeof incomesOf>;

const esc = (q: string) => q.replace(/[%_\\]/g, (c) => '\\' + c);

/**
 * What the search needs besides the list's filters: whether phones match by their start (roles
 * that see them in full) or only whole (roles that see them masked: a start is an oracle that
 * rebuilds 188****7812 digit by digit).
 */
export type HouseholdSearch = HouseholdFilter & { phonesByPrefix?: boolean };

/** Head's name or initials, any active member's full ID number or phone (start), household number. */
function search(q: string, head: Heads, phonesByPrefix: boolean): SQL {
  const e = esc(q);
  const phone = phonesByPrefix ? e + '%' : e;
  const member = sql`exists (select 1 from ${members} m where m.household_id = ${households.id} and m.status = 'active' and (m.id_number = ${q.toUpperCase()} or m.phone like ${phone}))`;
  return or(sql`${head.name} ilike ${'%' + e + '%'}`, like(head.initials, `${e.toLowerCase()}%`), eq(households.householdNo, q), like(households.phone, phone), member)!;
}

/**
 * The WHERE of the households list and of its export: the scope, then one line per filter of
 * householdFilterQuery. A new filter (paired or not, …) is one more line here. The heads must be
 * joined when q is set, the incomes when an income bound is.
 */
function householdWhere(scope: Scope, f: HouseholdSearch, head: Heads, income: Incomes): SQL {
  const conds: SQL[] = [householdScope(scope)];
  const region = regionFilter(households.regionCode, f);
  if (region) conds.push(region);
  if (f.categories) conds.push(arrayOverlaps(households.categories, f.categories));
  if (f.povertyCause) conds.push(sql`${f.povertyCause} = any(${households.povertyCauses})`);
  if (f.incomeMinFen !== undefined) conds.push(sql`${income.fen} >= ${f.incomeMinFen}`);
  if (f.incomeMaxFen !== undefined) conds.push(sql`${income.fen} <= ${f.incomeMaxFen}`);
  if (f.status) conds.push(eq(households.status, f.status));
  if (f.q) conds.push(search(f.q, head, f.phonesByPrefix === true));
  return and(...conds)!;
}

/** One key of the order: a column or expression, its direction, how its value is cast back from text. */
interface SortKey {
  expr: SQL | AnyPgColumn;
  dir: 'asc' | 'desc';
  cast: 'text' | 'bigint' | 'timestamptz' | 'uuid';
}

/**
 * The order of householdFilterQuery's sort: households without a head or an income come last either
 * way (nulls last on every key), and the id settles ties, so the order is total and a keyset cursor
 * (the export's) walks it exactly as the list's pages do.
 */
function sortKeys(f: Pick<HouseholdFilterQuery, 'sort' | 'order'>, head: Heads, income: Incomes): SortKey[] {
  const dir = f.order;
  const keys: Record<HouseholdFilterQuery['sort'], () => SortKey[]> = {
    village: () => [
      { expr: households.regionCode, dir, cast: 'text' },
      { expr: head.initials, dir: 'asc', cast: 'text' },
    ],
    headName: () => [
      { expr: head.initials, dir, cast: 'text' },
      { expr: head.name, dir, cast: 'text' },
    ],
    income: () => [{ expr: income.fen, dir, cast: 'bigint' }],
    updated: () => [{ expr: households.updatedAt, dir, cast: 'timestamptz' }],
  };
  return [...keys[f.sort](), { expr: households.id, dir: 'asc', cast: 'uuid' }];
}

const orderOf = (keys: SortKey[]) => keys.map((k) => sql`${k.expr} ${sql.raw(k.dir)} nulls last`);

/** The keys of a row as text (full precision: a timestamp keeps its microseconds), for the cursor. */
const cursorOf = (keys: SortKey[]) =>
  sql<string>`json_build_array(${sql.join(
    keys.map((k) => sql`${k.expr}::text`),
    sql`, `,
  )})::text`;

/** Rows after the cursor in the order of the keys (lexicographic, nulls last). */
function afterCursor(keys: SortKey[], values: (string | null)[]): SQL {
  const same = (k: SortKey, v: string | null) => (v === null ? sql`${k.expr} is null` : sql`${k.expr} = ${v}::${sql.raw(k.cast)}`);
  const beyond = (k: SortKey, v: string | null) =>
    v === null ? sql`false` : sql`(${k.expr} ${sql.raw(k.dir === 'asc' ? '>' : '<')} ${v}::${sql.raw(k.cast)} or ${k.expr} is null)`;
  return or(...keys.map((k, i) => and(...keys.slice(0, i).map((p, j) => same(p, values[j] ?? null)), beyond(k, values[i] ?? null))))!;
}

/** Where the export stopped: the sort keys of the last row it wrote. */
export type HouseholdCursor = (string | null)[];

type Window = { offset: number; limit: number } | { after: HouseholdCursor | null; limit: number };

/** The households of a filter, in its order: a page (offset) for the list, after a cursor for the export. */
async function householdRows(db: Executor, scope: Scope, f: HouseholdSearch, w: Window) {
  const head = headsOf(scope, f);
  const income = incomesOf(scope, f);
  const keys = sortKeys(f, head, income);
  const conds = [householdWhere(scope, f, head, income)];
  if ('after' in w && w.after) conds.push(afterCursor(keys, w.after));
  const rows = await db
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
      address: households.address,
      landMu: households.landMu,
      housing: households.housing,
      version: households.version,
      updatedAt: households.updatedAt,
      cursor: cursorOf(keys),
    })
    .from(households)
    .leftJoin(head, eq(head.householdId, households.id))
    .leftJoin(income, eq(income.householdId, households.id))
    .leftJoin(own, eq(own.code, households.regionCode))
    .leftJoin(village, eq(village.code, villageCode))
    .where(and(...conds))
    .orderBy(...orderOf(keys))
    .limit(w.limit)
    .offset('offset' in w ? w.offset : 0);
  return rows.map(({ incomeYear, incomeFen, cursor, ...r }) => ({
    ...r,
    income: incomeYear === null || incomeFen === null ? null : { year: incomeYear, perCapitaNetFen: Number(incomeFen) },
    cursor: JSON.parse(cursor) as HouseholdCursor,
  }));
}

export async function listHouseholds(db: Executor, scope: Scope, f: HouseholdListQuery & HouseholdSearch) {
  const head = headsOf(scope, f);
  const income = incomesOf(scope, f);
  // The heads and the incomes are joined for counting only when a filter needs them.
  let counted = db.select({ total: count() }).from(households).$dynamic();
  if (f.q) counted = counted.leftJoin(head, eq(head.householdId, households.id));
  if (f.incomeMinFen !== undefined || f.incomeMaxFen !== undefined)
    counted = counted.leftJoin(income, eq(income.householdId, households.id));
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    householdRows(db, scope, f, { offset: (f.page - 1) * f.pageSize, limit: f.pageSize }),
    counted.where(householdWhere(scope, f, head, income)),
  ]);
  const items = rows.map(({ address: _a, landMu: _l, housing: _h, cursor: _c, ...r }) => r);
  return { items, total };
}

/**
 * The next households of a filter after the cursor (null: from the start), in the list's order,
 * with the columns of the export: the export streams a filtered list page by page in constant memory.
 */
export const householdsAfter = (db: Executor, scope: Scope, f: HouseholdSearch, after: HouseholdCursor | null, limit: number) =>
  householdRows(db, scope, f, { after, limit });

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
    .where(and(eq(households.id, id), householdScope(scope)))
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
  const rows = await db
    .select({ id: households.id })
    .from(households)
    .where(and(...conds))
    .limit(1);
  return rows.length > 0;
}

/** Batch insert (≤1000 rows a statement); rows already there (same id or number) are skipped. */
export async function insertHouseholds(db: Executor, rows: (typeof households.$inferInsert)[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const done = await db
      .insert(households)
      .values(rows.slice(i, i + 1000))
      .onConflictDoNothing()
      .returning({ id: households.id });
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
      townshipName: sql<string | null>`(select t.name from regions t where t.code = substr(${households.regionCode}, 1, 9) || '000')`,
    })
    .from(holder)
    .innerJoin(households, eq(households.id, holder.householdId))
    .leftJoin(head, headJoin)
    .leftJoin(own, eq(own.code, households.regionCode))
    .leftJoin(village, eq(village.code, villageCode))
    .where(and(inArray(holder.idNumber, idNumbers), eq(holder.status, 'active')));
}

/**
 * The open cadre helpers of households (the lead first, then by start): the 帮扶责任人 of the list
 * and the contact cadre of the household page.
 */
export async function cadreHelpersOf(db: Executor, householdIds: string[]) {
  if (householdIds.length === 0) return new Map<string, { cadreId: string; name: string; lead: boolean }[]>();
  const rows = await db
    .select({ householdId: pairings.targetId, cadreId: cadres.id, name: cadres.name, lead: pairings.lead })
    .from(pairings)
    .innerJoin(cadres, eq(cadres.id, pairings.helperId))
    .where(
      and(
        eq(pairings.helperKind, 'cadre'),
        eq(pairings.targetKind, 'household'),
        sql`${pairings.endOn} is null`,
        inArray(pairings.targetId, householdIds),
      ),
    )
    .orderBy(desc(pairings.lead), pairings.startOn, cadres.id);
  const out = new Map<string, { cadreId: string; name: string; lead: boolean }[]>();
  for (const r of rows) {
    const list = out.get(r.householdId) ?? [];
    if (!list.some((h) => h.cadreId === r.cadreId)) list.push({ cadreId: r.cadreId, name: r.name, lead: r.lead });
    out.set(r.householdId, list);
  }
  return out;
}
