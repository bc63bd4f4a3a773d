import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import { requireRole, type Actor } from '../../platform/actor.js';
import { AppError, notFound, staleVersion } from '../../platform/errors.js';
import { adminRoles } from '../../platform/roles.js';
import { countyOf, inScope, levelOfCode } from '../../platform/scope.js';
import { recordAudit } from '../audit/service.js';
import { regionForWrite } from '../regions/service.js';
import { initialsOf } from '../regions/rules.js';
import { branchForReference, unitForReference } from '../units/service.js';
import { getUser } from '../users/repository.js';
import * as repo from './repository.js';
import { branchRoleProblem, rankRegionProblem } from './rules.js';
import type { cadreListQuery, updateCadreBody } from './schemas.js';

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
    ...(changes.regionCode ? { countyCode: countyOf(changes.regionCode) ?? changes.regionCode.slice(0, 6) } : {}),
  };
  await db.transaction(async (tx) => {
    if (!(await repo.updateCadre(tx, id, version, set))) throw staleVersion(before);
    await recordAudit(tx, actor, { action: 'update', entityType: 'cadre', entityId: id, regionCode: before.regionCode, before, after: changes });
  });
  return getCadre(db, actor, id);
}
