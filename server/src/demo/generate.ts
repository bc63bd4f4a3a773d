import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { newId } from '../platform/ids.js';
import { hashPassword } from '../platform/password.js';
import { countyOf } from '../platform/scope.js';
import { loadDivisions } from '../features/regions/service.js';
import { users } from '../features/users/tables.js';
import { DEMO_PASSWORD, demoAccounts } from './accounts.js';

export interface DemoOptions {
  /** Households to generate in the township (default 300). */
  households?: number;
  countyCode?: string;
  seed?: number;
}

/** Builds the demo county and township. Safe to run again: it adds only what is missing. */
export async function generateDemo(db: Db, opts: DemoOptions = {}) {
  const county = opts.countyCode ?? '433124';
  const regions = await loadDivisions(db, county);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let accounts = 0;
  for (const a of demoAccounts) {
    const exists = await db.select({ id: users.id }).from(users).where(eq(users.username, a.username)).limit(1);
    if (exists.length) continue;
    await db.insert(users).values({
      id: newId(),
      username: a.username,
      displayName: a.displayName,
      role: a.role,
      regionCode: a.regionCode,
      countyCode: countyOf(a.regionCode) ?? county,
      passwordHash,
    });
    accounts++;
  }
  return { regions, accounts };
}
