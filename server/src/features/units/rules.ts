import type { RegionLevel } from '../../platform/scope.js';
import type { UnitKind, UnitLevel } from './tables.js';

export const unitKindNames: Record<UnitKind, { zh: string; en: string }> = {
  department: { zh: '党政机关', en: 'Party or government department' },
  institution: { zh: '事业单位', en: 'Public institution' },
  enterprise: { zh: '国有企业', en: 'State-owned enterprise' },
  other: { zh: '其他', en: 'Other' },
};

/** A unit sits at the level of its region; groups (组/社) have no units of their own. */
export function unitLevelOf(regionLevel: RegionLevel): UnitLevel | null {
  switch (regionLevel) {
    case 'province':
    case 'city':
    case 'county':
    case 'township':
    case 'village':
      return regionLevel;
    case 'group':
      return null;
  }
}

/** Branches: a unit's branch sits where its unit sits; a branch without a unit belongs to a village (村/社区). */
export function branchRegionProblem(b: { unitRegionCode: string | null; regionCode: string; regionLevel: RegionLevel }): { zh: string; en: string } | null {
  if (b.unitRegionCode !== null) {
    return b.unitRegionCode === b.regionCode ? null : { zh: '单位党支部的行政区划须与所属单位一致', en: "A unit's branch sits in the unit's region" };
  }
  return b.regionLevel === 'village' ? null : { zh: '不属于单位的党支部只能建在村（社区）', en: 'A branch without a unit belongs to a village' };
}

/** What a branch is for the lists: a unit's (机关/部门) branch or a village's. */
export const branchKindOf = (unitId: string | null): 'unit' | 'village' => (unitId ? 'unit' : 'village');
