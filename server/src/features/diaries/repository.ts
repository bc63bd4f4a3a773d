import { and, count, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { preparedQuery, regionWherePrepared, scopeValues } from '../../db/prepared.js';
import { auditedStatement } from '../audit/audited-write.js';
import { regionWhere, significantPrefix, type Scope } from '../../platform/scope.js';
import { cadres } from '../cadres/tables.js';
import { members } from '../households/tables.js';
import { regions } from '../regions/tables.js';
import type { EntryStatus } from './rules.js';
import { diaryEntries } from './tables.js';

export type EntryRow = typeof diaryEntries.$inferSelect & { cadreName: string };

const columns = { entry: diaryEntries, cadreName: cadres.name };
const flat = (r: { entry: typeof diaryEntries.$inferSelect; cadreName: string }): EntryRow => ({ ...r.entry, cadreName: r.cadreName });

export interface EntryFilter {
  cadreId?: string;
  month?: string;
  status?: EntryStatus;
  statuses?: EntryStatus[];
  regionCode?: string;
  page: number;
  pageSize: number;
}

export async function listEntries(db: Executor, scope: Scope, f: EntryFilter) {
  const conds: SQL[] = [regionWhere(diaryEntries.regionCode, scope)];
  if (f.cadreId) conds.push(eq(diaryEntries.cadreId, f.cadreId));
  if (f.month) conds.push(eq(diaryEntries.month, f.month));
  if (f.status) conds.push(eq(diaryEntries.status, f.status));
  if (f.statuses) conds.push(inArray(diaryEntries.status, f.statuses));
  if (f.regionCode) conds.push(like(diaryEntries.regionCode, significantPrefix(f.regionCode) + '%'));
  const where = and(...conds);
  const [items, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select(columns)
      .from(diaryEntries)
      .innerJoin(cadres, eq(cadres.id, diaryEntries.cadreId))
      .where(where)
      .orderBy(desc(diaryEntries.month), desc(diaryEntries.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: count() }).from(diaryEntries).where(where),
  ]);
  return { items: items.map(flat), total };
}

const entryById = preparedQuery<{ id: string; scopeAll: boolean; scopeLike: string }, { entry: typeof diaryEntries.$inferSelect; cadreName: string }[]>(
  (db, p) =>
    db
      .select(columns)
      .from(diaryEntries)
      .innerJoin(cadres, eq(cadres.id, diaryEntries.cadreId))
      .where(and(eq(diaryEntries.id, p.id), regionWherePrepared(diaryEntries.regionCode, p)))
      .limit(1),
);

export async function getEntry(db: Executor, scope: Scope, id: string): Promise<EntryRow | null> {
  const rows = await entryById(db, { id, ...scopeValues(scope) });
  return rows[0] ? flat(rows[0]) : null;
}

export async function entryExists(db: Executor, id: string): Promise<boolean> {
  return (await db.select({ id: diaryEntries.id }).from(diaryEntries).where(eq(diaryEntries.id, id)).limit(1)).length > 0;
}

/** The entry as written, or null when the id was already there. */
export type NewEntry = Required<
  Pick<typeof diaryEntries.$inferInsert, 'id' | 'regionCode' | 'countyCode' | 'cadreId' | 'month' | 'body' | 'visitIds' | 'householdIds'>
>;

/** A new entry and its audit entry; answers the row, none when the id was already there (a retry). */
export const insertEntryAudited = auditedStatement<typeof diaryEntries, NewEntry>(diaryEntries, (db, p) =>
  db
    .insert(diaryEntries)
    .values({
      id: p.id,
      regionCode: p.regionCode,
      countyCode: p.countyCode,
      cadreId: p.cadreId,
      month: p.month,
      body: p.body,
      visitIds: p.visitIds,
      householdIds: p.householdIds,
    })
    .onConflictDoNothing()
    .returning(),
);

/** An entry submitted for review if its version matches, and its audit entry; answers the entry, none when stale. */
export const submitEntryAudited = auditedStatement<typeof diaryEntries, { id: string; version: number; at: string }>(diaryEntries, (db, p) =>
  db
    .update(diaryEntries)
    .set({ status: 'submitted', submittedAt: sql`${p.at}::timestamptz`, updatedAt: sql`${p.at}::timestamptz`, version: sql`${diaryEntries.version} + 1` })
    .where(and(eq(diaryEntries.id, p.id), eq(diaryEntries.version, p.version)))
    .returning(),
);

/** Updates only if the version matches; answers the entry as it now is, or null when stale. */
export async function updateEntry(db: Executor, id: string, version: number, set: Partial<typeof diaryEntries.$inferInsert>) {
  const rows = await db
    .update(diaryEntries)
    .set({ ...set, version: sql`${diaryEntries.version} + 1`, updatedAt: new Date() })
    .where(and(eq(diaryEntries.id, id), eq(diaryEntries.version, version)))
    .returning();
  return rows[0] ?? null;
}

const acceptedInMonth = preparedQuery<{ cadreId: string; month: string }, { id: string }[]>((db, p) =>
  db
    .select({ id: diaryEntries.id })
    .from(diaryEntries)
    .where(and(eq(diaryEntries.cadreId, p.cadreId), eq(diaryEntries.month, p.month), eq(diaryEntries.status, 'accepted')))
    .limit(1),
);

export async function monthHasAccepted(db: Executor, cadreId: string, month: string): Promise<boolean> {
  return (await acceptedInMonth(db, { cadreId, month })).length > 0;
}

/** Names of the (current and former) members of households: what publication masks. */
export async function memberNamesOf(db: Executor, householdIds: string[]): Promise<string[]> {
  if (householdIds.length === 0) return [];
  const rows = await db.select({ name: members.name }).from(members).where(inArray(members.householdId, householdIds));
  return rows.map((r) => r.name);
}

/** Public: published entries only, no scope (the diary page has no login). */
export async function listPublished(db: Executor, f: { regionCode?: string; id?: string }, page: number, pageSize: number) {
  const conds: SQL[] = [eq(diaryEntries.published, true)];
  if (f.id) conds.push(eq(diaryEntries.id, f.id));
  if (f.regionCode) conds.push(like(diaryEntries.regionCode, significantPrefix(f.regionCode) + '%'));
  const where = and(...conds);
  const [items, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select({
        id: diaryEntries.id,
        month: diaryEntries.month,
        cadreName: cadres.name,
        regionName: regions.name,
        body: diaryEntries.publicBody,
        publishedAt: diaryEntries.publishedAt,
      })
      .from(diaryEntries)
      .innerJoin(cadres, eq(cadres.id, diaryEntries.cadreId))
      .leftJoin(regions, eq(regions.code, diaryEntries.regionCode))
      .where(where)
      .orderBy(desc(diaryEntries.publishedAt), desc(diaryEntries.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(diaryEntries).where(where),
  ]);
  return { items: items.map((i) => ({ ...i, body: i.body ?? '', publishedAt: i.publishedAt! })), total };
}
