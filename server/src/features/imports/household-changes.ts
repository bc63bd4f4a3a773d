/**
 * What a household import changes, in SQL over the job's working tables: each registry column
 * beside the value the apply would leave in it. Blank optional cells keep what is there, and a
 * category list in another order is the same set, so an export imported again unchanged finds
 * nothing to change. The dry run counts and names the changes with these pairs; the apply writes
 * only the rows they say differ — one definition for both, so the preview is what happens.
 */
import type { HouseholdColumn } from './household-rows.js';

/** A registry column, the value the apply leaves in it, and the sheet column it comes from. */
export interface ColumnChange {
  column: string;
  next: string;
  /** null: follows another column (county_code with the village, initials with the name). */
  from: HouseholdColumn | null;
}

const sorted = (a: string) => `array(select unnest(${a}) order by 1)`;
/** The registry's set kept (in its order) when the file lists the same codes; blank keeps it too. */
const sameSet = (v: string, x: string) => `case when ${v} is null or ${sorted(v)} = ${sorted(x)} then ${x} else ${v} end`;

/** Households: v the staged row, x the registry's. */
export function householdChanges(v: string, x: string): ColumnChange[] {
  const keep = (c: string) => `coalesce(${v}.${c}, ${x}.${c})`;
  return [
    { column: 'region_code', next: `${v}.region_code`, from: 'village' },
    { column: 'county_code', next: `${v}.county_code`, from: null },
    { column: 'household_no', next: keep('household_no'), from: 'householdNo' },
    { column: 'address', next: keep('address'), from: 'address' },
    { column: 'phone', next: keep('phone'), from: 'householdPhone' },
    { column: 'categories', next: sameSet(`${v}.categories`, `${x}.categories`), from: 'categories' },
    { column: 'poverty_causes', next: sameSet(`${v}.poverty_causes`, `${x}.poverty_causes`), from: 'causes' },
    { column: 'land_mu', next: keep('land_mu'), from: 'landMu' },
    { column: 'housing', next: keep('housing'), from: 'housing' },
  ];
}

/** Members: `incoming(c)` the value the file brings for column c, `x` the registry's member. */
export function memberChanges(incoming: (c: string) => string, x: string): ColumnChange[] {
  const keep = (c: string) => `coalesce(${incoming(c)}, ${x}.${c})`;
  return [
    { column: 'region_code', next: incoming('region_code'), from: 'village' },
    { column: 'county_code', next: incoming('county_code'), from: null },
    { column: 'name', next: incoming('name'), from: 'name' },
    { column: 'initials', next: incoming('initials'), from: null },
    { column: 'sex', next: incoming('sex'), from: 'sex' },
    { column: 'relation', next: incoming('relation'), from: 'relation' },
    { column: 'birth_date', next: incoming('birth_date'), from: 'birthDate' },
    { column: 'health', next: keep('health'), from: 'health' },
    { column: 'education', next: keep('education'), from: 'education' },
    { column: 'schooling', next: keep('schooling'), from: 'schooling' },
    { column: 'labour_ability', next: keep('labour_ability'), from: 'labour' },
    { column: 'is_party_member', next: incoming('is_party_member'), from: 'partyMember' },
    { column: 'phone', next: keep('phone'), from: 'phone' },
  ];
}

/** `(a, b) = (next a, next b)` for an UPDATE … SET. */
export const setList = (changes: ColumnChange[]) => `(${changes.map((c) => c.column).join(', ')}) = (${changes.map((c) => c.next).join(', ')})`;

/** True when any column would change. */
export const differs = (changes: ColumnChange[], x: string) =>
  `(${changes.map((c) => `${x}.${c.column}`).join(', ')}) is distinct from (${changes.map((c) => c.next).join(', ')})`;

/** The sheet columns whose registry columns would change, as a text[] (each once). */
export function changedColumns(changes: ColumnChange[], x: string): string {
  const named = changes.filter((c) => c.from !== null);
  return `array_remove(array[${named.map((c) => `case when ${x}.${c.column} is distinct from ${c.next} then '${c.from}' end`).join(', ')}], null)`;
}
