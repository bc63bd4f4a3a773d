import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import { requireRole, type Actor } from '../../platform/actor.js';
import { AppError, notFound, staleVersion } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Role } from '../../platform/roles.js';
import { countyOf, inScope } from '../../platform/scope.js';
import { recordAudit } from '../audit/service.js';
import { ownCadre, ownCadreId } from '../cadres/own.js';
import { regionForWrite } from '../regions/service.js';
import { monthRange, shanghaiDay } from '../worklists/periods.js';
import * as repo from './repository.js';
import { visitKindNames, visitProblems, type Problem } from './rules.js';
import type { createVisitBody, updateVisitBody, visitListQuery, VisitOut } from './schemas.js';

export const visitWhat = { zh: '走访记录', en: 'Visit' };

/** Everyone who goes out to households records visits; leaders read. */
export const visitRecorders: readonly Role[] = ['system_admin', 'county_admin', 'township_admin', 'branch_secretary', 'unit_head', 'cadre'];

export const countyCodeOf = (code: string) => countyOf(code) ?? code.slice(0, 6);

export function invalid(actor: Actor, problems: Problem[], prefix = 'body'): AppError {
  const msg = problems.length === 1 ? problems[0]!.message : undefined;
  return new AppError(
    'validation_failed',
    msg,
    problems.map((p) => ({ path: `${prefix}.${p.path}`, message: actor.lang === 'en' ? p.message.en : p.message.zh })),
  );
}

/** The cadre record of the signed-in account, if any. */

const namesOf = (db: Executor, rows: repo.VisitRow[]) =>
  repo.namesFor(
    db,
    [...new Set(rows.flatMap((r) => r.cadreIds))],
    [...new Set(rows.flatMap((r) => r.householdIds))],
    [...new Set(rows.map((r) => r.regionCode))],
  );

/** The names a new visit shows, from what was read to check it (a village visit asks for its village's name). */
function namesOfContext(context: repo.VisitContext): Awaited<ReturnType<typeof repo.namesFor>> {
  const regions = new Map<string, string>(context.village ? [[context.village.code, context.village.name]] : []);
  for (const h of context.households.values()) if (h.regionName) regions.set(h.regionCode, h.regionName);
  const households = new Map([...context.households].map(([id, h]) => [id, { id, regionCode: h.regionCode, headName: h.headName }]));
  return { cadres: context.cadres, households, regions };
}

export async function presentVisits(
  db: Executor,
  actor: Actor,
  rows: repo.VisitRow[],
  opts: { newlyMade?: repo.VisitContext } = {},
): Promise<VisitOut[]> {
  const names = opts.newlyMade ? namesOfContext(opts.newlyMade) : await namesOf(db, rows);
  // A visit just made has no photos yet, and its names were read to check it: no round trip more.
  const photos = opts.newlyMade
    ? []
    : await repo.photosOf(
        db,
        rows.map((r) => r.id),
      );
  const en = actor.lang === 'en';
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    kindName: en ? visitKindNames[r.kind].en : visitKindNames[r.kind].zh,
    visitedOn: r.visitedOn,
    cadres: r.cadreIds.map((id) => ({ id, name: names.cadres.get(id) ?? '' })),
    households: r.householdIds.map((id) => ({
      id,
      headName: names.households.get(id)?.headName ?? null,
      regionCode: names.households.get(id)?.regionCode ?? '',
    })),
    villageCode: r.villageCode,
    regionCode: r.regionCode,
    regionName: names.regions.get(r.regionCode) ?? null,
    countyCode: r.countyCode,
    discussed: r.discussed,
    production: r.production,
    life: r.life,
    mood: r.mood,
    location: r.location ?? null,
    status: r.status,
    confirmed: r.confirmedAt !== null,
    confirmedAt: r.confirmedAt,
    confirmMethod: r.confirmMethod,
    confirmedByName: r.confirmedByName,
    photos: photos
      .filter((p) => p.visitId === r.id)
      .map((p) => ({
        id: p.id,
        contentType: p.contentType,
        bytes: p.bytes,
        width: p.width,
        height: p.height,
        url: `/api/visits/${r.id}/photos/${p.id}`,
        thumbUrl: `/api/visits/${r.id}/photos/${p.id}?size=thumb`,
        createdAt: p.createdAt,
      })),
    recordedBy: r.recordedBy,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

export async function listVisits(db: Db, actor: Actor, q: z.infer<typeof visitListQuery>) {
  let cadreId = q.cadreId;
  if (q.mine) cadreId = (await ownCadreId(db, actor)) ?? '00000000-0000-0000-0000-000000000000';
  const range = q.month ? monthRange(q.month) : { from: q.from, to: q.to };
  const { items, total } = await repo.listVisits(db, actor.scope, { ...q, cadreId, from: range.from ?? q.from, to: range.to ?? q.to });
  return { items: await presentVisits(db, actor, items), total };
}

export async function visitForRead(db: Executor, actor: Actor, id: string) {
  const visit = await repo.getVisit(db, actor.scope, id);
  if (!visit) throw notFound(visitWhat);
  return visit;
}

export async function getVisit(db: Executor, actor: Actor, id: string) {
  return (await presentVisits(db, actor, [await visitForRead(db, actor, id)]))[0]!;
}

/** The visit to change: 404 unknown, 403 out of scope or not the actor's to change. */
export async function visitForWrite(db: Executor, actor: Actor, id: string) {
  requireRole(actor, visitRecorders);
  const visit = await repo.getVisit(db, actor.scope, id);
  if (!visit) {
    if (await repo.visitExists(db, id)) throw new AppError('out_of_scope');
    throw notFound(visitWhat);
  }
  if (!inScope(visit.regionCode, actor.scope)) throw new AppError('out_of_scope');
  if (actor.role === 'cadre' || actor.role === 'unit_head') {
    const own = await ownCadreId(db, actor);
    if (visit.recordedBy !== actor.id && !(own && visit.cadreIds.includes(own))) throw new AppError('forbidden');
  }
  return visit;
}

export async function createVisit(db: Db, actor: Actor, input: z.infer<typeof createVisitBody>) {
  requireRole(actor, visitRecorders);
  const ownRecord = await ownCadre(db, actor);
  const own = ownRecord?.id ?? null;
  const cadreIds = input.cadreIds ?? (own ? [own] : []);
  const today = shanghaiDay(new Date());
  const problems = visitProblems(
    { householdIds: input.householdIds, villageCode: input.villageCode ?? null, cadreIds, visitedOn: input.visitedOn },
    today,
  );
  // A cadre records their own visits (with companions): their own record must be among the cadres.
  if ((actor.role === 'cadre' || actor.role === 'unit_head') && cadreIds.length > 0 && (!own || !cadreIds.includes(own))) {
    problems.push({ path: 'cadreIds', message: { zh: '帮扶责任人只能记录本人参加的走访', en: 'Record only visits you took part in' } });
  }
  if (problems.length) throw invalid(actor, problems);

  const context = await repo.visitContext(db, actor.scope, input.householdIds, cadreIds, ownRecord);
  const householdRegions: string[] = [];
  for (const [i, hid] of input.householdIds.entries()) {
    const household = context.households.get(hid);
    if (!household) {
      if (context.outOfScope.has(hid)) throw new AppError('out_of_scope');
      throw invalid(actor, [{ path: `householdIds.${i}`, message: { zh: '农户不存在', en: 'No such household' } }]);
    }
    householdRegions.push(household.regionCode);
  }
  for (const [i, cid] of cadreIds.entries()) {
    if (!context.cadres.has(cid)) throw invalid(actor, [{ path: `cadreIds.${i}`, message: { zh: '干部不存在', en: 'No such cadre' } }]);
  }
  let regionCode = householdRegions[0];
  if (input.villageCode && !regionCode) {
    context.village = await regionForWrite(db, actor, input.villageCode, 'body.villageCode');
    regionCode = context.village.code;
  }
  if (!regionCode || !inScope(regionCode, actor.scope)) throw new AppError('out_of_scope');

  const id = input.id ?? newId();
  const row = {
    id,
    regionCode,
    countyCode: countyCodeOf(regionCode),
    kind: input.kind,
    visitedOn: input.visitedOn,
    cadreIds,
    householdIds: input.householdIds,
    villageCode: input.villageCode ?? null,
    discussed: input.discussed ?? null,
    production: input.production ?? null,
    life: input.life ?? null,
    mood: input.mood ?? null,
    location: input.location ?? null,
    recordedBy: actor.id,
  };
  const [inserted] = await repo.insertVisitAudited(db, row, actor, {
    action: 'create',
    entityType: 'visit',
    entityId: id,
    regionCode,
    after: row,
  });
  // The id was there already (a retry, checked like the first request): answer what it made, if it is
  // the actor's to see; an id taken by a record out of sight is refused without saying what it is.
  if (!inserted) {
    if (await repo.getVisit(db, actor.scope, id)) return { visit: await getVisit(db, actor, id), created: false };
    throw new AppError('conflict', { zh: '该编号已被其他记录使用', en: 'This id is taken' }, [{ path: 'body.id', message: '已被使用' }]);
  }
  return { visit: (await presentVisits(db, actor, [inserted], { newlyMade: context }))[0]!, created: true };
}

export async function updateVisit(db: Db, actor: Actor, id: string, input: z.infer<typeof updateVisitBody>) {
  const before = await visitForWrite(db, actor, id);
  const { version, ...changes } = input;
  if (changes.visitedOn && changes.visitedOn > shanghaiDay(new Date())) {
    throw invalid(actor, [{ path: 'visitedOn', message: { zh: '走访日期不能晚于今天', en: 'The visit cannot be in the future' } }]);
  }
  if (
    before.confirmedAt &&
    ((changes.visitedOn && changes.visitedOn !== before.visitedOn) || (changes.kind && changes.kind !== before.kind))
  ) {
    throw new AppError('conflict', {
      zh: '农户已确认该走访，不能再改日期或方式',
      en: 'The household confirmed this visit: its day and kind stay',
    });
  }
  await db.transaction(async (tx) => {
    if (!(await repo.updateVisit(tx, id, version, changes))) throw staleVersion((await presentVisits(tx, actor, [before]))[0]);
    await recordAudit(tx, actor, {
      action: changes.status === 'void' ? 'void' : 'update',
      entityType: 'visit',
      entityId: id,
      regionCode: before.regionCode,
      before,
      after: changes,
    });
  });
  return getVisit(db, actor, id);
}
