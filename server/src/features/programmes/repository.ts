import { and, asc, count, desc, eq, ilike, inArray, isNull, isNotNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { ancestorCodes, regionOrAboveWhere, significantPrefix, type Scope } from '../../platform/scope.js';
import { cadres } from '../cadres/tables.js';
import { pairings } from '../pairings/tables.js';
import { regions } from '../regions/tables.js';
import { branches, units } from '../units/tables.js';
import { programmeParticipants, programmeRounds, programmes } from './tables.js';

export type ProgrammeRow = typeof programmes.$inferSelect;
export type RoundRow = typeof programmeRounds.$inferSelect;
export type ParticipantRow = typeof programmeParticipants.$inferSelect;

const esc = (q: string) => q.replace(/[%_\\]/g, (c) => '\\' + c);

/** Programmes a scope reads: those running in its subtree and those of the regions above it (a county's programme). */
const programmeScope = (scope: Scope) => regionOrAboveWhere(programmes.regionCode, scope);

export interface ProgrammeFilter {
  q?: string;
  regionCode?: string;
  status?: ProgrammeRow['status'];
}

function programmeWhere(scope: Scope, f: ProgrammeFilter): SQL {
  const conds: SQL[] = [programmeScope(scope)];
  if (f.q) conds.push(ilike(programmes.name, `%${esc(f.q)}%`));
  if (f.regionCode) {
    const prefix = significantPrefix(f.regionCode);
    conds.push(
      or(
        like(programmes.regionCode, `${prefix}%`),
        inArray(programmes.regionCode, ancestorCodes(prefix).length ? ancestorCodes(prefix) : ['-']),
      )!,
    );
  }
  if (f.status) conds.push(eq(programmes.status, f.status));
  return and(...conds)!;
}

const summary = {
  id: programmes.id,
  name: programmes.name,
  templateKey: programmes.templateKey,
  regionCode: programmes.regionCode,
  regionName: regions.name,
  countyCode: programmes.countyCode,
  startOn: programmes.startOn,
  endOn: programmes.endOn,
  status: programmes.status,
  version: programmes.version,
  createdAt: programmes.createdAt,
  updatedAt: programmes.updatedAt,
};

export async function listProgrammes(db: Executor, scope: Scope, f: ProgrammeFilter & { page: number; pageSize: number }) {
  const where = programmeWhere(scope, f);
  const [items, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select(summary)
      .from(programmes)
      .leftJoin(regions, eq(regions.code, programmes.regionCode))
      .where(where)
      .orderBy(desc(programmes.startOn), asc(programmes.regionCode), asc(programmes.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: count() }).from(programmes).where(where),
  ]);
  return { items, total };
}

export async function getProgramme(db: Executor, scope: Scope, id: string) {
  const rows = await db
    .select({ programme: programmes, regionName: regions.name })
    .from(programmes)
    .leftJoin(regions, eq(regions.code, programmes.regionCode))
    .where(and(eq(programmes.id, id), programmeScope(scope)))
    .limit(1);
  const r = rows[0];
  return r ? { ...r.programme, regionName: r.regionName } : null;
}

/** Unscoped: only to tell an out-of-scope write (403) from a missing row (404), and a taken id. */
export async function programmeExists(db: Executor, id: string): Promise<boolean> {
  return (await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, id)).limit(1)).length > 0;
}

export async function insertProgramme(db: Executor, row: typeof programmes.$inferInsert): Promise<boolean> {
  return (await db.insert(programmes).values(row).onConflictDoNothing().returning({ id: programmes.id })).length > 0;
}

export async function updateProgramme(db: Executor, id: string, version: number, set: Partial<typeof programmes.$inferInsert>) {
  const rows = await db
    .update(programmes)
    .set({ ...set, version: sql`${programmes.version} + 1`, updatedAt: new Date() })
    .where(and(eq(programmes.id, id), eq(programmes.version, version)))
    .returning({ id: programmes.id });
  return rows.length > 0;
}

/** Counts shown with a programme: open enrolments and open pairings. */
export async function programmeCounts(db: Executor, id: string) {
  const [p] = await db
    .select({ n: count() })
    .from(programmeParticipants)
    .where(and(eq(programmeParticipants.programmeId, id), isNull(programmeParticipants.endOn)));
  const [q] = await db
    .select({ n: count() })
    .from(pairings)
    .where(and(eq(pairings.programmeId, id), isNull(pairings.endOn)));
  return { participantCount: p?.n ?? 0, pairingCount: q?.n ?? 0 };
}

// ── rounds ──────────────────────────────────────────────────────────────────

export const roundsOf = (db: Executor, programmeId: string) =>
  db
    .select()
    .from(programmeRounds)
    .where(eq(programmeRounds.programmeId, programmeId))
    .orderBy(asc(programmeRounds.startOn), asc(programmeRounds.no));

export async function getRound(db: Executor, id: string) {
  return (await db.select().from(programmeRounds).where(eq(programmeRounds.id, id)).limit(1))[0] ?? null;
}

export async function insertRound(db: Executor, row: typeof programmeRounds.$inferInsert): Promise<boolean> {
  return (await db.insert(programmeRounds).values(row).onConflictDoNothing().returning({ id: programmeRounds.id })).length > 0;
}

export async function updateRound(db: Executor, id: string, version: number, set: Partial<typeof programmeRounds.$inferInsert>) {
  const rows = await db
    .update(programmeRounds)
    .set({ ...set, version: sql`${programmeRounds.version} + 1`, updatedAt: new Date() })
    .where(and(eq(programmeRounds.id, id), eq(programmeRounds.version, version)))
    .returning({ id: programmeRounds.id });
  return rows.length > 0;
}

// ── participants ────────────────────────────────────────────────────────────

const P = programmeParticipants;
const subjectName = sql<string | null>`coalesce(${cadres.name}, ${units.name}, ${branches.name})`;
const activeHouseholds = sql<number>`(select count(*)::int from ${pairings} pr where pr.programme_id = ${P.programmeId} and pr.helper_kind = ${P.subjectKind}
  and pr.helper_id = ${P.subjectId} and pr.target_kind = 'household' and pr.end_on is null)`;

const participantColumns = {
  id: P.id,
  programmeId: P.programmeId,
  subjectKind: P.subjectKind,
  subjectId: P.subjectId,
  subjectName,
  rank: cadres.rank,
  unitId: sql<string | null>`coalesce(${cadres.unitId}, ${branches.unitId})`,
  regionCode: P.regionCode,
  regionName: regions.name,
  tags: P.tags,
  capacity: P.capacity,
  roundNo: P.roundNo,
  startOn: P.startOn,
  endOn: P.endOn,
  note: P.note,
  activeHouseholds,
  version: P.version,
};

function participantQuery(db: Executor) {
  return db
    .select(participantColumns)
    .from(P)
    .leftJoin(cadres, and(eq(P.subjectKind, 'cadre'), eq(cadres.id, P.subjectId)))
    .leftJoin(units, and(eq(P.subjectKind, 'unit'), eq(units.id, P.subjectId)))
    .leftJoin(branches, and(eq(P.subjectKind, 'branch'), eq(branches.id, P.subjectId)))
    .leftJoin(regions, eq(regions.code, P.regionCode));
}

export interface ParticipantFilter {
  subjectKind?: ParticipantRow['subjectKind'];
  tag?: string;
  regionCode?: string;
  rank?: string;
  current?: boolean;
  ids?: string[];
  subjectIds?: string[];
}

/** Participants a scope reads: of its subtree and of the regions above it (a county leader in a township's programme). */
function participantWhere(programmeId: string, scope: Scope, f: ParticipantFilter): SQL {
  const conds: SQL[] = [eq(P.programmeId, programmeId), regionOrAboveWhere(P.regionCode, scope)];
  if (f.subjectKind) conds.push(eq(P.subjectKind, f.subjectKind));
  if (f.tag) conds.push(sql`${f.tag} = any(${P.tags})`);
  if (f.regionCode) conds.push(like(P.regionCode, `${significantPrefix(f.regionCode)}%`));
  if (f.rank) conds.push(eq(cadres.rank, f.rank as (typeof cadres.$inferSelect)['rank']));
  if (f.current !== undefined) conds.push(f.current ? isNull(P.endOn) : isNotNull(P.endOn));
  if (f.ids) conds.push(f.ids.length ? inArray(P.id, f.ids) : sql`false`);
  if (f.subjectIds) conds.push(f.subjectIds.length ? inArray(P.subjectId, f.subjectIds) : sql`false`);
  return and(...conds)!;
}

export async function listParticipants(
  db: Executor,
  scope: Scope,
  programmeId: string,
  f: ParticipantFilter & { page: number; pageSize: number },
) {
  const where = participantWhere(programmeId, scope, f);
  const [items, [{ total } = { total: 0 }]] = await Promise.all([
    participantQuery(db)
      .where(where)
      .orderBy(asc(P.subjectKind), asc(P.regionCode), asc(subjectName), asc(P.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({ total: count() })
      .from(P)
      .leftJoin(cadres, and(eq(P.subjectKind, 'cadre'), eq(cadres.id, P.subjectId)))
      .where(where),
  ]);
  return { items, total };
}

export async function getParticipant(db: Executor, scope: Scope, id: string) {
  return (
    (
      await participantQuery(db)
        .where(and(eq(P.id, id), regionOrAboveWhere(P.regionCode, scope)))
        .limit(1)
    )[0] ?? null
  );
}

/** Unscoped: the enrolment row itself (to tell 403 from 404, and a taken id). */
export async function participantRow(db: Executor, id: string) {
  return (await db.select().from(P).where(eq(P.id, id)).limit(1))[0] ?? null;
}

/** The open enrolments of these subjects in a programme. Unscoped: the caller checked the subjects. */
export async function openEnrolments(db: Executor, programmeId: string, subjectIds: string[]) {
  if (subjectIds.length === 0) return [];
  return db
    .select()
    .from(P)
    .where(and(eq(P.programmeId, programmeId), isNull(P.endOn), inArray(P.subjectId, subjectIds)));
}

/** Batch insert; a subject already enrolled (open) or an id already used is skipped. Returns the inserted ids. */
export async function insertParticipants(db: Executor, rows: (typeof P.$inferInsert)[]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    out.push(
      ...(
        await db
          .insert(P)
          .values(rows.slice(i, i + 1000))
          .onConflictDoNothing()
          .returning({ id: P.id })
      ).map((r) => r.id),
    );
  }
  return out;
}

export async function updateParticipant(db: Executor, id: string, version: number, set: Partial<typeof P.$inferInsert>) {
  const rows = await db
    .update(P)
    .set({ ...set, version: sql`${P.version} + 1`, updatedAt: new Date() })
    .where(and(eq(P.id, id), eq(P.version, version)))
    .returning({ id: P.id });
  return rows.length > 0;
}

/** Every enrolment of a programme whose participant works in the prefix (or, with `above`, in a region above it). Unscoped. */
export function participantsForCheck(db: Executor, programmeId: string, prefix: string, above: boolean) {
  const region = above
    ? or(like(P.regionCode, `${prefix}%`), inArray(P.regionCode, ancestorCodes(prefix).length ? ancestorCodes(prefix) : ['-']))!
    : like(P.regionCode, `${prefix}%`);
  return db
    .select()
    .from(P)
    .where(and(eq(P.programmeId, programmeId), region));
}

/** Active cadres, units or branches a bulk enrolment selects, inside the prefix. Scoped by the caller's prefix choice. */
export async function subjectsMatching(
  db: Executor,
  prefix: string,
  s: { kind: ParticipantRow['subjectKind']; ranks?: string[]; unitId?: string; unitLevels?: string[] },
): Promise<{ kind: ParticipantRow['subjectKind']; id: string; regionCode: string; countyCode: string }[]> {
  if (s.kind === 'cadre') {
    const conds: SQL[] = [like(cadres.regionCode, `${prefix}%`), eq(cadres.status, 'active')];
    if (s.ranks?.length) conds.push(inArray(cadres.rank, s.ranks as (typeof cadres.$inferSelect)['rank'][]));
    if (s.unitId) conds.push(eq(cadres.unitId, s.unitId));
    const rows = await db
      .select({ id: cadres.id, regionCode: cadres.regionCode, countyCode: cadres.countyCode })
      .from(cadres)
      .where(and(...conds))
      .orderBy(asc(cadres.id));
    return rows.map((r) => ({ kind: 'cadre' as const, ...r }));
  }
  if (s.kind === 'unit') {
    const conds: SQL[] = [like(units.regionCode, `${prefix}%`), eq(units.status, 'active')];
    if (s.unitLevels?.length) conds.push(inArray(units.level, s.unitLevels as (typeof units.$inferSelect)['level'][]));
    if (s.unitId) conds.push(eq(units.id, s.unitId));
    const rows = await db
      .select({ id: units.id, regionCode: units.regionCode, countyCode: units.countyCode })
      .from(units)
      .where(and(...conds))
      .orderBy(asc(units.id));
    return rows.map((r) => ({ kind: 'unit' as const, ...r }));
  }
  const conds: SQL[] = [like(branches.regionCode, `${prefix}%`), eq(branches.status, 'active')];
  if (s.unitId) conds.push(eq(branches.unitId, s.unitId));
  const rows = await db
    .select({ id: branches.id, regionCode: branches.regionCode, countyCode: branches.countyCode })
    .from(branches)
    .where(and(...conds))
    .orderBy(asc(branches.id));
  return rows.map((r) => ({ kind: 'branch' as const, ...r }));
}

/** Cadres, units or branches by id that a scope reads (its subtree and above). */
export async function subjectsByIds(db: Executor, scope: Scope, wanted: { kind: ParticipantRow['subjectKind']; id: string }[]) {
  const ids = (k: string) => wanted.filter((w) => w.kind === k).map((w) => w.id);
  const out: { kind: ParticipantRow['subjectKind']; id: string; regionCode: string; countyCode: string; status: string; rank?: string }[] = [];
  const c = ids('cadre');
  if (c.length) {
    const rows = await db
      .select({ id: cadres.id, regionCode: cadres.regionCode, countyCode: cadres.countyCode, status: cadres.status, rank: cadres.rank })
      .from(cadres)
      .where(and(inArray(cadres.id, c), regionOrAboveWhere(cadres.regionCode, scope)));
    out.push(...rows.map((r) => ({ kind: 'cadre' as const, ...r })));
  }
  const u = ids('unit');
  if (u.length) {
    const rows = await db
      .select({ id: units.id, regionCode: units.regionCode, countyCode: units.countyCode, status: units.status })
      .from(units)
      .where(and(inArray(units.id, u), regionOrAboveWhere(units.regionCode, scope)));
    out.push(...rows.map((r) => ({ kind: 'unit' as const, ...r })));
  }
  const b = ids('branch');
  if (b.length) {
    const rows = await db
      .select({ id: branches.id, regionCode: branches.regionCode, countyCode: branches.countyCode, status: branches.status })
      .from(branches)
      .where(and(inArray(branches.id, b), regionOrAboveWhere(branches.regionCode, scope)));
    out.push(...rows.map((r) => ({ kind: 'branch' as const, ...r })));
  }
  return out;
}

/** Whether anyone at all is enrolled (else the checker takes every cadre of the region). */
export async function hasParticipants(db: Executor, programmeId: string): Promise<boolean> {
  return (await db.select({ id: P.id }).from(P).where(eq(P.programmeId, programmeId)).limit(1)).length > 0;
}
