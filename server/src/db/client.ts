import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.js';
import { StatementCachingClient } from './statement-cache.js';
import { startEmbedded } from './embedded.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Db | Tx;

/** embedded: the PostgreSQL Lianhu starts itself (db/embedded.ts); postgres: a server in DATABASE_URL. */
export type DatabaseKind = 'embedded' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** Folder of the embedded database, used when databaseUrl is not set. */
  dataDir?: string;
  /** Says `embedded` for a URL that points at an embedded cluster started elsewhere (tests). */
  kind?: DatabaseKind;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPool(opts.databaseUrl, opts.kind ?? 'postgres', async () => undefined);
  if (!opts.dataDir) throw new Error('openDatabase: either databaseUrl or dataDir');
  const server = await startEmbedded(opts.dataDir);
  try {
    return await openPool(server.url, 'embedded', () => server.stop());
  } catch (err) {
    await server.stop();
    throw err;
  }
}

async function openPool(url: string, kind: DatabaseKind, after: () => Promise<void>): Promise<Database> {
  const cacheStatements = process.env.LIANHU_PREPARED_STATEMENTS !== 'off';
  const pool = new pg.Pool({ connectionString: url, max: 10, ...(cacheStatements ? { Client: StatementCachingClient } : {}) });
  // An idle connection dropped by the server (restart, failover, admin) must not crash the
  // process: the pool replaces it on the next query.
  pool.on('error', (err) => console.error(`PostgreSQL connection lost: ${err.message}`));
  // Fail fast with a clear message rather than on the first request.
  await pool.query('select 1');
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind,
    close: async () => {
      await pool.end();
      await after();
    },
  };
}
