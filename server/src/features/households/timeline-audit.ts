import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Lang } from '../../platform/messages.js';
import { auditLog } from '../audit/tables.js';
import type { TimelineEvent } from './schemas.js';
import type { AuditView, Described } from './timeline-rules.js';

/**
 * One source of a household's timeline: its events in any order; the timeline merges and sorts
 * them. Later features (visits, problems, assistance) add a source to timeline.ts.
 */
export type TimelineSource = (db: Executor, householdId: string, lang: Lang) => Promise<TimelineEvent[]>;

/** What an audit-backed source reads: for each entity type, the ids that belong to the household. */
export type EntityRefs = { entityType: string; ids: string[] }[];

/** Audit entries of these entities, with the day each was recorded in Asia/Shanghai. Unscoped: the caller checked the household. */
export async function auditEntriesOf(db: Executor, refs: EntityRefs) {
  const wanted = refs.filter((r) => r.ids.length > 0);
  if (wanted.length === 0) return [];
  return db
    .select({
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      at: auditLog.at,
      day: sql<string>`to_char(${auditLog.at} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`,
      actorName: auditLog.actorName,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(or(...wanted.map((r) => and(eq(auditLog.entityType, r.entityType), inArray(auditLog.entityId, r.ids))))!);
}

/**
 * A timeline source built on the audit log: every write is audited, so whatever a feature records
 * becomes a dated event once `describe` says what it means.
 */
export function auditSource(
  refsOf: (db: Executor, householdId: string) => Promise<EntityRefs>,
  describe: (e: AuditView) => Described,
): TimelineSource {
  return async (db, householdId, lang) => {
    const entries = await auditEntriesOf(db, await refsOf(db, householdId));
    return entries.flatMap((e) => {
      const d = describe(e);
      if (!d) return [];
      return [
        {
          on: d.on ?? e.day,
          at: e.at,
          kind: d.kind,
          summary: lang === 'en' ? d.summary.en : d.summary.zh,
          actorName: e.actorName,
          entityType: e.entityType,
          entityId: e.entityId,
        },
      ];
    });
  };
}
