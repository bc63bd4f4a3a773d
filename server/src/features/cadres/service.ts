import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import { requireRole, type Actor } from '../../platform/actor.js';
import { AppError, notFound, staleVersion } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { adminRoles } from '../../platform/roles.js';
import { countyKeyOf, inScope, levelOfCode } from '../../platform/scope.js';
import { recordAudit } from '../audit/service.js';
import { regionForWrite } from '../regions/service.js';
import { initialsOf } from '../regions/rules.js';
import { branchForReference, unitForReference } from '../units/service.js';
import { getUser } from '../users/repository.js';
import * as repo from './repository.js';
import { branchRoleProblem, cadreIdentity, rankRegionProblem } from './rules.js';
import type { cadreListQuery, createCadreBody, updateCadreBody } from './schemas.js';

const what = { zh: '干部', en: 'Cadre' };

const fieldError = (actor: Actor, path: string, msg: { zh: string; en: string }) =>
  new AppError('validation_failed', msg, [{ path, message: actor.lang === 'en' ? msg.en : msg.zh }]);

export const listCadres = (db: Db, actor: Actor, q: z.infer<typeof cadreListQuery>) => repo.listCadres(db, actor.scope, q);

export async function getCadre(db: Executor, actor: Actor, id: string) {
  const cadre = await repo.getCadre(db, actor.scope, id);
  if (!cadre) throw notFound(what);
  return cadre;
}

/** The cadre to change: 404 if unknown, 403 if it exists outside what the actor may change. */
async function cadreForWrite(db: Executor, actor: Actor, id: string) {
  const cadre = await repo.getCadre(db, actor.scope, id);
  if (cadre && inScope(cadre.regionCode, actor.scope)) return cadre;
  if (cadre || (await repo.cadreExists(db, id))) throw new AppError('out_of_scope');
  throw notFound(what);
}

/** A client id already used by a cadre the actor cannot see: never overwrite it, never reveal it. */
const idTaken = (actor: Actor) =>
  new AppError('conflict', { zh: '该编号已被其他记录使用，请重新提交', en: 'This id is taken by another record' }, [
    { path: 'body.id', message: actor.lang === 'en' ? 'id taken' : '编号已被使用' },
  ]);

const idNumberTaken = (actor: Actor) =>
  new AppError('duplicate', { zh: '该身份证号已登记为干部', en: 'A cadre with this ID number is already registered' }, [
    { path: 'body.idNumber', message: actor.lang === 'en' ? 'already registered' : '已登记' },
  ]);


/**
 * Registers one cadre by hand (the Excel import registers many): administrators, in their scope.
 * The rank must fit the level of the region, the unit and branch be ones the actor can see, the ID
 * number (optional) valid and not another cadre's. Idempotent on the client id; audited.
 */
export async function createCadre(db: Db, actor: Actor, input: z.infer<typeof createCadreBody>) {
  requireRole(actor, adminRoles);
  if (input.id) {
    // A retry of a create that already happened answers with what it made.
    const existing = await repo.getCadre(db, actor.scope, input.id);
    if (existing) return existing;
    if (await repo.cadreExists(db, input.id)) throw idTaken(actor);
  }
  const region = await regionForWrite(db, actor, input.regionCode, 'body.regionCode');
  const rankProblem = rankRegionProblem(input.rank, levelOfCode(region.code));
  if (rankProblem) throw fieldError(actor, 'body.regionCode', rankProblem);
  if (input.unitId) await unitForReference(db, actor, input.unitId, 'body.unitId');
  if (input.branchId) await branchForReference(db, actor, input.branchId, 'body.branchId');
  const roleProblem = branchRoleProblem({ branchId: input.branchId ?? null, branchRole: input.branchRole ?? null });
  if (roleProblem) throw fieldError(actor, 'body.branchRole', roleProblem);
  const identity = cadreIdentity(input);
  const [problem] = identity.problems;
  if (problem) throw fieldError(actor, `body.${problem.path}`, problem.message);
  if (identity.idNumber && (await repo.cadreIdNumberTaken(db, identity.idNumber))) throw idNumberTaken(actor);
  const id = input.id ?? newId();
  const row = {
    id,
    name: input.name,
    initials: initialsOf(input.name),
    sex: identity.sex,
    idNumber: identity.idNumber,
    rank: input.rank,
    title: input.title ?? null,
    phone: input.phone ?? null,
    regionCode: region.code,
    countyCode: countyKeyOf(region.code),
    unitId: input.unitId ?? null,
    branchId: input.branchId ?? null,
    branchRole: input.branchRole ?? null,
  };
  await db.transaction(async (tx) => {
    // A concurrent create with the same id or ID number won the race.
    if ((await repo.insertCadres(tx, [row])) === 0) throw identity.idNumber ? idNumberTaken(actor) : idTaken(actor);
    await recordAudit(tx, actor, { action: 'create', entityType: 'cadre', entityId: id, regionCode: row.regionCode, after: row });
  });
  return getCadre(db, actor, id);
}

/**
 * Changes a cadre: corrections, a new post, a move to another unit or branch, leaving, or linking
 * the cadre to a login account (the user-management screen). The same checks will serve creates
 * and the registry import.
 */
export async function updateCadre(db: Db, actor: Actor, id: string, input: z.infer<typeof updateCadreBody>) {
  requireRole(actor, adminRoles);
  const before = await cadreForWrite(db, actor, id);
  const { version, ...changes } = input;
  if (changes.regionCode !== undefined) await regionForWrite(db, actor, changes.regionCode, 'body.regionCode');
  const after = { ...before, ...changes };
  const rankProblem = rankRegionProblem(after.rank, levelOfCode(after.regionCode));
  if (rankProblem) throw fieldError(actor, changes.regionCode !== undefined ? 'body.regionCode' : 'body.rank', rankProblem);
  if (changes.unitId) await unitForReference(db, actor, changes.unitId, 'body.unitId');
  if (changes.branchId) await branchForReference(db, actor, changes.branchId, 'body.branchId');
  const roleProblem = branchRoleProblem({ branchId: after.branchId ?? null, branchRole: after.branchRole ?? null });
  if (roleProblem) throw fieldError(actor, 'body.branchRole', roleProblem);
  if (changes.userId) {
    if (!(await getUser(db, actor.scope, changes.userId))) {
      throw fieldError(actor, 'body.userId', { zh: '账号不存在或不在您的管辖范围内', en: 'No such account in your scope' });
    }
    const linked = await repo.cadreIdOfUser(db, changes.userId);
    if (linked && linked !== id) {
      throw new AppError('duplicate', { zh: '该账号已关联其他干部', en: 'The account is linked to another cadre' }, [
        { path: 'body.userId', message: actor.lang === 'en' ? 'already linked' : '已关联其他干部' },
      ]);
    }
  }
  const set = {
    ...changes,
    ...(changes.name ? { initials: initialsOf(changes.name) } : {}),
    ...(changes.regionCode ? { countyCode: countyKeyOf(changes.regionCode) } : {}),
  };
  await db.transaction(async (tx) => {
    if (!(await repo.updateCadre(tx, id, version, set))) throw staleVersion(before);
    await recordAudit(tx, actor, { action: 'update', entityType: 'cadre', entityId: id, regionCode: before.regionCode, before, after: changes });
  });
  return getCadre(db, actor, id);
}
