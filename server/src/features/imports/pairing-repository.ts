/**
 * What a pairing sheet may name, fetched for the names and ID numbers its rows use (never the
 * whole register): programmes, cadres, units and branches the importer reads (its scope and the
 * regions above it), households of the scope by head, households by a member's ID number, and
 * the open pairings of the targets found.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { regionOrAboveWhere, regionWhere, type Scope } from '../../platform/scope.js';
import { cadres } from '../cadres/tables.js';
import { households, members } from '../households/tables.js';
import { headNameOf } from '../pairings/repository.js';
import { pairings } from '../pairings/tables.js';
import { programmeRounds, programmes } from '../programmes/tables.js';
import { branches, units } from '../units/tables.js';
import type { CadreEntry, HouseholdEntry, OpenPairing, OrgEntry, ProgrammeEntry } from './pairing-rows.js';

async function chunked<K, R>(keys: K[], f: (chunk: K[]) => Promise<R[]>, size = 5000): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < keys.length; i += size) out.push(...(await f(keys.slice(i, i + size))));
  return out;
}
const any = (chunk: string[]) => sql`any(${sql.param(chunk)}::text[])`;
const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Running programmes the scope reads, newest first: the template's dropdown. */
export const programmesForTemplate = (db: Executor, scope: Scope) =>
  db
    .select({ id: programmes.id, name: programmes.name })
    .from(programmes)
    .where(and(regionOrAboveWhere(programmes.regionCode, scope), sql`${programmes.status} <> 'closed'`))
    .orderBy(desc(programmes.startOn))
    .limit(200);

/** Programmes the scope reads, by name or id, with their rounds. */
export async function programmesNamed(db: Executor, scope: Scope, keys: string[]): Promise<ProgrammeEntry[]> {
  const ids = keys.filter((k) => uuidLike.test(k)).map((k) => k.toLowerCase());
  const rows = await chunked(keys, (chunk) =>
    db
      .select({ id: programmes.id, name: programmes.name, startOn: programmes.startOn, endOn: programmes.endOn, status: programmes.status })
      .from(programmes)
      .where(
        and(
          regionOrAboveWhere(programmes.regionCode, scope),
          sql`(${programmes.name} = ${any(chunk)} or ${programmes.id}::text = ${any(ids)})`,
        ),
      ),
  );
  const rounds = rows.length
    ? await db
        .select({
          programmeId: programmeRounds.programmeId,
          no: programmeRounds.no,
          startOn: programmeRounds.startOn,
          endOn: programmeRounds.endOn,
        })
        .from(programmeRounds)
        .where(
          inArray(
            programmeRounds.programmeId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(programmeRounds.no))
    : [];
  return rows.map((p) => ({
    ...p,
    rounds: rounds.filter((r) => r.programmeId === p.id).map(({ no, startOn, endOn }) => ({ no, startOn, endOn })),
  }));
}

/** Cadres of the scope and above by name. */
export const cadresNamed = (db: Executor, scope: Scope, names: string[]): Promise<CadreEntry[]> =>
  chunked(names, (chunk) =>
    db
      .select({ id: cadres.id, name: cadres.name, idNumber: cadres.idNumber, phone: cadres.phone, status: cadres.status })
      .from(cadres)
      .where(and(regionOrAboveWhere(cadres.regionCode, scope), sql`${cadres.name} = ${any(chunk)}`)),
  );

export const unitsNamed = (db: Executor, scope: Scope, names: string[]): Promise<OrgEntry[]> =>
  chunked(names, (chunk) =>
    db
      .select({ id: units.id, name: units.name, regionCode: units.regionCode, status: units.status })
      .from(units)
      .where(and(regionOrAboveWhere(units.regionCode, scope), sql`${units.name} = ${any(chunk)}`)),
  );

export const branchesNamed = (db: Executor, scope: Scope, names: string[]): Promise<OrgEntry[]> =>
  chunked(names, (chunk) =>
    db
      .select({ id: branches.id, name: branches.name, regionCode: branches.regionCode, status: branches.status })
      .from(branches)
      .where(and(regionOrAboveWhere(branches.regionCode, scope), sql`${branches.name} = ${any(chunk)}`)),
  );

/** Households of the scope whose active head bears one of the names. */
export const householdsByHeads = (db: Executor, scope: Scope, names: string[]): Promise<HouseholdEntry[]> =>
  chunked(names, (chunk) =>
    db
      .select({ id: households.id, headName: members.name, regionCode: households.regionCode, status: households.status })
      .from(members)
      .innerJoin(households, eq(households.id, members.householdId))
      .where(
        and(
          eq(members.relation, 'head'),
          eq(members.status, 'active'),
          regionWhere(households.regionCode, scope),
          sql`${members.name} = ${any(chunk)}`,
        ),
      ),
  );

/**
 * Households by an active member's ID number, anywhere: a household outside the scope is named as
 * such (the registry import says the same of people registered elsewhere).
 */
export const householdsByIdNumbers = (db: Executor, idNumbers: string[]) =>
  chunked(idNumbers, (chunk) =>
    db
      .select({
        idNumber: sql<string>`${members.idNumber}`,
        id: households.id,
        headName: headNameOf(sql`${households.id}`),
        memberName: members.name,
        regionCode: households.regionCode,
        status: households.status,
      })
      .from(members)
      .innerJoin(households, eq(households.id, members.householdId))
      .where(and(eq(members.status, 'active'), sql`${members.idNumber} = ${any(chunk)}`)),
  );

/** Open pairings of the targets (any helper), in the programmes given. */
export const openPairingsOf = (db: Executor, programmeIds: string[], targetIds: string[]): Promise<OpenPairing[]> =>
  programmeIds.length === 0
    ? Promise.resolve([])
    : chunked(targetIds, (chunk) =>
        db
          .select({
            programmeId: pairings.programmeId,
            helperKind: pairings.helperKind,
            helperId: pairings.helperId,
            targetKind: pairings.targetKind,
            targetId: pairings.targetId,
            lead: pairings.lead,
          })
          .from(pairings)
          .where(and(isNull(pairings.endOn), inArray(pairings.programmeId, programmeIds), sql`${pairings.targetId} = ${any(chunk)}`)),
      );
