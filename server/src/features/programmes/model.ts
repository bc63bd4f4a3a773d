/**
 * The programme model (活动): what a programme asks of its cadres, units and branches. Pure types
 * and constants; validation and copying live in rules.ts, the zod contract in schemas.ts.
 *
 * Days are 'YYYY-MM-DD' and periods half-open [startOn, endOn), as for pairings.
 */
import type { CadreRank } from '../cadres/tables.js';
import type { Day, PairingRole, TargetKind } from '../pairings/rules.js';
import type { UnitLevel } from '../units/tables.js';

export type { Day };

export const quotaPeriods = ['month', 'quarter', 'year', 'round', 'programme'] as const;
export type QuotaPeriod = (typeof quotaPeriods)[number];

/** "At least n per period": months, quarters and years are calendar periods in Asia/Shanghai. */
export interface Quota {
  atLeast: number;
  per: QuotaPeriod;
}

/** A round (轮次) of resident cadres: Guiyang's second of 1,170 and third of 955 [004]. */
export interface Round {
  /** 1, 2, 3 …: pairings refer to a round by its number within the programme. */
  no: number;
  name: string;
  startOn: Day;
  endOn: Day;
  /** How many cadres the round plans to post, when announced. */
  plannedCount?: number | null;
}

/**
 * Who a rule applies to. Cadres by rank, narrowed by a tag of their enrolment in the programme
 * (e.g. 'capable' for 致富能力较强的党员 [001], 'unit_head' for 单位负责人 [002]); units by
 * government level; branches by whether they are a unit's or a village's.
 */
export type SubjectSelector =
  | { kind: 'cadre'; ranks: CadreRank[]; tag?: string | null }
  | { kind: 'unit'; levels?: UnitLevel[] | null }
  | { kind: 'branch'; of?: 'unit' | 'village' | null };

/** What a rule asks to be linked: a household of any of the categories ([] = any household) … */
export type TargetSpec =
  | { kind: 'household'; categories: string[] }
  | { kind: 'township' }
  | { kind: 'village' }
  | { kind: 'branch'; of?: 'unit' | 'village' | null }
  | { kind: 'person' };

/**
 * Each subject must hold at least `min` (and at most `max`) active pairings of this programme
 * to live targets matching `target`, counting only the given roles when `roles` is set.
 * One pairing fills one requirement: a household that is both 困难党员户 and 贫困户 counts for
 * one of the two rules "one poor party member and one poor household" [002], not both.
 */
export interface PairingRule {
  /** Stable within the programme ('township-star'): breaches and proposals refer to it. */
  id: string;
  subject: SubjectSelector;
  target: TargetSpec;
  roles?: PairingRole[] | null;
  min: number;
  max?: number | null;
  /** The rule as people say it: 每名乡干部联系一个致富明星户. */
  zh: string;
  en: string;
}

/**
 * Every live target of `target` in the programme's region must have a helper: an active pairing
 * of this programme (of the given roles when set). 补抽乡's leaders link all 20 branches [000].
 */
export interface CoverageRule {
  id: string;
  target: TargetSpec;
  roles?: PairingRole[] | null;
  zh: string;
  en: string;
}

/** At most `max` active pairings to targets of a kind per subject (a cadre's household load). */
export interface Capacity {
  subject: SubjectSelector;
  target: TargetKind;
  max: number;
}

/** An obligation people carry out that the machine does not check (五大员职责, 八送 …). */
export interface Duty {
  zh: string;
  en: string;
}

export interface Requirements {
  /** Visits to each paired household by its helper (每月访谈一次 [001]). */
  visitsPerHousehold: Quota | null;
  /** Diary entries per cadre (每月记好一次联户日记 [001]; 要有民情日记 [000]). */
  diaryPerCadre: Quota | null;
  /** Main problems solved per paired household (每年至少一个主要问题 [001]). */
  problemsPerHousehold: Quota | null;
  /** Difficulties solved per cadre (解决困难两起以上 [000]). */
  difficultiesPerCadre: Quota | null;
  /** 学一技: practical techniques each cadre learns, recorded with the training and when [000]. */
  learning: { techniquesPerCadre: number } | null;
  /**
   * 五必访: households of these categories must be visited, so each needs a helper; when
   * `coveredByResident`, a resident cadre posted to the household's village covers it [004].
   */
  mustVisit: { categories: string[]; coveredByResident: boolean } | null;
  duties: Duty[];
}

export interface ProgrammeDefinition {
  name: string;
  /** Where it runs: pairings' targets must lie in this region's subtree. */
  regionCode: string;
  period: { startOn: Day; endOn: Day | null };
  rounds: Round[];
  requirements: Requirements;
  pairingRules: PairingRule[];
  coverage: CoverageRule[];
  capacities: Capacity[];
}

export interface Programme extends ProgrammeDefinition {
  id: string;
  /** The template it was copied from, if any. */
  templateKey: string | null;
}

export interface ProgrammeTemplate {
  key: string;
  /** The seed document it follows: '000' … '004'. */
  seed: string;
  definition: ProgrammeDefinition;
}
