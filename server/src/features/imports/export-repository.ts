/**
 * What the Excel exports read besides the lists themselves. The households and cadres come from
 * their features' repositories (householdsAfter, cadresAfter): the same filters, scope and order
 * as the lists, a keyset page at a time, so a county's 100k members stream in constant memory.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { households, members } from '../households/tables.js';

/** Active members of these households (already read within the scope), the head first. */
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

/** The households' own phones (the list shows the head's where a household has none; the import reads this one). */
export async function householdPhones(db: Executor, householdIds: string[]): Promise<Map<string, string | null>> {
  if (householdIds.length === 0) return new Map();
  const rows = await db
    .select({ id: households.id, phone: households.phone })
    .from(households)
    .where(sql`${households.id} = any(${sql.param(householdIds)}::uuid[])`);
  return new Map(rows.map((r) => [r.id, r.phone]));
}
