import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { staleVersion } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../audit/service.js';
import { householdForRead, householdForWrite, invalid, orStale, StaleRow } from './access.js';
import * as incomesRepo from './incomes-repository.js';
import * as membersRepo from './members-repository.js';
import * as repo from './repository.js';
import { incomeTotals, sameItems } from './rules.js';
import type { putIncomeBody } from './schemas.js';

export async function listIncomes(db: Db, actor: Actor, householdId: string) {
  await householdForRead(db, actor, householdId);
  return { items: await incomesRepo.incomesOf(db, householdId) };
}

/**
 * Records a household's income for a year (人均纯收入 computed here, in fen). A year already
 * recorded needs the version read; sending the same figures again changes nothing.
 */
export async function putIncome(db: Db, actor: Actor, householdId: string, year: number, input: z.infer<typeof putIncomeBody>) {
  const household = await householdForWrite(db, actor, householdId);
  const memberCount = input.memberCount ?? (await membersRepo.activeMemberCount(db, householdId));
  if (memberCount < 1) {
    throw invalid(actor, [
      {
        path: 'memberCount',
        message: { zh: '该户没有在户成员，请填写家庭人口数', en: 'The household has no active members; give the member count' },
      },
    ]);
  }
  const totals = incomeTotals(input.items, memberCount);
  const existing = await incomesRepo.incomeOfYear(db, householdId, year);
  if (existing && sameItems(existing.items, input.items) && existing.memberCount === memberCount) return existing;
  if (existing && input.version !== existing.version) throw staleVersion(existing);
  const row = { ...totals, items: input.items, memberCount };
  await orStale(
    () =>
      db.transaction(async (tx) => {
        if (existing) {
          if (!(await incomesRepo.updateIncome(tx, existing.id, existing.version, row))) throw new StaleRow();
          await recordAudit(tx, actor, {
            action: 'update',
            entityType: 'household_income',
            entityId: existing.id,
            regionCode: household.regionCode,
            before: existing,
            after: { year, ...row },
          });
        } else {
          const id = newId();
          // Someone else recorded the year meanwhile: their figures are the current ones.
          if (
            (await incomesRepo.insertIncomes(tx, [
              { id, householdId, year, regionCode: household.regionCode, countyCode: household.countyCode, ...row },
            ])) === 0
          )
            throw new StaleRow();
          await recordAudit(tx, actor, {
            action: 'create',
            entityType: 'household_income',
            entityId: id,
            regionCode: household.regionCode,
            after: { year, ...row },
          });
        }
        await repo.touchHousehold(tx, householdId);
      }),
    () => incomesRepo.incomeOfYear(db, householdId, year),
  );
  return (await incomesRepo.incomeOfYear(db, householdId, year))!;
}
