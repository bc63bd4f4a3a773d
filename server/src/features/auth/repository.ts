import { and, eq, lt, ne, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { cadres } from '../cadres/tables.js';
import { users } from '../users/tables.js';
import { sessions } from './tables.js';

export async function insertSession(db: Executor, row: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(row);
}

const sessionQuery = (db: Db) =>
  db
    .select({ session: sessions, user: users, cadre: { id: cadres.id, name: cadres.name, regionCode: cadres.regionCode } })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(cadres, eq(cadres.userId, users.id))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .limit(1)
    .prepare('session_with_user');
const prepared = new WeakMap<Db, ReturnType<typeof sessionQuery>>();

/**
 * The session, its user and the user's cadre record, in one prepared statement: it runs before
 * every API request, so it is planned once per connection and built once per process.
 */
export async function findSessionWithUser(db: Db, tokenHash: string) {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = sessionQuery(db)));
  const rows = await query.execute({ tokenHash });
  return rows[0] ?? null;
}

export async function touchSession(db: Executor, tokenHash: string, at: Date) {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Executor, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOfUser(db: Executor, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteOtherSessionsOfUser(db: Executor, userId: string, keepTokenHash: string) {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash)));
}

export async function deleteExpiredSessions(db: Executor, now: Date, idleBefore: Date) {
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleBefore)));
}

export async function findUserByUsername(db: Executor, username: string) {
  const rows = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return rows[0] ?? null;
}
