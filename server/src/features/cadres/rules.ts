import { checkIdNumber, idProblemText } from '../../platform/personal-data.js';
import type { RegionLevel } from '../../platform/scope.js';
import type { BranchRole, CadreRank } from './tables.js';

export const rankNames: Record<CadreRank, { zh: string; en: string }> = {
  province_leader: { zh: '省级领导', en: 'Provincial leader' },
  city_leader: { zh: '市级领导', en: 'City leader' },
  county_leader: { zh: '县级领导', en: 'County leader' },
  section: { zh: '科级干部', en: 'Section-level cadre' },
  general: { zh: '一般干部', en: 'General cadre' },
  township: { zh: '乡干部', en: 'Township cadre' },
  village: { zh: '村社干部', en: 'Village cadre' },
  party_member: { zh: '党员', en: 'Party member' },
  resident: { zh: '驻村干部', en: 'Resident cadre' },
};

export const branchRoleNames: Record<BranchRole, { zh: string; en: string }> = {
  secretary: { zh: '书记', en: 'Secretary' },
  deputy_secretary: { zh: '副书记', en: 'Deputy secretary' },
  committee_member: { zh: '支委委员', en: 'Committee member' },
  member: { zh: '党员', en: 'Member' },
};

/**
 * Where a cadre of each rank works, by the level of their region: provincial and city leaders at
 * their province or city (市、州), county leaders and unit cadres
 * at the county (or the unit's level above), township cadres in the township, village cadres,
 * party members and resident cadres (posted to a village for a round) in a village.
 */
export function allowedRegionLevels(rank: CadreRank): RegionLevel[] {
  switch (rank) {
    case 'province_leader':
      return ['province'];
    case 'city_leader':
      return ['city'];
    case 'county_leader':
      return ['county'];
    case 'section':
    case 'general':
      return ['province', 'city', 'county', 'township'];
    case 'township':
      return ['township'];
    case 'village':
    case 'party_member':
    case 'resident':
      return ['village'];
  }
}

export function rankRegionProblem(rank: CadreRank, level: RegionLevel): { zh: string; en: string } | null {
  if (allowedRegionLevels(rank).includes(level)) return null;
  const where = { province: '省', city: '市（州）', county: '县', township: '乡镇', village: '村（社区）' } as Record<string, string>;
  const zh = allowedRegionLevels(rank)
    .map((l) => where[l])
    .join('、');
  return { zh: `${rankNames[rank].zh}的所在地应为${zh}`, en: `A ${rankNames[rank].en.toLowerCase()} works in a ${allowedRegionLevels(rank).join(' or ')}` };
}

/** A role in a branch needs the branch. */
export function branchRoleProblem(c: { branchId: string | null; branchRole: BranchRole | null }): { zh: string; en: string } | null {
  return c.branchRole && !c.branchId ? { zh: '请先选择所在党支部', en: 'Choose the branch first' } : null;
}

/** The one phone rule (platform/field-rules), kept under its old name for the callers here. */
export { phonePattern } from '../../platform/field-rules.js';

type Text = { zh: string; en: string };

/**
 * A cadre's ID number, when given: valid (GB 11643 checksum and birth date), agreeing with the sex
 * typed, which it fills in when left out. The ID number is what a later Excel import of the cadre
 * register recognises the person by.
 */
export function cadreIdentity(
  input: { idNumber?: string | null; sex?: 'male' | 'female' | null },
  today: Date = new Date(),
): { problems: { path: 'idNumber' | 'sex'; message: Text }[]; idNumber: string | null; sex: 'male' | 'female' | null } {
  const sex = input.sex ?? null;
  if (!input.idNumber) return { problems: [], idNumber: null, sex };
  const checked = checkIdNumber(input.idNumber, today);
  if (!checked.ok) return { problems: [{ path: 'idNumber', message: idProblemText[checked.problem] }], idNumber: null, sex };
  const problems = sex && sex !== checked.info.sex ? [{ path: 'sex' as const, message: { zh: '性别与身份证号不符', en: "The sex differs from the ID number's" } }] : [];
  return { problems, idNumber: input.idNumber.trim().toUpperCase(), sex: checked.info.sex };
}

/** Leaders above the county (rules of their reach: pairings/rules.ts leaderReachProblem). */
export const aboveCountyRanks: readonly CadreRank[] = ['province_leader', 'city_leader'];
