import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import { requireRole, type Actor } from '../../platform/actor.js';
import { AppError, notFound, staleVersion } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { adminRoles } from '../../platform/roles.js';
import { countyOf, inScope } from '../../platform/scope.js';
import { recordAudit } from '../audit/service.js';
import { regionForWrite } from '../regions/service.js';
import { initialsOf } from '../regions/rules.js';
import * as repo from './repository.js';
import { branchKindOf, branchRegionProblem, unitLevelOf } from './rules.js';
import type { branchListQuery, createBranchBody, createUnitBody, unitListQuery, updateUnitBody } from './schemas.js';

const unitWhat = { zh: '单位', en: 'Unit' };
const branchWhat = { zh: '党支部', en: 'Branch' };

const fieldError = (actor: Actor, path: string, msg: { zh: string; en: string }) =>
  new AppError('validation_failed', msg, [{ path, message: actor.lang === 'en' ? msg.en : msg.zh }]);

const duplicateName = (actor: Actor, name: string) =>
  new AppError('duplicate', { zh: `该地已有名为“${name}”的记录`, en: `"${name}" already exists there` }, [
    { path: 'body.name', message: actor.lang === 'en' ? 'already exists' : '已存在' },
  ]);

/** A client id already used by a record the actor cannot see: never overwrite it, never reveal it. */
const idTaken = (actor: Actor) =>
  new AppError('conflict', { zh: '该编号已被其他记录使用，请重新提交', en: 'This id is taken by another record' }, [
    { path: 'body.id', message: actor.lang === 'en' ? 'id taken' : '编号已被使用' },
  ]);

const countyCodeOf = (regionCode: string) => countyOf(regionCode) ?? regionCode.slice(0, 6);

// ── units ───────────────────────────────────────────────────────────────────

export const listUnits = (db: Db, actor: Actor, q: z.infer<typeof unitListQuery>) => repo.listUnits(db, actor.scope, q);

export async function getUnit(db: Executor, actor: Actor, id: string) {
  const unit = await repo.getUnit(db, actor.scope, id);
  if (!unit) throw notFound(unitWhat);
  return unit;
}

/**
 * For other features: a unit a write points at (a cadre's unit). It must be one the actor can see
 * (units above the actor's region count: 县农业局 sends a resident cadre to 吉久村); else 400 on the field.
 */
export async function unitForReference(db: Executor, actor: Actor, id: string, field: string) {
  const unit = await repo.getUnit(db, actor.scope, id);
  if (!unit) throw fieldError(actor, field, { zh: '单位不存在或不在您的管辖范围内', en: 'No such unit in your scope' });
  return unit;
}

/** The unit to change: 404 if unknown, 403 if it exists but outside what the actor may change. */
async function unitForWrite(db: Executor, actor: Actor, id: string) {
  const unit = await repo.getUnit(db, actor.scope, id);
  if (unit && inScope(unit.regionCode, actor.scope)) return unit;
  if (unit || (await repo.unitExists(db, id))) throw new AppError('out_of_scope');
  throw notFound(unitWhat);
}

export async function createUnit(db: Db, actor: Actor, input: z.infer<typeof createUnitBody>) {
  requireRole(actor, adminRoles);
  if (input.id) {
    // An idempotent retry of a create that already happened answers with what it made.
    const existing = await repo.getUnit(db, actor.scope, input.id);
    if (existing) return existing;
    if (await repo.unitExists(db, input.id)) throw idTaken(actor);
  }
  const region = await regionForWrite(db, actor, input.regionCode, 'body.regionCode');
  const level = unitLevelOf(region.level);
  if (!level) throw fieldError(actor, 'body.regionCode', { zh: '单位不能设在组（社）下', en: 'Units cannot sit in a group' });
  if (await repo.unitNameTaken(db, region.code, input.name)) throw duplicateName(actor, input.name);
  const id = input.id ?? newId();
  const row = {
    id,
    name: input.name,
    initials: initialsOf(input.name),
    level,
    kind: input.kind,
    regionCode: region.code,
    countyCode: countyCodeOf(region.code),
  };
  await db.transaction(async (tx) => {
    // A concurrent create of the same name (or a concurrent retry) lost the race: say so.
    if ((await repo.insertUnits(tx, [row])) === 0) throw duplicateName(actor, input.name);
    await recordAudit(tx, actor, { action: 'create', entityType: 'unit', entityId: id, regionCode: row.regionCode, after: row });
  });
  return getUnit(db, actor, id);
}

export async function updateUnit(db: Db, actor: Actor, id: string, input: z.infer<typeof updateUnitBody>) {
  requireRole(actor, adminRoles);
  const before = await unitForWrite(db, actor, id);
  const { version, ...changes } = input;
  if (changes.name && changes.name !== before.name && (await repo.unitNameTaken(db, before.regionCode, changes.name, id))) {
    throw duplicateName(actor, changes.name);
  }
  const set = { ...changes, ...(changes.name ? { initials: initialsOf(changes.name) } : {}) };
  await db.transaction(async (tx) => {
    if (!(await repo.updateUnit(tx, id, version, set))) throw staleVersion(before);
    await recordAudit(tx, actor, { action: 'update', entityType: 'unit', entityId: id, regionCode: before.regionCode, before, after: changes });
  });
  return getUnit(db, actor, id);
}

// ── branches ────────────────────────────────────────────────────────────────

const withKind = <T extends { unitId: string | null }>(b: T) => ({ ...b, kind: branchKindOf(b.unitId) });

export async function listBranches(db: Db, actor: Actor, q: z.infer<typeof branchListQuery>) {
  const { items, total } = await repo.listBranches(db, actor.scope, q);
  return { items: items.map(withKind), total };
}

export async function getBranch(db: Executor, actor: Actor, id: string) {
  const branch = await repo.getBranch(db, actor.scope, id);
  if (!branch) throw notFound(branchWhat);
  return withKind(branch);
}

/** For other features: a branch a write points at (a cadre's branch), visible to the actor; else 400 on the field. */
export async function branchForReference(db: Executor, actor: Actor, id: string, field: string) {
  const branch = await repo.getBranch(db, actor.scope, id);
  if (!branch) throw fieldError(actor, field, { zh: '党支部不存在或不在您的管辖范围内', en: 'No such branch in your scope' });
  return withKind(branch);
}

export async function createBranch(db: Db, actor: Actor, input: z.infer<typeof createBranchBody>) {
  requireRole(actor, adminRoles);
  if (input.id) {
    const existing = await repo.getBranch(db, actor.scope, input.id);
    if (existing) return withKind(existing);
    if (await repo.branchExists(db, input.id)) throw idTaken(actor);
  }
  const unit = input.unitId ? await unitForReference(db, actor, input.unitId, 'body.unitId') : null;
  if (unit && unit.status !== 'active') throw fieldError(actor, 'body.unitId', { zh: '该单位已撤销', en: 'The unit is dissolved' });
  const region = await regionForWrite(db, actor, input.regionCode ?? unit!.regionCode, 'body.regionCode');
  const problem = branchRegionProblem({ unitRegionCode: unit?.regionCode ?? null, regionCode: region.code, regionLevel: region.level });
  if (problem) throw fieldError(actor, 'body.regionCode', problem);
  if (await repo.branchNameTaken(db, region.code, input.name)) throw duplicateName(actor, input.name);
  const id = input.id ?? newId();
  const row = {
    id,
    name: input.name,
    initials: initialsOf(input.name),
    unitId: unit?.id ?? null,
    regionCode: region.code,
    countyCode: countyCodeOf(region.code),
  };
  await db.transaction(async (tx) => {
    if ((await repo.insertBranches(tx, [row])) === 0) throw duplicateName(actor, input.name);
    await recordAudit(tx, actor, { action: 'create', entityType: 'branch', entityId: id, regionCode: row.regionCode, after: row });
  });
  return getBranch(db, actor, id);
}
