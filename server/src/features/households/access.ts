import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { AppError, notFound, staleVersion } from '../../platform/errors.js';
import { countyOf, inScope } from '../../platform/scope.js';
import type { Role } from '../../platform/roles.js';
import * as membersRepo from './members-repository.js';
import * as repo from './repository.js';
import { mayEditRegistry, type Problem } from './rules.js';
import { recordAudit } from '../audit/service.js';

/**
 * What every household use case shares: finding the household or member a request names (404 out of
 * scope on reads, 403 on writes), who may write, and the error shapes of the registry.
 */
export const householdWhat = { zh: '农户', en: 'Household' };
export const memberWhat = { zh: '成员', en: 'Member' };

export const countyCodeOf = (regionCode: string) => countyOf(regionCode) ?? regionCode.slice(0, 6);

export function requireEditor(actor: Actor, may: (role: Role) => boolean = mayEditRegistry): void {
  if (!may(actor.role)) throw new AppError('forbidden');
}

/** 400 naming every field at once; problem paths are relative to `prefix` (body, body.members.0 …). */
export function invalid(actor: Actor, problems: Problem[], prefix = 'body'): AppError {
  const first = problems[0]!.message;
  return new AppError(
    'validation_failed',
    problems.length === 1 ? first : undefined,
    problems.map((p) => ({ path: `${prefix}.${p.path}`, message: actor.lang === 'en' ? p.message.en : p.message.zh })),
  );
}

/** 409 on one field, with its message also as the error's. */
export function conflictOn(actor: Actor, code: 'duplicate' | 'conflict', path: string, message: { zh: string; en: string }): AppError {
  return new AppError(code, message, [{ path, message: actor.lang === 'en' ? message.en : message.zh }]);
}

/** A client id already used by a record the actor cannot see: never overwrite it, never reveal it. */
export const idTaken = (actor: Actor) =>
  conflictOn(actor, 'conflict', 'body.id', { zh: '该编号已被其他记录使用，请重新提交', en: 'This id is taken by another record' });

export async function householdForRead(db: Executor, actor: Actor, id: string) {
  const household = await repo.getHousehold(db, actor.scope, id);
  if (!household) throw notFound(householdWhat);
  return household;
}

/** The household to change: the actor must be allowed to write; 404 if unknown, 403 if outside the scope. */
export async function householdForWrite(db: Executor, actor: Actor, id: string, may: (role: Role) => boolean = mayEditRegistry) {
  requireEditor(actor, may);
  const household = await repo.getHousehold(db, actor.scope, id);
  if (household && inScope(household.regionCode, actor.scope)) return household;
  if (household || (await repo.householdExists(db, id))) throw new AppError('out_of_scope');
  throw notFound(householdWhat);
}

export async function memberForWrite(db: Executor, actor: Actor, id: string) {
  requireEditor(actor);
  const member = await membersRepo.getMember(db, actor.scope, id);
  if (member) return member;
  if (await membersRepo.memberExists(db, id)) throw new AppError('out_of_scope');
  throw notFound(memberWhat);
}

/**
 * 409 when an ID number is held by an active member of another household. In the actor's scope it
 * names that household (head and village) so the clerk knows where the person must first be moved
 * out; outside it, only that the number is registered in another township and whom to ask (that
 * township), and the attempt is audited there: an editor must not look people up by ID number.
 */
export async function assertIdNumbersFree(
  db: Executor,
  actor: Actor,
  wanted: { idNumber: string | null; path: string; exceptMemberId?: string }[],
) {
  const ids = wanted.filter((w) => w.idNumber).map((w) => w.idNumber!);
  const holders = (await repo.activeHoldersOf(db, ids)).filter(
    (h) => !wanted.some((w) => w.idNumber === h.idNumber && w.exceptMemberId === h.memberId),
  );
  if (holders.length === 0) return;
  const fields = wanted
    .map((w) => ({ w, h: holders.find((h) => h.idNumber === w.idNumber) }))
    .filter((x) => x.h)
    .map(({ w, h }) => {
      if (!inScope(h!.regionCode, actor.scope)) {
        const township = h!.townshipName ?? '其他乡镇';
        return {
          path: w.path,
          message: actor.lang === 'en' ? `This ID number is registered in another township; ask ${township} to move the person out first` : `该身份证号已在其他乡镇登记为在册成员，请联系${township}党委办理迁出`,
        };
      }
      const place = `${h!.villageName ?? ''}${h!.groupName ?? ''}`;
      const head = h!.headName ?? h!.memberName;
      return {
        path: w.path,
        message:
          actor.lang === 'en'
            ? `Already an active member (${h!.memberName}) of the household of ${head}, ${place}`
            : `已登记为${place}${head}户的成员（${h!.memberName}），请先在原户办理迁出`,
      };
    });
  for (const h of holders.filter((x) => !inScope(x.regionCode, actor.scope))) {
    const path = wanted.find((w) => w.idNumber === h.idNumber)!.path;
    await recordAudit(db, actor, { action: 'id_number_elsewhere', entityType: 'member', entityId: h.memberId, regionCode: h.regionCode, after: { field: path, actorRegionCode: actor.regionCode } });
  }
  const first = fields[0]!.message;
  throw new AppError('duplicate', { zh: first, en: first }, fields);
}

/** Thrown inside a write's transaction when a row's version has moved on: the whole write rolls back. */
export class StaleRow extends Error {}

/** Runs a write; if it met a stale row, answers 409 with the row as it now is. */
export async function orStale<T>(write: () => Promise<T>, current: () => Promise<unknown>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof StaleRow) throw staleVersion(await current());
    throw err;
  }
}
