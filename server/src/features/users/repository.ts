import { and, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Role } from '../../platform/roles.js';
import { regionWhere, significantPrefix, type Scope } from '../../platform/scope.js';
import { regions } from '../regions/tables.js';
import { users } from './tables.js';

export type UserRow = typeof users.$inferSelect;

const publicColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  regionCode: users.regionCode,
  regionName: regions.name,
  unitId: users.unitId,
  phone: users.phone,
  status: users.status,
  locale: users.locale,
  mustChangePassword: users.mustChangePassword,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  version: users.version,
};

export interface UserFilter {
  q?: string;
  role?: Role;
  status?: 'active' | 'disabled';
  regionCode?: string;
  page: number;
  pageSize: number;
}

export async function listUsers(db: Executor, scope: Scope, f: UserFilter) {
  const conds: SQL[] = [regionWhere(users.regionCode, scope)];
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (c) => '\\' + c)}%`;
    conds.push(or(ilike(users.username, like), ilike(users.displayName, like), ilike(users.phone, like))!);
  }
  if (f.role) conds.push(eq(users.role, f.role));
  if (f.status) conds.push(eq(users.status, f.status));
  if (f.regionCode) conds.push(sql`${users.regionCode} like ${significantPrefix(f.regionCode) + '%'}`);
  const where = and(...conds);
  const [items, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select(publicColumns)
      .from(users)
      .leftJoin(regions, eq(regions.code, users.regionCode))
      .where(where)
      .orderBy(desc(users.createdAt))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return { items, total };
}

export async function getUser(db: Executor, scope: Scope, id: string) {
  const rows = await db
    .select(publicColumns)
    .from(users)
    .leftJoin(regions, eq(regions.code, users.regionCode))
    .where(and(eq(users.id, id), regionWhere(users.regionCode, scope)))
    .limit(1);
  return rows[0] ?? null;
}

/** Unscoped: only to tell an out-of-scope write (403) from a missing row (404). */
export async function userExists(db: Executor, id: string): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.id, id)).limit(1);
  return rows.length > 0;
}

export async function insertUser(db: Executor, row: typeof users.$inferInsert) {
  const rows = await db.insert(users).values(row).onConflictDoNothing({ target: users.id }).returning({ id: users.id });
  return rows.length > 0;
}

export async function usernameTaken(db: Executor, username: string): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
  return rows.length > 0;
}

/** Updates only if the version matches; returns false when it was stale. */
export async function updateUser(db: Executor, id: string, version: number, set: Partial<typeof users.$inferInsert>) {
  const rows = await db
    .update(users)
    .set({ ...set, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning({ id: users.id });
  return rows.length > 0;
}

export async function updateUserPassword(db: Executor, id: string, passwordHash: string, mustChange: boolean) {
  await db
    .update(users)
    .set({ passwordHash, mustChangePassword: mustChange, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(eq(users.id, id));
}

/** Not a version bump: the account's record is unchanged, only its next step. */
export async function setMustChangePassword(db: Executor, id: string) {
  await db.update(users).set({ mustChangePassword: true }).where(eq(users.id, id));
}

export async function setLastLogin(db: Executor, id: string, at: Date) {
  await db.update(users).set({ lastLoginAt: at }).where(eq(users.id, id));
}

/** A preference, not a record others edit: no version check. */
export async function setUserLocale(db: Executor, id: string, locale: 'zh-CN' | 'en') {
  await db.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, id));
}
