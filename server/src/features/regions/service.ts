import type { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { requireRole, type Actor } from '../../platform/actor.js';
import { AppError, notFound, staleVersion } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { adminRoles } from '../../platform/roles.js';
import { assertWritable } from '../../platform/scope.js';
import { recordAudit } from '../audit/service.js';
import { childrenWithPredecessors } from './history-service.js';
import * as repo from './repository.js';
import { initialsOf, nextGroupCode } from './rules.js';
import type { createGroupBody, searchQuery, updateRegionBody } from './schemas.js';

const what = { zh: '行政区划', en: 'Region' };

export async function getRegion(db: Db, actor: Actor, code: string) {
  const region = await repo.getRegion(db, actor.scope, code);
  if (!region) throw notFound(what);
  return { ...region, path: await repo.ancestors(db, code) };
}

export async function childrenOf(db: Db, actor: Actor, code: string, includeExpired: boolean, includePredecessors = false) {
  if (!(await repo.getRegion(db, actor.scope, code))) throw notFound(what);
  if (includePredecessors) return childrenWithPredecessors(db, actor, code, includeExpired);
  return repo.children(db, actor.scope, code, includeExpired);
}

export const rootsOf = (db: Db, actor: Actor) => repo.roots(db, actor.scope, actor.regionCode);

export const searchRegions = (db: Db, actor: Actor, q: z.infer<typeof searchQuery>) => repo.search(db, actor.scope, q);

/**
 * For other features: the region a write will point at, which must exist and be in scope.
 * Answers 403 outside the scope, 400 (naming the field) when there is no such region.
 */
export async function regionForWrite(db: Executor, actor: Actor, code: string, field: string) {
  assertWritable(code, actor.scope);
  const region = await repo.getRegion(db, actor.scope, code);
  if (!region) {
    throw new AppError('validation_failed', { zh: `行政区划代码 ${code} 不存在`, en: `No region with code ${code}` }, [
      { path: field, message: actor.lang === 'en' ? 'no such region' : '行政区划不存在' },
    ]);
  }
  return region;
}

export async function createGroup(db: Db, actor: Actor, input: z.infer<typeof createGroupBody>) {
  requireRole(actor, adminRoles);
  if (input.id) {
    const existing = await repo.findById(db, actor.scope, input.id);
    if (existing) return { ...existing, path: await repo.ancestors(db, existing.code) };
    if (await repo.idExists(db, input.id)) {
      throw new AppError('duplicate', { zh: '该记录编号已被占用，请重新提交', en: 'This record id is already in use' }, [{ path: 'body.id', message: '已被占用' }]);
    }
  }
  const village = await regionForWrite(db, actor, input.parentCode, 'body.parentCode');
  if (village.level !== 'village') {
    throw new AppError('validation_failed', { zh: '组（社）只能建在村（社区）下', en: 'Groups belong under villages' }, [
      { path: 'body.parentCode', message: actor.lang === 'en' ? 'not a village' : '不是村（社区）' },
    ]);
  }
  const id = input.id ?? newId();
  const code = await db.transaction(async (tx) => {
    // Lock the village row so two administrators adding groups at once get different numbers.
    await tx.execute(sql`select 1 from regions where code = ${village.code} for update`);
    const siblings = await repo.childCodes(tx, village.code);
    if ((await repo.children(tx, actor.scope, village.code, true)).some((c) => c.name === input.name)) {
      throw new AppError('duplicate', { zh: `该村已有“${input.name}”`, en: `The village already has "${input.name}"` }, [
        { path: 'body.name', message: actor.lang === 'en' ? 'already exists' : '已存在' },
      ]);
    }
    const row = {
      id,
      code: nextGroupCode(village.code, siblings),
      parentCode: village.code,
      name: input.name,
      level: 'group' as const,
      initials: initialsOf(input.name),
      countyCode: village.countyCode,
    };
    await repo.insertRegions(tx, [row]);
    await recordAudit(tx, actor, { action: 'create', entityType: 'region', entityId: row.code, regionCode: row.code, after: row });
    return row.code;
  });
  return getRegion(db, actor, code);
}

export async function updateRegion(db: Db, actor: Actor, code: string, input: z.infer<typeof updateRegionBody>) {
  requireRole(actor, adminRoles);
  assertWritable(code, actor.scope);
  const before = await repo.getRegion(db, actor.scope, code);
  if (!before) throw notFound(what);
  // National division names come from the statistics office; only groups are named locally.
  if (input.name && before.level !== 'group') {
    throw new AppError('forbidden', { zh: '只能修改组（社）的名称，村以上名称以国家统计用区划代码为准', en: 'Only group names can be changed' });
  }
  const { version, ...changes } = input;
  await db.transaction(async (tx) => {
    const set = { ...changes, ...(changes.name ? { initials: initialsOf(changes.name) } : {}) };
    if (!(await repo.updateRegion(tx, code, version, set))) throw staleVersion(before);
    await recordAudit(tx, actor, { action: 'update', entityType: 'region', entityId: code, regionCode: code, before, after: changes });
  });
  return getRegion(db, actor, code);
}

/** Other modules (the demo, test set-up, benches) load a county's divisions from here. */
export { loadDivisions } from './load-service.js';
