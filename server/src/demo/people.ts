import type { educationLevels, healthStates, labourAbilities, relations, schoolingStates } from '../features/households/tables.js';
import { withCheckChar } from '../platform/personal-data.js';
import { pickName, pickPhone, type Sex } from './names.js';
import type { Rng } from './random.js';

/** Ages are counted on this day: the demo's records run to the end of 2025. */
export const DEMO_TODAY = '2026-01-01';
const thisYear = 2026;

export interface DemoPerson {
  name: string;
  sex: Sex;
  relation: (typeof relations)[number];
  age: number;
  birthDate: string;
  idNumber: string;
  health: (typeof healthStates)[number];
  disability: string | null;
  education: (typeof educationLevels)[number];
  schooling: (typeof schoolingStates)[number];
  labourAbility: (typeof labourAbilities)[number];
  isPartyMember: boolean;
  phone: string | null;
}

/**
 * GB 11643 ID numbers of 花垣县 (433124) people, unique across the demo: the 3-digit sequence
 * (odd for men) is moved on until the number is free.
 */
export class IdNumbers {
  private used = new Set<string>();
  constructor(private readonly county: string) {}

  next(rng: Rng, birthDate: string, sex: Sex): string {
    const birth = birthDate.replaceAll('-', '');
    let seq = rng.int(0, 499);
    for (let tries = 0; tries < 500; tries++, seq = (seq + 1) % 500) {
      const first17 = `${this.county}${birth}${String(seq * 2 + (sex === 'male' ? 1 : 0)).padStart(3, '0')}`;
      if (!this.used.has(first17)) {
        this.used.add(first17);
        return withCheckChar(first17);
      }
    }
    throw new Error(`no free ID number for ${birthDate}`);
  }
}

function birthDateOf(rng: Rng, age: number): string {
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  return `${thisYear - 1 - age}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function education(rng: Rng, age: number): DemoPerson['education'] {
  if (age < 6) return 'preschool';
  if (age < 12) return 'primary';
  if (age < 15) return 'junior';
  if (age < 19) return rng.chance(0.7) ? 'senior' : 'junior';
  if (age >= 60) return rng.weighted([['none', 4], ['primary', 5], ['junior', 1]] as const);
  if (age >= 40) return rng.weighted([['none', 1], ['primary', 4], ['junior', 4], ['senior', 1]] as const);
  return rng.weighted([['primary', 1], ['junior', 5], ['senior', 2], ['vocational', 2], ['college', 1]] as const);
}

function schooling(rng: Rng, age: number): DemoPerson['schooling'] {
  if (age < 6) return 'not_school_age';
  if (age <= 18) return rng.chance(0.94) ? 'in_school' : 'dropped_out';
  if (age <= 22) return rng.chance(0.3) ? 'in_school' : 'graduated';
  return 'not_school_age';
}

const disabilities = ['肢体三级', '肢体四级', '视力二级', '听力三级', '智力三级'];

/** A person of an age and sex, with what the registry asks about them. */
export function makePerson(rng: Rng, ids: IdNumbers, p: { name: string; sex: Sex; relation: DemoPerson['relation']; age: number; ill?: boolean; disabled?: boolean }): DemoPerson {
  const birthDate = birthDateOf(rng, p.age);
  const frail = p.age >= 60 ? 0.25 : 0.08;
  const health: DemoPerson['health'] = p.disabled ? 'disabled' : p.ill ? rng.pick(['chronic', 'serious_illness'] as const) : rng.chance(frail) ? 'chronic' : 'healthy';
  const labourAbility: DemoPerson['labourAbility'] =
    p.age < 16 ? 'not_working_age' : health === 'disabled' || health === 'serious_illness' ? (rng.chance(0.5) ? 'none' : 'partial') : p.age > 65 ? 'partial' : health === 'chronic' ? 'partial' : 'full';
  const adult = p.age >= 18;
  return {
    ...p,
    birthDate,
    idNumber: ids.next(rng, birthDate, p.sex),
    health,
    disability: health === 'disabled' ? rng.pick(disabilities) : null,
    education: education(rng, p.age),
    schooling: schooling(rng, p.age),
    labourAbility,
    isPartyMember: adult && p.age >= 25 && rng.chance(p.sex === 'male' ? 0.08 : 0.03),
    phone: p.relation === 'head' ? (rng.chance(0.92) ? pickPhone(rng) : null) : adult && p.age < 60 && rng.chance(0.4) ? pickPhone(rng) : null,
  };
}

const other = (s: Sex): Sex => (s === 'male' ? 'female' : 'male');

/**
 * A household of 2–6 people whose ages and relations make sense: a head (most often a man), a
 * spouse of about their age, children 20–40 years younger, sometimes a parent of the head or,
 * in older households, a daughter-in-law and grandchildren.
 */
export function makeFamily(rng: Rng, ids: IdNumbers, needs: { ill?: boolean; disabled?: boolean } = {}): DemoPerson[] {
  const headAge = rng.int(28, 75);
  const headSex: Sex = rng.chance(0.85) ? 'male' : 'female';
  const head = pickName(rng, headSex);
  const surname = head.name[0]!;
  const given = (sex: Sex) => surname + pickName(rng, sex).name.slice(1);
  const people = [makePerson(rng, ids, { name: head.name, sex: headSex, relation: 'head', age: headAge })];
  const withSpouse = headSex === 'male' ? rng.chance(headAge < 65 ? 0.9 : 0.65) : rng.chance(0.3);
  if (withSpouse) {
    const spouseSex = other(headSex);
    const age = Math.max(22, headAge + (headSex === 'male' ? rng.int(-6, 1) : rng.int(-1, 6)));
    people.push(makePerson(rng, ids, { name: pickName(rng, spouseSex).name, sex: spouseSex, relation: 'spouse', age }));
  }
  if (headAge < 50 && rng.chance(0.3)) {
    const sex: Sex = rng.chance(0.6) ? 'female' : 'male';
    people.push(makePerson(rng, ids, { name: sex === 'male' ? given('male') : pickName(rng, 'female').name, sex, relation: 'parent', age: Math.min(92, headAge + rng.int(22, 32)) }));
  }
  const children = headAge < 30 ? rng.int(0, 1) : rng.int(1, 3);
  for (let i = 0; i < children; i++) {
    const sex: Sex = rng.chance(0.52) ? 'male' : 'female';
    const age = rng.int(Math.max(0, headAge - 42), headAge - 21);
    people.push(makePerson(rng, ids, { name: given(sex), sex, relation: sex === 'male' ? 'son' : 'daughter', age }));
  }
  const married = people.find((p) => p.relation === 'son' && p.age >= 24);
  if (headAge >= 52 && married && rng.chance(0.6)) {
    people.push(makePerson(rng, ids, { name: pickName(rng, 'female').name, sex: 'female', relation: 'daughter_in_law', age: married.age + rng.int(-4, 1) }));
    const grandchildren = rng.int(1, 2);
    for (let i = 0; i < grandchildren; i++) {
      const sex: Sex = rng.chance(0.5) ? 'male' : 'female';
      people.push(makePerson(rng, ids, { name: given(sex), sex, relation: 'grandchild', age: rng.int(0, Math.max(0, married.age - 21)) }));
    }
  }
  if (people.length < 2) {
    const sex: Sex = rng.chance(0.5) ? 'male' : 'female';
    people.push(makePerson(rng, ids, { name: given(sex), sex, relation: sex === 'male' ? 'son' : 'daughter', age: Math.max(0, headAge - rng.int(22, 30)) }));
  }
  const family = people.slice(0, 6);
  // Illness or disability that made the household poor shows in one of its members.
  const adults = family.filter((p) => p.age >= 18);
  if (needs.ill && !family.some((p) => p.health === 'chronic' || p.health === 'serious_illness')) Object.assign(rng.pick(adults), { health: 'serious_illness', labourAbility: 'partial' });
  if (needs.disabled && !family.some((p) => p.health === 'disabled')) Object.assign(rng.pick(adults), { health: 'disabled', disability: rng.pick(disabilities), labourAbility: 'partial' });
  return family;
}
