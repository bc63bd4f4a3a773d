import { getTableColumns, sql, type SQL, type Table } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { placeholders, type Placeholders } from '../../db/prepared.js';
import type { Actor } from '../../platform/actor.js';
import { redact, type AuditEntry } from './service.js';
import { auditLog } from './tables.js';

const dialect = new PgDialect();

type AuditKey = `audit.${'actorId' | 'actorName' | 'action' | 'entityType' | 'entityId' | 'regionCode' | 'before' | 'after'}`;

interface Prepared {
  execute(values: Record<string, unknown>): Promise<unknown>;
}

const json = (v: unknown) => {
  const r = redact(v);
  return r === null ? null : JSON.stringify(r);
};

/**
 * A write (an insert or update with `.returning()`, written with placeholders) and its audit entry
 * as ONE statement, built and prepared once per database handle and then only executed.
 *
 * One statement: a data-modifying WITH inserts the audit row only if the write returned a row, and
 * PostgreSQL runs the statement atomically, so both happen or neither — without a transaction's
 * BEGIN and COMMIT round trips — and a stale version or a client id already used writes nothing and
 * logs nothing. Prepared once: drizzle took ~0.6 ms of CPU to build a 25-column insert and render
 * the statement, on every visit of month-end. Answers the returned rows as drizzle maps them.
 */
export function auditedStatement<T extends Table, V extends Record<string, unknown>>(
  table: T,
  write: (db: Executor, p: Placeholders<keyof V & string>) => { getSQL(): SQL },
): (db: Executor, values: V, actor: Pick<Actor, 'id' | 'displayName'> | null, e: AuditEntry) => Promise<T['$inferSelect'][]> {
  const prepared = new WeakMap<Executor, Prepared>();
  const columns = Object.entries(getTableColumns(table));
  return async (db, values, actor, e) => {
    let query = prepared.get(db);
    if (!query) {
      const p = placeholders as Placeholders<AuditKey>;
      const statement = sql`with written as (${write(db, placeholders as Placeholders<keyof V & string>).getSQL()}),
        logged as (
          insert into ${auditLog} (actor_id, actor_name, action, entity_type, entity_id, region_code, before, after)
          select ${p['audit.actorId']}::uuid, ${p['audit.actorName']}, ${p['audit.action']}, ${p['audit.entityType']},
                 ${p['audit.entityId']}, ${p['audit.regionCode']}, ${p['audit.before']}::jsonb, ${p['audit.after']}::jsonb
           where exists (select 1 from written))
        select * from written`;
      query = db._.session.prepareQuery(dialect.sqlToQuery(statement), undefined, undefined, false) as Prepared;
      prepared.set(db, query);
    }
    const result = (await query.execute({
      ...values,
      'audit.actorId': actor?.id ?? null,
      'audit.actorName': actor?.displayName ?? null,
      'audit.action': e.action,
      'audit.entityType': e.entityType,
      'audit.entityId': e.entityId,
      'audit.regionCode': e.regionCode,
      'audit.before': json(e.before),
      'audit.after': json(e.after),
    })) as { rows: Record<string, unknown>[] };
    return result.rows.map(
      (r) =>
        Object.fromEntries(columns.map(([key, column]) => [key, r[column.name] == null ? null : column.mapFromDriverValue(r[column.name])])) as T['$inferSelect'],
    );
  };
}
