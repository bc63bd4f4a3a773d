import { and, asc, count, eq, ilike, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { regionOrAboveWhere, significantPrefix, type Scope } from '../../platform/scope.js';
import { cadres } from '../cadres/tables.js';
import { regions } from '../regions/tables.js';
import { branches, units } from './tables.js';

export type UnitRow = typeof units.$inferSelect;
export type BranchRow = typeof branches.$inferSelect;

/** Name contains q, pinyin initials or region code start with it. */
export function textSearch(q: string, cols: { name: AnyPgColumn; initials: AnyPgColumn; regionCode: AnyPgColumn }): SQL {
  const esc = q.replace(/[%_\\]/g, (c) => '\\' + c);
  return or(ilike(cols.name, `%${esc}%`), like(cols.initials, `${esc.toLowerCase()}%`), like(cols.regionCode, `${esc}%`))!;
}

const under = (column: AnyPgColumn, code: string) => like(column, significantPrefix(code) + '%');

const unitCadreCount = sql<number>`(select count(*)::int from ${cadres} c where c.unit_id = ${units.id} and c.status = 'active')`;

const unitColumns = {
  id: units.id,
  name: units.name,
  level: units.level,
  kind: units.kind,
  status: units.status,
  regionCode: units.regionCode,
  regionName: regions.name,
  countyCode: units.countyCode,
  cadreCount: unitCadreCount,
  version: units.version,
  createdAt: units.createdAt,
  updatedAt: units.updatedAt,
};

export interface UnitFilter {
  q?: string;
  level?: UnitRow['level'];
  kind?: UnitRow['kind'];
  status?: UnitRow['status'];
  regionCode?: string;
  page: number;
  pageSize: number;
}

export async function listUnits(db: Executor, scope: Scope, f: UnitFilter) {
  const conds: SQL[] = [regionOrAboveWhere(units.regionCode, scope)];
  if (f.q) conds.push(textSearch(f.q, units));
  if (f.level) conds.push(eq(units.level, f.level));
  if (f.kind) conds.push(eq(units.kind, f.kind));
  if (f.status) conds.push(eq(units.status, f.status));
  if (f.regionCode) conds.push(under(units.regionCode, f.regionCode));
  const where = and(...conds);
  const [items, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select(unitColumns)
      .from(units)
      .leftJoin(regions, eq(regions.code, units.regionCode))
      .where(where)
      .orderBy(asc(units.regionCode), asc(units.initials), asc(units.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: count() }).from(units).where(where),
  ]);
  return { items, total };
}

export async function getUnit(db: Executor, scope: Scope, id: string) {
  const rows = await db
    .select(unitColumns)
    .from(units)
    .leftJoin(regions, eq(regions.code, units.regionCode))
    .where(and(eq(units.id, id), regionOrAboveWhere(units.regionCode, scope)))
    .limit(1);
  return rows[0] ?? null;
}

/** Unscoped: only to tell an out-of-scope write (403) from a missing row (404), and a taken id. */
export async function unitExists(db: Executor, id: string): Promise<boolean> {
  const rows = await db.select({ id: units.id }).from(units).where(eq(units.id, id)).limit(1);
  return rows.length > 0;
}

/** Unscoped: names are unique in a region whoever can see the other unit. */
export async function unitNameTaken(db: Executor, regionCode: string, name: string, exceptId?: string): Promise<boolean> {
  const conds = [eq(units.regionCode, regionCode), eq(units.name, name)];
  if (exceptId) conds.push(sql`${units.id} <> ${exceptId}`);
  const rows = await db.select({ id: units.id }).from(units).where(and(...conds)).limit(1);
  return rows.length > 0;
}

/** Batch insert (≤1000 rows a statement); rows already there (same id, or name in the region) are skipped. */
export async function insertUnits(db: Executor, rows: (typeof units.$inferInsert)[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    n += (await db.insert(units).values(rows.slice(i, i + 1000)).onConflictDoNothing().returning({ id: units.id })).length;
  }
  return n;
}

/** Updates only if the version matches; returns false when it was stale. */
export async function updateUnit(db: Executor, id: string, version: number, set: Partial<typeof units.$inferInsert>) {
  const rows = await db
    .update(units)
    .set({ ...set, version: sql`${units.version} + 1`, updatedAt: new Date() })
    .where(and(eq(units.id, id), eq(units.version, version)))
    .returning({ id: units.id });
  return rows.length > 0;
}

/** Ids of units by region and name (imports and the demo find units by their natural key). */
export async function unitIdsByName(db: Executor, regionCode: string, names: string[]): Promise<Map<string, string>> {
  if (names.length === 0) return new Map();
  const rows = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.regionCode, regionCode), inArray(units.name, names)));
  return new Map(rows.map((r) => [r.name, r.id]));
}

// ── branches ────────────────────────────────────────────────────────────────

const memberCount = sql<number>`(select count(*)::int from ${cadres} c where c.branch_id = ${branches.id} and c.status = 'active')`;

const branchColumns = {
  id: branches.id,
  name: branches.name,
  unitId: branches.unitId,
  unitName: units.name,
  status: branches.status,
  regionCode: branches.regionCode,
  regionName: regions.name,
  countyCode: branches.countyCode,
  memberCount,
  version: branches.version,
  createdAt: branches.createdAt,
  updatedAt: branches.updatedAt,
};

export interface BranchFilter {
  q?: string;
  unitId?: string;
  regionCode?: string;
  status?: BranchRow['status'];
  page: number;
  pageSize: number;
}

export async function listBranches(db: Executor, scope: Scope, f: BranchFilter) {
  const conds: SQL[] = [regionOrAboveWhere(branches.regionCode, scope)];
  if (f.q) conds.push(textSearch(f.q, branches));
  if (f.unitId) conds.push(eq(branches.unitId, f.unitId));
  if (f.regionCode) conds.push(under(branches.regionCode, f.regionCode));
  if (f.status) conds.push(eq(branches.status, f.status));
  const where = and(...conds);
  const [items, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select(branchColumns)
      .from(branches)
      .leftJoin(regions, eq(regions.code, branches.regionCode))
      .leftJoin(units, eq(units.id, branches.unitId))
      .where(where)
      .orderBy(asc(branches.regionCode), asc(branches.initials), asc(branches.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: count() }).from(branches).where(where),
  ]);
  return { items, total };
}

export async function getBranch(db: Executor, scope: Scope, id: string) {
  const rows = await db
    .select(branchColumns)
    .from(branches)
    .leftJoin(regions, eq(regions.code, branches.regionCode))
    .leftJoin(units, eq(units.id, branches.unitId))
    .where(and(eq(branches.id, id), regionOrAboveWhere(branches.regionCode, scope)))
    .limit(1);
  return rows[0] ?? null;
}

export async function branchExists(db: Executor, id: string): Promise<boolean> {
  const rows = await db.select({ id: branches.id }).from(branches).where(eq(branches.id, id)).limit(1);
  return rows.length > 0;
}

export async function branchNameTaken(db: Executor, regionCode: string, name: string): Promise<boolean> {
  const rows = await db
    .select({ id: branches.id })
    .from(branches)
    .where(and(eq(branches.regionCode, regionCode), eq(branches.name, name)))
    .limit(1);
  return rows.length > 0;
}

export async function insertBranches(db: Executor, rows: (typeof branches.$inferInsert)[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    n += (await db.insert(branches).values(rows.slice(i, i + 1000)).onConflictDoNothing().returning({ id: branches.id })).length;
  }
  return n;
}

/** Ids of branches by region and name, for every (region, name) pair asked. Key: `${regionCode}|${name}`. */
export async function branchIdsByName(db: Executor, keys: { regionCode: string; name: string }[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .select({ id: branches.id, name: branches.name, regionCode: branches.regionCode })
    .from(branches)
    .where(and(inArray(branches.regionCode, [...new Set(keys.map((k) => k.regionCode))]), inArray(branches.name, [...new Set(keys.map((k) => k.name))])));
  return new Map(rows.map((r) => [`${r.regionCode}|${r.name}`, r.id]));
}
