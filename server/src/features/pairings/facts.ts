/**
 * What the rule checker and the proposal assistant read: plain arrays the service loads for a
 * programme (its participants, the targets in its region, its pairings). Each thing may carry
 * `endedOn`, the first day it no longer exists or acts (a household moved, merged or dissolved on
 * its status date; a cadre who left; a dissolved unit or branch; a region's validTo); absent or
 * null means it still does; and `startedOn`, the first day it exists or takes part (a region's
 * validFrom, a resident cadre enrolled from the first day of their round). Names are optional and
 * only make messages friendlier.
 */
import type { CadreRank } from '../cadres/tables.js';
import type { UnitLevel } from '../units/tables.js';
import type { Day, Pairing } from './rules.js';

interface Lived {
  startedOn?: Day | null;
  endedOn?: Day | null;
}

/**
 * A cadre taking part in the programme (the caller decides who: the enrolled cadres, or every
 * active cadre of the region). `tags` come from the enrolment ('capable', 'unit_head' …).
 */
export interface CadreFact extends Lived {
  id: string;
  name?: string;
  rank: CadreRank;
  regionCode: string;
  unitId: string | null;
  branchId: string | null;
  tags?: readonly string[];
}

export interface HouseholdFact extends Lived {
  id: string;
  name?: string;
  regionCode: string;
  categories: readonly string[];
}

export interface UnitFact extends Lived {
  id: string;
  name?: string;
  regionCode: string;
  level: UnitLevel;
}

export interface BranchFact extends Lived {
  id: string;
  name?: string;
  regionCode: string;
  /** A unit's branch (机关支部) has its unit; a village's branch has none. */
  unitId: string | null;
}

export interface RegionFact extends Lived {
  code: string;
  name?: string;
}

export interface Facts {
  cadres: readonly CadreFact[];
  households: readonly HouseholdFact[];
  units: readonly UnitFact[];
  branches: readonly BranchFact[];
  regions: readonly RegionFact[];
  /** May hold other programmes' pairings: only this programme's are read. */
  pairings: readonly Pairing[];
  /** Names of the region's own catalogue categories, beyond the built-in ones. */
  categoryNames?: ReadonlyMap<string, { zh: string; en: string }>;
}

export const isLive = (f: Lived | undefined, day: Day): boolean =>
  f !== undefined && (!f.startedOn || f.startedOn <= day) && (!f.endedOn || day < f.endedOn);

export interface FactIndex {
  cadres: Map<string, CadreFact>;
  households: Map<string, HouseholdFact>;
  units: Map<string, UnitFact>;
  branches: Map<string, BranchFact>;
  regions: Map<string, RegionFact>;
}

export const indexFacts = (f: Facts): FactIndex => ({
  cadres: new Map(f.cadres.map((c) => [c.id, c])),
  households: new Map(f.households.map((h) => [h.id, h])),
  units: new Map(f.units.map((u) => [u.id, u])),
  branches: new Map(f.branches.map((b) => [b.id, b])),
  regions: new Map(f.regions.map((r) => [r.code, r])),
});
