import { and, asc, count, desc, eq, gt, inArray, isNull, like, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { ancestorCodes, regionWhere, significantPrefix, type Scope } from '../../platform/scope.js';
import { cadres } from '../cadres/tables.js';
import { householdCatalog, households, members } from '../households/tables.js';
import { programmeParticipants, programmes } from '../programmes/tables.js';
import { regions } from '../regions/tables.js';
import { branches, units } from '../units/tables.js';
import type { Pairing } from './rules.js';
import { pairings } from './tables.js';

export type PairingRow = typeof pairings.$inferSelect;
const T = pairings;

/** The head's name of a household id given as text (the active head, else the last one). */
export const headNameOf = (householdId: SQL | typeof T.targetId) =>
  sql<
    string | null
  >`(select m.name from ${members} m where m.household_id = (${householdId})::uuid and m.relation = 'head' order by (m.status = 'active') desc, m.created_at desc limit 1)`;

const helperName = sql<string | null>`case ${T.helperKind}
  when 'cadre' then (select c.name from ${cadres} c where c.id = ${T.helperId})
  when 'unit' then (select u.name from ${units} u where u.id = ${T.helperId})
  when 'branch' then (select b.name from ${branches} b where b.id = ${T.helperId}) end`;
const helperRank = sql<
  string | null
>`case when ${T.helperKind} = 'cadre' then (select c.rank from ${cadres} c where c.id = ${T.helperId}) end`;
const targetName = sql<string | null>`case ${T.targetKind}
  when 'household' then ${headNameOf(T.targetId)}
  when 'branch' then (select b.name from ${branches} b where b.id = (${T.targetId})::uuid)
  when 'township' then (select r.name from ${regions} r where r.code = ${T.targetId})
  when 'village' then (select r.name from ${regions} r where r.code = ${T.targetId}) end`;

const columns = {
  id: T.id,
  programmeId: T.programmeId,
  programmeName: programmes.name,
  role: T.role,
  helperKind: T.helperKind,
  helperId: T.helperId,
  helperName,
  helperRank,
  targetKind: T.targetKind,
  targetId: T.targetId,
  targetName,
  lead: T.lead,
  roundNo: T.roundNo,
  startOn: T.startOn,
  endOn: T.endOn,
  endReason: T.endReason,
  replacedById: T.replacedById,
  note: T.note,
  regionCode: T.regionCode,
  // A group is named with its village (吉久村二组): "二组" alone is in every village.
  regionName: sql<
    string | null
  >`case when length(${T.regionCode}) = 15 then (select v.name from ${regions} v where v.code = substr(${T.regionCode}, 1, 12)) || ${regions.name} else ${regions.name} end`,
  countyCode: T.countyCode,
  version: T.version,
  createdAt: T.createdAt,
  updatedAt: T.updatedAt,
};

const query = (db: Executor) =>
  db.select(columns).from(T).leftJoin(programmes, eq(programmes.id, T.programmeId)).leftJoin(regions, eq(regions.code, T.regionCode));

/** Holds on the day: [start_on, end_on). */
export const activeOnWhere = (day: string): SQL => and(lte(T.startOn, day), or(isNull(T.endOn), gt(T.endOn, day)))!;

export interface PairingFilter {
  programmeId?: string;
  helperKind?: PairingRow['helperKind'];
  helperId?: string;
  targetKind?: PairingRow['targetKind'];
  targetId?: string;
  regionCode?: string;
  role?: PairingRow['role'];
  activeOn?: string;
  open?: boolean;
  ids?: string[];
}

/** Pairings a scope reads: those whose target lies in its subtree. */
function pairingWhere(scope: Scope, f: PairingFilter): SQL {
  const conds: SQL[] = [regionWhere(T.regionCode, scope)];
  if (f.programmeId) conds.push(eq(T.programmeId, f.programmeId));
  if (f.helperKind) conds.push(eq(T.helperKind, f.helperKind));
  if (f.helperId) conds.push(eq(T.helperId, f.helperId));
  if (f.targetKind) conds.push(eq(T.targetKind, f.targetKind));
  if (f.targetId) conds.push(eq(T.targetId, f.targetId));
  if (f.regionCode) conds.push(like(T.regionCode, `${significantPrefix(f.regionCode)}%`));
  if (f.role) conds.push(eq(T.role, f.role));
  if (f.activeOn) conds.push(activeOnWhere(f.activeOn));
  if (f.open !== undefined) conds.push(f.open ? isNull(T.endOn) : sql`${T.endOn} is not null`);
  if (f.ids) conds.push(f.ids.length ? inArray(T.id, f.ids) : sql`false`);
  return and(...conds)!;
}

const order = [sql`(${T.endOn} is null) desc`, desc(T.startOn), asc(T.regionCode), asc(T.id)];

export async function listPairings(db: Executor, scope: Scope, f: PairingFilter & { page: number; pageSize: number }) {
  const where = pairingWhere(scope, f);
  const [items, [{ total } = { total: 0 }]] = await Promise.all([
    query(db)
      .where(where)
      .orderBy(...order)
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: count() }).from(T).where(where),
  ]);
  return { items, total };
}

/** Pairings by id as a scope reads them, in the list's order. */
export const pairingsByIds = (db: Executor, scope: Scope, ids: string[]) =>
  ids.length
    ? query(db)
        .where(pairingWhere(scope, { ids }))
        .orderBy(...order)
    : Promise.resolve([]);

export async function getPairing(db: Executor, scope: Scope, id: string) {
  return (
    (
      await query(db)
        .where(pairingWhere(scope, { ids: [id] }))
        .limit(1)
    )[0] ?? null
  );
}

/** Unscoped: the stored row (403 vs 404, taken ids, idempotent retries). */
export async function pairingRows(db: Executor, ids: string[]) {
  return ids.length ? db.select().from(T).where(inArray(T.id, ids)) : [];
}

/** Batch insert; returns the inserted ids (an id or an open helper+target+programme already there is skipped). */
export async function insertPairings(db: Executor, rows: (typeof T.$inferInsert)[]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    out.push(
      ...(
        await db
          .insert(T)
          .values(rows.slice(i, i + 1000))
          .onConflictDoNothing()
          .returning({ id: T.id })
      ).map((r) => r.id),
    );
  }
  return out;
}

export async function updatePairing(db: Executor, id: string, version: number, set: Partial<typeof T.$inferInsert>) {
  const rows = await db
    .update(T)
    .set({ ...set, version: sql`${T.version} + 1`, updatedAt: new Date() })
    .where(and(eq(T.id, id), eq(T.version, version)))
    .returning({ id: T.id });
  return rows.length > 0;
}

/** Open pairings (end_on null) of a target, any programme. Unscoped: the caller checked the target. */
export const openOfTarget = (db: Executor, targetKind: PairingRow['targetKind'], targetId: string) =>
  db
    .select()
    .from(T)
    .where(and(eq(T.targetKind, targetKind), eq(T.targetId, targetId), isNull(T.endOn)));

/** Pairings of cadres holding on a day (a handover's old pairings). Unscoped: the caller checks each target's scope. */
export const activeOfHelpers = (db: Executor, helperKind: PairingRow['helperKind'], helperIds: string[], day: string) =>
  helperIds.length
    ? db
        .select()
        .from(T)
        .where(and(eq(T.helperKind, helperKind), inArray(T.helperId, helperIds), activeOnWhere(day)))
        .orderBy(asc(T.startOn), asc(T.id))
    : Promise.resolve([]);

/** The pairing of the domain (rules.ts) of a stored row. */
export const toPairing = (r: PairingRow): Pairing => ({
  id: r.id,
  programmeId: r.programmeId,
  role: r.role,
  helperKind: r.helperKind,
  helperId: r.helperId,
  targetKind: r.targetKind,
  targetId: r.targetId,
  lead: r.lead,
  roundNo: r.roundNo,
  startOn: r.startOn,
  endOn: r.endOn,
  regionCode: r.regionCode,
  note: r.note,
});

// ── what the checker and the assistant read ─────────────────────────────────

/**
 * A programme's pairings holding on the day whose target lies in the prefix, or whose helper is
 * enrolled in the programme in the prefix (or above it, with `above`), so that a helper's pairing
 * outside the region is seen and reported. Only the columns the checker reads. Unscoped.
 */
export async function pairingsForCheck(db: Executor, programmeId: string, prefix: string, enrolledAbove: boolean | null, day: string): Promise<Pairing[]> {
  const above = ancestorCodes(prefix);
  const participantRegion = enrolledAbove && above.length ? sql`(pp.region_code like ${prefix + '%'} or pp.region_code in ${above})` : sql`pp.region_code like ${prefix + '%'}`;
  const where =
    enrolledAbove === null
      ? like(T.regionCode, `${prefix}%`)
      : or(like(T.regionCode, `${prefix}%`), sql`${T.helperId} in (select pp.subject_id from ${programmeParticipants} pp where pp.programme_id = ${programmeId} and ${participantRegion})`)!;
  const rows = await db
    .select({
      id: T.id,
      programmeId: T.programmeId,
      role: T.role,
      helperKind: T.helperKind,
      helperId: T.helperId,
      targetKind: T.targetKind,
      targetId: T.targetId,
      lead: T.lead,
      roundNo: T.roundNo,
      startOn: T.startOn,
      endOn: T.endOn,
      regionCode: T.regionCode,
    })
    .from(T)
    .where(and(eq(T.programmeId, programmeId), activeOnWhere(day), where));
  return rows;
}

/** Households of the prefix with their head's name, categories and when they stopped being active. Unscoped. */
export const householdsForCheck = (db: Executor, prefix: string) =>
  db
    .select({
      id: households.id,
      regionCode: households.regionCode,
      categories: households.categories,
      status: households.status,
      statusChangedOn: households.statusChangedOn,
      updatedAt: households.updatedAt,
      // Spelt out: drizzle leaves the table off columns of a one-table select, and m.id would shadow it.
      name: sql<
        string | null
      >`(select m.name from ${members} m where m.household_id = "households"."id" and m.relation = 'head' order by (m.status = 'active') desc, m.created_at desc limit 1)`,
    })
    .from(households)
    .where(like(households.regionCode, `${prefix}%`));

/** Cadres by id, or every cadre working in the prefix. Unscoped. */
export const cadresForCheck = (db: Executor, f: { ids?: string[]; prefix?: string }) =>
  db
    .select({
      id: cadres.id,
      name: cadres.name,
      rank: cadres.rank,
      regionCode: cadres.regionCode,
      unitId: cadres.unitId,
      branchId: cadres.branchId,
      status: cadres.status,
      updatedAt: cadres.updatedAt,
    })
    .from(cadres)
    .where(f.ids ? (f.ids.length ? inArray(cadres.id, f.ids) : sql`false`) : like(cadres.regionCode, `${f.prefix}%`));

export const unitsForCheck = (db: Executor, ids: string[]) =>
  ids.length
    ? db
        .select({
          id: units.id,
          name: units.name,
          regionCode: units.regionCode,
          level: units.level,
          status: units.status,
          updatedAt: units.updatedAt,
        })
        .from(units)
        .where(inArray(units.id, ids))
    : Promise.resolve([]);

/** Branches by id and every branch of the prefix (they are targets too). Unscoped. */
export const branchesForCheck = (db: Executor, prefix: string, ids: string[]) =>
  db
    .select({
      id: branches.id,
      name: branches.name,
      regionCode: branches.regionCode,
      unitId: branches.unitId,
      status: branches.status,
      updatedAt: branches.updatedAt,
    })
    .from(branches)
    .where(ids.length ? or(like(branches.regionCode, `${prefix}%`), inArray(branches.id, ids)) : like(branches.regionCode, `${prefix}%`));

export const regionsForCheck = (db: Executor, prefix: string) =>
  db
    .select({ code: regions.code, name: regions.name, validFrom: regions.validFrom, validTo: regions.validTo })
    .from(regions)
    .where(and(like(regions.code, `${prefix}%`), inArray(regions.level, ['township', 'village'])));

/** The region's own category names (the built-in ones are known to messages.ts). */
export const categoryNamesFor = (db: Executor) =>
  db
    .select({ code: householdCatalog.code, zh: householdCatalog.nameZh, en: householdCatalog.nameEn })
    .from(householdCatalog)
    .where(eq(householdCatalog.kind, 'category'));

// ── my households, a household's helpers ────────────────────────────────────

const village = sql<string | null>`(select r.name from ${regions} r where r.code = substr(${households.regionCode}, 1, 12))`;
const group = sql<
  string | null
>`case when length(${households.regionCode}) = 15 then (select r.name from ${regions} r where r.code = ${households.regionCode}) end`;

/** A cadre's open household pairings, with the household's head, village and categories. Scoped by the household's region. */
export async function householdsOfCadre(
  db: Executor,
  scope: Scope,
  cadreId: string,
  f: { programmeId?: string; page: number; pageSize: number },
) {
  const conds: SQL[] = [
    eq(T.helperKind, 'cadre'),
    eq(T.helperId, cadreId),
    eq(T.targetKind, 'household'),
    isNull(T.endOn),
    regionWhere(T.regionCode, scope),
  ];
  if (f.programmeId) conds.push(eq(T.programmeId, f.programmeId));
  const where = and(...conds)!;
  const [items, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select({
        pairingId: T.id,
        householdId: households.id,
        headName: headNameOf(T.targetId),
        regionCode: households.regionCode,
        villageName: village,
        groupName: group,
        categories: households.categories,
        phone: households.phone,
        role: T.role,
        lead: T.lead,
        programmeId: T.programmeId,
        programmeName: programmes.name,
        startOn: T.startOn,
      })
      .from(T)
      .innerJoin(households, eq(households.id, sql`(${T.targetId})::uuid`))
      .leftJoin(programmes, eq(programmes.id, T.programmeId))
      .where(where)
      .orderBy(asc(households.regionCode), asc(T.startOn), asc(T.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: count() }).from(T).where(where),
  ]);
  return { items, total };
}

/** A cadre's open pairings in villages: households grouped by village, and village targets (resident, leader links). */
export async function villagesOfCadre(db: Executor, scope: Scope, cadreId: string) {
  const open = and(eq(T.helperKind, 'cadre'), eq(T.helperId, cadreId), isNull(T.endOn), regionWhere(T.regionCode, scope))!;
  const villageCode = sql<string>`substr(${T.regionCode}, 1, 12)`;
  const counts = await db
    .select({ villageCode, households: sql<number>`count(*)::int` })
    .from(T)
    .where(and(open, eq(T.targetKind, 'household')))
    .groupBy(villageCode);
  const postings = await db
    .select({
      pairingId: T.id,
      villageCode: T.targetId,
      role: T.role,
      roundNo: T.roundNo,
      startOn: T.startOn,
      programmeName: programmes.name,
    })
    .from(T)
    .leftJoin(programmes, eq(programmes.id, T.programmeId))
    .where(and(open, eq(T.targetKind, 'village')))
    .orderBy(asc(T.startOn));
  const codes = [...new Set([...counts.map((c) => c.villageCode), ...postings.map((p) => p.villageCode)])].filter((c) => c.length === 12);
  const names = codes.length
    ? await db
        .select({ code: regions.code, name: regions.name })
        .from(regions)
        .where(inArray(regions.code, [...codes, ...codes.map((c) => `${c.slice(0, 9)}000`)]))
    : [];
  return { counts, postings, names: new Map(names.map((n) => [n.code, n.name])), codes: codes.sort() };
}
