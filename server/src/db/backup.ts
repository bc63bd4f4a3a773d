import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable, type Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

/**
 * `lianhu backup` / `lianhu restore`: every table of the registry in one gzipped file, made from
 * one consistent snapshot (REPEATABLE READ) while the app keeps serving, and loaded into an empty
 * database — embedded or a server, so this is also how an office moves from the embedded
 * database to a PostgreSQL server, or to a newer embedded PostgreSQL major version.
 *
 * The file: a header line, a JSON line (when, which engine, how many migrations the schema had,
 * each table's columns and row count), then per table a line `TABLE <name>`, its rows in COPY text
 * format and a line `\.`. A restore brings the empty database to the backup's migration, loads
 * the tables parents first (the foreign keys hold at every step, no superuser needed), moves the
 * sequences past the loaded ids, applies the newer migrations, and compares every count.
 */
const MAGIC = 'LIANHU-BACKUP 1';
const migrationsFolder = path.resolve(import.meta.dirname, 'migrations');

interface Manifest {
  createdAt: string;
  engine: string;
  migrations: number;
  tables: { name: string; columns: string[]; rows: number }[];
}

/** Tables of the public schema, parents before children (the registry has no cycles of keys). */
async function tablesInLoadOrder(client: pg.ClientBase): Promise<string[]> {
  const tables = (await client.query<{ name: string }>(`select tablename as name from pg_tables where schemaname = 'public' order by tablename`)).rows.map((r) => r.name);
  const edges = (
    await client.query<{ child: string; parent: string }>(
      `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
         from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace and c.conrelid <> c.confrelid`,
    )
  ).rows;
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string, path: string[]) => {
    if (seen.has(t)) return;
    if (path.includes(t)) throw new Error(`foreign keys in a cycle: ${[...path, t].join(' → ')}`);
    for (const e of edges) if (e.child === t) visit(e.parent, [...path, t]);
    seen.add(t);
    order.push(t);
  };
  for (const t of tables) visit(t, []);
  return order;
}

async function migrationCount(client: pg.ClientBase): Promise<number> {
  const exists = await client.query(`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`);
  if (!exists.rows[0].ok) return 0;
  return Number((await client.query(`select count(*) as n from drizzle.__drizzle_migrations`)).rows[0].n);
}

const journal = () => JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };

export async function backup(url: string, out: Writable): Promise<Manifest> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const tables = await tablesInLoadOrder(client);
    const manifest: Manifest = {
      createdAt: new Date().toISOString(),
      engine: (await client.query('select version() as v')).rows[0].v,
      migrations: await migrationCount(client),
      tables: [],
    };
    for (const name of tables) {
      const columns = (
        await client.query<{ c: string }>(`select attname as c from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped order by attnum`, [name])
      ).rows.map((r) => r.c);
      const rows = Number((await client.query(`select count(*) as n from ${pg.escapeIdentifier(name)}`)).rows[0].n);
      manifest.tables.push({ name, columns, rows });
    }
    const gzip = createGzip();
    const done = pipeline(gzip, out);
    const write = (s: string | Buffer) => (gzip.write(s) ? Promise.resolve() : new Promise<void>((r) => gzip.once('drain', () => r())));
    await write(`${MAGIC}\n${JSON.stringify(manifest)}\n`);
    for (const t of manifest.tables) {
      await write(`TABLE ${t.name}\n`);
      const cols = t.columns.map((c) => pg.escapeIdentifier(c)).join(', ');
      for await (const chunk of client.query(copyTo(`copy ${pg.escapeIdentifier(t.name)} (${cols}) to stdout`))) await write(chunk as Buffer);
      await write('\\.\n');
    }
    gzip.end();
    await done;
    await client.query('commit');
    return manifest;
  } finally {
    await client.end();
  }
}

/** Migrates up to the first `n` migrations of this version (the backup's schema). */
async function migrateTo(url: string, n: number) {
  const all = journal();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianhu-migrations-'));
  try {
    fs.mkdirSync(path.join(dir, 'meta'));
    const entries = all.entries.slice(0, n);
    fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...all, entries }));
    for (const e of entries) fs.copyFileSync(path.join(migrationsFolder, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      await migratePg(drizzle(pool), { migrationsFolder: dir });
    } finally {
      await pool.end();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export class RestoreRefused extends Error {}

/** After rows were loaded with their ids, each serial column's sequence goes on after the largest. */
export async function moveSequencesPastIds(client: pg.ClientBase): Promise<void> {
  const sequences = await client.query<{ tbl: string; col: string; seq: string }>(
    `select c.table_name as tbl, c.column_name as col, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) as seq
       from information_schema.columns c where c.table_schema = 'public' and pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) is not null`,
  );
  for (const s of sequences.rows) {
    await client.query(`select setval($1, coalesce((select max(${pg.escapeIdentifier(s.col)}) from ${pg.escapeIdentifier(s.tbl)}), 0) + 1, false)`, [s.seq]);
  }
}

export async function restore(url: string, input: Readable): Promise<Manifest> {
  const lines = readline.createInterface({ input: input.pipe(createGunzip()), crlfDelay: Infinity });
  const it = lines[Symbol.asyncIterator]();
  const next = async () => {
    const r = await it.next();
    return r.done ? null : r.value;
  };
  if ((await next()) !== MAGIC) throw new RestoreRefused('not a Lianhu backup (made by `lianhu backup`)');
  const manifest = JSON.parse((await next()) ?? 'null') as Manifest;
  const known = journal().entries.length;
  if (manifest.migrations > known) throw new RestoreRefused(`the backup was made by a newer Lianhu (${manifest.migrations} migrations, this one knows ${known}): restore it with that version or newer`);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Empty: no rows but those the migrations insert themselves (the built-in household catalogue).
    const tables = (await client.query<{ name: string }>(`select tablename as name from pg_tables where schemaname = 'public' and tablename <> 'household_catalog'`)).rows;
    for (const t of tables) {
      const any = await client.query(`select exists (select 1 from ${pg.escapeIdentifier(t.name)}) as yes`);
      if (any.rows[0].yes) throw new RestoreRefused(`the database is not empty (${t.name} has rows): restore into a new, empty database`);
    }
    await migrateTo(url, manifest.migrations);
    await client.query('begin');
    // Rows the migrations insert themselves (the built-in catalogue) come from the backup.
    for (const t of [...manifest.tables].reverse()) await client.query(`delete from ${pg.escapeIdentifier(t.name)}`);
    for (const t of manifest.tables) {
      if ((await next()) !== `TABLE ${t.name}`) throw new RestoreRefused(`the backup is damaged: table ${t.name} expected`);
      const cols = t.columns.map((c) => pg.escapeIdentifier(c)).join(', ');
      // Sent in blocks of ~64 KB, as psql sends a COPY, not a message per row.
      async function* rows() {
        let block = '';
        for (;;) {
          const line = await next();
          if (line === null) throw new RestoreRefused(`the backup is cut short in table ${t.name}`);
          if (line === '\\.') break;
          block += line + '\n';
          if (block.length >= 65536) {
            yield block;
            block = '';
          }
        }
        if (block) yield block;
      }
      await pipeline(Readable.from(rows()), client.query(copyFrom(`copy ${pg.escapeIdentifier(t.name)} (${cols}) from stdin`)));
    }
    await moveSequencesPastIds(client);
    for (const t of manifest.tables) {
      const n = Number((await client.query(`select count(*) as n from ${pg.escapeIdentifier(t.name)}`)).rows[0].n);
      if (n !== t.rows) throw new RestoreRefused(`${t.name}: ${t.rows} rows in the backup, ${n} loaded`);
    }
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
    lines.close();
  }
  // Newer migrations of this version, then fresh statistics for the loaded tables.
  await migrateTo(url, known);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('analyze').finally(() => c.end());
  return manifest;
}
