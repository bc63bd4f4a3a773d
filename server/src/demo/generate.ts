import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.js';
import * as regionsRepo from '../features/regions/repository.js';
import { loadDivisions } from '../features/regions/service.js';
import { users } from '../features/users/tables.js';
import { hashPassword } from '../platform/password.js';
import { countyOf } from '../platform/scope.js';
import { DEMO_PASSWORD, demoAccounts } from './accounts.js';
import { makeCadres } from './cadres.js';
import { makeHouseholds } from './households.js';
import { createDemoContext, type DemoContext, type DemoStep } from './context.js';
import { makeGroups, makeUnitsAndBranches } from './organisation.js';
import { makePairings } from './pairings.js';
import { makeFieldWork } from './fieldwork.js';

export { createDemoContext, demoSizes, type DemoContext, type DemoHousehold, type DemoStep } from './context.js';
export { demoId, demoRng, keyedRng, type Rng } from './random.js';
export { groupName, pickName, pickPhone } from './names.js';

export interface DemoOptions {
  /** Households to generate in the township (default 300); sizes the cadres and party members. */
  households?: number;
  countyCode?: string;
  /** The township to fill (default 补抽乡, 433124213000, of seed 000). */
  townshipCode?: string;
  /** Same seed, same township (default 2012, the year of seed 000). */
  seed?: number;
}

/** Demo accounts that belong to a unit (users.unit_id): the unit head runs 县农业局. */
const accountUnits: Record<string, string> = { unithead: '县农业局' };

/** The demo login accounts (accounts.ts), created when missing; fills ctx.accounts. */
async function makeAccounts(ctx: DemoContext) {
  let accounts = 0;
  let passwordHash: string | null = null;
  for (const a of demoAccounts) {
    const unitId = accountUnits[a.username] ? (ctx.units.find((u) => u.name === accountUnits[a.username])?.id ?? null) : null;
    const [existing] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, a.username)).limit(1);
    if (existing) {
      if (unitId) await ctx.db.update(users).set({ unitId }).where(and(eq(users.id, existing.id), isNull(users.unitId)));
      ctx.accounts.set(a.username, existing.id);
      continue;
    }
    passwordHash ??= await hashPassword(DEMO_PASSWORD);
    const id = ctx.id(`user/${a.username}`);
    await ctx.db.insert(users).values({
      id,
      username: a.username,
      displayName: a.displayName,
      role: a.role,
      regionCode: a.regionCode,
      countyCode: countyOf(a.regionCode) ?? ctx.countyCode,
      unitId,
      passwordHash,
    });
    ctx.accounts.set(a.username, id);
    accounts++;
  }
  return { accounts };
}

/**
 * The demo, step by step; each step reads what the earlier ones left in the context. Later features
 * add theirs here (households after cadres, then pairings, visits, diaries …).
 */
export const demoSteps: readonly DemoStep[] = [makeGroups, makeUnitsAndBranches, makeAccounts, makeCadres, makeHouseholds, makePairings, makeFieldWork];

async function findTownship(db: Executor, county: string, code?: string) {
  const everything = { prefix: '', unitId: null };
  const wanted = code ?? (county === '433124' ? '433124213000' : undefined);
  const townships = await regionsRepo.children(db, everything, `${county}000000`, false);
  const township = wanted ? townships.find((t) => t.code === wanted) : townships[0];
  if (!township) throw new Error(`no township ${wanted ?? ''} in county ${county}`);
  const villages = await regionsRepo.children(db, everything, township.code, false);
  return { township: { code: township.code, name: township.name }, villageCount: villages.length };
}

/**
 * Builds the demo county and township: national divisions, groups, units, party branches, the
 * demo accounts, cadres of every rank, and households with their members and incomes.
 * Deterministic from the seed, and safe to run again: it
 * adds only what is missing (every row has a deterministic id or natural key). One transaction.
 */
export async function generateDemo(db: Db, opts: DemoOptions = {}): Promise<Record<string, number>> {
  const county = opts.countyCode ?? '433124';
  return db.transaction(async (tx) => {
    const summary: Record<string, number> = { regions: await loadDivisions(tx, county) };
    const { township, villageCount } = await findTownship(tx, county, opts.townshipCode);
    const ctx = createDemoContext({ db: tx, seed: opts.seed ?? 2012, households: opts.households ?? 300, countyCode: county, township, villageCount });
    for (const step of demoSteps) Object.assign(summary, await step(ctx));
    return summary;
  });
}
