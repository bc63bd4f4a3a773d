import { requireRole, type Actor } from '../../platform/actor.js';
import { adminRoles } from '../../platform/roles.js';
import * as repo from './repository.js';
import type { AuditFilter } from './repository.js';
import type { Executor } from '../../db/client.js';
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

export function redact(value: unknown): unknown {
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

export function listAudit(db: Executor, actor: Actor, f: AuditFilter) {
  requireRole(actor, adminRoles);
  return repo.listAudit(db, actor.scope, f);
}
