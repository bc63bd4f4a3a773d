import { requireRole, type Actor } from '../../platform/actor.js';
import { adminRoles } from '../../platform/roles.js';
import * as repo from './repository.js';
import type { AuditFilter } from './repository.js';
import type { Executor } from '../../db/client.js';
import { getTableColumns, sql, type SQL, type Table } from 'drizzle-orm';
import { auditLog } from './tables.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  regionCode: string;
  before?: unknown;
  after?: unknown;
}

/** Keys never written to the log, whatever entity they come from. */
const secretKeys = new Set(['passwordHash', 'password', 'csrfToken', 'tokenHash']);

function redact(value: unknown): unknown {
  if (value === undefined || value === null || typeof value !== 'object') return value ?? null;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !secretKeys.has(k)));
}

/** Call inside the transaction of the write it records: both happen, or neither. */
export async function recordAudit(tx: Executor, actor: Pick<Actor, 'id' | 'displayName'> | null, e: AuditEntry) {
  await tx.insert(auditLog).values({
    actorId: actor?.id ?? null,
    actorName: actor?.displayName ?? null,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    regionCode: e.regionCode,
    before: redact(e.before),
    after: redact(e.after),
  });
}

/**
 * A write (an insert or update with `.returning()`) and its audit entry as ONE statement: PostgreSQL
 * runs every data-modifying WITH to completion in the statement's own atomic transaction, so both
 * happen or neither — without a transaction's BEGIN and COMMIT round trips, which on the busiest
 * writes (a visit, a diary entry at month-end) were half the database work. The entry is written
 * only if the write returned a row: a stale version or a client id already used writes nothing and
 * logs nothing. Answers the returned rows as drizzle would map them.
 */
export async function auditedWrite<T extends Table>(
  db: Executor,
  table: T,
  write: { getSQL(): SQL },
  actor: Pick<Actor, 'id' | 'displayName'> | null,
  e: AuditEntry,
): Promise<T['$inferSelect'][]> {
  const json = (v: unknown) => {
    const r = redact(v);
    return r === null ? null : JSON.stringify(r);
  };
  const q = sql`with written as (${write.getSQL()}),
    logged as (
      insert into ${auditLog} (actor_id, actor_name, action, entity_type, entity_id, region_code, before, after)
      select ${actor?.id ?? null}::uuid, ${actor?.displayName ?? null}, ${e.action}, ${e.entityType}, ${e.entityId}, ${e.regionCode},
             ${json(e.before)}::jsonb, ${json(e.after)}::jsonb
       where exists (select 1 from written))
    select * from written`;
  const raw = ((await db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;
  const columns = Object.entries(getTableColumns(table));
  return raw.map(
    (r) =>
      Object.fromEntries(columns.map(([key, column]) => [key, r[column.name] == null ? null : column.mapFromDriverValue(r[column.name])])) as T['$inferSelect'],
  );
}

export function listAudit(db: Executor, actor: Actor, f: AuditFilter) {
  requireRole(actor, adminRoles);
  return repo.listAudit(db, actor.scope, f);
}
