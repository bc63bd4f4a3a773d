import { and, count, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { regionOrAboveWhere, regionWhere, type Scope } from '../../platform/scope.js';
import { cadres } from '../cadres/tables.js';
import { householdCatalog, households, members } from '../households/tables.js';
import { regions } from '../regions/tables.js';
import { branches, units } from '../units/tables.js';
import { users } from '../users/tables.js';
import type { RegionEntry } from './region-names.js';
import { importJobs } from './tables.js';

export type JobRow = typeof importJobs.$inferSelect;

const jobColumns = {
  id: importJobs.id,
  kind: importJobs.kind,
  status: importJobs.status,
  mode: importJobs.mode,
  fileName: importJobs.fileName,
  fileKey: importJobs.fileKey,
  reportKey: importJobs.reportKey,
  totalRows: importJobs.totalRows,
  processedRows: importJobs.processedRows,
  errorRows: importJobs.errorRows,
  summary: importJobs.summary,
  regionCode: importJobs.regionCode,
  countyCode: importJobs.countyCode,
  createdBy: importJobs.createdBy,
  createdByName: users.displayName,
  version: importJobs.version,
  createdAt: importJobs.createdAt,
  updatedAt: importJobs.updatedAt,
  finishedAt: importJobs.finishedAt,
};
export type Job = Awaited<ReturnType<typeof getJob>> & object;

export async function insertJob(db: Executor, row: typeof importJobs.$inferInsert) {
  await db.insert(importJobs).values(row);
}

export async function getJob(db: Executor, scope: Scope, id: string) {
  const rows = await db
    .select(jobColumns)
    .from(importJobs)
    .leftJoin(users, eq(users.id, importJobs.createdBy))
    .where(and(eq(importJobs.id, id), regionWhere(importJobs.regionCode, scope)))
    .limit(1);
  return rows[0] ?? null;
}

/** Unscoped: only to tell an out-of-scope write (403) from a missing job (404). */
export async function jobExists(db: Executor, id: string): Promise<boolean> {
  return (await db.select({ id: importJobs.id }).from(importJobs).where(eq(importJobs.id, id)).limit(1)).length > 0;
}

export async function listJobs(db: Executor, scope: Scope, f: { kind?: JobRow['kind']; page: number; pageSize: number }) {
  const conds: SQL[] = [regionWhere(importJobs.regionCode, scope)];
  if (f.kind) conds.push(eq(importJobs.kind, f.kind));
  const where = and(...conds);
  const [items, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select(jobColumns)
      .from(importJobs)
      .leftJoin(users, eq(users.id, importJobs.createdBy))
      .where(where)
      .orderBy(desc(importJobs.createdAt), desc(importJobs.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: count() }).from(importJobs).where(where),
  ]);
  return { items, total };
}

export async function updateJob(db: Executor, id: string, set: Partial<typeof importJobs.$inferInsert>) {
  await db
    .update(importJobs)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(importJobs.id, id));
}

/** The jobs a server was checking or applying. */
export function runningJobsOf(db: Executor, runner: string) {
  return db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.runner, runner), inArray(importJobs.status, ['validating', 'importing'])));
}

/** Moves a job from one of `from` to `to` if nobody else did first; false when it was not in `from`. */
export async function claimJob(db: Executor, id: string, from: JobRow['status'][], set: Partial<typeof importJobs.$inferInsert>): Promise<boolean> {
  const rows = await db
    .update(importJobs)
    .set({ ...set, version: sql`${importJobs.version} + 1`, updatedAt: new Date() })
    .where(and(eq(importJobs.id, id), inArray(importJobs.status, from)))
    .returning({ id: importJobs.id });
  return rows.length > 0;
}

// ── lookups for validation, each one query for a whole file (or a chunk of 5000 keys) ──

export async function regionsInScope(db: Executor, scope: Scope): Promise<RegionEntry[]> {
  const rows = await db
    .select({ code: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode, validTo: regions.validTo })
    .from(regions)
    .where(and(regionWhere(regions.code, scope), inArray(regions.level, ['county', 'township', 'village', 'group'])));
  const today = new Date().toISOString().slice(0, 10);
  return rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode, expired: r.validTo !== null && r.validTo <= today }));
}

/** Built-in catalogue entries and those administrators in or above the scope added. */
export async function catalogEntries(db: Executor, scope: Scope) {
  return db
    .select({ kind: householdCatalog.kind, code: householdCatalog.code, zh: householdCatalog.nameZh, en: householdCatalog.nameEn })
    .from(householdCatalog)
    .where(and(eq(householdCatalog.active, true), or(isNull(householdCatalog.regionCode), regionOrAboveWhere(householdCatalog.regionCode, scope))));
}

export async function unitsVisible(db: Executor, scope: Scope) {
  return db.select({ id: units.id, name: units.name, regionCode: units.regionCode }).from(units).where(and(eq(units.status, 'active'), regionOrAboveWhere(units.regionCode, scope)));
}

export async function branchesVisible(db: Executor, scope: Scope) {
  return db
    .select({ id: branches.id, name: branches.name, regionCode: branches.regionCode })
    .from(branches)
    .where(and(eq(branches.status, 'active'), regionOrAboveWhere(branches.regionCode, scope)));
}

async function chunked<K, R>(keys: K[], f: (chunk: K[]) => Promise<R[]>, size = 5000): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < keys.length; i += size) out.push(...(await f(keys.slice(i, i + size))));
  return out;
}

/** Unscoped on purpose: an ID number is unique among active members everywhere; the caller says only "outside your scope". */
export function activeMembersByIdNumbers(db: Executor, idNumbers: string[]) {
  return chunked(idNumbers, (chunk) =>
    db
      .select({ idNumber: sql<string>`${members.idNumber}`, householdId: members.householdId, regionCode: members.regionCode, relation: members.relation, householdNo: households.householdNo })
      .from(members)
      .innerJoin(households, eq(households.id, members.householdId))
      .where(and(sql`${members.idNumber} = any(${sql.param(chunk)}::text[])`, eq(members.status, 'active'))),
  );
}

/** Unscoped: 户编号 are unique within a county, whoever can see the household. */
export function householdsByNumbers(db: Executor, keys: { countyCode: string; householdNo: string }[]) {
  return chunked(keys, (chunk) =>
    db
      .select({ id: households.id, countyCode: households.countyCode, householdNo: sql<string>`${households.householdNo}`, regionCode: households.regionCode })
      .from(households)
      .innerJoin(
        sql`unnest(${sql.param(chunk.map((k) => k.countyCode))}::text[], ${sql.param(chunk.map((k) => k.householdNo))}::text[]) as v(county_code, household_no)`,
        sql`${households.countyCode} = v.county_code and ${households.householdNo} = v.household_no`,
      ),
  );
}

/** The active heads of these households. */
export function headsOf(db: Executor, householdIds: string[]) {
  return chunked(householdIds, (chunk) =>
    db
      .select({ householdId: members.householdId, idNumber: members.idNumber, name: members.name })
      .from(members)
      .where(and(sql`${members.householdId} = any(${sql.param(chunk)}::uuid[])`, eq(members.relation, 'head'), eq(members.status, 'active'))),
  );
}

/** Unscoped: a cadre's ID number is unique everywhere. */
export function cadresByIdNumbers(db: Executor, idNumbers: string[]) {
  return chunked(idNumbers, (chunk) =>
    db
      .select({ id: cadres.id, idNumber: sql<string>`${cadres.idNumber}`, regionCode: cadres.regionCode })
      .from(cadres)
      .where(sql`${cadres.idNumber} = any(${sql.param(chunk)}::text[])`),
  );
}
