import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from './client.js';

const dialect = new PgDialect();

/** `p.name` is the placeholder `name`, filled from the values each call passes. */
export type Placeholders<K extends string> = { readonly [P in K]: Placeholder<P> };
export const placeholders = new Proxy({}, { get: (_, key) => sql.placeholder(String(key)) });

interface Runnable<R> {
  execute(values: Record<string, unknown>): Promise<R>;
}

let made = 0;

/**
 * A query written once with placeholders, built and prepared once per database handle, then only
 * executed: drizzle's building and rendering of a query costs more CPU than PostgreSQL's answer to
 * a lookup by key, on the requests every cadre sends at month-end. The statement gets a name of its
 * own, so PostgreSQL also parses it once per connection.
 */
export function preparedQuery<V extends Record<string, unknown>, R>(
  build: (db: Executor, p: Placeholders<keyof V & string>) => { prepare(name: string): Runnable<R> },
): (db: Executor, values: V) => Promise<R> {
  const name = `lh_q${++made}`;
  const prepared = new WeakMap<Executor, Runnable<R>>();
  return (db, values) => {
    let query = prepared.get(db);
    if (!query) prepared.set(db, (query = build(db, placeholders as Placeholders<keyof V & string>).prepare(name)));
    return query.execute(values);
  };
}

/**
 * A raw SQL statement written once with placeholders, prepared once per database handle; answers
 * its rows as the driver gives them (column names as written in the SQL).
 */
export function preparedSql<V extends Record<string, unknown>, Row>(
  build: (p: Placeholders<keyof V & string>) => SQL,
): (db: Executor, values: V) => Promise<Row[]> {
  const name = `lh_q${++made}`;
  const text = dialect.sqlToQuery(build(placeholders as Placeholders<keyof V & string>));
  const prepared = new WeakMap<Executor, Runnable<unknown>>();
  return async (db, values) => {
    let query = prepared.get(db);
    if (!query) prepared.set(db, (query = db._.session.prepareQuery(text, undefined, name, false) as Runnable<unknown>));
    return ((await query.execute(values)) as { rows: Row[] }).rows;
  };
}

/**
 * A scope's region condition with placeholders (`scopeAll`, `scopeLike`), so one statement serves
 * every scope: `regionWhere` writes the prefix into the text.
 */
export const regionWherePrepared = (column: AnyPgColumn, p: Placeholders<'scopeAll' | 'scopeLike'>): SQL =>
  sql`(${p.scopeAll}::boolean or ${column} like ${p.scopeLike})`;

export const scopeValues = (scope: { prefix: string }) => ({ scopeAll: scope.prefix === '', scopeLike: `${scope.prefix}%` });

