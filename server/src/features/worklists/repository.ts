import { and, arrayContains, asc, eq, gte, inArray, isNull, like, lt, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { households } from '../households/tables.js';
import { headNameOf } from '../pairings/repository.js';
import { cadres } from '../cadres/tables.js';
import { diaryEntries } from '../diaries/tables.js';
import { pairings } from '../pairings/tables.js';
import { programmes } from '../programmes/tables.js';
import { regions } from '../regions/tables.js';
import { branches, units } from '../units/tables.js';
import { visits } from '../visits/tables.js';

/** Pairings of cadres to households that hold on a day: [start_on, end_on). */
const activeHouseholdPairing = (day: string) =>
  and(
    eq(pairings.helperKind, 'cadre'),
    eq(pairings.targetKind, 'household'),
    lte(pairings.startOn, day),
    or(isNull(pairings.endOn), sql`${pairings.endOn} > ${day}`),
  );

/** The requirements of programmes (visit and diary quotas). */
export async function requirementsOf(db: Executor, programmeIds: string[]) {
  if (programmeIds.length === 0) return [];
  return (await db.select({ requirements: programmes.requirements }).from(programmes).where(inArray(programmes.id, programmeIds))).map(
    (r) => r.requirements,
  );
}

/** For each household: the last visit by the cadre up to `to`, and the number in [from, to). */
export async function visitFactsOf(db: Executor, cadreId: string, householdIds: string[], from: string, to: string) {
  if (householdIds.length === 0) return [];
  const h = sql<string>`h.id`;
  return db
    .select({
      householdId: sql<string>`${h}::text`,
      lastVisitOn: sql<string | null>`to_char(max(${visits.visitedOn}), 'YYYY-MM-DD')`,
      inPeriod: sql<number>`(count(*) filter (where ${visits.visitedOn} >= ${from}))::int`,
    })
    .from(sql`${visits} cross join lateral unnest(${visits.householdIds}) as h(id)`)
    .where(
      and(
        arrayContains(visits.cadreIds, [cadreId]),
        sql`${visits.householdIds} && array[${sql.join(
          householdIds.map((id) => sql`${id}`),
          sql`, `,
        )}]::uuid[]`,
        sql`${h} in (${sql.join(
          householdIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
        lt(visits.visitedOn, to),
        eq(visits.status, 'recorded'),
      ),
    )
    .groupBy(h);
}

/** The days (first of the month) of a cadre's submitted or accepted entries since a month. */
export async function diaryMonthsOf(db: Executor, cadreId: string, fromMonth: string) {
  const rows = await db
    .select({ month: diaryEntries.month })
    .from(diaryEntries)
    .where(
      and(eq(diaryEntries.cadreId, cadreId), gte(diaryEntries.month, fromMonth), inArray(diaryEntries.status, ['submitted', 'accepted'])),
    );
  return rows.map((r) => `${r.month}-01`);
}

export async function entriesOfCadre(db: Executor, cadreId: string, statuses: ('draft' | 'returned' | 'submitted' | 'accepted')[]) {
  return db
    .select({
      id: diaryEntries.id,
      month: diaryEntries.month,
      status: diaryEntries.status,
      version: diaryEntries.version,
      updatedAt: diaryEntries.updatedAt,
    })
    .from(diaryEntries)
    .where(and(eq(diaryEntries.cadreId, cadreId), inArray(diaryEntries.status, statuses)))
    .orderBy(asc(diaryEntries.month));
}

export interface ComplianceRow {
  cadreId: string;
  cadreName: string;
  userId: string | null;
  regionCode: string;
  countyCode: string;
  villageCode: string;
  villageName: string | null;
  unitId: string | null;
  unitName: string | null;
  branchId: string | null;
  branchName: string | null;
  paired: number;
  visited: number;
  diaries: number;
}

/** What the compliance counts: visits in [from, to) (a household counts once visited `atLeast` times), entries of months [fromMonth, toMonth]. */
export interface ComplianceRanges {
  visits: { from: string; to: string; atLeast: number };
  diaries: { fromMonth: string; toMonth: string };
}

/**
 * Every active cadre working in a region (prefix), or only the given cadres, with: households
 * paired (on `asOf`), how many of them the cadre visited often enough in the visits' range, and the
 * entries submitted or accepted for the diaries' months.
 */
export async function compliance(
  db: Executor,
  prefix: string,
  ranges: ComplianceRanges,
  asOf: string,
  cadreIds?: string[],
): Promise<ComplianceRow[]> {
  const village = sql<string>`substr(${cadres.regionCode}, 1, 12)`;
  const cadreWhere = and(
    prefix === '' ? sql`true` : like(cadres.regionCode, `${prefix}%`),
    eq(cadres.status, 'active'),
    cadreIds ? (cadreIds.length ? inArray(cadres.id, cadreIds) : sql`false`) : undefined,
  );
  const { from, to, atLeast } = ranges.visits;
  const paired = db
    .select({
      cadreId: pairings.helperId,
      paired: sql<number>`count(distinct ${pairings.targetId})::int`.as('paired'),
      visited: sql<number>`(count(distinct ${pairings.targetId}) filter (where (
        select count(*) from ${visits} where ${visits.householdIds} @> array[${pairings.targetId}::uuid] and ${visits.cadreIds} @> array[${pairings.helperId}]
        and ${visits.visitedOn} >= ${from} and ${visits.visitedOn} < ${to} and ${visits.status} = 'recorded') >= ${atLeast}))::int`.as(
        'visited',
      ),
    })
    .from(pairings)
    .where(and(activeHouseholdPairing(asOf), inArray(pairings.helperId, db.select({ id: cadres.id }).from(cadres).where(cadreWhere))))
    .groupBy(pairings.helperId)
    .as('p');
  const diaries = db
    .select({ cadreId: diaryEntries.cadreId, diaries: sql<number>`count(*)::int`.as('diaries') })
    .from(diaryEntries)
    .where(
      and(
        gte(diaryEntries.month, ranges.diaries.fromMonth),
        lte(diaryEntries.month, ranges.diaries.toMonth),
        inArray(diaryEntries.status, ['submitted', 'accepted']),
        inArray(diaryEntries.cadreId, db.select({ id: cadres.id }).from(cadres).where(cadreWhere)),
      ),
    )
    .groupBy(diaryEntries.cadreId)
    .as('d');
  const villageRegion = regions;
  const rows = await db
    .select({
      cadreId: cadres.id,
      cadreName: cadres.name,
      userId: cadres.userId,
      regionCode: cadres.regionCode,
      countyCode: cadres.countyCode,
      villageCode: village,
      villageName: villageRegion.name,
      unitId: cadres.unitId,
      unitName: units.name,
      branchId: cadres.branchId,
      branchName: branches.name,
      paired: sql<number>`coalesce(${paired.paired}, 0)`,
      visited: sql<number>`coalesce(${paired.visited}, 0)`,
      diaries: sql<number>`coalesce(${diaries.diaries}, 0)`,
    })
    .from(cadres)
    .leftJoin(paired, eq(paired.cadreId, cadres.id))
    .leftJoin(diaries, eq(diaries.cadreId, cadres.id))
    .leftJoin(villageRegion, eq(villageRegion.code, village))
    .leftJoin(units, eq(units.id, cadres.unitId))
    .leftJoin(branches, eq(branches.id, cadres.branchId))
    .where(cadreWhere)
    .orderBy(asc(cadres.regionCode), asc(cadres.initials), asc(cadres.id));
  return rows;
}

/**
 * The programmes of the pairings each cadre (working in the region) holds on a day, with their
 * quotas and dates; `household` tells a household pairing (visits are owed to households) from a
 * village, township or branch one. A pairing without a programme has null requirements.
 */
export async function programmeQuotasOfCadres(db: Executor, prefix: string, day: string) {
  return db
    .selectDistinct({
      cadreId: pairings.helperId,
      household: sql<boolean>`${pairings.targetKind} = 'household'`,
      programmeId: pairings.programmeId,
      requirements: programmes.requirements,
      startOn: programmes.startOn,
      endOn: programmes.endOn,
    })
    .from(pairings)
    .innerJoin(cadres, eq(cadres.id, pairings.helperId))
    .leftJoin(programmes, eq(programmes.id, pairings.programmeId))
    .where(
      and(
        eq(pairings.helperKind, 'cadre'),
        lte(pairings.startOn, day),
        or(isNull(pairings.endOn), sql`${pairings.endOn} > ${day}`),
        prefix === '' ? sql`true` : like(cadres.regionCode, `${prefix}%`),
        eq(cadres.status, 'active'),
      ),
    );
}

/**
 * 五必访 left to a resident cadre: the live households of the villages the cadre is posted to
 * (驻村, on the day) in a programme whose must-visit rule is covered by residents, of its must-visit
 * categories, that no helper is paired with on the day [004]. The rule check counts these as
 * covered by the resident; here they become the resident's to visit.
 */
export async function mustVisitOfResident(db: Executor, cadreId: string, day: string) {
  const r = alias(pairings, 'r');
  const mv = sql`${programmes.requirements} -> 'mustVisit'`;
  return db
    .selectDistinct({
      householdId: households.id,
      programmeId: r.programmeId,
      regionCode: households.regionCode,
      headName: headNameOf(sql`${households.id}`),
      villageName: sql<string | null>`(select v.name from ${regions} v where v.code = substr(${households.regionCode}, 1, 12))`,
      groupName: sql<
        string | null
      >`case when length(${households.regionCode}) = 15 then (select g.name from ${regions} g where g.code = ${households.regionCode}) end`,
    })
    .from(r)
    .innerJoin(programmes, eq(programmes.id, r.programmeId))
    .innerJoin(households, sql`${households.regionCode} like ${r.targetId} || '%'`)
    .where(
      and(
        eq(r.helperKind, 'cadre'),
        eq(r.helperId, cadreId),
        eq(r.role, 'resident'),
        eq(r.targetKind, 'village'),
        lte(r.startOn, day),
        or(isNull(r.endOn), sql`${r.endOn} > ${day}`),
        sql`(${mv} ->> 'coveredByResident')::boolean`,
        eq(households.status, 'active'),
        sql`${households.categories} && array(select jsonb_array_elements_text(${mv} -> 'categories'))`,
        sql`not exists (select 1 from ${pairings} o where o.target_kind = 'household' and o.target_id = ${households.id}::text
          and o.start_on <= ${day} and (o.end_on is null or o.end_on > ${day}))`,
      ),
    );
}
