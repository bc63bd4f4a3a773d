import { and, asc, count, eq, isNotNull, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { significantPrefix, type Scope } from '../../platform/scope.js';
import { regions } from '../regions/tables.js';
import { textSearch } from '../units/repository.js';
import { regionOrAboveWhere } from '../../platform/scope.js';
import { branches, units } from '../units/tables.js';
import { cadreRanks, cadres } from './tables.js';

export type CadreRow = typeof cadres.$inferSelect;

const columns = {
  id: cadres.id,
  name: cadres.name,
  sex: cadres.sex,
  rank: cadres.rank,
  title: cadres.title,
  phone: cadres.phone,
  unitId: cadres.unitId,
  unitName: units.name,
  branchId: cadres.branchId,
  branchName: branches.name,
  branchRole: cadres.branchRole,
  regionCode: cadres.regionCode,
  regionName: regions.name,
  countyCode: cadres.countyCode,
  userId: cadres.userId,
  status: cadres.status,
  version: cadres.version,
  createdAt: cadres.createdAt,
  updatedAt: cadres.updatedAt,
};

/** Cadres a scope reads: its subtree and the regions above it; a unit head only their unit's. */
function scopeWhere(scope: Scope): SQL {
  const region = regionOrAboveWhere(cadres.regionCode, scope);
  return scope.unitId ? and(region, eq(cadres.unitId, scope.unitId))! : region;
}

const rankOrder = sql`array_position(array[${sql.join(
  cadreRanks.map((r) => sql`${r}`),
  sql`, `,
)}]::text[], ${cadres.rank})`;

/** The filters of the cadre list and its Excel export (cadreListQuery without the page). */
export interface CadreFilter {
  q?: string;
  rank?: CadreRow['rank'];
  unitId?: string;
  branchId?: string;
  regionCode?: string;
  status?: CadreRow['status'];
  hasAccount?: boolean;
}

/** The WHERE of the cadre list and of its export: the scope, then one line per filter. */
function cadreWhere(scope: Scope, f: CadreFilter): SQL {
  const conds: SQL[] = [scopeWhere(scope)];
  if (f.q) conds.push(or(textSearch(f.q, cadres), like(cadres.phone, `${f.q.replace(/[%_\\]/g, (c) => '\\' + c)}%`))!);
  if (f.rank) conds.push(eq(cadres.rank, f.rank));
  if (f.unitId) conds.push(eq(cadres.unitId, f.unitId));
  if (f.branchId) conds.push(eq(cadres.branchId, f.branchId));
  if (f.regionCode) conds.push(like(cadres.regionCode, significantPrefix(f.regionCode) + '%'));
  if (f.status) conds.push(eq(cadres.status, f.status));
  if (f.hasAccount !== undefined) conds.push(f.hasAccount ? isNotNull(cadres.userId) : isNull(cadres.userId));
  return and(...conds)!;
}

/** The list's order: county leaders first, then by region and pinyin initials; the id settles ties. None is null. */
const cadreOrder = [rankOrder, asc(cadres.regionCode), asc(cadres.initials), asc(cadres.id)];

export async function listCadres(db: Executor, scope: Scope, f: CadreFilter & { page: number; pageSize: number }) {
  const where = cadreWhere(scope, f);
  const [items, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select(columns)
      .from(cadres)
      .leftJoin(regions, eq(regions.code, cadres.regionCode))
      .leftJoin(units, eq(units.id, cadres.unitId))
      .leftJoin(branches, eq(branches.id, cadres.branchId))
      .where(where)
      .orderBy(...cadreOrder)
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: count() }).from(cadres).where(where),
  ]);
  return { items, total };
}

/** Where the export stopped: the order keys of the last cadre it wrote. */
export interface CadreCursor {
  rankPos: number;
  regionCode: string;
  initials: string;
  id: string;
}

/**
 * The next cadres of a filter after the cursor (null: from the start), in the list's order, with
 * the ID number the export needs: the export streams a filtered list in constant memory.
 */
export async function cadresAfter(db: Executor, scope: Scope, f: CadreFilter, after: CadreCursor | null, limit: number) {
  const conds = [cadreWhere(scope, f)];
  if (after) {
    conds.push(sql`(${rankOrder}, ${cadres.regionCode}, ${cadres.initials}, ${cadres.id}) > (${after.rankPos}::int, ${after.regionCode}, ${after.initials}, ${after.id}::uuid)`);
  }
  return db
    .select({ ...columns, idNumber: cadres.idNumber, initials: cadres.initials, rankPos: sql<number>`${rankOrder}` })
    .from(cadres)
    .leftJoin(regions, eq(regions.code, cadres.regionCode))
    .leftJoin(units, eq(units.id, cadres.unitId))
    .leftJoin(branches, eq(branches.id, cadres.branchId))
    .where(and(...conds))
    .orderBy(...cadreOrder)
    .limit(limit);
}

export async function getCadre(db: Executor, scope: Scope, id: string) {
  const rows = await db
    .select(columns)
    .from(cadres)
    .leftJoin(regions, eq(regions.code, cadres.regionCode))
    .leftJoin(units, eq(units.id, cadres.unitId))
    .leftJoin(branches, eq(branches.id, cadres.branchId))
    .where(and(eq(cadres.id, id), scopeWhere(scope)))
    .limit(1);
  return rows[0] ?? null;
}

/** Unscoped: only to tell an out-of-scope write (403) from a missing row (404). */
export async function cadreExists(db: Executor, id: string): Promise<boolean> {
  const rows = await db.select({ id: cadres.id }).from(cadres).where(eq(cadres.id, id)).limit(1);
  return rows.length > 0;
}

/** Unscoped: ID numbers are unique among all cadres, whoever can see the other one. */
export async function cadreIdNumberTaken(db: Executor, idNumber: string): Promise<boolean> {
  const rows = await db.select({ id: cadres.id }).from(cadres).where(eq(cadres.idNumber, idNumber)).limit(1);
  return rows.length > 0;
}

/** Unscoped: the cadre an account is linked to (an account links to at most one cadre). */
/** The cadre record linked to an account: its id, name and region. */
export async function cadreOfUser(db: Executor, userId: string): Promise<{ id: string; name: string; regionCode: string } | null> {
  const rows = await db
    .select({ id: cadres.id, name: cadres.name, regionCode: cadres.regionCode })
    .from(cadres)
    .where(eq(cadres.userId, userId))
    .limit(1);
  return rows[0] ?? null;
}

export const cadreIdOfUser = async (db: Executor, userId: string): Promise<string | null> => (await cadreOfUser(db, userId))?.id ?? null;

/** Batch insert (≤1000 rows a statement); rows already there (same id, or same account) are skipped. */
export async function insertCadres(db: Executor, rows: (typeof cadres.$inferInsert)[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    n += (await db.insert(cadres).values(rows.slice(i, i + 1000)).onConflictDoNothing().returning({ id: cadres.id })).length;
  }
  return n;
}

/** Updates only if the version matches; returns false when it was stale. */
export async function updateCadre(db: Executor, id: string, version: number, set: Partial<typeof cadres.$inferInsert>) {
  const rows = await db
    .update(cadres)
    .set({ ...set, version: sql`${cadres.version} + 1`, updatedAt: new Date() })
    .where(and(eq(cadres.id, id), eq(cadres.version, version)))
    .returning({ id: cadres.id });
  return rows.length > 0;
}
