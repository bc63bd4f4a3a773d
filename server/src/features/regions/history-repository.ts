import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { regionWhere, type Scope } from '../../platform/scope.js';
import type { Succession } from './history-rules.js';
import { regionEvents, regions, regionSuccessions } from './tables.js';

export type RegionEventRow = typeof regionEvents.$inferSelect;

/**
 * Every succession recorded. Unscoped and whole: the table holds what administrators typed in
 * (a few per township at most), and a closure needs the lines that leave the scope too.
 */
export const allSuccessions = (db: Executor): Promise<Succession[]> =>
  db.select({ predecessorCode: regionSuccessions.predecessorCode, successorCode: regionSuccessions.successorCode }).from(regionSuccessions);

export async function insertEvent(db: Executor, row: typeof regionEvents.$inferInsert, links: Succession[]) {
  await db.insert(regionEvents).values(row);
  if (links.length) await db.insert(regionSuccessions).values(links.map((l) => ({ ...l, eventId: row.id })));
}

export async function eventById(db: Executor, id: string) {
  const [row] = await db.select().from(regionEvents).where(eq(regionEvents.id, id)).limit(1);
  if (!row) return null;
  const links = await db.select().from(regionSuccessions).where(eq(regionSuccessions.eventId, id));
  return { ...row, links };
}

/** The regions of these codes with what a succession needs to know, unscoped (the caller checks the scope). */
export const regionsByCodes = (db: Executor, codes: string[]) =>
  db
    .select({ code: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode, validFrom: regions.validFrom, validTo: regions.validTo, version: regions.version, countyCode: regions.countyCode })
    .from(regions)
    .where(inArray(regions.code, codes));

/** Ends a region on a day (merged or split away); the version moves as for any change. */
export async function endRegion(db: Executor, code: string, on: string) {
  await db
    .update(regions)
    .set({ validTo: on, version: sql`${regions.version} + 1`, updatedAt: new Date() })
    .where(eq(regions.code, code));
}

/** The renames and successions a region took part in, in the scope, oldest first. */
export async function eventsOf(db: Executor, scope: Scope, code: string) {
  const linked = db.select({ id: regionSuccessions.eventId }).from(regionSuccessions).where(or(eq(regionSuccessions.predecessorCode, code), eq(regionSuccessions.successorCode, code)));
  const rows = await db
    .select()
    .from(regionEvents)
    .where(and(or(eq(regionEvents.regionCode, code), inArray(regionEvents.id, linked)), regionWhere(regionEvents.regionCode, scope)))
    .orderBy(asc(regionEvents.effectiveOn), asc(regionEvents.createdAt));
  const links = rows.length
    ? await db.select().from(regionSuccessions).where(inArray(regionSuccessions.eventId, rows.map((r) => r.id)))
    : [];
  return rows.map((r) => ({ ...r, links: links.filter((l) => l.eventId === r.id) }));
}

/** Names of regions, for showing the other side of a succession. */
export async function namesOf(db: Executor, codes: string[]) {
  if (codes.length === 0) return new Map<string, { name: string; level: string; validTo: string | null }>();
  const rows = await db.select({ code: regions.code, name: regions.name, level: regions.level, validTo: regions.validTo }).from(regions).where(inArray(regions.code, codes));
  return new Map(rows.map((r) => [r.code, r]));
}
