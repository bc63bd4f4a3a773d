import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../demo/generate.js';
import type { Db } from './client.js';
import { openDatabase } from './client.js';
import { startEmbedded } from './embedded.js';
import { upgradeFromPglite } from './upgrade-pglite.js';

// A data folder as the first versions of Lianhu left it: PGlite's cluster in LIANHU_DATA_DIR itself.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianhu-pglite-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function countsOf(query: (text: string) => Promise<{ rows: Record<string, unknown>[] }>) {
  const tables = ['regions', 'users', 'households', 'members', 'cadres', 'pairings', 'visits', 'diary_entries', 'audit_log'];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = Number((await query(`select count(*)::int as n from ${t}`)).rows[0]!.n);
  return out;
}

describe('a data folder made on PGlite', () => {
  it('is refused at start with the command that upgrades it, then upgraded with every row', async () => {
    const old = await PGlite.create({ dataDir });
    await migratePglite(drizzle(old), { migrationsFolder: path.resolve(import.meta.dirname, 'migrations') });
    await generateDemo(drizzle(old) as unknown as Db, { households: 12 });
    const before = await countsOf((text) => old.query(text));
    const aHousehold = (await old.query<{ id: string; version: number; address: string }>('select id, version, address from households order by id limit 1')).rows[0]!;
    await old.close();
    expect(before.households).toBe(12);
    expect(before.visits).toBeGreaterThan(0);

    await expect(startEmbedded(dataDir)).rejects.toThrow(/PGlite.*\n.*upgrade-data/);

    const copied = await upgradeFromPglite(dataDir, () => undefined);
    expect(copied.households).toBe(12);
    expect(fs.existsSync(path.join(dataDir, 'pglite-old', 'PG_VERSION'))).toBe(true);

    const database = await openDatabase({ dataDir });
    try {
      const pool = (database.db as unknown as { $client: { query(t: string): Promise<{ rows: Record<string, unknown>[] }> } }).$client;
      expect(await countsOf((text) => pool.query(text))).toEqual(before);
      const again = (await pool.query(`select id, version, address from households where id = '${aHousehold.id}'`)).rows[0];
      expect(again).toEqual(aHousehold);
      // The audit log's bigserial goes on after the copied ids.
      const ids = await pool.query(`select max(id)::int as m, nextval(pg_get_serial_sequence('audit_log', 'id'))::int as next from audit_log`);
      expect(ids.rows[0]!.next).toBeGreaterThan(ids.rows[0]!.m as number);
    } finally {
      await database.close();
    }
  }, 240_000);
});
