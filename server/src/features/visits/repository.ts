import { and, arrayContains, arrayOverlaps, asc, count, desc, eq, gte, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { OwnCadre } from '../../platform/actor.js';
import { preparedQuery, preparedSql } from '../../db/prepared.js';
import { auditedStatement } from '../audit/audited-write.js';
import { ancestorCodes, inScope, regionWhere, type Scope } from '../../platform/scope.js';
import { cadres } from '../cadres/tables.js';
import { households, members } from '../households/tables.js';
import { regions } from '../regions/tables.js';
import { visitPhotos, visits } from './tables.js';

export type VisitRow = typeof visits.$inferSelect;
export type PhotoRow = typeof visitPhotos.$inferSelect;

export interface VisitFilter {
  cadreId?: string;
  householdId?: string;
  from?: string;
  to?: string;
  includeVoid?: boolean;
  page: number;
  pageSize: number;
}

export async function listVisits(db: Executor, scope: Scope, f: VisitFilter) {
  const conds: SQL[] = [regionWhere(visits.regionCode, scope)];
  if (f.cadreId) conds.push(arrayContains(visits.cadreIds, [f.cadreId]));
  if (f.householdId) conds.push(arrayContains(visits.householdIds, [f.householdId]));
  if (f.from) conds.push(gte(visits.visitedOn, f.from));
  if (f.to) conds.push(lt(visits.visitedOn, f.to));
  if (!f.includeVoid) conds.push(eq(visits.status, 'recorded'));
  const where = and(...conds);
  const [items, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select()
      .from(visits)
      .where(where)
      .orderBy(desc(visits.visitedOn), desc(visits.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: count() }).from(visits).where(where),
  ]);
  return { items, total };
}

export async function getVisit(db: Executor, scope: Scope, id: string): Promise<VisitRow | null> {
  const rows = await db
    .select()
    .from(visits)
    .where(and(eq(visits.id, id), regionWhere(visits.regionCode, scope)))
    .limit(1);
  return rows[0] ?? null;
}

/** Unscoped: to tell 403 from 404, and a taken client id. */
export async function visitExists(db: Executor, id: string): Promise<boolean> {
  return (await db.select({ id: visits.id }).from(visits).where(eq(visits.id, id)).limit(1)).length > 0;
}

export type NewVisit = Required<
  Pick<
    typeof visits.$inferInsert,
    | 'id'
    | 'regionCode'
    | 'countyCode'
    | 'kind'
    | 'visitedOn'
    | 'cadreIds'
    | 'householdIds'
    | 'villageCode'
    | 'discussed'
    | 'production'
    | 'life'
    | 'mood'
    | 'location'
    | 'recordedBy'
  >
>;

/** A new visit and its audit entry; answers the row, none when the id was already there (a retry). */
export const insertVisitAudited = auditedStatement<typeof visits, NewVisit>(visits, (db, p) =>
  db
    .insert(visits)
    .values({
      id: p.id,
      regionCode: p.regionCode,
      countyCode: p.countyCode,
      kind: p.kind,
      visitedOn: p.visitedOn,
      cadreIds: p.cadreIds,
      householdIds: p.householdIds,
      villageCode: p.villageCode,
      discussed: p.discussed,
      production: p.production,
      life: p.life,
      mood: p.mood,
      location: p.location,
      recordedBy: p.recordedBy,
    })
    .onConflictDoNothing()
    .returning(),
);

export async function updateVisit(db: Executor, id: string, version: number, set: Partial<typeof visits.$inferInsert>) {
  const rows = await db
    .update(visits)
    .set({ ...set, version: sql`${visits.version} + 1`, updatedAt: new Date() })
    .where(and(eq(visits.id, id), eq(visits.version, version)))
    .returning({ id: visits.id });
  return rows.length > 0;
}

/** Confirmation fields change without a version bump: the cadre's open form must still save. */
export async function setConfirmation(db: Executor, id: string, set: Partial<typeof visits.$inferInsert>) {
  await db.update(visits).set(set).where(eq(visits.id, id));
}

/** Unscoped, by the hash of a one-time token (the public confirm page has no session). */
export async function visitByTokenHash(db: Executor, tokenHash: string): Promise<VisitRow | null> {
  const rows = await db.select().from(visits).where(eq(visits.confirmTokenHash, tokenHash)).limit(1);
  return rows[0] ?? null;
}

export async function countFailedAttempt(db: Executor, id: string) {
  await db
    .update(visits)
    .set({ confirmAttempts: sql`${visits.confirmAttempts} + 1` })
    .where(eq(visits.id, id));
}

export async function photosOf(db: Executor, visitIds: string[]): Promise<PhotoRow[]> {
  if (visitIds.length === 0) return [];
  return db
    .select()
    .from(visitPhotos)
    .where(inArray(visitPhotos.visitId, visitIds))
    .orderBy(asc(visitPhotos.createdAt), asc(visitPhotos.id));
}

export async function getPhoto(db: Executor, visitId: string, photoId: string): Promise<PhotoRow | null> {
  const rows = await db
    .select()
    .from(visitPhotos)
    .where(and(eq(visitPhotos.id, photoId), eq(visitPhotos.visitId, visitId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertPhoto(db: Executor, row: typeof visitPhotos.$inferInsert) {
  await db.insert(visitPhotos).values(row);
}

export async function photoCount(db: Executor, visitId: string): Promise<number> {
  const [r] = await db.select({ n: count() }).from(visitPhotos).where(eq(visitPhotos.visitId, visitId));
  return r?.n ?? 0;
}

/** Names for the cadres and households a page of visits mentions (unscoped: the visits were). */
export async function namesFor(db: Executor, cadreIds: string[], householdIds: string[], regionCodes: string[]) {
  const [cs, hs, rs] = await Promise.all([
    cadreIds.length ? db.select({ id: cadres.id, name: cadres.name }).from(cadres).where(inArray(cadres.id, cadreIds)) : [],
    householdIds.length
      ? db
          .select({ id: households.id, regionCode: households.regionCode, headName: members.name })
          .from(households)
          .leftJoin(members, and(eq(members.householdId, households.id), eq(members.relation, 'head'), eq(members.status, 'active')))
          .where(inArray(households.id, householdIds))
      : [],
    regionCodes.length ? db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, regionCodes)) : [],
  ]);
  return {
    cadres: new Map(cs.map((c) => [c.id, c.name])),
    households: new Map(hs.map((h) => [h.id, h])),
    regions: new Map(rs.map((r) => [r.code, r.name])),
  };
}

/** The recorded visits of a cadre in [from, to), oldest first (the diary draft). */
const visitsOfCadreQuery = preparedQuery<{ cadreId: string; from: string; to: string }, VisitRow[]>((db, p) =>
  db
    .select()
    .from(visits)
    .where(
      and(
        sql`${visits.cadreIds} @> array[${p.cadreId}]::uuid[]`,
        sql`${visits.visitedOn} >= ${p.from}::date`,
        sql`${visits.visitedOn} < ${p.to}::date`,
        eq(visits.status, 'recorded'),
      ),
    )
    .orderBy(asc(visits.visitedOn), asc(visits.id)),
);

export const visitsOfCadre = (db: Executor, cadreId: string, from: string, to: string) => visitsOfCadreQuery(db, { cadreId, from, to });

/** The recorded visits of a household (its timeline). Unscoped: the caller checked the household. */
export function visitsOfHousehold(db: Executor, householdId: string) {
  return db
    .select()
    .from(visits)
    .where(and(arrayOverlaps(visits.householdIds, [householdId]), ne(visits.status, 'void')));
}

export interface VisitContext {
  /** The households the scope reads: region, its name, the active head's name. */
  households: Map<string, { regionCode: string; regionName: string | null; headName: string | null }>;
  /** Of the households asked for, those that exist but lie outside the scope. */
  outOfScope: Set<string>;
  /** The cadres the scope reads (its subtree and the regions above it): their names. */
  cadres: Map<string, string>;
  /** A visit to a village as a whole: the village. */
  village?: { code: string; name: string };
}

type ContextRow = { id: string; region_code: string; name: string | null; region_name: string | null };
const householdColumns = sql`${households.id}::text as id, ${households.regionCode} as region_code, ${members.name} as name, ${regions.name} as region_name
      from ${households}
      left join ${members} on ${members.householdId} = ${households.id} and ${members.relation} = 'head' and ${members.status} = 'active'
      left join ${regions} on ${regions.code} = ${households.regionCode}`;
/*
 * Lookups by key only, the scope tested on the answer: one generic plan then serves every scope and
 * PostgreSQL stops planning the statement on every call (~1 ms each, with the scope or a list of
 * ids of unknown length in it). A visit to one household — nearly all of them — asks by its id.
 */
const oneHousehold = preparedSql<{ householdId: string }, ContextRow>((p) => sql`select ${householdColumns} where ${households.id} = ${p.householdId}::uuid`);
const someHouseholds = preparedSql<{ householdIds: string[] }, ContextRow>(
  (p) => sql`select ${householdColumns} where ${households.id} = any(${p.householdIds}::uuid[])`,
);
const someCadres = preparedSql<{ cadreIds: string[] }, ContextRow>(
  (p) => sql`select ${cadres.id}::text as id, ${cadres.regionCode} as region_code, ${cadres.name} as name, null as region_name
      from ${cadres} where ${cadres.id} = any(${p.cadreIds}::uuid[])`,
);

/**
 * What recording a visit needs to know of its households and cadres — that they exist, that the
 * scope reads them, where they are, and the names the answer shows — in as few round trips as it
 * can: this is the busiest write of month-end. The recording cadre (`own`, read with the session)
 * is not asked for again.
 */
export async function visitContext(
  db: Executor,
  scope: Scope,
  householdIds: string[],
  cadreIds: string[],
  own: OwnCadre | null,
): Promise<VisitContext> {
  const otherCadres = cadreIds.filter((id) => id !== own?.id);
  const [homes, helpers] = await Promise.all([
    householdIds.length === 1
      ? oneHousehold(db, { householdId: householdIds[0]! })
      : householdIds.length
        ? someHouseholds(db, { householdIds })
        : [],
    otherCadres.length ? someCadres(db, { cadreIds: otherCadres }) : [],
  ]);
  const above = new Set(ancestorCodes(scope.prefix));
  const readable = (code: string) => inScope(code, scope) || above.has(code);
  const out: VisitContext = { households: new Map(), outOfScope: new Set(), cadres: new Map() };
  for (const r of homes) {
    if (inScope(r.region_code, scope)) out.households.set(r.id, { regionCode: r.region_code, regionName: r.region_name, headName: r.name });
    else out.outOfScope.add(r.id);
  }
  if (own && cadreIds.includes(own.id) && readable(own.regionCode)) out.cadres.set(own.id, own.name);
  for (const r of helpers) if (readable(r.region_code)) out.cadres.set(r.id, r.name ?? '');
  return out;
}
