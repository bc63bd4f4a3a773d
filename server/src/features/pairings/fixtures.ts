/**
 * Test builders for programmes, facts and pairings: no database. Region codes are 补抽乡's
 * (2023 codes) where the seeds name them; groups are local 15-digit codes.
 */
import type { CadreRank } from '../cadres/tables.js';
import { copyTemplate, type Programme, type ProgrammeTemplate } from '../programmes/rules.js';
import type { BranchFact, CadreFact, Facts, HouseholdFact, UnitFact } from './facts.js';
import { toPairing, type Proposal } from './proposals.js';
import { defaultRole, type Pairing, type PairingRole, type TargetKind } from './rules.js';

export const HUAYUAN = '433124000000'; // 花垣县
export const BUCHOU = '433124213000'; // 补抽乡
export const JIJIU = '433124213209'; // 吉久村
export const JIJIU_1 = '433124213209001'; // 吉久村一组
export const JIJIU_2 = '433124213209002'; // 吉久村二组
export const BUCHOU_CUN = '433124213208'; // 补抽村
export const DAKA = '433124213201'; // 大卡村
export const LONGTAN_VILLAGE = '433124102201'; // a village of 龙潭镇, outside 补抽乡

export const PROG = 'prog-1';

export function programmeOf(t: ProgrammeTemplate, regionCode = BUCHOU, over: Partial<Programme> = {}): Programme {
  return { ...copyTemplate(t, { id: PROG, regionCode }), ...over };
}

export const cadre = (id: string, rank: CadreRank, regionCode: string, extra: Partial<CadreFact> = {}): CadreFact => ({ id, name: id, rank, regionCode, unitId: null, branchId: null, ...extra });
export const household = (id: string, regionCode: string, categories: string[], extra: Partial<HouseholdFact> = {}): HouseholdFact => ({ id, name: id, regionCode, categories, ...extra });
export const unit = (id: string, regionCode: string, level: UnitFact['level'], extra: Partial<UnitFact> = {}): UnitFact => ({ id, name: id, regionCode, level, ...extra });
export const branch = (id: string, regionCode: string, unitId: string | null, extra: Partial<BranchFact> = {}): BranchFact => ({ id, name: id, regionCode, unitId, ...extra });

export interface TargetRef {
  kind: TargetKind;
  id: string;
  regionCode: string;
}
export const toHousehold = (h: HouseholdFact): TargetRef => ({ kind: 'household', id: h.id, regionCode: h.regionCode });
export const toBranch = (b: BranchFact): TargetRef => ({ kind: 'branch', id: b.id, regionCode: b.regionCode });
export const toPlace = (kind: 'township' | 'village', code: string): TargetRef => ({ kind, id: code, regionCode: code });

let seq = 0;
/** A pairing of this programme from 2012-03-01, open-ended, with the default role of its kinds. */
export function pair(helper: { kind: Pairing['helperKind']; id: string; rank?: CadreRank }, target: TargetRef, extra: Partial<Pairing> & { role?: PairingRole } = {}): Pairing {
  const role = extra.role ?? defaultRole(helper.kind, target.kind, helper.rank);
  if (!role) throw new Error(`no role for ${helper.kind} → ${target.kind}`);
  return {
    id: `p-${++seq}`,
    programmeId: PROG,
    role,
    helperKind: helper.kind,
    helperId: helper.id,
    targetKind: target.kind,
    targetId: target.id,
    lead: target.kind === 'household',
    roundNo: null,
    startOn: '2012-03-01',
    endOn: null,
    regionCode: target.regionCode,
    ...extra,
  };
}
export const asCadre = (c: CadreFact) => ({ kind: 'cadre' as const, id: c.id, rank: c.rank });
export const asUnit = (u: UnitFact) => ({ kind: 'unit' as const, id: u.id });
export const asBranch = (b: BranchFact) => ({ kind: 'branch' as const, id: b.id });

export const facts = (f: Partial<Facts>): Facts => ({ cadres: [], households: [], units: [], branches: [], regions: [], pairings: [], ...f });

/** What an administrator's "accept all" makes of proposals. */
export const accept = (proposals: readonly Proposal[], programmeId = PROG): Pairing[] => proposals.map((p, i) => toPairing(p, `accepted-${i + 1}`, programmeId));
