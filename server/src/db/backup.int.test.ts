import { PassThrough, Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { generateDemo } from '../demo/generate.js';
import { adminQuery, testServerUrl, urlWithDatabase } from '../../test/databases.js';
import { createTestApp, type TestContext } from '../../test/app.js';
import { backup, restore, RestoreRefused } from './backup.js';

let t: TestContext;
const source = () => (t.database.db as unknown as { $client: pg.Pool }).$client;
const target = `lianhu_restore_${randomBytes(4).toString('hex')}`;
const targetUrl = () => urlWithDatabase(testServerUrl(), target);

beforeAll(async () => {
  t = await createTestApp();
  await generateDemo(t.database.db, { households: 15 });
  await adminQuery(`create database ${target}`);
});
afterAll(async () => {
  await t.close();
  await adminQuery(`drop database if exists ${target} with (force)`);
});

/** Every table's row count and a digest of its rows in key order: equal digests, equal contents. */
async function fingerprint(client: pg.Pool | pg.Client) {
  const tables = (await client.query<{ name: string }>(`select tablename as name from pg_tables where schemaname = 'public' order by 1`)).rows;
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const r = await client.query(`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as d from ${name} t`);
    out[name] = `${r.rows[0].n}:${r.rows[0].d}`;
  }
  return out;
}

async function toBuffer(run: (out: PassThrough) => Promise<unknown>) {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (c: Buffer) => parts.push(c));
  await run(out);
  return Buffer.concat(parts);
}

describe('backup and restore', () => {
  it('restores every row of every table into an empty database, the same as the source', async () => {
    const before = await fingerprint(source());
    expect(before.households!.startsWith('15:')).toBe(true);
    const file = await toBuffer((out) => backup(source().options.connectionString!, out));
    const manifest = await restore(targetUrl(), Readable.from([file]));
    expect(manifest.tables.find((x) => x.name === 'members')!.rows).toBeGreaterThan(15);
    const client = new pg.Client({ connectionString: targetUrl() });
    await client.connect();
    try {
      expect(await fingerprint(client)).toEqual(before);
      // the audit log's ids go on after the restored ones
      const ids = await client.query(`select coalesce(max(id), 0)::int as m, nextval(pg_get_serial_sequence('audit_log', 'id'))::int as next from audit_log`);
      expect(ids.rows[0].next).toBe(ids.rows[0].m + 1);
    } finally {
      await client.end();
    }
  }, 120_000);

  it('refuses a database that is not empty, and a file that is not a backup', async () => {
    const file = await toBuffer((out) => backup(targetUrl(), out));
    const before = await fingerprint(source());
    await expect(restore(source().options.connectionString!, Readable.from([file]))).rejects.toThrow(/not empty \(\w+ has rows\)/);
    expect(await fingerprint(source())).toEqual(before);
    const other = `lianhu_restore_${randomBytes(4).toString('hex')}`;
    await adminQuery(`create database ${other}`);
    try {
      const refusal = restore(urlWithDatabase(testServerUrl(), other), Readable.from([gzipSync('hello\n')]));
      await expect(refusal).rejects.toThrow(RestoreRefused);
      await expect(refusal).rejects.toThrow(/not a Lianhu backup/);
    } finally {
      await adminQuery(`drop database if exists ${other} with (force)`);
    }
  });
});
