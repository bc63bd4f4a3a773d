import { significantPrefix } from '../../platform/scope.js';

/**
 * The pairing model (结对): who helps whom, as one dated record with a role. Pure: no I/O.
 *
 * Days are calendar days 'YYYY-MM-DD' (Asia/Shanghai) and every period is half-open
 * [startOn, endOn): endOn is the first day the pairing no longer holds, as for regions'
 * validFrom/validTo. A handover on 2013-09-29 ends the old pairing on 2013-09-29 and starts the
 * new one that same day, so no day has two helpers or none. Pairings are ended, never deleted.
 */

export type Day = string;

export const pairingRoles = [
  'one_to_one', // 一帮一: a cadre helps a household [001, 002]
  'several_to_one', // 几帮一: several cadres help one household, one of them the lead contact [002]
  'branch_helps', // 支部帮: a party branch helps a household [002]
  'leader_point', // 领导挂点: a leader links a township, village, household or branch [000, 002]
  'unit_village', // 部门包村 / 联村: a unit takes on a village [002, 003]
  'unit_township', // 部门帮乡: a unit helps a township [004]
  'unit_household', // 单位联户: a unit's own contact households (永和村 3 户, 新宝村 2 户) [002]
  'branch_pair', // 支部结对: a unit's branch pairs with a village's branch [004]
  'resident', // 驻村: a resident cadre posted to a village for a round [004]
  'person_to_person', // 人帮人 inside a household or institution: teachers to a student [001]
] as const;
export type PairingRole = (typeof pairingRoles)[number];

export const helperKinds = ['cadre', 'branch', 'unit'] as const;
export type HelperKind = (typeof helperKinds)[number];

/** township/village targets carry the region code as their id; person targets a member or person id. */
export const targetKinds = ['household', 'township', 'village', 'branch', 'person'] as const;
export type TargetKind = (typeof targetKinds)[number];

export const roleShapes: Record<PairingRole, { helper: HelperKind; targets: TargetKind[]; zh: string; en: string }> = {
  one_to_one: { helper: 'cadre', targets: ['household'], zh: '一帮一', en: 'One to one' },
  several_to_one: { helper: 'cadre', targets: ['household'], zh: '几帮一', en: 'Several to one' },
  branch_helps: { helper: 'branch', targets: ['household'], zh: '支部帮', en: 'Branch helps' },
  leader_point: { helper: 'cadre', targets: ['township', 'village', 'household', 'branch'], zh: '领导挂点', en: 'Leader link' },
  unit_village: { helper: 'unit', targets: ['village'], zh: '部门包村', en: 'Unit takes a village' },
  unit_township: { helper: 'unit', targets: ['township'], zh: '部门帮乡', en: 'Unit helps a township' },
  unit_household: { helper: 'unit', targets: ['household'], zh: '单位联户', en: 'Unit links a household' },
  branch_pair: { helper: 'branch', targets: ['branch'], zh: '支部结对', en: 'Branch pairing' },
  resident: { helper: 'cadre', targets: ['village'], zh: '驻村', en: 'Resident in a village' },
  person_to_person: { helper: 'cadre', targets: ['person'], zh: '人帮人', en: 'Person to person' },
};

export interface Pairing {
  id: string;
  /** The programme whose rules the pairing serves; null for a standing pairing outside any. */
  programmeId: string | null;
  role: PairingRole;
  helperKind: HelperKind;
  helperId: string;
  targetKind: TargetKind;
  /** Household, branch or person id; the region code for township and village targets. */
  targetId: string;
  /** The lead contact (联系人) of a 几帮一 group; the only helper of a household is its lead. */
  lead: boolean;
  /** The programme round (轮次) of a resident posting, by its number; null outside rounds. */
  roundNo: number | null;
  startOn: Day;
  endOn: Day | null;
  /** The target's region when the pairing was made: the scope key of the record. */
  regionCode: string;
  note?: string | null;
}

/** A pairing holds on a day when the day falls in [startOn, endOn). */
export const isActiveOn = (p: Pick<Pairing, 'startOn' | 'endOn'>, day: Day): boolean => p.startOn <= day && (p.endOn === null || day < p.endOn);

/** What is wrong with a pairing's shape (role against helper and target kinds, dates), or null. */
export function pairingShapeProblem(p: Pick<Pairing, 'role' | 'helperKind' | 'targetKind' | 'startOn' | 'endOn' | 'lead'>): { zh: string; en: string } | null {
  const shape = roleShapes[p.role];
  if (shape.helper !== p.helperKind) return { zh: `${shape.zh}的帮扶方应为${kindNames[shape.helper].zh}`, en: `The helper of "${shape.en}" is a ${kindNames[shape.helper].en}` };
  if (!shape.targets.includes(p.targetKind)) {
    return { zh: `${shape.zh}的对象应为${shape.targets.map((k) => kindNames[k].zh).join('、')}`, en: `"${shape.en}" links a ${shape.targets.map((k) => kindNames[k].en).join(' or ')}` };
  }
  // endOn === startOn is allowed: a pairing handed over on the day it began never took effect.
  if (p.endOn !== null && p.endOn < p.startOn) return { zh: '结束日期不应早于开始日期', en: 'The end cannot come before the start' };
  if (p.lead && p.targetKind !== 'household' && p.targetKind !== 'person') return { zh: '只有农户或个人的帮扶才有牵头联系人', en: 'Only households and persons have a lead contact' };
  return null;
}

export const kindNames: Record<HelperKind | TargetKind, { zh: string; en: string }> = {
  cadre: { zh: '干部', en: 'cadre' },
  branch: { zh: '党支部', en: 'party branch' },
  unit: { zh: '单位', en: 'unit' },
  household: { zh: '农户', en: 'household' },
  township: { zh: '乡镇', en: 'township' },
  village: { zh: '村（社区）', en: 'village' },
  person: { zh: '个人', en: 'person' },
};

/**
 * The role a new pairing takes when nothing more specific is asked: resident cadres are posted
 * (驻村), other cadres link households one to one and places as leaders, units take villages and
 * townships, branches pair with branches or help households.
 */
export function defaultRole(helperKind: HelperKind, targetKind: TargetKind, rank?: string): PairingRole | null {
  const roles = pairingRoles.filter((r) => roleShapes[r].helper === helperKind && roleShapes[r].targets.includes(targetKind));
  if (rank === 'resident' && roles.includes('resident')) return 'resident';
  const preferred: PairingRole[] = ['one_to_one', 'leader_point', 'unit_village', 'unit_township', 'unit_household', 'branch_pair', 'branch_helps', 'person_to_person'];
  return preferred.find((r) => roles.includes(r)) ?? null;
}

/** The key of a pairing's target, unique across kinds: 'household:…', 'village:433124213209' … */
export const targetKey = (p: Pick<Pairing, 'targetKind' | 'targetId'>): string => `${p.targetKind}:${p.targetId}`;
export const helperKey = (p: Pick<Pairing, 'helperKind' | 'helperId'>): string => `${p.helperKind}:${p.helperId}`;

/**
 * Handover (交接): the active pairings of one helper, ended on `on` and continued by another from
 * that same day with a note; history is kept. Returns the ended records and the new ones (ids from
 * `newId`, e.g. UUIDv7), for one transaction. Pairings not active on `on` are left alone.
 */
export function handOver(
  pairings: readonly Pairing[],
  from: { helperKind: HelperKind; helperId: string },
  to: { helperKind: HelperKind; helperId: string; roundNo?: number | null },
  on: Day,
  note: string,
  newId: () => string,
): { ended: Pairing[]; started: Pairing[] } {
  if (from.helperKind !== to.helperKind) throw new Error('a handover keeps the kind of helper');
  const ended: Pairing[] = [];
  const started: Pairing[] = [];
  for (const p of pairings) {
    if (p.helperKind !== from.helperKind || p.helperId !== from.helperId || !isActiveOn(p, on)) continue;
    ended.push({ ...p, endOn: on });
    started.push({ ...p, id: newId(), helperId: to.helperId, roundNo: to.roundNo === undefined ? p.roundNo : to.roundNo, startOn: on, endOn: null, note });
  }
  return { ended, started };
}

/**
 * Leaders above the county link villages, townships and households of their own city or
 * province only (雅安市's 常务副市长 links a village of 宝兴县, not one of 花垣县); other helpers
 * may come from anywhere above (县农业局 helps 吉久村, 东西部协作 across provinces).
 */
export function leaderReachProblem(helper: { rank?: string | null; regionCode: string }, targetRegion: string): { zh: string; en: string } | null {
  if (helper.rank !== 'city_leader' && helper.rank !== 'province_leader') return null;
  if (targetRegion.startsWith(significantPrefix(helper.regionCode))) return null;
  return helper.rank === 'city_leader'
    ? { zh: '市级领导只能联系本市（州）的乡镇、村和农户', en: 'A city leader links places and households of their own city' }
    : { zh: '省级领导只能联系本省的乡镇、村和农户', en: 'A provincial leader links places and households of their own province' };
}
