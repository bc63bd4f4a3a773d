import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { requireRole, type Actor } from '../../platform/actor.js';
import { AppError, notFound, staleVersion } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { hashPassword } from '../../platform/password.js';
import { adminRoles, type Role } from '../../platform/roles.js';
import { assertWritable, countyOf } from '../../platform/scope.js';
import { recordAudit } from '../audit/service.js';
import { deleteSessionsOfUser } from '../auth/repository.js';
import { passwordProblem } from '../auth/rules.js';
import { regionForWrite } from '../regions/service.js';
import { unitForReference } from '../units/service.js';
import * as repo from './repository.js';
import { assignableRoles, canManageAccount } from './rules.js';
import type { createUserBody, updateUserBody, userListQuery } from './schemas.js';

const what = { zh: '用户', en: 'User' };

/** A client id already used by a record the actor cannot see: refuse rather than leak or overwrite. */
const idTaken = () => new AppError('duplicate', { zh: '该记录编号已被占用，请重新提交', en: 'This record id is already in use' }, [{ path: 'body.id', message: '已被占用' }]);

function assertAssignable(actor: Actor, role: Role) {
  if (!assignableRoles(actor.role).includes(role)) {
    throw new AppError('forbidden', { zh: '您不能设置此角色', en: 'You cannot give this role' });
  }
}

function assertPassword(actor: Actor, pw: string, field: string, words: string[] = []) {
  const problem = passwordProblem(pw, words);
  if (problem) throw new AppError('validation_failed', problem, [{ path: field, message: actor.lang === 'en' ? problem.en : problem.zh }]);
}

export const listUsers = (db: Db, actor: Actor, q: z.infer<typeof userListQuery>) => {
  requireRole(actor, adminRoles);
  return repo.listUsers(db, actor.scope, q);
};

export async function getUser(db: Db, actor: Actor, id: string) {
  requireRole(actor, adminRoles);
  const user = await repo.getUser(db, actor.scope, id);
  if (!user) throw notFound(what);
  return user;
}

/** The user to change, or 403 if it exists outside the actor's scope, or 404. */
async function userForWrite(db: Db, actor: Actor, id: string) {
  const user = await repo.getUser(db, actor.scope, id);
  if (user) {
    if (!canManageAccount(actor.role, user.role)) throw new AppError('forbidden');
    return user;
  }
  if (await repo.userExists(db, id)) throw new AppError('out_of_scope');
  throw notFound(what);
}

export async function createUser(db: Db, actor: Actor, input: z.infer<typeof createUserBody>) {
  requireRole(actor, adminRoles);
  assertAssignable(actor, input.role);
  assertWritable(input.regionCode, actor.scope);
  const id = input.id ?? newId();
  // An idempotent retry of a create that already happened answers with what it made.
  const existing = input.id ? await repo.getUser(db, actor.scope, input.id) : null;
  if (existing) return existing;
  if (input.id && (await repo.userExists(db, input.id))) throw idTaken();
  if (input.unitId) await unitForReference(db, actor, input.unitId, 'body.unitId');
  await regionForWrite(db, actor, input.regionCode, 'body.regionCode');
  assertPassword(actor, input.password, 'body.password', [input.username, input.displayName]);
  if (await repo.usernameTaken(db, input.username)) {
    throw new AppError('duplicate', { zh: `用户名“${input.username}”已被使用`, en: `Username "${input.username}" is taken` }, [
      { path: 'body.username', message: actor.lang === 'en' ? 'already taken' : '已被使用' },
    ]);
  }
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const row = {
      id,
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      regionCode: input.regionCode,
      countyCode: countyOf(input.regionCode) ?? input.regionCode.slice(0, 6),
      unitId: input.unitId ?? null,
      phone: input.phone ?? null,
      locale: input.locale ?? 'zh-CN',
      passwordHash,
      mustChangePassword: true,
    } as const;
    await repo.insertUser(tx, row);
    await recordAudit(tx, actor, { action: 'create', entityType: 'user', entityId: id, regionCode: row.regionCode, after: row });
  });
  return (await repo.getUser(db, actor.scope, id))!;
}

export async function updateUser(db: Db, actor: Actor, id: string, input: z.infer<typeof updateUserBody>) {
  requireRole(actor, adminRoles);
  const before = await userForWrite(db, actor, id);
  if (input.role) assertAssignable(actor, input.role);
  if (input.unitId) await unitForReference(db, actor, input.unitId, 'body.unitId');
  if (input.regionCode) {
    assertWritable(input.regionCode, actor.scope);
    await regionForWrite(db, actor, input.regionCode, 'body.regionCode');
  }
  const { version, ...changes } = input;
  const set = {
    ...changes,
    ...(input.regionCode ? { countyCode: countyOf(input.regionCode) ?? input.regionCode.slice(0, 6) } : {}),
  };
  await db.transaction(async (tx) => {
    if (!(await repo.updateUser(tx, id, version, set))) throw staleVersion(before);
    await recordAudit(tx, actor, { action: 'update', entityType: 'user', entityId: id, regionCode: before.regionCode, before, after: changes });
  });
  return (await repo.getUser(db, actor.scope, id))!;
}

export async function setUserStatus(db: Db, actor: Actor, id: string, version: number, status: 'active' | 'disabled') {
  requireRole(actor, adminRoles);
  if (id === actor.id) throw new AppError('forbidden', { zh: '不能停用自己的账号', en: 'You cannot disable your own account' });
  const before = await userForWrite(db, actor, id);
  await db.transaction(async (tx) => {
    if (!(await repo.updateUser(tx, id, version, { status }))) throw staleVersion(before);
    // A disabled account is signed out everywhere at once.
    if (status === 'disabled') await deleteSessionsOfUser(tx, id);
    await recordAudit(tx, actor, {
      action: status === 'disabled' ? 'disable' : 'enable',
      entityType: 'user',
      entityId: id,
      regionCode: before.regionCode,
      before: { status: before.status },
      after: { status },
    });
  });
  return (await repo.getUser(db, actor.scope, id))!;
}

export async function resetPassword(db: Db, actor: Actor, id: string, newPassword: string) {
  requireRole(actor, adminRoles);
  const user = await userForWrite(db, actor, id);
  assertPassword(actor, newPassword, 'body.newPassword', [user.username, user.displayName]);
  const hash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await repo.updateUserPassword(tx, id, hash, true);
    await deleteSessionsOfUser(tx, id);
    await recordAudit(tx, actor, { action: 'reset_password', entityType: 'user', entityId: id, regionCode: user.regionCode });
  });
  return (await repo.getUser(db, actor.scope, id))!;
}
