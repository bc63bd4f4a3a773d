import { sql } from 'drizzle-orm';
import type { Executor } from './client.js';

/**
 * Refreshes the planner's statistics of tables a bulk job has just written. Without them the
 * planner sees the tables as they were before (autovacuum comes round minutes later) and picks
 * plans for a few hundred rows: a township's household list took 4.6–7.8 s a page right after a
 * 20k-member import, 56–229 ms once analysed. Run inside the job's transaction, ANALYZE counts and
 * samples the job's own rows, and its statistics land with them.
 */
export async function refreshStatistics(db: Executor, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    if (!/^[a-z_]+$/.test(table)) throw new Error(`not a table name: ${table}`);
    await db.execute(sql.raw(`analyze ${table}`));
  }
}
