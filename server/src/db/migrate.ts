import path from 'node:path';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Database } from './client.js';

const migrationsFolder = path.resolve(import.meta.dirname, 'migrations');

/** Applies pending migrations; run at every start-up, so a new version upgrades in place. */
export async function migrate(database: Database): Promise<void> {
  await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder });
}
