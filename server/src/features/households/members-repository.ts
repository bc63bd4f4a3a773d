import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { regionWhere, type Scope } from '../../platform/scope.js';
import { members } from './tables.js';

export type MemberRow = typeof members.$inferSelect;

/** A household's members: active ones first, the head first among them, then by age. */
export function membersOf(db: Executor, householdId: string): Promise<MemberRow[]> {
  return db
    .select()
    .from(members)
    .where(eq(members.householdId, householdId))
    .orderBy(
      sql`case ${members.status} when 'active' then 0 else 1 end`,
      sql`case ${members.relation} when 'head' then 0 else 1 end`,
      sql`${members.birthDate} asc nulls last`,
      asc(members.id),
    );
}

export async function getMember(db: Executor, scope: Scope, id: string): Promise<MemberRow | null> {
  const rows = await db
    .select()
    .from(members)
    .where(and(eq(members.id, id), regionWhere(members.regionCode, scope)))
    .limit(1);
  return rows[0] ?? null;
}

/** Unscoped: only to tell an out-of-scope write (403) from a missing row (404), and a taken id. */
export async function memberExists(db: Executor, id: string): Promise<boolean> {
  const rows = await db.select({ id: members.id }).from(members).where(eq(members.id, id)).limit(1);
  return rows.length > 0;
}

export async function activeHead(db: Executor, householdId: string): Promise<MemberRow | null> {
  const rows = await db
    .select()
    .from(members)
    .where(and(eq(members.householdId, householdId), eq(members.relation, 'head'), eq(members.status, 'active')))
    .limit(1);
  return rows[0] ?? null;
}

export async function activeMemberCount(db: Executor, householdId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(members)
    .where(and(eq(members.householdId, householdId), eq(members.status, 'active')));
  return row?.n ?? 0;
}

/** Batch insert (≤1000 rows a statement); rows already there (same id) are skipped. */
export async function insertMembers(db: Executor, rows: (typeof members.$inferInsert)[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    n += (
      await db
        .insert(members)
        .values(rows.slice(i, i + 1000))
        .onConflictDoNothing()
        .returning({ id: members.id })
    ).length;
  }
  return n;
}

/** Updates only if the version matches; returns false when it was stale. */
export async function updateMember(db: Executor, id: string, version: number, set: Partial<typeof members.$inferInsert>) {
  const rows = await db
    .update(members)
    .set({ ...set, version: sql`${members.version} + 1`, updatedAt: new Date() })
    .where(and(eq(members.id, id), eq(members.version, version)))
    .returning({ id: members.id });
  return rows.length > 0;
}

/** Every active member of a household leaves with it (moved, merged, dissolved); returns who left. */
export function markActiveMembersLeft(db: Executor, householdId: string, on: string): Promise<MemberRow[]> {
  return db
    .update(members)
    .set({ status: 'left', statusChangedOn: on, version: sql`${members.version} + 1`, updatedAt: new Date() })
    .where(and(eq(members.householdId, householdId), eq(members.status, 'active')))
    .returning();
}
