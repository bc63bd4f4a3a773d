import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { AppError, notFound, staleVersion } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isAdmin } from '../../platform/roles.js';
import { inScope } from '../../platform/scope.js';
import { recordAudit } from '../audit/service.js';
import { ownCadre, ownCadreId } from '../cadres/own.js';
import * as visitsRepo from '../visits/repository.js';
import { countyCodeOf, invalid } from '../visits/service.js';
import { monthRange, shanghaiMonth } from '../worklists/periods.js';
import * as repo from './repository.js';
import { draftFromVisits, isEditable, newEntryProblem, plainText, sanitizeRichText, stripPersonalData } from './rules.js';
import type { createEntryBody, entryListQuery, EntryOut, updateEntryBody } from './schemas.js';

export const entryWhat = { zh: '民情日记', en: 'Diary entry' };

export const presentEntry = (e: repo.EntryRow): EntryOut => ({
  id: e.id,
  cadreId: e.cadreId,
  cadreName: e.cadreName,
  month: e.month,
  body: e.body,
  visitIds: e.visitIds,
  householdIds: e.householdIds,
  status: e.status,
  submittedAt: e.submittedAt,
  reviewedAt: e.reviewedAt,
  published: e.published,
  publishedAt: e.publishedAt,
  publicBody: e.publicBody,
  regionCode: e.regionCode,
  countyCode: e.countyCode,
  version: e.version,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});

/** The cadre record of the signed-in account: only cadres write diaries. */
async function authorOf(db: Executor, actor: Actor) {
  const cadre = await ownCadre(db, actor);
  if (!cadre) throw new AppError('forbidden', { zh: '您的账号未关联干部，不能写民情日记', en: 'Your account is not linked to a cadre' });
  return cadre;
}

export async function listEntries(db: Db, actor: Actor, q: z.infer<typeof entryListQuery>) {
  const cadreId = q.mine ? ((await ownCadreId(db, actor)) ?? '00000000-0000-0000-0000-000000000000') : q.cadreId;
  const { items, total } = await repo.listEntries(db, actor.scope, { ...q, cadreId });
  return { items: items.map(presentEntry), total };
}

export async function entryForRead(db: Executor, actor: Actor, id: string) {
  const entry = await repo.getEntry(db, actor.scope, id);
  if (!entry) throw notFound(entryWhat);
  return entry;
}

export const getEntry = async (db: Executor, actor: Actor, id: string) => presentEntry(await entryForRead(db, actor, id));

/** For a write: 404 unknown, 403 out of scope. */
export async function entryForWrite(db: Executor, actor: Actor, id: string) {
  const entry = await repo.getEntry(db, actor.scope, id);
  if (!entry) {
    if (await repo.entryExists(db, id)) throw new AppError('out_of_scope');
    throw notFound(entryWhat);
  }
  if (!inScope(entry.regionCode, actor.scope)) throw new AppError('out_of_scope');
  return entry;
}

async function ownEntryForWrite(db: Executor, actor: Actor, id: string) {
  const entry = await entryForWrite(db, actor, id);
  const own = await ownCadreId(db, actor);
  if (own !== entry.cadreId) throw new AppError('forbidden', { zh: '只能修改本人的民情日记', en: 'Only the author changes an entry' });
  return entry;
}

/** The visits an entry cites: the author's own, in scope; by default all of the month's. */
async function citedVisits(db: Executor, actor: Actor, cadreId: string, month: string, visitIds: string[] | undefined) {
  if (visitIds === undefined) {
    const { from, to } = monthRange(month);
    return visitsRepo.visitsOfCadre(db, cadreId, from, to);
  }
  const out: visitsRepo.VisitRow[] = [];
  for (const [i, vid] of visitIds.entries()) {
    const v = await visitsRepo.getVisit(db, actor.scope, vid);
    if (!v || !v.cadreIds.includes(cadreId) || v.status === 'void') {
      throw invalid(actor, [{ path: `visitIds.${i}`, message: { zh: '走访记录不存在或不是您的', en: 'No such visit of yours' } }]);
    }
    out.push(v);
  }
  return out;
}

async function draftOf(db: Executor, actor: Actor, month: string, visits: visitsRepo.VisitRow[]) {
  const names = await visitsRepo.namesFor(
    db,
    [],
    [...new Set(visits.flatMap((v) => v.householdIds))],
    [...new Set(visits.map((v) => v.villageCode).filter((c): c is string => !!c))],
  );
  const suffix = actor.lang === 'en' ? "'s household" : '家';
  return draftFromVisits(
    month,
    visits.map((v) => ({
      visitedOn: v.visitedOn,
      kind: v.kind,
      householdNames: v.householdIds
        .map((h) => names.households.get(h)?.headName)
        .filter((n): n is string => !!n)
        .map((n) => n + suffix),
      villageName: v.villageCode ? (names.regions.get(v.villageCode) ?? null) : null,
      discussed: v.discussed,
      situation: { production: v.production, life: v.life, mood: v.mood },
    })),
    actor.lang,
  );
}

export async function createEntry(db: Db, actor: Actor, input: z.infer<typeof createEntryBody>) {
  const cadre = await authorOf(db, actor);
  if (!inScope(cadre.regionCode, actor.scope)) throw new AppError('out_of_scope');
  // A retry (the phone resending after a lost answer, maybe after the entry was reviewed and
  // locked) answers the entry it made before any rule about new entries is applied.
  if (input.id) {
    const made = await repo.getEntry(db, actor.scope, input.id);
    if (made && made.cadreId === cadre.id) return { entry: presentEntry(made), created: false };
  }
  const problem = newEntryProblem(input.month, shanghaiMonth(new Date()), await repo.monthHasAccepted(db, cadre.id, input.month));
  if (problem) throw invalid(actor, [{ path: 'month', message: problem }]);
  const visits = await citedVisits(db, actor, cadre.id, input.month, input.visitIds);
  const body = input.body !== undefined ? sanitizeRichText(input.body) : await draftOf(db, actor, input.month, visits);
  const id = input.id ?? newId();
  const row = {
    id,
    regionCode: cadre.regionCode,
    countyCode: countyCodeOf(cadre.regionCode),
    cadreId: cadre.id,
    month: input.month,
    body,
    visitIds: visits.map((v) => v.id),
    householdIds: [...new Set(visits.flatMap((v) => v.householdIds))],
  };
  const after = { ...row, drafted: input.body === undefined };
  const [inserted] = await repo.insertEntryAudited(db, row, actor, {
    action: 'create',
    entityType: 'diary_entry',
    entityId: id,
    regionCode: row.regionCode,
    after,
  });
  // The id was there already (a retry): answer the author's own entry; an id taken otherwise is refused.
  if (!inserted) {
    const existing = await repo.getEntry(db, actor.scope, id);
    if (existing && existing.cadreId === cadre.id) return { entry: presentEntry(existing), created: false };
    throw new AppError('conflict', { zh: '该编号已被其他记录使用', en: 'This id is taken' }, [{ path: 'body.id', message: '已被使用' }]);
  }
  return { entry: presentEntry({ ...inserted, cadreName: cadre.name }), created: true };
}

export async function updateEntry(db: Db, actor: Actor, id: string, input: z.infer<typeof updateEntryBody>) {
  const before = await ownEntryForWrite(db, actor, id);
  if (!isEditable(before.status)) {
    throw new AppError(
      'conflict',
      before.status === 'accepted'
        ? { zh: '该日记已通过查阅，已锁定', en: 'Accepted entries are locked' }
        : { zh: '日记已提交，等待查阅，不能修改', en: 'Submitted entries wait for review' },
      undefined,
      presentEntry(before),
    );
  }
  const set: Partial<typeof before> = {};
  if (input.body !== undefined) set.body = sanitizeRichText(input.body);
  if (input.visitIds !== undefined) {
    const visits = await citedVisits(db, actor, before.cadreId, before.month, input.visitIds);
    set.visitIds = visits.map((v) => v.id);
    set.householdIds = [...new Set(visits.flatMap((v) => v.householdIds))];
  }
  await db.transaction(async (tx) => {
    if (!(await repo.updateEntry(tx, id, input.version, set))) throw staleVersion(presentEntry(before));
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'diary_entry',
      entityId: id,
      regionCode: before.regionCode,
      before: { body: before.body, visitIds: before.visitIds },
      after: set,
    });
  });
  return getEntry(db, actor, id);
}

export async function submitEntry(db: Db, actor: Actor, id: string, version: number) {
  const before = await ownEntryForWrite(db, actor, id);
  if (!isEditable(before.status))
    throw new AppError(
      'conflict',
      { zh: '该日记已提交或已通过查阅', en: 'Already submitted or accepted' },
      undefined,
      presentEntry(before),
    );
  if (plainText(before.body).length < 10)
    throw invalid(actor, [{ path: 'body', message: { zh: '日记内容太少，请补充后再提交', en: 'Write a little more before submitting' } }]);
  const change = { before: { status: before.status }, after: { status: 'submitted' } };
  const [after] = await repo.submitEntryAudited(db, { id, version, at: new Date().toISOString() }, actor, {
    action: 'submit',
    entityType: 'diary_entry',
    entityId: id,
    regionCode: before.regionCode,
    ...change,
  });
  if (!after) throw staleVersion(presentEntry(before));
  return presentEntry({ ...after, cadreName: before.cadreName });
}

/**
 * Publication on the public diary page: only an accepted entry, by its author or an administrator,
 * with ID numbers and phones removed and the households' members' names masked (龙某某).
 */
export async function publishEntry(db: Db, actor: Actor, id: string, version: number) {
  const before = await entryForWrite(db, actor, id);
  const own = await ownCadreId(db, actor);
  if (own !== before.cadreId && !isAdmin(actor.role)) throw new AppError('forbidden');
  if (before.status !== 'accepted')
    throw new AppError(
      'conflict',
      { zh: '日记通过查阅后才能公开', en: 'Only accepted entries are published' },
      undefined,
      presentEntry(before),
    );
  if (before.published) return presentEntry(before);
  const names = await repo.memberNamesOf(db, before.householdIds);
  const publicBody = stripPersonalData(before.body, { names });
  await db.transaction(async (tx) => {
    if (!(await repo.updateEntry(tx, id, version, { published: true, publishedAt: new Date(), publicBody })))
      throw staleVersion(presentEntry(before));
    await recordAudit(tx, actor, {
      action: 'publish',
      entityType: 'diary_entry',
      entityId: id,
      regionCode: before.regionCode,
      after: { published: true },
    });
  });
  return getEntry(db, actor, id);
}

export const listPublished = (db: Db, q: { regionCode?: string; page: number; pageSize: number }) =>
  repo.listPublished(db, { regionCode: q.regionCode }, q.page, q.pageSize);

export async function getPublished(db: Db, id: string) {
  const { items } = await repo.listPublished(db, { id }, 1, 1);
  if (!items[0]) throw notFound(entryWhat);
  return items[0];
}
