import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { startEmbedded } from './embedded.js';
import { openDatabase } from './client.js';
import { migrate } from './migrate.js';
import { moveSequencesPastIds } from './backup.js';

/**
 * `lianhu upgrade-data`: moves a data folder made by Lianhu on PGlite (the embedded database of
 * the first versions) into the embedded PostgreSQL. The old cluster is moved aside to
 * `<data>/pglite-old` first (never deleted), brought to the current migrations, and every table
 * copied row by row as JSON into a new cluster migrated the same way. Foreign keys are not checked
 * during the copy (session_replication_role = replica), since tables are copied one after another;
 * the rows were consistent in the old database. Then the sequences are moved past the copied ids,
 * and every count is compared.
 */
const BATCH = 5000;
const oldFolder = 'pglite-old';
const keep = new Set(['files', oldFolder, 'lianhu.pid', 'pg', 'pg-password']);

export async function upgradeFromPglite(dataDir: string, log: (line: string) => void = console.log): Promise<Record<string, number>> {
  const old = path.join(dataDir, oldFolder);
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    if (fs.existsSync(old)) throw new Error(`${old} exists already: move it away before upgrading again`);
    fs.mkdirSync(old);
    for (const entry of fs.readdirSync(dataDir)) {
      if (!keep.has(entry)) fs.renameSync(path.join(dataDir, entry), path.join(old, entry));
    }
  } else if (!fs.existsSync(path.join(old, 'PG_VERSION'))) {
    throw new Error(`${dataDir} holds no PGlite database to upgrade`);
  }
  if (fs.existsSync(path.join(dataDir, 'pg'))) throw new Error(`${path.join(dataDir, 'pg')} exists already: the data folder was upgraded before`);

  const source = await PGlite.create({ dataDir: old });
  const server = await startEmbedded(dataDir, { upgrading: true });
  const target = new pg.Client({ connectionString: server.url });
  try {
    await migratePglite(drizzle(source), { migrationsFolder: path.resolve(import.meta.dirname, 'migrations') });
    const database = await openDatabase({ databaseUrl: server.url, kind: 'embedded' });
    await migrate(database);
    await database.close();

    await target.connect();
    const tables = (
      await source.query<{ name: string }>(`select quote_ident(table_name) as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`)
    ).rows.map((r) => r.name);
    const copied: Record<string, number> = {};
    await target.query('begin');
    await target.query('set local session_replication_role = replica');
    for (const table of tables) {
      // Rows the migrations themselves insert (the built-in catalogue) come again from the old database.
      await target.query(`delete from ${table}`);
      let n = 0;
      for (;;) {
        const { rows } = await source.query<{ batch: string | null }>(`select json_agg(t)::text as batch from (select * from ${table} offset ${n} limit ${BATCH}) t`);
        const batch = rows[0]?.batch;
        if (!batch) break;
        const res = await target.query(`insert into ${table} select * from json_populate_recordset(null::${table}, $1::json)`, [batch]);
        n += res.rowCount ?? 0;
      }
      copied[table] = n;
      log(`${table}: ${n}`);
    }
    await moveSequencesPastIds(target);
    await target.query('commit');
    for (const table of tables) {
      const { rows } = await target.query<{ n: string }>(`select count(*) as n from ${table}`);
      if (Number(rows[0]!.n) !== copied[table]) throw new Error(`${table}: ${copied[table]} rows copied, ${rows[0]!.n} found`);
    }
    await target.query('analyze');
    return copied;
  } catch (err) {
    // Leave the folder as the next attempt needs it: the old database aside, no half-filled cluster.
    await target.end().catch(() => undefined);
    await server.stop();
    fs.rmSync(path.join(dataDir, 'pg'), { recursive: true, force: true });
    throw err;
  } finally {
    await target.end().catch(() => undefined);
    await source.close();
    await server.stop();
  }
}
