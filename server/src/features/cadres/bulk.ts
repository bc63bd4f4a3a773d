import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';

/**
 * Bulk writes for the Excel import of the cadre register (features/imports): one statement per
 * batch, one array parameter per column, idempotent on the ID number.
 */
export interface CadreWrite {
  id: string;
  regionCode: string;
  countyCode: string;
  name: string;
  initials: string;
  sex: string;
  idNumber: string;
  rank: string;
  title: string | null;
  phone: string | null;
  unitId: string | null;
  branchId: string | null;
}

/** Rows of a raw statement; both drivers (pg, PGlite) answer { rows }. */
async function query<T>(db: Executor, q: SQL): Promise<T[]> {
  return ((await db.execute(q)) as unknown as { rows: T[] }).rows;
}

const col = <T>(rows: T[], f: (r: T) => unknown) => sql.param(rows.map(f));

/**
 * Inserts new cadres and updates those with the same ID number where the file differs (blank
 * optional cells keep what is there). A cadre outside scopePrefix is never touched and is missing
 * from the counts, which the caller treats as a conflict.
 */
export async function upsertCadres(db: Executor, rows: CadreWrite[], scopePrefix: string): Promise<{ created: number; updated: number }> {
  if (rows.length === 0) return { created: 0, updated: 0 };
  const keep = (c: string) => sql.raw(`coalesce(excluded.${c}, cadres.${c})`);
  const next = sql`(excluded.region_code, excluded.county_code, excluded.name, excluded.initials, ${keep('sex')}, excluded.rank, ${keep('title')}, ${keep('phone')}, ${keep('unit_id')}, ${keep('branch_id')})`;
  const res = await query<Record<string, unknown>>(db, sql`
    insert into cadres (id, region_code, county_code, name, initials, sex, id_number, rank, title, phone, unit_id, branch_id)
    select * from unnest(${col(rows, (r) => r.id)}::uuid[], ${col(rows, (r) => r.regionCode)}::text[], ${col(rows, (r) => r.countyCode)}::text[],
      ${col(rows, (r) => r.name)}::text[], ${col(rows, (r) => r.initials)}::text[], ${col(rows, (r) => r.sex)}::text[], ${col(rows, (r) => r.idNumber)}::text[],
      ${col(rows, (r) => r.rank)}::text[], ${col(rows, (r) => r.title)}::text[], ${col(rows, (r) => r.phone)}::text[],
      ${col(rows, (r) => r.unitId)}::uuid[], ${col(rows, (r) => r.branchId)}::uuid[])
    on conflict (id_number) do update set
      (region_code, county_code, name, initials, sex, rank, title, phone, unit_id, branch_id) = ${next},
      version = cadres.version + 1, updated_at = now()
    where cadres.region_code like ${scopePrefix + '%'}
      and (cadres.region_code, cadres.county_code, cadres.name, cadres.initials, cadres.sex, cadres.rank, cadres.title, cadres.phone, cadres.unit_id, cadres.branch_id)
        is distinct from ${next}
    returning (xmax = 0) as inserted`);
  const created = res.filter((r) => r.inserted === true).length;
  return { created, updated: res.length - created };
}

/** ID numbers among these that belong to cadres outside the scope (a guard). */
export async function cadresOutside(db: Executor, idNumbers: string[], scopePrefix: string): Promise<string[]> {
  if (idNumbers.length === 0) return [];
  const res = await query<Record<string, unknown>>(db, 
    sql`select id_number from cadres where id_number = any(${sql.param(idNumbers)}::text[]) and region_code not like ${scopePrefix + '%'}`,
  );
  return res.map((r) => String(r.id_number));
}
