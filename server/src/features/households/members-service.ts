import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../audit/service.js';
import { initialsOf } from '../regions/rules.js';
import { assertIdNumbersFree, conflictOn, householdForWrite, idTaken, invalid, memberForWrite, orStale, StaleRow } from './access.js';
import * as membersRepo from './members-repository.js';
import { presentMember } from './present.js';
import * as repo from './repository.js';
import { checkMemberIdentity, maySeePersonalData, type Problem } from './rules.js';
import type { createMemberBody, memberStatusBody, updateMemberBody } from './schemas.js';
import { memberRow } from './service.js';

const notActive = { zh: '该户已不在册（已迁出、合户或销户），不能添加成员', en: 'The household is no longer active' };
const hasHead = {
  zh: '该户已有户主；更换户主请把新户主的关系改为“户主”',
  en: 'The household has a head; to change it, make the new head "head"',
};

async function currentMember(db: Executor, actor: Actor, id: string) {
  return presentMember((await membersRepo.getMember(db, actor.scope, id))!, actor);
}

/** A member joins a household (birth, marriage, return); a head only if the household has none. */
export async function addMember(db: Db, actor: Actor, householdId: string, input: z.infer<typeof createMemberBody>) {
  const household = await householdForWrite(db, actor, householdId);
  if (input.id) {
    const existing = await membersRepo.getMember(db, actor.scope, input.id);
    if (existing?.householdId === householdId) return presentMember(existing, actor);
    if (existing || (await membersRepo.memberExists(db, input.id))) throw idTaken(actor);
  }
  if (household.status !== 'active') throw conflictOn(actor, 'conflict', 'params.id', notActive);
  const identity = checkMemberIdentity(input);
  if (identity.problems.length) throw invalid(actor, identity.problems);
  if (input.relation === 'head' && (await membersRepo.activeHead(db, householdId)))
    throw conflictOn(actor, 'conflict', 'body.relation', hasHead);
  await assertIdNumbersFree(db, actor, [{ idNumber: identity.idNumber, path: 'body.idNumber' }]);
  const row = memberRow(input, identity, household);
  await db.transaction(async (tx) => {
    if ((await membersRepo.insertMembers(tx, [row])) === 0) throw idTaken(actor);
    await repo.touchHousehold(tx, householdId);
    await recordAudit(tx, actor, { action: 'create', entityType: 'member', entityId: row.id, regionCode: row.regionCode, after: row });
  });
  return currentMember(db, actor, row.id);
}

/**
 * Corrects a member or changes the head: making a member the head needs the former head's new
 * relation (formerHeadRelation); the head is never demoted without a successor.
 */
export async function updateMember(db: Db, actor: Actor, id: string, input: z.infer<typeof updateMemberBody>) {
  const before = await memberForWrite(db, actor, id);
  const { version, formerHeadRelation, ...changes } = input;
  // For a role that sees the ID number masked, a birth date typed against it is a guess the check
  // would confirm or refuse (the hidden digits are the birth date): it is refused whatever it is.
  if (!maySeePersonalData(actor.role) && before.idNumber && changes.idNumber === undefined && changes.birthDate !== undefined) {
    throw invalid(actor, [{ path: 'birthDate', message: { zh: '有身份证号的成员，出生日期按身份证号填写，不能单独修改', en: 'The birth date comes from the ID number and cannot be changed alone' } }]);
  }
  const identity = checkMemberIdentity({
    idNumber: changes.idNumber !== undefined ? changes.idNumber : before.idNumber,
    // A new ID number brings its own birth date and sex unless they are typed too.
    sex: changes.sex !== undefined || changes.idNumber === undefined ? (changes.sex !== undefined ? changes.sex : before.sex) : null,
    birthDate:
      changes.birthDate !== undefined || changes.idNumber === undefined
        ? changes.birthDate !== undefined
          ? changes.birthDate
          : before.birthDate
        : null,
  });
  if (identity.problems.length) throw invalid(actor, identity.problems);
  const problems: Problem[] = [];
  const becomesHead = changes.relation === 'head' && before.relation !== 'head';
  const formerHead = becomesHead ? await membersRepo.activeHead(db, before.householdId) : null;
  if (becomesHead && before.status !== 'active')
    problems.push({ path: 'relation', message: { zh: '已迁出或已故的成员不能当户主', en: 'Only an active member can be the head' } });
  if (formerHead && !formerHeadRelation)
    problems.push({
      path: 'formerHeadRelation',
      message: { zh: `请说明原户主${formerHead.name}与新户主的关系`, en: `Give ${formerHead.name}'s relation to the new head` },
    });
  if (before.relation === 'head' && before.status === 'active' && changes.relation && changes.relation !== 'head') {
    problems.push({ path: 'relation', message: { zh: '更换户主请把新户主的关系改为“户主”', en: 'Make another member the head instead' } });
  }
  if (problems.length) throw invalid(actor, problems);
  if (before.status === 'active' && identity.idNumber && identity.idNumber !== before.idNumber) {
    await assertIdNumbersFree(db, actor, [{ idNumber: identity.idNumber, path: 'body.idNumber', exceptMemberId: id }]);
  }
  const set = {
    ...changes,
    idNumber: identity.idNumber,
    sex: identity.sex,
    birthDate: identity.birthDate,
    ...(changes.name ? { initials: initialsOf(changes.name) } : {}),
  };
  await orStale(
    () =>
      db.transaction(async (tx) => {
        if (formerHead && formerHeadRelation) {
          if (!(await membersRepo.updateMember(tx, formerHead.id, formerHead.version, { relation: formerHeadRelation })))
            throw new StaleRow();
          await recordAudit(tx, actor, {
            action: 'update',
            entityType: 'member',
            entityId: formerHead.id,
            regionCode: formerHead.regionCode,
            before: formerHead,
            after: { relation: formerHeadRelation },
          });
        }
        if (!(await membersRepo.updateMember(tx, id, version, set))) throw new StaleRow();
        await repo.touchHousehold(tx, before.householdId);
        await recordAudit(tx, actor, {
          action: 'update',
          entityType: 'member',
          entityId: id,
          regionCode: before.regionCode,
          before,
          after: changes,
        });
      }),
    () => currentMember(db, actor, id),
  );
  return currentMember(db, actor, id);
}

/** A member leaves (marriage, moving away), dies, or comes back. A head who goes names a successor. */
export async function changeMemberStatus(db: Db, actor: Actor, id: string, input: z.infer<typeof memberStatusBody>) {
  const before = await memberForWrite(db, actor, id);
  if (before.status === input.status) throw invalid(actor, [{ path: 'status', message: { zh: '状态未改变', en: 'The member already has this status' } }]);
  if (before.birthDate && input.on < before.birthDate) throw invalid(actor, [{ path: 'on', message: { zh: '日期不能早于该成员的出生日期', en: 'The day cannot be before the member was born' } }]);
  const household = await householdForWrite(db, actor, before.householdId);
  let successor: membersRepo.MemberRow | null = null;
  if (input.status === 'active') {
    if (household.status !== 'active')
      throw conflictOn(actor, 'conflict', 'body.status', { zh: '该户已不在册，不能恢复成员', en: 'The household is no longer active' });
    if (before.relation === 'head' && (await membersRepo.activeHead(db, before.householdId)))
      throw conflictOn(actor, 'conflict', 'body.status', hasHead);
    await assertIdNumbersFree(db, actor, [{ idNumber: before.idNumber, path: 'body.status', exceptMemberId: id }]);
  } else if (before.relation === 'head' && before.status === 'active') {
    const others = (await membersRepo.membersOf(db, before.householdId)).filter((m) => m.status === 'active' && m.id !== id);
    successor = others.find((m) => m.id === input.newHeadId) ?? null;
    if (others.length && !successor) {
      throw invalid(actor, [
        {
          path: 'newHeadId',
          message: { zh: '户主迁出或去世时，请从在户成员中指定新户主', en: 'Name the new head from the active members' },
        },
      ]);
    }
  }
  if (!successor && input.newHeadId)
    throw invalid(actor, [{ path: 'newHeadId', message: { zh: '只有户主迁出或去世时才指定新户主', en: 'Only when the head goes' } }]);
  await orStale(
    () =>
      db.transaction(async (tx) => {
        if (!(await membersRepo.updateMember(tx, id, input.version, { status: input.status, statusChangedOn: input.on })))
          throw new StaleRow();
        await recordAudit(tx, actor, {
          action: 'status',
          entityType: 'member',
          entityId: id,
          regionCode: before.regionCode,
          before: { status: before.status },
          after: { name: before.name, status: input.status, on: input.on },
        });
        if (successor) {
          if (!(await membersRepo.updateMember(tx, successor.id, successor.version, { relation: 'head' }))) throw new StaleRow();
          await recordAudit(tx, actor, {
            action: 'update',
            entityType: 'member',
            entityId: successor.id,
            regionCode: successor.regionCode,
            before: successor,
            after: { relation: 'head' },
          });
        }
        await repo.touchHousehold(tx, before.householdId);
      }),
    () => currentMember(db, actor, id),
  );
  return currentMember(db, actor, id);
}
