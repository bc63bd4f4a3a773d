import { count, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { users } from '../features/users/tables.js';
import { DEMO_PASSWORD, demoAccounts } from './accounts.js';
import { generateDemo } from './generate.js';

export { generateDemo } from './generate.js';

/**
 * Loads the demo township into an empty database (first start). With force it loads even if
 * there is data already (the generator is idempotent on its own records).
 */
export async function ensureDemo(db: Db, opts: { households?: number; force?: boolean }): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0 && !opts.force) return false;
  const summary = await generateDemo(db, { households: opts.households });
  // A fresh load is every table's whole content: plan the first requests with real statistics.
  await db.execute(sql.raw('analyze'));
  console.log(`demo township loaded: ${JSON.stringify(summary)}`);
  return true;
}

export function printDemoAccounts(url: string) {
  console.log(`\nOpen ${url} and log in with one of these demo accounts (password: ${DEMO_PASSWORD}):`);
  for (const a of demoAccounts) console.log(`  ${a.username.padEnd(10)} ${a.role.padEnd(17)} ${a.displayName}`);
  console.log('');
}
