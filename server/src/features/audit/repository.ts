import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { regionWhere, type Scope } from '../../platform/scope.js';
import { auditLog } from './tables.js';

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export async function listAudit(db: Executor, scope: Scope, f: AuditFilter) {
  const conds: SQL[] = [regionWhere(auditLog.regionCode, scope)];
  if (f.entityType) conds.push(eq(auditLog.entityType, f.entityType));
  if (f.entityId) conds.push(eq(auditLog.entityId, f.entityId));
  if (f.actorId) conds.push(eq(auditLog.actorId, f.actorId));
  if (f.action) conds.push(eq(auditLog.action, f.action));
  // Days are calendar days in Asia/Shanghai, whatever the server's time zone.
  if (f.from) conds.push(sql`${auditLog.at} >= (${f.from}::date)::timestamp at time zone 'Asia/Shanghai'`);
  if (f.to) conds.push(sql`${auditLog.at} < (${f.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`);
  const where = and(...conds);
  const [items, [{ total } = { total: 0 }]] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return { items, total };
}
