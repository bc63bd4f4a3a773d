import { and, asc, eq, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { ancestorCodes, regionOrAboveWhere, significantPrefix, type Scope } from '../../platform/scope.js';
import { householdCatalog } from './tables.js';

export type CatalogRow = typeof householdCatalog.$inferSelect;
type Kind = CatalogRow['kind'];

/** Built-ins first, then by region (the county's before the township's), then by code. */
const order = [
  sql`${householdCatalog.regionCode} asc nulls first`,
  asc(householdCatalog.kind),
  asc(householdCatalog.createdAt),
  asc(householdCatalog.code),
];

/** The entries a scope reads: the built-ins and those of regions in the scope or above it. */
export function listCatalog(db: Executor, scope: Scope, f: { kind?: Kind; regionCode?: string }) {
  const conds: SQL[] = [or(isNull(householdCatalog.regionCode), regionOrAboveWhere(householdCatalog.regionCode, scope))!];
  if (f.kind) conds.push(eq(householdCatalog.kind, f.kind));
  if (f.regionCode) conds.push(like(householdCatalog.regionCode, `${significantPrefix(f.regionCode)}%`));
  return db
    .select()
    .from(householdCatalog)
    .where(and(...conds))
    .orderBy(...order);
}

/** The active entries a household of this region may carry: built-ins and its region's or above. */
export function catalogFor(db: Executor, regionCode: string, kind: Kind) {
  const regionsAbove = [...ancestorCodes(regionCode), regionCode];
  return db
    .select()
    .from(householdCatalog)
    .where(
      and(
        eq(householdCatalog.kind, kind),
        eq(householdCatalog.active, true),
        or(isNull(householdCatalog.regionCode), inArray(householdCatalog.regionCode, regionsAbove)),
      ),
    );
}

export async function getCatalogEntry(db: Executor, scope: Scope, id: string) {
  const rows = await db
    .select()
    .from(householdCatalog)
    .where(
      and(eq(householdCatalog.id, id), or(isNull(householdCatalog.regionCode), regionOrAboveWhere(householdCatalog.regionCode, scope))),
    )
    .limit(1);
  return rows[0] ?? null;
}

/** Unscoped: ids and codes are unique across the whole catalogue. */
export async function catalogIdExists(db: Executor, id: string): Promise<boolean> {
  const rows = await db.select({ id: householdCatalog.id }).from(householdCatalog).where(eq(householdCatalog.id, id)).limit(1);
  return rows.length > 0;
}

export async function codesStartingWith(db: Executor, kind: Kind, stem: string): Promise<Set<string>> {
  const rows = await db
    .select({ code: householdCatalog.code })
    .from(householdCatalog)
    .where(and(eq(householdCatalog.kind, kind), sql`${householdCatalog.code} like ${stem.replace(/[%_\\]/g, (c) => '\\' + c) + '%'}`));
  return new Set(rows.map((r) => r.code));
}

export async function insertCatalogEntry(db: Executor, row: typeof householdCatalog.$inferInsert): Promise<boolean> {
  const rows = await db.insert(householdCatalog).values(row).onConflictDoNothing().returning({ id: householdCatalog.id });
  return rows.length > 0;
}

/** Unscoped: an entry of this name that households of the region would see beside a new one (above, at or below it). */
export async function catalogNameTaken(db: Executor, kind: Kind, regionCode: string, nameZh: string): Promise<boolean> {
  const rows = await db
    .select({ id: householdCatalog.id })
    .from(householdCatalog)
    .where(
      and(
        eq(householdCatalog.kind, kind),
        eq(householdCatalog.nameZh, nameZh),
        or(
          isNull(householdCatalog.regionCode),
          inArray(householdCatalog.regionCode, [...ancestorCodes(regionCode), regionCode]),
          like(householdCatalog.regionCode, `${significantPrefix(regionCode)}%`),
        ),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
