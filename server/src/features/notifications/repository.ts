import { and, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { notifications } from './tables.js';

export type NotificationRow = typeof notifications.$inferSelect;

/** Inserts what is new (one per user, kind, subject and due day); answers the rows written. */
export async function raise(db: Executor, rows: (typeof notifications.$inferInsert)[]): Promise<NotificationRow[]> {
  const out: NotificationRow[] = [];
  for (let i = 0; i < rows.length; i += 1000)
    out.push(
      ...(await db
        .insert(notifications)
        .values(rows.slice(i, i + 1000))
        .onConflictDoNothing()
        .returning()),
    );
  return out;
}

export async function listOf(db: Executor, userId: string, f: { unread?: boolean; page: number; pageSize: number }) {
  const conds: SQL[] = [eq(notifications.userId, userId)];
  if (f.unread) conds.push(isNull(notifications.readAt));
  const where = and(...conds);
  const [items, [{ total } = { total: 0 }], [{ unread } = { unread: 0 }]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: count() }).from(notifications).where(where),
    db
      .select({ unread: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt))),
  ]);
  return { items, total, unread };
}

export async function getOne(db: Executor, id: string): Promise<NotificationRow | null> {
  const rows = await db.select().from(notifications).where(eq(notifications.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function markRead(db: Executor, id: string) {
  await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(eq(notifications.id, id));
}
