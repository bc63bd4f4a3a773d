import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import { requireRole, type Actor } from '../../platform/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { maskPhone } from '../../platform/personal-data.js';
import { adminRoles } from '../../platform/roles.js';
import { countyKeyOf, inScope, levelOfCode } from '../../platform/scope.js';
import { recordAudit } from '../audit/service.js';
import { ownCadreId } from '../cadres/own.js';
import { conflictOn, householdForRead, idTaken, orStale, StaleRow } from '../households/access.js';
import * as householdsRepo from '../households/repository.js';
import { maySeePersonalData } from '../households/rules.js';
import * as programmesRepo from '../programmes/repository.js';
import { programmeWhat } from '../programmes/service.js';
import * as regionsRepo from '../regions/repository.js';
import * as unitsRepo from '../units/repository.js';
import { categoryNamer } from './messages.js';
import * as repo from './repository.js';
import { leaderReachProblem, pairingShapeProblem, roleShapes, type HelperKind, type TargetKind } from './rules.js';
import type { createPairingBody, endPairingBody, myHouseholdsQuery, pairingListQuery } from './schemas.js';

export const pairingWhat = { zh: '结对', en: 'Pairing' };
export const countyCodeOf = countyKeyOf;

export const fieldError = (actor: Actor, path: string, msg: { zh: string; en: string }) =>
  new AppError('validation_failed', msg, [{ path, message: actor.lang === 'en' ? msg.en : msg.zh }]);

export const listPairings = (db: Db, actor: Actor, q: z.infer<typeof pairingListQuery>) => repo.listPairings(db, actor.scope, q);

export async function getPairing(db: Executor, actor: Actor, id: string) {
  const p = await repo.getPairing(db, actor.scope, id);
  if (!p) throw notFound(pairingWhat);
  return p;
}

/** A pairing to change: an administrator whose scope holds the target; 404 unknown, 403 outside. */
async function pairingForWrite(db: Executor, actor: Actor, id: string) {
  requireRole(actor, adminRoles);
  const [row] = await repo.pairingRows(db, [id]);
  if (row && inScope(row.regionCode, actor.scope)) return row;
  if (row) throw new AppError('out_of_scope');
  throw notFound(pairingWhat);
}

/** The field a shape problem is about. */
function shapeField(p: { role: keyof typeof roleShapes; helperKind: HelperKind; targetKind: TargetKind; lead: boolean }): string {
  const shape = roleShapes[p.role];
  if (shape.helper !== p.helperKind) return 'helperKind';
  if (!shape.targets.includes(p.targetKind)) return 'targetKind';
  if (p.lead && p.targetKind !== 'household' && p.targetKind !== 'person') return 'lead';
  return 'endOn';
}

/** The programme a pairing serves: readable (else 400 on the field), running (not closed), with the round asked for. */
export async function programmeForPairing(
  db: Executor,
  actor: Actor,
  programmeId: string,
  roundNo: number | null,
  startOn: string,
  prefix = 'body',
) {
  const p = await programmesRepo.getProgramme(db, actor.scope, programmeId);
  if (!p)
    throw fieldError(actor, `${prefix}.programmeId`, {
      zh: `${programmeWhat.zh}不存在或不在您的管辖范围内`,
      en: 'No such programme in your scope',
    });
  if (p.status === 'closed')
    throw fieldError(actor, `${prefix}.programmeId`, { zh: '活动已结束，不能再结对', en: 'The programme is closed' });
  if (startOn < p.startOn || (p.endOn !== null && startOn >= p.endOn)) {
    throw fieldError(actor, `${prefix}.startOn`, {
      zh: `开始日期应在活动期间内（${p.startOn} 起${p.endOn ? `，${p.endOn} 前` : ''}）`,
      en: 'The start lies outside the programme period',
    });
  }
  if (roundNo !== null && !(await programmesRepo.roundsOf(db, programmeId)).some((r) => r.no === roundNo)) {
    throw fieldError(actor, `${prefix}.roundNo`, { zh: `活动没有第 ${roundNo} 轮`, en: `The programme has no round ${roundNo}` });
  }
  return p;
}

/** The helper: a cadre, unit or branch the actor reads (its scope or above), still active; else 400 on body.helperId. */
async function helperFor(db: Executor, actor: Actor, kind: HelperKind, id: string) {
  const [found] = await programmesRepo.subjectsByIds(db, actor.scope, [{ kind, id }]);
  if (!found) throw fieldError(actor, 'body.helperId', { zh: '帮扶方不存在或不在您的管辖范围内', en: 'No such helper in your scope' });
  if (found.status !== 'active')
    throw fieldError(actor, 'body.helperId', { zh: '帮扶方已调离或撤销', en: 'The helper has left or was dissolved' });
  return found;
}

/** The target's region, which the actor must be able to change (403 outside); 400 on body.targetId when there is no such target. */
async function targetRegion(
  db: Executor,
  actor: Actor,
  input: { targetKind: TargetKind; targetId: string; personRegionCode?: string },
): Promise<string> {
  const missing = () => fieldError(actor, 'body.targetId', { zh: '帮扶对象不存在', en: 'No such target' });
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(input.targetId);
  switch (input.targetKind) {
    case 'household': {
      if (!uuid) throw missing();
      const h = await householdsRepo.getHousehold(db, actor.scope, input.targetId);
      if (!h) throw (await householdsRepo.householdExists(db, input.targetId)) ? new AppError('out_of_scope') : missing();
      if (h.status !== 'active')
        throw fieldError(actor, 'body.targetId', { zh: '该户已迁出、合并或注销', en: 'The household is no longer active' });
      return h.regionCode;
    }
    case 'township':
    case 'village': {
      let level: string;
      try {
        level = levelOfCode(input.targetId);
      } catch {
        throw missing();
      }
      if (level !== input.targetKind)
        throw fieldError(actor, 'body.targetId', {
          zh: input.targetKind === 'village' ? '应为村（社区）代码' : '应为乡镇代码',
          en: `Not a ${input.targetKind} code`,
        });
      if (!inScope(input.targetId, actor.scope)) throw new AppError('out_of_scope');
      if (!(await regionsRepo.getRegion(db, actor.scope, input.targetId))) throw missing();
      return input.targetId;
    }
    case 'branch': {
      if (!uuid) throw missing();
      const b = await unitsRepo.getBranch(db, actor.scope, input.targetId);
      if (!b) throw (await unitsRepo.branchExists(db, input.targetId)) ? new AppError('out_of_scope') : missing();
      if (!inScope(b.regionCode, actor.scope)) throw new AppError('out_of_scope');
      return b.regionCode;
    }
    case 'person': {
      if (!input.personRegionCode)
        throw fieldError(actor, 'body.personRegionCode', {
          zh: '请填写此人所在的村或组',
          en: 'Give the village or group the person lives in',
        });
      if (!inScope(input.personRegionCode, actor.scope)) throw new AppError('out_of_scope');
      if (!(await regionsRepo.getRegion(db, actor.scope, input.personRegionCode)))
        throw fieldError(actor, 'body.personRegionCode', { zh: '行政区划不存在', en: 'No such region' });
      return input.personRegionCode;
    }
  }
}

/**
 * A pairing made by hand: the role's shape (helper and target kinds), dates inside the programme
 * and its round, both ends in scope, no second open pairing of the same helper, target and
 * programme, and in a 几帮一 group one lead at most (the first helper is the lead by default).
 * Idempotent on the client id.
 */
export async function createPairing(db: Db, actor: Actor, input: z.infer<typeof createPairingBody>) {
  requireRole(actor, adminRoles);
  if (input.id) {
    const existing = await repo.getPairing(db, actor.scope, input.id);
    if (existing) return existing;
    if ((await repo.pairingRows(db, [input.id])).length) throw idTaken(actor);
  }
  const endOn = input.endOn ?? null;
  const roundNo = input.roundNo ?? null;
  const programmeId = input.programmeId ?? null;
  const shape = {
    role: input.role,
    helperKind: input.helperKind,
    targetKind: input.targetKind,
    startOn: input.startOn,
    endOn,
    lead: input.lead ?? false,
  };
  const problem = pairingShapeProblem(shape);
  if (problem) throw fieldError(actor, `body.${shapeField(shape)}`, problem);
  if (programmeId) await programmeForPairing(db, actor, programmeId, roundNo, input.startOn);
  const helper = await helperFor(db, actor, input.helperKind, input.helperId);
  const regionCode = await targetRegion(db, actor, input);
  const reach = leaderReachProblem(helper, regionCode);
  if (reach) throw fieldError(actor, 'body.targetId', reach);

  const open = (await repo.openOfTarget(db, input.targetKind, input.targetId)).filter((p) => p.programmeId === programmeId);
  if (open.some((p) => p.helperKind === input.helperKind && p.helperId === input.helperId)) {
    throw conflictOn(actor, 'duplicate', 'body.helperId', {
      zh: '该帮扶方已与此对象结对',
      en: 'This helper is already paired with the target',
    });
  }
  const canLead = input.targetKind === 'household' || input.targetKind === 'person';
  const hasLead = open.some((p) => p.lead);
  if (input.lead && hasLead && input.role === 'several_to_one') {
    throw conflictOn(actor, 'conflict', 'body.lead', {
      zh: '该户已有牵头联系人，几帮一只能有一名牵头人',
      en: 'The household already has a lead contact',
    });
  }
  const lead = canLead && (input.lead ?? !hasLead);
  const row = {
    id: input.id ?? newId(),
    programmeId,
    role: input.role,
    helperKind: input.helperKind,
    helperId: input.helperId,
    targetKind: input.targetKind,
    targetId: input.targetId,
    lead,
    roundNo,
    startOn: input.startOn,
    endOn,
    note: input.note ?? null,
    regionCode,
    countyCode: countyCodeOf(regionCode),
    createdBy: actor.id,
  };
  await db.transaction(async (tx) => {
    if ((await repo.insertPairings(tx, [row])).length === 0)
      throw conflictOn(actor, 'duplicate', 'body.helperId', {
        zh: '该帮扶方已与此对象结对',
        en: 'This helper is already paired with the target',
      });
    await recordAudit(tx, actor, { action: 'create', entityType: 'pairing', entityId: row.id, regionCode, after: row });
  });
  return getPairing(db, actor, row.id);
}

/** Ends a pairing on a day with a reason; it is kept for history, never deleted. */
export async function endPairing(db: Db, actor: Actor, id: string, input: z.infer<typeof endPairingBody>) {
  const before = await pairingForWrite(db, actor, id);
  if (before.version !== input.version) throw new AppError('stale_version', undefined, undefined, await getPairing(db, actor, id));
  if (before.endOn !== null)
    throw conflictOn(actor, 'conflict', 'body.on', { zh: `该结对已于 ${before.endOn} 结束`, en: `Already ended on ${before.endOn}` });
  if (input.on < before.startOn)
    throw fieldError(actor, 'body.on', { zh: '结束日期不应早于开始日期', en: 'The end cannot come before the start' });
  const set = {
    endOn: input.on,
    endReason: input.reason,
    ...(input.note != null ? { note: before.note ? `${before.note}；${input.note}` : input.note } : {}),
  };
  await orStale(
    () =>
      db.transaction(async (tx) => {
        if (!(await repo.updatePairing(tx, id, input.version, set))) throw new StaleRow();
        await recordAudit(tx, actor, {
          action: 'end',
          entityType: 'pairing',
          entityId: id,
          regionCode: before.regionCode,
          before,
          after: set,
        });
      }),
    () => getPairing(db, actor, id),
  );
  return getPairing(db, actor, id);
}

/** A household's helpers past and present: open pairings first, then ended ones, newest first. */
export async function helpersOf(db: Db, actor: Actor, householdId: string) {
  await householdForRead(db, actor, householdId);
  const { items } = await repo.listPairings(db, actor.scope, { targetKind: 'household', targetId: householdId, page: 1, pageSize: 500 });
  return { items };
}

/** "My households": the open household pairings of the cadre linked to my account. */
export async function myHouseholds(db: Db, actor: Actor, q: z.infer<typeof myHouseholdsQuery>) {
  const cadreId = await ownCadreId(db, actor);
  if (!cadreId) return { cadreId: null, items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const { items, total } = await repo.householdsOfCadre(db, actor.scope, cadreId, q);
  const names = categoryNamer();
  const full = maySeePersonalData(actor.role);
  return {
    cadreId,
    items: items.map((h) => ({
      ...h,
      phone: h.phone && !full ? maskPhone(h.phone) : h.phone,
      categoryNames: h.categories.map((c) => (actor.lang === 'en' ? names(c).en : names(c).zh)),
      lastContactOn: null,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** "My villages": where my linked cadre's open pairings are, by village, with resident postings and leader links. */
export async function myVillages(db: Db, actor: Actor) {
  const cadreId = await ownCadreId(db, actor);
  if (!cadreId) return { cadreId: null, items: [] };
  const v = await repo.villagesOfCadre(db, actor.scope, cadreId);
  return {
    cadreId,
    items: v.codes.map((code) => ({
      villageCode: code,
      villageName: v.names.get(code) ?? null,
      townshipName: v.names.get(`${code.slice(0, 9)}000`) ?? null,
      households: v.counts.find((c) => c.villageCode === code)?.households ?? 0,
      postings: v.postings.filter((p) => p.villageCode === code).map(({ villageCode: _v, ...p }) => p),
    })),
  };
}
