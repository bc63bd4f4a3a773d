import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { householdIncomes } from './tables.js';

export type IncomeRow = typeof householdIncomes.$inferSelect;

const columns = {
  id: householdIncomes.id,
  householdId: householdIncomes.householdId,
  year: householdIncomes.year,
  items: householdIncomes.items,
  memberCount: householdIncomes.memberCount,
  incomeFen: householdIncomes.incomeFen,
  costFen: householdIncomes.costFen,
  perCapitaNetFen: householdIncomes.perCapitaNetFen,
  version: householdIncomes.version,
  updatedAt: householdIncomes.updatedAt,
};

/** Income years of a household the caller has already found in scope, oldest first. */
export const incomesOf = (db: Executor, householdId: string) =>
  db.select(columns).from(householdIncomes).where(eq(householdIncomes.householdId, householdId)).orderBy(asc(householdIncomes.year));

export async function incomeOfYear(db: Executor, householdId: string, year: number) {
  const rows = await db
    .select(columns)
    .from(householdIncomes)
    .where(and(eq(householdIncomes.householdId, householdId), eq(householdIncomes.year, year)))
    .limit(1);
  return rows[0] ?? null;
}

/** Batch insert (≤1000 rows a statement); a year already recorded is skipped. */
export async function insertIncomes(db: Executor, rows: (typeof householdIncomes.$inferInsert)[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    n += (
      await db
        .insert(householdIncomes)
        .values(rows.slice(i, i + 1000))
        .onConflictDoNothing()
        .returning({ id: householdIncomes.id })
    ).length;
  }
  return n;
}

export async function updateIncome(db: Executor, id: string, version: number, set: Partial<typeof householdIncomes.$inferInsert>) {
  const rows = await db
    .update(householdIncomes)
    .set({ ...set, version: sql`${householdIncomes.version} + 1`, updatedAt: new Date() })
    .where(and(eq(householdIncomes.id, id), eq(householdIncomes.version, version)))
    .returning({ id: householdIncomes.id });
  return rows.length > 0;
}

/** Ids of a household's income rows (the timeline reads their audit entries). */
export async function incomeIdsOf(db: Executor, householdId: string): Promise<string[]> {
  const rows = await db.select({ id: householdIncomes.id }).from(householdIncomes).where(eq(householdIncomes.householdId, householdId));
  return rows.map((r) => r.id);
}
