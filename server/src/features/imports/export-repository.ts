/**
 * Queries of the Excel exports, a page at a time (keyset, so a county's 100k members stream in
 * constant memory). The household filters repeat those of the households list
 * (features/households/repository.ts listHouseholds), written here while that list was being
 * built: fold them into one filter function there.
 */
import { and, asc, eq, isNotNull, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { regionOrAboveWhere, regionWhere, significantPrefix, type Scope } from '../../platform/scope.js';
import { textSearch } from '../units/repository.js';
import { cadres } from '../cadres/tables.js';
import { households, members } from '../households/tables.js';
import { branches, units } from '../units/tables.js';
import type { CadreExportQuery, HouseholdExportQuery } from './schemas.js';

const esc = (q: string) => q.replace(/[%_\\]/g, (c) => '\\' + c);

function householdWhere(scope: Scope, f: HouseholdExportQuery): SQL {
  const conds: SQL[] = [regionWhere(households.regionCode, scope)];
  if (f.regionCode) conds.push(like(households.regionCode, significantPrefix(f.regionCode) + '%'));
  if (f.categories) conds.push(sql`${households.categories} && ${sql.param(f.categories)}::text[]`);
  if (f.povertyCause) conds.push(sql`${f.povertyCause} = any(${households.povertyCauses})`);
  if (f.status) conds.push(eq(households.status, f.status));
  if (f.q) {
    const e = esc(f.q);
    conds.push(
      or(
        eq(households.householdNo, f.q),
        like(households.phone, `${e}%`),
        sql`exists (select 1 from ${members} m where m.household_id = ${households.id} and m.status = 'active' and (
          (m.relation = 'head' and (m.name ilike ${'%' + e + '%'} or m.initials like ${e.toLowerCase() + '%'}))
          or m.id_number = ${f.q.toUpperCase()} or m.phone like ${e + '%'}))`,
      )!,
    );
  }
  return and(...conds)!;
}

export interface HouseholdCursor {
  regionCode: string;
  householdNo: string;
  id: string;
}

/** Households by village, then 户编号, after the cursor. */
export async function householdsPage(db: Executor, scope: Scope, f: HouseholdExportQuery, after: HouseholdCursor | null, limit: number) {
  const no = sql<string>`coalesce(${households.householdNo}, '')`;
  const conds = [householdWhere(scope, f)];
  if (after) conds.push(sql`(${households.regionCode}, ${no}, ${households.id}) > (${after.regionCode}, ${after.householdNo}, ${after.id})`);
  return db
    .select({
      id: households.id,
      regionCode: households.regionCode,
      householdNo: households.householdNo,
      sortNo: no,
      address: households.address,
      phone: households.phone,
      categories: households.categories,
      povertyCauses: households.povertyCauses,
      landMu: households.landMu,
      housing: households.housing,
      status: households.status,
    })
    .from(households)
    .where(and(...conds))
    .orderBy(asc(households.regionCode), asc(no), asc(households.id))
    .limit(limit);
}

/** Active members of these households, the head first. */
export async function membersOf(db: Executor, householdIds: string[]) {
  if (householdIds.length === 0) return [];
  return db
    .select({
      householdId: members.householdId,
      name: members.name,
      relation: members.relation,
      sex: members.sex,
      idNumber: members.idNumber,
      birthDate: members.birthDate,
      health: members.health,
      education: members.education,
      schooling: members.schooling,
      labourAbility: members.labourAbility,
      isPartyMember: members.isPartyMember,
      phone: members.phone,
    })
    .from(members)
    .where(and(sql`${members.householdId} = any(${sql.param(householdIds)}::uuid[])`, eq(members.status, 'active')))
    .orderBy(asc(members.householdId), sql`${members.relation} <> 'head'`, asc(members.birthDate), asc(members.id));
}

/** Cadres as the cadre list shows them (scope and above; a unit head: their unit's), by id after the cursor. */
export async function cadresPage(db: Executor, scope: Scope, f: CadreExportQuery, afterId: string | null, limit: number) {
  const conds: SQL[] = [regionOrAboveWhere(cadres.regionCode, scope)];
  if (scope.unitId) conds.push(eq(cadres.unitId, scope.unitId));
  if (f.q) conds.push(or(textSearch(f.q, cadres), like(cadres.phone, `${esc(f.q)}%`))!);
  if (f.rank) conds.push(eq(cadres.rank, f.rank));
  if (f.unitId) conds.push(eq(cadres.unitId, f.unitId));
  if (f.branchId) conds.push(eq(cadres.branchId, f.branchId));
  if (f.regionCode) conds.push(like(cadres.regionCode, significantPrefix(f.regionCode) + '%'));
  if (f.status) conds.push(eq(cadres.status, f.status));
  if (f.hasAccount !== undefined) conds.push(f.hasAccount ? isNotNull(cadres.userId) : isNull(cadres.userId));
  if (afterId) conds.push(sql`${cadres.id} > ${afterId}`);
  return db
    .select({
      id: cadres.id,
      name: cadres.name,
      sex: cadres.sex,
      idNumber: cadres.idNumber,
      rank: cadres.rank,
      unitName: units.name,
      branchName: branches.name,
      title: cadres.title,
      phone: cadres.phone,
      regionCode: cadres.regionCode,
      status: cadres.status,
    })
    .from(cadres)
    .leftJoin(units, eq(units.id, cadres.unitId))
    .leftJoin(branches, eq(branches.id, cadres.branchId))
    .where(and(...conds))
    .orderBy(asc(cadres.id))
    .limit(limit);
}
