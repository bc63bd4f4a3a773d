import type { Executor } from '../db/client.js';
import type { CadreRank } from '../features/cadres/tables.js';
import { demoId, keyedRng, type Rng } from './random.js';

export interface DemoRegion {
  code: string;
  name: string;
}

export interface DemoVillage extends DemoRegion {
  groups: DemoRegion[];
  /** The village's party branch (吉久村党支部). */
  branchId: string;
}

export interface DemoUnit {
  id: string;
  name: string;
  regionCode: string;
  /** The unit's party branch (县农业局党支部). */
  branchId: string;
}

export interface DemoCadre {
  id: string;
  name: string;
  rank: CadreRank;
  regionCode: string;
  unitId: string | null;
  branchId: string | null;
  userId: string | null;
}

export interface DemoHousehold {
  id: string;
  /** The group (or village) the household lives in. */
  regionCode: string;
  villageCode: string;
  /** Catalogue codes: pairings link star, conservative and poor households by rank (seed 001). */
  categories: string[];
  headName: string;
}

/** How big the demo is, all from the number of households it stands for. */
export interface DemoSizes {
  households: number;
  countyLeaders: number;
  townshipCadres: number;
  /** Per village. */
  partyMembers: number;
  /** General cadres per county unit, before each unit's own small variation. */
  unitGeneralCadres: number;
}

/**
 * Seed 001: 148 township and village cadres and 219 party members for 797 linked households; here
 * about 30 township cadres and 5 capable party members per village for the default 300 households,
 * so that every household can have a helper. Village cadres (2–3) and unit leaders do not scale.
 */
export function demoSizes(households: number, villages: number): DemoSizes {
  const h = Math.max(0, Math.round(households));
  return {
    households: h,
    countyLeaders: 5,
    townshipCadres: Math.min(60, Math.max(12, Math.round(h / 10))),
    partyMembers: Math.max(2, Math.round((h * 0.2) / Math.max(1, villages))),
    unitGeneralCadres: 2 + Math.floor(h / 1000),
  };
}

/**
 * What the demo has made so far, handed from one step to the next. Later generators (households,
 * pairings, visits) take it, read what they need (villages and their groups, cadres by rank) and
 * add their own lists. Everything random comes from rng(key), everything inserted gets id(key):
 * the same seed makes the same township, and a second run inserts nothing.
 */
export interface DemoContext {
  /** The transaction the whole demo runs in. */
  readonly db: Executor;
  readonly seed: number;
  readonly sizes: DemoSizes;
  readonly countyCode: string;
  /** 12-digit code of the county (433124000000). */
  readonly countyRegion: string;
  readonly township: DemoRegion;
  villages: DemoVillage[];
  /** County units first, then the township's own office (乡政府). */
  units: DemoUnit[];
  townshipOffice: DemoUnit | null;
  cadres: DemoCadre[];
  /** Demo login accounts: username → user id. */
  accounts: Map<string, string>;
  households: DemoHousehold[];
  rng(key: string): Rng;
  id(key: string): string;
}

export function createDemoContext(init: {
  db: Executor;
  seed: number;
  households: number;
  countyCode: string;
  township: DemoRegion;
  villageCount: number;
}): DemoContext {
  return {
    db: init.db,
    seed: init.seed,
    sizes: demoSizes(init.households, init.villageCount),
    countyCode: init.countyCode,
    countyRegion: `${init.countyCode}000000`,
    township: init.township,
    villages: [],
    units: [],
    townshipOffice: null,
    cadres: [],
    accounts: new Map(),
    households: [],
    rng: (key) => keyedRng(init.seed, key),
    id: (key) => demoId(init.seed, key),
  };
}

/** One step of the demo: makes its records from the context and says how many rows it inserted. */
export type DemoStep = (ctx: DemoContext) => Promise<Record<string, number>>;
