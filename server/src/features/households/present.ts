import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { ownCadreId } from '../cadres/own.js';
import { incomesOf } from './incomes-repository.js';
import { membersOf, type MemberRow } from './members-repository.js';
import { cadreHelpersOf, type HouseholdRow } from './repository.js';
import { birthAsShown, maskPerson, maySeePersonalData } from './rules.js';

/**
 * A member as the API shows it to this actor: ID number and phone masked unless they may see them,
 * and then the birth date as its year only, for the eight digits the mask hides are the birth date.
 */
export function presentMember(row: MemberRow, actor: Actor) {
  const { regionCode: _r, countyCode: _c, initials: _i, ...rest } = row;
  const full = maySeePersonalData(actor.role);
  return { ...maskPerson(rest, full), ...birthAsShown(rest.birthDate, full) };
}

type HouseholdWithNames = HouseholdRow & { townshipName: string | null; villageName: string | null; groupName: string | null };

/** The household page: header, members (masked the same way) and the latest income. */
export async function presentHousehold(db: Executor, actor: Actor, h: HouseholdWithNames) {
  const full = maySeePersonalData(actor.role);
  const members = await membersOf(db, h.id);
  const incomes = await incomesOf(db, h.id);
  const latest = incomes[incomes.length - 1];
  const helpers = (await cadreHelpersOf(db, [h.id])).get(h.id) ?? [];
  const own = await ownCadreId(db, actor);
  const helper = own !== null && helpers.some((c) => c.cadreId === own);
  return {
    ...h,
    phone: maskPerson({ idNumber: null, phone: h.phone }, full).phone,
    landMu: h.landMu === null ? null : Number(h.landMu),
    members: members.map((m) => presentMember(m, actor)),
    income: latest ? { year: latest.year, perCapitaNetFen: latest.perCapitaNetFen } : null,
    masked: !full,
    helpers: helpers.map((c) => ({ cadreId: c.cadreId, name: c.name, lead: c.lead })),
    helper,
    personalView: full || helper,
  };
}
