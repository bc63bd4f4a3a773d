import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import { requireRole, type Actor } from '../../platform/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { adminRoles } from '../../platform/roles.js';
import { countyOf, inScope, significantPrefix } from '../../platform/scope.js';
import { recordAudit } from '../audit/service.js';
import { catalogFor } from '../households/catalog-repository.js';
import { conflictOn, idTaken, orStale, StaleRow } from '../households/access.js';
import { builtInCategories } from '../households/labels.js';
import { regionForWrite } from '../regions/service.js';
import * as repo from './repository.js';
import { copyTemplate, programmeProblems, type Programme, type ProgrammeDefinition, type Round } from './rules.js';
import type {
  createProgrammeBody,
  createRoundBody,
  enrolBody,
  leaveBody,
  participantListQuery,
  programmeListQuery,
  updateParticipantBody,
  updateProgrammeBody,
  updateRoundBody,
} from './schemas.js';
import { programmeTemplates, templateByKey } from './templates.js';

export const programmeWhat = { zh: '活动', en: 'Programme' };
const roundWhat = { zh: '轮次', en: 'Round' };
const participantWhat = { zh: '参与者', en: 'Participant' };

/** Today in Asia/Shanghai (UTC+8, no daylight saving). */
export const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const countyCodeOf = (code: string) => countyOf(code) ?? code.slice(0, 6);

const field = (actor: Actor, path: string, msg: { zh: string; en: string }) =>
  new AppError('validation_failed', msg, [{ path, message: actor.lang === 'en' ? msg.en : msg.zh }]);

/** Problems as one 400, each naming its field under `prefix`. */
function problemsError(actor: Actor, problems: { path: (string | number)[]; zh: string; en: string }[], prefix = 'body') {
  const first = problems[0]!;
  return new AppError(
    'validation_failed',
    problems.length === 1 ? { zh: first.zh, en: first.en } : undefined,
    problems.map((p) => ({ path: [prefix, ...p.path].join('.'), message: actor.lang === 'en' ? p.en : p.zh })),
  );
}

export type ProgrammeRecord = NonNullable<Awaited<ReturnType<typeof repo.getProgramme>>>;

const toRound = (r: repo.RoundRow): Round => ({ no: r.no, name: r.name, startOn: r.startOn, endOn: r.endOn, plannedCount: r.plannedCount });

/** The domain programme (rules.ts) of a stored one. */
export function toProgramme(p: repo.ProgrammeRow, rounds: readonly repo.RoundRow[]): Programme {
  return {
    id: p.id,
    templateKey: p.templateKey,
    name: p.name,
    regionCode: p.regionCode,
    period: { startOn: p.startOn, endOn: p.endOn },
    rounds: rounds.map(toRound),
    requirements: p.requirements,
    pairingRules: p.pairingRules,
    coverage: p.coverage,
    capacities: p.capacities,
  };
}

async function present(db: Executor, p: ProgrammeRecord) {
  const rounds = await repo.roundsOf(db, p.id);
  const counts = await repo.programmeCounts(db, p.id);
  const def = toProgramme(p, rounds);
  return {
    ...def,
    regionName: p.regionName,
    countyCode: p.countyCode,
    status: p.status,
    rounds: rounds.map((r) => ({ ...toRound(r), id: r.id, programmeId: r.programmeId, plannedCount: r.plannedCount, version: r.version })),
    ...counts,
    version: p.version,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export const listTemplates = () => ({
  items: programmeTemplates.map((t) => ({ key: t.key, seed: t.seed, name: t.definition.name, definition: t.definition })),
});

export async function listProgrammes(db: Db, actor: Actor, q: z.infer<typeof programmeListQuery>) {
  const { items, total } = await repo.listProgrammes(db, actor.scope, q);
  return { items: items.map(({ startOn, endOn, ...r }) => ({ ...r, period: { startOn, endOn } })), total };
}

/** A programme the actor reads (its region in scope or above it), else 404. */
export async function programmeForRead(db: Executor, actor: Actor, id: string) {
  const p = await repo.getProgramme(db, actor.scope, id);
  if (!p) throw notFound(programmeWhat);
  return p;
}

/** A programme the actor may change: an administrator whose scope holds its region; 404 unknown, 403 outside. */
export async function programmeForWrite(db: Executor, actor: Actor, id: string) {
  requireRole(actor, adminRoles);
  const p = await repo.getProgramme(db, actor.scope, id);
  if (p && inScope(p.regionCode, actor.scope)) return p;
  if (p || (await repo.programmeExists(db, id))) throw new AppError('out_of_scope');
  throw notFound(programmeWhat);
}

export async function getProgramme(db: Executor, actor: Actor, id: string) {
  return present(db, await programmeForRead(db, actor, id));
}

/** Category codes a definition names that the region's catalogue lacks, each on its field. */
async function unknownCategories(db: Executor, regionCode: string, def: ProgrammeDefinition) {
  const known = new Set([...builtInCategories.map((c) => c.code), ...(await catalogFor(db, regionCode, 'category')).map((c) => c.code)]);
  const out: { path: (string | number)[]; zh: string; en: string }[] = [];
  const check = (path: (string | number)[], codes: readonly string[]) => {
    const bad = codes.filter((c) => !known.has(c));
    if (bad.length)
      out.push({ path, zh: `农户类别 ${bad.join('、')} 不在类别目录中`, en: `Unknown household categories: ${bad.join(', ')}` });
  };
  def.pairingRules.forEach(
    (r, i) => r.target.kind === 'household' && check(['pairingRules', i, 'target', 'categories'], r.target.categories),
  );
  def.coverage.forEach((r, i) => r.target.kind === 'household' && check(['coverage', i, 'target', 'categories'], r.target.categories));
  if (def.requirements.mustVisit) check(['requirements', 'mustVisit', 'categories'], def.requirements.mustVisit.categories);
  return out;
}

async function assertDefinition(db: Executor, actor: Actor, def: ProgrammeDefinition) {
  const problems = [...programmeProblems(def), ...(await unknownCategories(db, def.regionCode, def))];
  if (problems.length) throw problemsError(actor, problems);
}

/**
 * A programme copied from a template (then adjusted with PATCH) or typed whole. Idempotent on the
 * client id; its rounds become rows of their own.
 */
export async function createProgramme(db: Db, actor: Actor, input: z.infer<typeof createProgrammeBody>) {
  requireRole(actor, adminRoles);
  if (input.id) {
    const existing = await repo.getProgramme(db, actor.scope, input.id);
    if (existing) return present(db, existing);
    if (await repo.programmeExists(db, input.id)) throw idTaken(actor);
  }
  const id = input.id ?? newId();
  let def: Programme;
  if (input.fromTemplate !== undefined) {
    const template = templateByKey(input.fromTemplate);
    if (!template)
      throw field(actor, 'body.fromTemplate', { zh: `没有模板 ${input.fromTemplate}`, en: `No template ${input.fromTemplate}` });
    def = copyTemplate(template, { id, regionCode: input.regionCode ?? actor.regionCode, name: input.name, startOn: input.startOn });
  } else {
    const d = input.definition!;
    def = { ...d, id, templateKey: null, regionCode: input.regionCode ?? d.regionCode, name: input.name ?? d.name };
  }
  const region = await regionForWrite(db, actor, def.regionCode, 'body.regionCode');
  await assertDefinition(db, actor, def);
  const row = {
    id,
    regionCode: region.code,
    countyCode: countyCodeOf(region.code),
    name: def.name,
    templateKey: def.templateKey,
    startOn: def.period.startOn,
    endOn: def.period.endOn,
    requirements: def.requirements,
    pairingRules: def.pairingRules,
    coverage: def.coverage,
    capacities: def.capacities,
    status: input.status ?? ('active' as const),
    createdBy: actor.id,
    updatedBy: actor.id,
  };
  const rounds = def.rounds.map((r) => ({
    id: newId(),
    programmeId: id,
    regionCode: row.regionCode,
    countyCode: row.countyCode,
    no: r.no,
    name: r.name,
    startOn: r.startOn,
    endOn: r.endOn,
    plannedCount: r.plannedCount ?? null,
  }));
  await db.transaction(async (tx) => {
    if (!(await repo.insertProgramme(tx, row))) throw idTaken(actor);
    for (const r of rounds) await repo.insertRound(tx, r);
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'programme',
      entityId: id,
      regionCode: row.regionCode,
      after: { ...row, rounds },
    });
  });
  return getProgramme(db, actor, id);
}

/** Changes a programme's name, period, requirements and rules; the whole definition is checked again. */
export async function updateProgramme(db: Db, actor: Actor, id: string, input: z.infer<typeof updateProgrammeBody>) {
  const before = await programmeForWrite(db, actor, id);
  const { version, status, ...changes } = input;
  const current = toProgramme(before, await repo.roundsOf(db, id));
  const def: Programme = { ...current, ...changes };
  await assertDefinition(db, actor, def);
  const set = {
    ...(changes.name !== undefined ? { name: changes.name } : {}),
    ...(changes.period ? { startOn: changes.period.startOn, endOn: changes.period.endOn } : {}),
    ...(changes.requirements ? { requirements: changes.requirements } : {}),
    ...(changes.pairingRules ? { pairingRules: changes.pairingRules } : {}),
    ...(changes.coverage ? { coverage: changes.coverage } : {}),
    ...(changes.capacities ? { capacities: changes.capacities } : {}),
    ...(status ? { status } : {}),
    updatedBy: actor.id,
  };
  await orStale(
    () =>
      db.transaction(async (tx) => {
        if (!(await repo.updateProgramme(tx, id, version, set))) throw new StaleRow();
        await recordAudit(tx, actor, {
          action: 'update',
          entityType: 'programme',
          entityId: id,
          regionCode: before.regionCode,
          before,
          after: { ...changes, ...(status ? { status } : {}) },
        });
      }),
    () => getProgramme(db, actor, id),
  );
  return getProgramme(db, actor, id);
}

// ── rounds ──────────────────────────────────────────────────────────────────

/** The programme with its rounds replaced, checked whole: rounds inside the period, not overlapping, numbers unique. */
async function assertRounds(db: Executor, actor: Actor, p: ProgrammeRecord, rounds: Round[], path: string) {
  const def = { ...toProgramme(p, []), rounds };
  // Paths name the round's own field (endOn, startOn); a round outside the period is on its dates.
  const problems = programmeProblems(def).filter((x) => x.path[0] === 'rounds');
  if (problems.length)
    throw problemsError(
      actor,
      problems.map((x) => ({ ...x, path: [x.path[2] ?? 'startOn'] })),
      path,
    );
}

export async function addRound(db: Db, actor: Actor, programmeId: string, input: z.infer<typeof createRoundBody>) {
  const p = await programmeForWrite(db, actor, programmeId);
  const rounds = await repo.roundsOf(db, programmeId);
  if (input.id) {
    const existing = rounds.find((r) => r.id === input.id);
    if (existing) return getProgramme(db, actor, programmeId);
    if (await repo.getRound(db, input.id)) throw idTaken(actor);
  }
  if (rounds.some((r) => r.no === input.no))
    throw conflictOn(actor, 'duplicate', 'body.no', { zh: `轮次 ${input.no} 已存在`, en: `Round ${input.no} exists` });
  const round: Round = {
    no: input.no,
    name: input.name,
    startOn: input.startOn,
    endOn: input.endOn,
    plannedCount: input.plannedCount ?? null,
  };
  await assertRounds(db, actor, p, [...rounds.map(toRound), round], 'body');
  const row = {
    id: input.id ?? newId(),
    programmeId,
    regionCode: p.regionCode,
    countyCode: p.countyCode,
    ...round,
    plannedCount: round.plannedCount ?? null,
  };
  await db.transaction(async (tx) => {
    if (!(await repo.insertRound(tx, row)))
      throw conflictOn(actor, 'duplicate', 'body.no', { zh: `轮次 ${input.no} 已存在`, en: `Round ${input.no} exists` });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'programme_round',
      entityId: row.id,
      regionCode: p.regionCode,
      after: row,
    });
  });
  return getProgramme(db, actor, programmeId);
}

export async function updateRound(db: Db, actor: Actor, roundId: string, input: z.infer<typeof updateRoundBody>) {
  const round = await repo.getRound(db, roundId);
  if (!round || !(await repo.getProgramme(db, actor.scope, round.programmeId))) {
    if (round) throw new AppError('out_of_scope');
    throw notFound(roundWhat);
  }
  const p = await programmeForWrite(db, actor, round.programmeId);
  const { version, ...changes } = input;
  const rounds = (await repo.roundsOf(db, p.id)).map((r) => (r.id === roundId ? { ...toRound(r), ...changes } : toRound(r)));
  await assertRounds(db, actor, p, rounds, 'body');
  await orStale(
    () =>
      db.transaction(async (tx) => {
        if (!(await repo.updateRound(tx, roundId, version, changes))) throw new StaleRow();
        await recordAudit(tx, actor, {
          action: 'update',
          entityType: 'programme_round',
          entityId: roundId,
          regionCode: p.regionCode,
          before: round,
          after: changes,
        });
      }),
    () => getProgramme(db, actor, p.id),
  );
  return getProgramme(db, actor, p.id);
}

// ── participants ────────────────────────────────────────────────────────────

export async function listParticipants(db: Db, actor: Actor, programmeId: string, q: z.infer<typeof participantListQuery>) {
  await programmeForRead(db, actor, programmeId);
  return repo.listParticipants(db, actor.scope, programmeId, q);
}

/**
 * Enrols chosen cadres, units or branches, or every active one a bulk selection matches (all
 * township cadres of 补抽乡, a unit's cadres …), with the same tags and capacity. Subjects already
 * taking part are left as they are; the actor must be able to change each subject's region.
 * One audit entry per request, listing the enrolments.
 */
export async function enrol(db: Db, actor: Actor, programmeId: string, input: z.infer<typeof enrolBody>) {
  requireRole(actor, adminRoles);
  const p = await programmeForRead(db, actor, programmeId);
  if (input.id) {
    const existing = await repo.participantRow(db, input.id);
    if (existing && existing.programmeId === programmeId && (await repo.getParticipant(db, actor.scope, input.id))) {
      return {
        enrolled: 0,
        alreadyEnrolled: 1,
        items: (await repo.listParticipants(db, actor.scope, programmeId, { ids: [input.id], page: 1, pageSize: 1 })).items,
      };
    }
    if (existing) throw idTaken(actor);
  }
  const rounds = await repo.roundsOf(db, programmeId);
  const round = input.roundNo == null ? null : rounds.find((r) => r.no === input.roundNo);
  if (input.roundNo != null && !round)
    throw field(actor, 'body.roundNo', { zh: `活动没有第 ${input.roundNo} 轮`, en: `The programme has no round ${input.roundNo}` });

  let subjects: { kind: repo.ParticipantRow['subjectKind']; id: string; regionCode: string; countyCode: string }[];
  if (input.subjects) {
    const found = await repo.subjectsByIds(db, actor.scope, input.subjects);
    const byKey = new Map(found.map((f) => [`${f.kind}:${f.id}`, f]));
    const problems: { path: (string | number)[]; zh: string; en: string }[] = [];
    input.subjects.forEach((s, i) => {
      const f = byKey.get(`${s.kind}:${s.id}`);
      if (!f) problems.push({ path: ['subjects', i, 'id'], zh: '不存在或不在您的管辖范围内', en: 'Not found in your scope' });
      else if (f.status !== 'active')
        problems.push({ path: ['subjects', i, 'id'], zh: '已调离或撤销，不能参加活动', en: 'Has left or was dissolved' });
    });
    if (problems.length) throw problemsError(actor, problems);
    if (found.some((f) => !inScope(f.regionCode, actor.scope))) throw new AppError('out_of_scope');
    subjects = [...byKey.values()];
  } else {
    const sel = input.select!;
    let prefix: string;
    if (sel.regionCode) {
      if (!inScope(sel.regionCode, actor.scope)) throw new AppError('out_of_scope');
      prefix = significantPrefix(sel.regionCode);
    } else {
      const own = significantPrefix(p.regionCode);
      prefix = own.startsWith(actor.scope.prefix) ? own : actor.scope.prefix;
    }
    subjects = await repo.subjectsMatching(db, prefix, sel);
  }
  const open = new Set(
    (
      await repo.openEnrolments(
        db,
        programmeId,
        subjects.map((s) => s.id),
      )
    ).map((e) => `${e.subjectKind}:${e.subjectId}`),
  );
  const fresh = subjects.filter((s) => !open.has(`${s.kind}:${s.id}`));
  const startOn = input.startOn ?? round?.startOn ?? today();
  const rows = fresh.map((s) => ({
    id: input.id ?? newId(),
    programmeId,
    subjectKind: s.kind,
    subjectId: s.id,
    regionCode: s.regionCode,
    countyCode: s.countyCode,
    tags: [...new Set(input.tags)],
    capacity: input.capacity ?? null,
    roundNo: input.roundNo ?? null,
    startOn,
    endOn: null,
    note: input.note ?? null,
  }));
  const inserted = rows.length
    ? await db.transaction(async (tx) => {
        const ids = await repo.insertParticipants(tx, rows);
        await recordAudit(tx, actor, {
          action: 'enrol',
          entityType: 'programme',
          entityId: programmeId,
          regionCode: p.regionCode,
          after: { participants: rows.filter((r) => ids.includes(r.id)) },
        });
        return ids;
      })
    : [];
  const items = (
    await repo.listParticipants(db, actor.scope, programmeId, {
      subjectIds: subjects.map((s) => s.id),
      current: true,
      page: 1,
      pageSize: 500,
    })
  ).items;
  return { enrolled: inserted.length, alreadyEnrolled: subjects.length - inserted.length, items };
}

/** An enrolment to change: the programme readable, the participant's region writable; 404 unknown, 403 outside. */
async function participantForWrite(db: Executor, actor: Actor, id: string) {
  requireRole(actor, adminRoles);
  const row = await repo.participantRow(db, id);
  const visible = row ? await repo.getParticipant(db, actor.scope, id) : null;
  if (row && visible && (await repo.getProgramme(db, actor.scope, row.programmeId))) {
    if (!inScope(row.regionCode, actor.scope)) throw new AppError('out_of_scope');
    return row;
  }
  if (row) throw new AppError('out_of_scope');
  throw notFound(participantWhat);
}

const participantOf = async (db: Executor, actor: Actor, id: string) => (await repo.getParticipant(db, actor.scope, id))!;

export async function updateParticipant(db: Db, actor: Actor, id: string, input: z.infer<typeof updateParticipantBody>) {
  const before = await participantForWrite(db, actor, id);
  const { version, ...changes } = input;
  if (changes.roundNo != null && !(await repo.roundsOf(db, before.programmeId)).some((r) => r.no === changes.roundNo)) {
    throw field(actor, 'body.roundNo', { zh: `活动没有第 ${changes.roundNo} 轮`, en: `The programme has no round ${changes.roundNo}` });
  }
  const set = { ...changes, ...(changes.tags ? { tags: [...new Set(changes.tags)] } : {}) };
  await orStale(
    () =>
      db.transaction(async (tx) => {
        if (!(await repo.updateParticipant(tx, id, version, set))) throw new StaleRow();
        await recordAudit(tx, actor, {
          action: 'update',
          entityType: 'programme_participant',
          entityId: id,
          regionCode: before.regionCode,
          before,
          after: changes,
        });
      }),
    () => participantOf(db, actor, id),
  );
  return participantOf(db, actor, id);
}

/** Leaving a programme: the enrolment ends on the day (its pairings are ended separately, or handed over). */
export async function leave(db: Db, actor: Actor, id: string, input: z.infer<typeof leaveBody>) {
  const before = await participantForWrite(db, actor, id);
  if (before.endOn !== null) throw conflictOn(actor, 'conflict', 'body.on', { zh: '已退出该活动', en: 'Already left' });
  if (input.on < before.startOn) throw field(actor, 'body.on', { zh: '退出日期不应早于参加日期', en: 'Cannot leave before joining' });
  const set = { endOn: input.on, ...(input.note !== undefined ? { note: input.note } : {}) };
  await orStale(
    () =>
      db.transaction(async (tx) => {
        if (!(await repo.updateParticipant(tx, id, input.version, set))) throw new StaleRow();
        await recordAudit(tx, actor, {
          action: 'leave',
          entityType: 'programme_participant',
          entityId: id,
          regionCode: before.regionCode,
          before,
          after: set,
        });
      }),
    () => participantOf(db, actor, id),
  );
  return participantOf(db, actor, id);
}
