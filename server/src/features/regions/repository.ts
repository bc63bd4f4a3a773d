import { and, asc, count, eq, ilike, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { ancestorCodes, regionWhere, significantPrefix, type RegionLevel, type Scope } from '../../platform/scope.js';
import { regions } from './tables.js';

export type RegionRow = typeof regions.$inferSelect;

// Written out by hand: drizzle renders ${regions.code} unqualified, which inside the subquery
// would mean the child's own code.
const childCount = sql<number>`(select count(*)::int from regions c where c.parent_code = regions.code)`.as('child_count');

const columns = {
  id: regions.id,
  code: regions.code,
  parentCode: regions.parentCode,
  name: regions.name,
  level: regions.level,
  countyCode: regions.countyCode,
  validFrom: regions.validFrom,
  validTo: regions.validTo,
  version: regions.version,
  childCount,
};

export async function getRegion(db: Executor, scope: Scope, code: string) {
  const rows = await db.select(columns).from(regions).where(and(eq(regions.code, code), regionWhere(regions.code, scope))).limit(1);
  return rows[0] ?? null;
}

export async function regionExists(db: Executor, code: string): Promise<boolean> {
  const rows = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, code)).limit(1);
  return rows.length > 0;
}

/** Ancestors of a code, root first. Unscoped on purpose: a breadcrumb names the county above a township. */
export async function ancestors(db: Executor, code: string) {
  const codes = ancestorCodes(code);
  if (codes.length === 0) return [];
  const rows = await db
    .select({ code: regions.code, name: regions.name, level: regions.level })
    .from(regions)
    .where(inArray(regions.code, codes));
  return rows.sort((a, b) => a.code.localeCompare(b.code));
}

export async function children(db: Executor, scope: Scope, code: string, includeExpired: boolean) {
  const conds: SQL[] = [eq(regions.parentCode, code), regionWhere(regions.code, scope)];
  if (!includeExpired) conds.push(or(isNull(regions.validTo), sql`${regions.validTo} > current_date`)!);
  return db.select(columns).from(regions).where(and(...conds)).orderBy(asc(regions.code));
}

/** The regions at the top of a scope: the user's own region, or every province for the whole country. */
export async function roots(db: Executor, scope: Scope, regionCode: string) {
  if (scope.prefix === '') return db.select(columns).from(regions).where(isNull(regions.parentCode)).orderBy(asc(regions.code));
  return db.select(columns).from(regions).where(eq(regions.code, regionCode));
}

export interface RegionSearch {
  q?: string;
  level?: RegionLevel;
  under?: string;
  page: number;
  pageSize: number;
}

export async function search(db: Executor, scope: Scope, f: RegionSearch) {
  const conds: SQL[] = [regionWhere(regions.code, scope)];
  if (f.under) conds.push(like(regions.code, significantPrefix(f.under) + '%'));
  if (f.level) conds.push(eq(regions.level, f.level));
  if (f.q) {
    const esc = f.q.replace(/[%_\\]/g, (c) => '\\' + c);
    conds.push(or(ilike(regions.name, `%${esc}%`), like(regions.code, `${esc}%`), like(regions.initials, `${esc.toLowerCase()}%`))!);
  }
  const where = and(...conds);
  const [items, [{ total } = { total: 0 }]] = await Promise.all([
    db.select(columns).from(regions).where(where).orderBy(asc(regions.code)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    db.select({ total: count() }).from(regions).where(where),
  ]);
  return { items, total };
}

export async function childCodes(db: Executor, parentCode: string): Promise<string[]> {
  const rows = await db.select({ code: regions.code }).from(regions).where(eq(regions.parentCode, parentCode));
  return rows.map((r) => r.code);
}

export async function insertRegions(db: Executor, rows: (typeof regions.$inferInsert)[]) {
  if (rows.length === 0) return 0;
  const inserted = await db.insert(regions).values(rows).onConflictDoNothing().returning({ code: regions.code });
  return inserted.length;
}

export async function updateRegion(db: Executor, code: string, version: number, set: Partial<typeof regions.$inferInsert>) {
  const rows = await db
    .update(regions)
    .set({ ...set, version: sql`${regions.version} + 1`, updatedAt: new Date() })
    .where(and(eq(regions.code, code), eq(regions.version, version)))
    .returning({ code: regions.code });
  return rows.length > 0;
}

export async function findById(db: Executor, scope: Scope, id: string) {
  const rows = await db.select(columns).from(regions).where(and(eq(regions.id, id), regionWhere(regions.code, scope))).limit(1);
  return rows[0] ?? null;
}

export async function idExists(db: Executor, id: string): Promise<boolean> {
  const rows = await db.select({ id: regions.id }).from(regions).where(eq(regions.id, id)).limit(1);
  return rows.length > 0;
}

/** The codes already loaded in and under a prefix, and the given codes above it. */
export async function loadedCodes(db: Executor, prefix: string, above: string[]): Promise<Set<string>> {
  const where = above.length ? or(like(regions.code, prefix + '%'), inArray(regions.code, above)) : like(regions.code, prefix + '%');
  const rows = await db.select({ code: regions.code }).from(regions).where(where);
  return new Set(rows.map((r) => r.code));
}

export interface NewRegion {
  id: string;
  code: string;
  parentCode: string | null;
  name: string;
  level: RegionLevel;
  initials: string;
  countyCode: string | null;
}

/**
 * Many regions in one statement (arrays unnested), skipping codes already there: a province is
 * ~50,000 rows, which one insert per row or drizzle's VALUES lists would spend seconds building.
 */
export async function insertRegionsBulk(db: Executor, rows: NewRegion[]): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <K extends keyof NewRegion>(k: K) => sql.param(rows.map((r) => r[k]));
  const res = await db.execute(sql`
    with ins as (
      insert into regions (id, code, parent_code, name, level, initials, county_code)
      select * from unnest(${col('id')}::uuid[], ${col('code')}::text[], ${col('parentCode')}::text[], ${col('name')}::text[],
                           ${col('level')}::text[], ${col('initials')}::text[], ${col('countyCode')}::text[])
      on conflict (code) do nothing
      returning 1)
    select count(*)::int as n from ins`);
  return (res as unknown as { rows: { n: number }[] }).rows[0]!.n;
}

export async function existingCodes(db: Executor, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.select({ code: regions.code }).from(regions).where(inArray(regions.code, codes));
  return new Set(rows.map((r) => r.code));
}

/** The names of these regions (any scope: names are not secret), by code. */
export async function namesOf(db: Executor, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, [...new Set(codes)]));
  return new Map(rows.map((r) => [r.code, r.name]));
}
