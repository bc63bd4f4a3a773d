import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../audit/service.js';
import { householdForWrite, invalid, orStale, StaleRow } from './access.js';
import * as membersRepo from './members-repository.js';
import * as repo from './repository.js';
import { statusChangeProblem } from './rules.js';
import type { householdStatusBody } from './schemas.js';
import { getHousehold } from './service.js';

/**
 * A household moves away, merges into another or is dissolved (or is restored): never deleted.
 * Its active members leave with it; on a merge they join the other household as new members
 * (the former head as "other", to be corrected there), so both households keep their history.
 */
export async function changeHouseholdStatus(db: Db, actor: Actor, id: string, input: z.infer<typeof householdStatusBody>) {
  const before = await householdForWrite(db, actor, id);
  const problem = statusChangeProblem(before.status, input.status, input.mergedIntoId, id);
  if (problem) throw invalid(actor, [problem]);
  const target = input.mergedIntoId ? await repo.getHousehold(db, actor.scope, input.mergedIntoId) : null;
  if (input.mergedIntoId && (!target || target.status !== 'active')) {
    throw invalid(actor, [
      {
        path: 'mergedIntoId',
        message: { zh: '并入的农户不存在、不在您的管辖范围内或已不在册', en: 'No such active household in your scope' },
      },
    ]);
  }
  await orStale(
    () =>
      db.transaction(async (tx) => {
        const set = { status: input.status, statusChangedOn: input.on, mergedIntoId: input.mergedIntoId ?? null };
        if (!(await repo.updateHousehold(tx, id, input.version, set))) throw new StaleRow();
        const leaving = input.status === 'active' ? [] : await membersRepo.markActiveMembersLeft(tx, id, input.on);
        await recordAudit(tx, actor, {
          action: 'status',
          entityType: 'household',
          entityId: id,
          regionCode: before.regionCode,
          before: { status: before.status, statusChangedOn: before.statusChangedOn, mergedIntoId: before.mergedIntoId },
          after: { ...set, on: input.on, membersLeft: leaving.map((m) => ({ id: m.id, name: m.name })) },
        });
        if (target && leaving.length) {
          const joining = leaving.map(({ id: _id, version: _v, createdAt: _c, updatedAt: _u, ...m }) => ({
            ...m,
            id: newId(),
            householdId: target.id,
            regionCode: target.regionCode,
            countyCode: target.countyCode,
            relation: m.relation === 'head' ? ('other' as const) : m.relation,
            status: 'active' as const,
          }));
          await membersRepo.insertMembers(tx, joining);
          await repo.touchHousehold(tx, target.id);
          await recordAudit(tx, actor, {
            action: 'merge_in',
            entityType: 'household',
            entityId: target.id,
            regionCode: target.regionCode,
            after: { fromHouseholdId: id, on: input.on, members: joining.map((m) => ({ id: m.id, name: m.name, relation: m.relation })) },
          });
        }
      }),
    () => getHousehold(db, actor, id),
  );
  return getHousehold(db, actor, id);
}
