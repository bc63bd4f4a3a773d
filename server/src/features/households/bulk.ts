import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';

/**
 * Bulk writes for the Excel import (features/imports): one statement per batch of rows, the
 * values passed as one array per column and spread by unnest(), so a batch of 1000 members is
 * 16 parameters rather than 16,000 and PostgreSQL plans it once. Callers run these inside their
 * transaction and compare the counts they get back with what they sent.
 */
export const bulkBatchSize = 1000;

export interface HouseholdWrite {
  id: string;
  regionCode: string;
  countyCode: string;
  householdNo: string | null;
  address: string | null;
  phone: string | null;
  /** Null: not given in the file, so an update keeps what is there. */
  categories: string[] | null;
  povertyCauses: string[] | null;
  landMu: string | null;
  housing: string | null;
}

export interface MemberWrite {
  id: string;
  householdId: string;
  regionCode: string;
  countyCode: string;
  name: string;
  initials: string;
  sex: string;
  idNumber: string;
  relation: string;
  birthDate: string;
  health: string | null;
  education: string | null;
  schooling: string | null;
  labourAbility: string | null;
  isPartyMember: boolean;
  phone: string | null;
}

/** Rows of a raw statement; both drivers (pg, PGlite) answer { rows }. */
async function query<T>(db: Executor, q: SQL): Promise<T[]> {
  return ((await db.execute(q)) as unknown as { rows: T[] }).rows;
}

const param = (values: unknown[]) => sql.param(values);
/** A text[] value as an array literal, so that a column of text[] travels as one text[] param. */
const arrayLiteral = (a: string[] | null) => (a === null ? null : `{${a.map((s) => `"${s.replace(/["\\]/g, (c) => '\\' + c)}"`).join(',')}}`);
const col = <T>(rows: T[], f: (r: T) => unknown) => param(rows.map(f));

function householdColumns(rows: HouseholdWrite[]): SQL {
  return sql`unnest(${col(rows, (r) => r.id)}::uuid[], ${col(rows, (r) => r.regionCode)}::text[], ${col(rows, (r) => r.countyCode)}::text[],
    ${col(rows, (r) => r.householdNo)}::text[], ${col(rows, (r) => r.address)}::text[], ${col(rows, (r) => r.phone)}::text[],
    ${col(rows, (r) => arrayLiteral(r.categories))}::text[], ${col(rows, (r) => arrayLiteral(r.povertyCauses))}::text[],
    ${col(rows, (r) => r.landMu)}::text[], ${col(rows, (r) => r.housing)}::text[])
    as v(id, region_code, county_code, household_no, address, phone, categories, poverty_causes, land_mu, housing)`;
}

/** New households. Answers how many were inserted: fewer than sent means a 户编号 was taken meanwhile. */
export async function insertHouseholds(db: Executor, rows: HouseholdWrite[]): Promise<number> {
  if (rows.length === 0) return 0;
  const res = await query<Record<string, unknown>>(db, sql`
    insert into households (id, region_code, county_code, household_no, address, phone, categories, poverty_causes, land_mu, housing)
    select v.id, v.region_code, v.county_code, v.household_no, v.address, v.phone, coalesce(v.categories::text[], '{}'),
      coalesce(v.poverty_causes::text[], '{}'), v.land_mu::numeric, coalesce(v.housing, 'unknown')
    from ${householdColumns(rows)}
    on conflict do nothing
    returning id`);
  return res.length;
}

/**
 * Existing households (matched by the import), changed only where the file differs; blank cells
 * keep what is there. Rows outside scopePrefix are never touched. Answers the ids changed.
 */
export async function updateHouseholds(db: Executor, rows: HouseholdWrite[], scopePrefix: string): Promise<number> {
  if (rows.length === 0) return 0;
  const next = sql`(v.region_code, v.county_code, coalesce(v.household_no, h.household_no), coalesce(v.address, h.address), coalesce(v.phone, h.phone),
    coalesce(v.categories::text[], h.categories), coalesce(v.poverty_causes::text[], h.poverty_causes), coalesce(v.land_mu::numeric, h.land_mu), coalesce(v.housing, h.housing))`;
  const res = await query<Record<string, unknown>>(db, sql`
    update households h set
      (region_code, county_code, household_no, address, phone, categories, poverty_causes, land_mu, housing) = ${next},
      version = h.version + 1, updated_at = now()
    from ${householdColumns(rows)}
    where h.id = v.id and h.region_code like ${scopePrefix + '%'}
      and (h.region_code, h.county_code, h.household_no, h.address, h.phone, h.categories, h.poverty_causes, h.land_mu, h.housing) is distinct from ${next}
    returning h.id`);
  return res.length;
}

/** How many of these households are in the scope (a guard: all of them should be). */
export async function countHouseholdsInScope(db: Executor, ids: string[], scopePrefix: string): Promise<number> {
  if (ids.length === 0) return 0;
  const res = await query<Record<string, unknown>>(db, sql`select count(*)::int as n from households where id = any(${param(ids)}::uuid[]) and region_code like ${scopePrefix + '%'}`);
  return Number(res[0]?.n ?? 0);
}

/**
 * Members, idempotent on the ID number: a person already active in the same household is updated
 * (blank optional cells keep what is there), a new one inserted. A person active in another
 * household is left alone and missing from the counts, which the caller treats as a conflict.
 */
export async function upsertMembers(db: Executor, rows: MemberWrite[]): Promise<{ created: number; updated: number }> {
  if (rows.length === 0) return { created: 0, updated: 0 };
  const keep = (c: string) => sql.raw(`coalesce(excluded.${c}, members.${c})`);
  const res = await query<Record<string, unknown>>(db, sql`
    insert into members (id, household_id, region_code, county_code, name, initials, sex, id_number, relation, birth_date,
      health, education, schooling, labour_ability, is_party_member, phone)
    select * from unnest(${col(rows, (r) => r.id)}::uuid[], ${col(rows, (r) => r.householdId)}::uuid[], ${col(rows, (r) => r.regionCode)}::text[],
      ${col(rows, (r) => r.countyCode)}::text[], ${col(rows, (r) => r.name)}::text[], ${col(rows, (r) => r.initials)}::text[], ${col(rows, (r) => r.sex)}::text[],
      ${col(rows, (r) => r.idNumber)}::text[], ${col(rows, (r) => r.relation)}::text[], ${col(rows, (r) => r.birthDate)}::date[],
      ${col(rows, (r) => r.health)}::text[], ${col(rows, (r) => r.education)}::text[], ${col(rows, (r) => r.schooling)}::text[],
      ${col(rows, (r) => r.labourAbility)}::text[], ${col(rows, (r) => r.isPartyMember)}::boolean[], ${col(rows, (r) => r.phone)}::text[])
    on conflict (id_number) where status = 'active' do update set
      (region_code, county_code, name, initials, sex, relation, birth_date, health, education, schooling, labour_ability, is_party_member, phone) =
      (excluded.region_code, excluded.county_code, excluded.name, excluded.initials, excluded.sex, excluded.relation, excluded.birth_date,
       ${keep('health')}, ${keep('education')}, ${keep('schooling')}, ${keep('labour_ability')}, excluded.is_party_member, ${keep('phone')}),
      version = members.version + 1, updated_at = now()
    where members.household_id = excluded.household_id
      and (members.region_code, members.county_code, members.name, members.initials, members.sex, members.relation, members.birth_date, members.health,
           members.education, members.schooling, members.labour_ability, members.is_party_member, members.phone)
      is distinct from (excluded.region_code, excluded.county_code, excluded.name, excluded.initials, excluded.sex, excluded.relation, excluded.birth_date,
           ${keep('health')}, ${keep('education')}, ${keep('schooling')}, ${keep('labour_ability')}, excluded.is_party_member, ${keep('phone')})
    returning (xmax = 0) as inserted`);
  const created = res.filter((r) => r.inserted === true).length;
  return { created, updated: res.length - created };
}

/** ID numbers of these rows that are active in a household other than the one given (a guard). */
export async function membersElsewhere(db: Executor, rows: Pick<MemberWrite, 'idNumber' | 'householdId'>[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const res = await query<Record<string, unknown>>(db, sql`
    select m.id_number from members m
    join unnest(${col(rows, (r) => r.idNumber)}::text[], ${col(rows, (r) => r.householdId)}::uuid[]) as v(id_number, household_id)
      on m.id_number = v.id_number and m.status = 'active'
    where m.household_id <> v.household_id`);
  return res.map((r) => String(r.id_number));
}
