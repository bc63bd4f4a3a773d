import { and, asc, count, desc, eq, gte, inArray, like, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { regionWhere, significantPrefix, type Scope } from '../../platform/scope.js';
import { cadres } from '../cadres/tables.js';
import { diaryEntries } from '../diaries/tables.js';
import { diaryReviews, diarySamples } from './tables.js';

export type SampleRow = typeof diarySamples.$inferSelect;

export const insertReview = (db: Executor, row: typeof diaryReviews.$inferInsert) => db.insert(diaryReviews).values(row);

export function reviewsOf(db: Executor, entryId: string) {
  return db.select().from(diaryReviews).where(eq(diaryReviews.entryId, entryId)).orderBy(asc(diaryReviews.at), asc(diaryReviews.id));
}

/** The entries of a region's quarter that were submitted (whatever became of them): the sample's population. */
export async function populationOf(db: Executor, regionCode: string, fromMonth: string, toMonth: string): Promise<string[]> {
  const rows = await db
    .select({ id: diaryEntries.id })
    .from(diaryEntries)
    .where(
      and(
        like(diaryEntries.regionCode, significantPrefix(regionCode) + '%'),
        gte(diaryEntries.month, fromMonth),
        lt(diaryEntries.month, toMonth),
        inArray(diaryEntries.status, ['submitted', 'returned', 'accepted']),
      ),
    );
  return rows.map((r) => r.id);
}

export async function insertSample(db: Executor, row: typeof diarySamples.$inferInsert) {
  return (await db.insert(diarySamples).values(row).onConflictDoNothing().returning({ id: diarySamples.id })).length > 0;
}

export async function getSample(db: Executor, scope: Scope, id: string): Promise<SampleRow | null> {
  const rows = await db
    .select()
    .from(diarySamples)
    .where(and(eq(diarySamples.id, id), regionWhere(diarySamples.regionCode, scope)))
    .limit(1);
  return rows[0] ?? null;
}

export async function sampleFor(db: Executor, regionCode: string, quarter: string): Promise<SampleRow | null> {
  const rows = await db
    .select()
    .from(diarySamples)
    .where(and(eq(diarySamples.regionCode, regionCode), eq(diarySamples.quarter, quarter)))
    .limit(1);
  return rows[0] ?? null;
}

export async function listSamples(db: Executor, scope: Scope, f: { quarter?: string; page: number; pageSize: number }) {
  const conds: SQL[] = [regionWhere(diarySamples.regionCode, scope)];
  if (f.quarter) conds.push(eq(diarySamples.quarter, f.quarter));
  const where = and(...conds);
  const [items, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select()
      .from(diarySamples)
      .where(where)
      .orderBy(desc(diarySamples.quarter), asc(diarySamples.regionCode))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: count() }).from(diarySamples).where(where),
  ]);
  return { items, total };
}

export async function samplesInScope(db: Executor, scope: Scope, quarter: string): Promise<SampleRow[]> {
  return db
    .select()
    .from(diarySamples)
    .where(and(regionWhere(diarySamples.regionCode, scope), eq(diarySamples.quarter, quarter)));
}

/** The drawn entries by cadre and month, in the sample's order. */
export async function sampleEntries(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: diaryEntries.id, cadreId: diaryEntries.cadreId, cadreName: cadres.name, month: diaryEntries.month, status: diaryEntries.status })
    .from(diaryEntries)
    .innerJoin(cadres, eq(cadres.id, diaryEntries.cadreId))
    .where(inArray(diaryEntries.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is (typeof rows)[number] => !!r);
}
