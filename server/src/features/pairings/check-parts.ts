/** Pieces of the rule checker shared with the proposal assistant. */
import { targetMatches, type PairingRule, type TargetSpec } from '../programmes/rules.js';
import { isLive, type FactIndex, type Facts } from './facts.js';
import { who, type Text } from './messages.js';
import { levelByCode } from './nearness.js';
import type { CadreRank } from '../cadres/tables.js';
import type { Day, HelperKind, Pairing, TargetKind } from './rules.js';

export interface ResolvedTarget {
  key: string;
  kind: TargetKind;
  id: string;
  regionCode: string;
  /** Targets the facts do not know (persons, places outside the loaded region) count as live. */
  live: boolean;
  categories: readonly string[];
  unitId: string | null;
  name: string | undefined;
}

/** An active pairing with a live helper and target: what counts towards rules. */
export interface Counted {
  p: Pairing;
  t: ResolvedTarget;
}

const none: readonly string[] = [];

/** Plain object literals, no labels: this runs once per pairing, 30,000 times a county. */
export function resolveTarget(p: Pairing, idx: FactIndex, day: Day): ResolvedTarget {
  const key = `${p.targetKind}:${p.targetId}`;
  switch (p.targetKind) {
    case 'household': {
      const h = idx.households.get(p.targetId);
      return { key, kind: p.targetKind, id: p.targetId, regionCode: h ? h.regionCode : p.regionCode, live: h ? isLive(h, day) : true, categories: h ? h.categories : none, unitId: null, name: h?.name };
    }
    case 'township':
    case 'village': {
      const r = idx.regions.get(p.targetId);
      return { key, kind: p.targetKind, id: p.targetId, regionCode: p.targetId, live: r ? isLive(r, day) : true, categories: none, unitId: null, name: r?.name };
    }
    case 'branch': {
      const b = idx.branches.get(p.targetId);
      return { key, kind: p.targetKind, id: p.targetId, regionCode: b ? b.regionCode : p.regionCode, live: b ? isLive(b, day) : true, categories: none, unitId: b ? b.unitId : null, name: b?.name };
    }
    case 'person':
      return { key, kind: p.targetKind, id: p.targetId, regionCode: p.regionCode, live: true, categories: none, unitId: null, name: undefined };
  }
}

export const targetLabel = (t: Pick<ResolvedTarget, 'kind' | 'id' | 'name'>): Text => who(t.kind, t.id, t.name);

export interface ResolvedHelper {
  live: boolean;
  kind: HelperKind;
  id: string;
  name: string | undefined;
  rank: CadreRank | undefined;
}

export function resolveHelper(p: Pairing, idx: FactIndex, day: Day): ResolvedHelper {
  if (p.helperKind === 'cadre') {
    const c = idx.cadres.get(p.helperId);
    return { live: c ? isLive(c, day) : true, kind: 'cadre', id: p.helperId, name: c?.name, rank: c?.rank };
  }
  const f = p.helperKind === 'unit' ? idx.units.get(p.helperId) : idx.branches.get(p.helperId);
  return { live: f ? isLive(f, day) : true, kind: p.helperKind, id: p.helperId, name: f?.name, rank: undefined };
}

export const helperLabel = (h: ResolvedHelper): Text => who(h.kind, h.id, h.name, h.rank);

/** Does a counted pairing serve a rule: target of the asked kind and category, role allowed. */
export const fits = (it: Counted, r: Pick<PairingRule, 'target' | 'roles'>): boolean =>
  targetMatches(r.target, it.t) && (!r.roles?.length || r.roles.includes(it.p.role));

/**
 * Gives each rule its `min` pairings, each pairing serving one rule at most, as a maximum
 * bipartite matching (augmenting paths): with rules "one 困难党员户" and "one 贫困户", a household
 * that is both goes where it is needed. Sizes are a subject's own rules and pairings: tiny.
 */
export function allocate(rules: readonly PairingRule[], items: readonly Counted[]): { have: number[]; used: boolean[] } {
  const slots: number[] = [];
  rules.forEach((r, i) => {
    for (let k = 0; k < r.min; k++) slots.push(i);
  });
  const slotOfItem = new Array<number>(items.length).fill(-1);
  const edges = slots.map((ri) => items.map((it) => fits(it, rules[ri]!)));
  const tryAssign = (s: number, seen: boolean[]): boolean => {
    for (let i = 0; i < items.length; i++) {
      if (seen[i] || !edges[s]![i]) continue;
      seen[i] = true;
      if (slotOfItem[i] === -1 || tryAssign(slotOfItem[i]!, seen)) {
        slotOfItem[i] = s;
        return true;
      }
    }
    return false;
  };
  for (let s = 0; s < slots.length; s++) tryAssign(s, new Array<boolean>(items.length).fill(false));
  const have = rules.map(() => 0);
  slotOfItem.forEach((s) => {
    if (s !== -1) have[slots[s]!]!++;
  });
  return { have, used: slotOfItem.map((s) => s !== -1) };
}

export interface CoverageTarget {
  key: string;
  kind: TargetKind;
  id: string;
  regionCode: string;
  name: string | undefined;
}

/** The live targets of a spec inside the programme's region (persons are not in the facts). */
export function coverageTargets(spec: TargetSpec, facts: Facts, prefix: string, day: Day): CoverageTarget[] {
  switch (spec.kind) {
    case 'household':
      return facts.households
        .filter((h) => h.regionCode.startsWith(prefix) && isLive(h, day) && targetMatches(spec, { kind: 'household', categories: h.categories }))
        .map((h) => ({ key: `household:${h.id}`, kind: 'household', id: h.id, regionCode: h.regionCode, name: h.name }));
    case 'township':
    case 'village':
      return facts.regions
        .filter((r) => r.code.startsWith(prefix) && levelByCode(r.code) === spec.kind && isLive(r, day))
        .map((r) => ({ key: `${spec.kind}:${r.code}`, kind: spec.kind, id: r.code, regionCode: r.code, name: r.name }));
    case 'branch':
      return facts.branches
        .filter((b) => b.regionCode.startsWith(prefix) && isLive(b, day) && targetMatches(spec, { kind: 'branch', unitId: b.unitId }))
        .map((b) => ({ key: `branch:${b.id}`, kind: 'branch', id: b.id, regionCode: b.regionCode, name: b.name }));
    case 'person':
      return [];
  }
}
