import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import { requireRole, type Actor } from '../../platform/actor.js';
import { AppError, notFound, staleVersion } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { adminRoles } from '../../platform/roles.js';
import { assertWritable, countyKeyOf, levelOfCode, significantPrefix } from '../../platform/scope.js';
import { recordAudit } from '../audit/service.js';
import * as history from './history-repository.js';
import { nameHistory, nextLocalCode, predecessorClosure, prefixesWithPredecessors, successionProblem, successorClosure } from './history-rules.js';
import * as repo from './repository.js';
import { childLevel, initialsOf, nextGroupCode } from './rules.js';
import type { historicRegionBody, renameBody, successionBody } from './schemas.js';
import { getRegion, regionForWrite } from './service.js';

const what = { zh: '行政区划', en: 'Region' };
const eventWhat = { zh: '区划变更记录', en: 'Region change' };

const fieldError = (actor: Actor, path: string, msg: { zh: string; en: string }, code: 'validation_failed' | 'conflict' | 'duplicate' = 'validation_failed') =>
  new AppError(code, msg, [{ path, message: actor.lang === 'en' ? msg.en : msg.zh }]);

/**
 * The code prefixes a list filtered by a region covers: the region's own, and with
 * includePredecessors those of the regions that went into it (history-rules.ts).
 */
export async function regionPrefixes(db: Executor, code: string, includePredecessors: boolean): Promise<string[]> {
  if (!includePredecessors) return [significantPrefix(code)];
  return prefixesWithPredecessors(await history.allSuccessions(db), code);
}

/** Children of a region, and with includePredecessors those of the regions merged into it. */
export async function childrenWithPredecessors(db: Db, actor: Actor, code: string, includeExpired: boolean) {
  const before = predecessorClosure(await history.allSuccessions(db), [code]);
  const lists = await Promise.all([code, ...before].map((c) => repo.children(db, actor.scope, c, includeExpired)));
  return lists.flat().sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * A township, village or group that no longer exists (兴中村 until 2016), so records of the time
 * can point at it: its national code if known, else the next local code (9xx block; groups the
 * next group number). Idempotent on the client id; audited.
 */
export async function createHistoricRegion(db: Db, actor: Actor, input: z.infer<typeof historicRegionBody>) {
  requireRole(actor, adminRoles);
  if (input.id) {
    const existing = await repo.findById(db, actor.scope, input.id);
    if (existing) return getRegion(db, actor, existing.code);
    if (await repo.idExists(db, input.id)) throw fieldError(actor, 'body.id', { zh: '该记录编号已被占用，请重新提交', en: 'This record id is already in use' }, 'duplicate');
  }
  const parent = await regionForWrite(db, actor, input.parentCode, 'body.parentCode');
  const level = childLevel(parent.level);
  if (level !== 'township' && level !== 'village' && level !== 'group') {
    throw fieldError(actor, 'body.parentCode', { zh: '历史区划应建在县、乡镇或村下', en: 'Give the county, township or village it belonged to' });
  }
  if (input.code) {
    let ok = false;
    try {
      ok = levelOfCode(input.code) === level && input.code.startsWith(significantPrefix(parent.code));
    } catch {
      ok = false;
    }
    if (!ok) throw fieldError(actor, 'body.code', { zh: `代码应为 ${parent.name} 下的${levelNames[level]}代码`, en: `Not a ${level} code under ${parent.name}` });
    if (await repo.regionExists(db, input.code)) throw fieldError(actor, 'body.code', { zh: `代码 ${input.code} 已存在`, en: `Code ${input.code} exists` }, 'duplicate');
  }
  const id = input.id ?? newId();
  const code = await db.transaction(async (tx) => {
    // Lock the parent so two administrators adding at once get different numbers.
    await tx.execute(sql`select 1 from regions where code = ${parent.code} for update`);
    const siblings = await repo.childCodes(tx, parent.code);
    const row = {
      id,
      code: input.code ?? (level === 'group' ? nextGroupCode(parent.code, siblings) : nextLocalCode(parent.code, siblings)),
      parentCode: parent.code,
      name: input.name,
      level,
      initials: initialsOf(input.name),
      countyCode: parent.countyCode,
      validFrom: input.validFrom ?? null,
      validTo: input.validTo,
    };
    if ((await repo.insertRegions(tx, [row])) === 0) throw fieldError(actor, 'body.code', { zh: `代码 ${row.code} 已存在`, en: `Code ${row.code} exists` }, 'duplicate');
    await recordAudit(tx, actor, { action: 'create_historic', entityType: 'region', entityId: row.code, regionCode: row.code, after: row });
    return row.code;
  });
  return getRegion(db, actor, code);
}

const levelNames: Record<string, string> = { township: '乡镇', village: '村（社区）', group: '组（社）' };

/**
 * A merge (南台村 and 梨园村 into 梨园村) or split, on a day: the regions that end get valid_to
 * that day and a succession line to each successor; records keep their codes. Every region
 * named must be the actor's to change. One transaction, audited; idempotent on the client id.
 */
export async function recordSuccession(db: Db, actor: Actor, input: z.infer<typeof successionBody>) {
  requireRole(actor, adminRoles);
  if (input.id && (await history.eventById(db, input.id))) return eventOut(db, actor, input.id);
  const codes = [...input.predecessorCodes, ...input.successorCodes];
  codes.forEach((c) => assertWritable(c, actor.scope));
  const found = new Map((await history.regionsByCodes(db, codes)).map((r) => [r.code, r]));
  const lookup = (list: string[], field: string) =>
    list.map((c, i) => {
      const r = found.get(c);
      if (!r) throw fieldError(actor, `body.${field}.${i}`, { zh: `行政区划代码 ${c} 不存在`, en: `No region with code ${c}` });
      return r;
    });
  lookup(input.predecessorCodes, 'predecessorCodes');
  lookup(input.successorCodes, 'successorCodes');
  const id = input.id ?? newId();
  await db.transaction(async (tx) => {
    // Lock the regions named, then check against the history as it now is: of two administrators
    // recording the same region's end at once, the second sees the first's and is refused.
    await tx.execute(sql`select 1 from regions where code = any(${sql.param(codes)}::text[]) order by code for update`);
    const now = new Map((await history.regionsByCodes(tx, codes)).map((r) => [r.code, r]));
    const predecessors = [...new Set(input.predecessorCodes)].map((c) => now.get(c)!);
    const successors = [...new Set(input.successorCodes)].map((c) => now.get(c)!);
    const problem = successionProblem({ kind: input.kind, predecessors, successors, on: input.on }, await history.allSuccessions(tx));
    if (problem) throw fieldError(actor, `body.${problem.field}`, problem.message, problem.field.includes('.') ? 'conflict' : 'validation_failed');
    const links = predecessors.flatMap((p) => successors.filter((s) => s.code !== p.code).map((s) => ({ predecessorCode: p.code, successorCode: s.code })));
    const ending = predecessors.filter((p) => !successors.some((s) => s.code === p.code));
    for (const p of ending) if (p.validTo === null) await history.endRegion(tx, p.code, input.on);
    const scopeCode = input.kind === 'merge' ? successors[0]!.code : predecessors[0]!.code;
    const row = { id, kind: input.kind, effectiveOn: input.on, regionCode: scopeCode, countyCode: countyKeyOf(scopeCode), note: input.note ?? null, createdBy: actor.id };
    await history.insertEvent(tx, row, links);
    await recordAudit(tx, actor, { action: input.kind, entityType: 'region', entityId: scopeCode, regionCode: scopeCode, after: { ...row, links } });
  });
  return eventOut(db, actor, id);
}

/**
 * A rename on a day, keeping the code: the old name stays in the history with its validity. The
 * new name defaults to the current one (the 2023 codes already carry it); a different new name
 * becomes the region's name.
 */
export async function renameRegion(db: Db, actor: Actor, code: string, input: z.infer<typeof renameBody>) {
  requireRole(actor, adminRoles);
  assertWritable(code, actor.scope);
  const before = await repo.getRegion(db, actor.scope, code);
  if (!before) throw notFound(what);
  if (input.id && (await history.eventById(db, input.id))) return getRegion(db, actor, code);
  if (before.version !== input.version) throw staleVersion(before);
  const newName = input.newName ?? before.name;
  if (newName === input.oldName) throw fieldError(actor, 'body.oldName', { zh: '原名称与新名称相同', en: 'The old name is the new one' });
  if ((before.validFrom && input.on <= before.validFrom) || (before.validTo && input.on >= before.validTo)) {
    throw fieldError(actor, 'body.on', { zh: '更名日期应在该区划存续期间', en: 'The day must fall while the region existed' });
  }
  await db.transaction(async (tx) => {
    const set = newName !== before.name ? { name: newName, initials: initialsOf(newName) } : {};
    if (!(await repo.updateRegion(tx, code, input.version, set))) throw staleVersion(before);
    const row = { id: input.id ?? newId(), kind: 'rename' as const, effectiveOn: input.on, regionCode: code, countyCode: countyKeyOf(code), oldName: input.oldName, newName, note: input.note ?? null, createdBy: actor.id };
    await history.insertEvent(tx, row, []);
    await recordAudit(tx, actor, { action: 'rename', entityType: 'region', entityId: code, regionCode: code, before: { name: before.name }, after: row });
  });
  return getRegion(db, actor, code);
}

async function eventOut(db: Executor, actor: Actor, id: string) {
  const e = await history.eventById(db, id);
  if (!e) throw notFound(eventWhat);
  const names = await history.namesOf(db, e.links.flatMap((l) => [l.predecessorCode, l.successorCode]));
  return presentEvent(e, names);
}

type Names = Awaited<ReturnType<typeof history.namesOf>>;
const ref = (names: Names, code: string) => ({ code, name: names.get(code)?.name ?? code, validTo: names.get(code)?.validTo ?? null });

function presentEvent(e: history.RegionEventRow & { links: { predecessorCode: string; successorCode: string }[] }, names: Names) {
  const uniq = (xs: string[]) => [...new Set(xs)];
  return {
    id: e.id,
    kind: e.kind,
    on: e.effectiveOn,
    regionCode: e.regionCode,
    oldName: e.oldName,
    newName: e.newName,
    note: e.note,
    predecessors: uniq(e.links.map((l) => l.predecessorCode)).map((c) => ref(names, c)),
    successors: uniq(e.links.map((l) => l.successorCode)).map((c) => ref(names, c)),
    createdAt: e.createdAt,
  };
}

/** A region's names over time, where it came from and went, and the events recorded. */
export async function regionHistory(db: Db, actor: Actor, code: string) {
  const region = await repo.getRegion(db, actor.scope, code);
  if (!region) throw notFound(what);
  const [edges, events] = await Promise.all([history.allSuccessions(db), history.eventsOf(db, actor.scope, code)]);
  const before = predecessorClosure(edges, [code]);
  const after = successorClosure(edges, [code]);
  const names = await history.namesOf(db, [...before, ...after, ...events.flatMap((e) => e.links.flatMap((l) => [l.predecessorCode, l.successorCode]))]);
  const renames = events.filter((e) => e.kind === 'rename' && e.regionCode === code).map((e) => ({ oldName: e.oldName!, newName: e.newName!, on: e.effectiveOn }));
  return {
    code,
    names: nameHistory(region, renames),
    predecessors: before.map((c) => ref(names, c)),
    successors: after.map((c) => ref(names, c)),
    events: events.map((e) => presentEvent(e, names)),
  };
}
