/**
 * The pairing assistant: proposals that fill a programme's breaches of "missing pairing" and
 * "uncovered", for an administrator to review and accept. Deterministic (same facts, same
 * proposals), nearest in the region tree first, never beyond a rule's max or a capacity.
 *
 * 1. Each subject short of a rule (in rule order, then subject id) gets the nearest free targets
 *    of the rule's kind: households nobody in the programme helps yet (one household, one helper),
 *    or the places and branches with the fewest helpers of the same role.
 * 2. Each uncovered target (五必访 households, coverage rules) gets the nearest helper with spare
 *    capacity under the programme's `capacities`; with none declared, nobody is assumed free.
 * What cannot be filled is listed in `unfilled` with the reason.
 */
import { programmePrefix, roundOn, subjectMatches, type PairingRule, type Programme, type SubjectFacts, type TargetSpec } from '../programmes/rules.js';
import { checkProgramme, MUST_VISIT } from './check.js';
import { coverageTargets, fits, resolveHelper, resolveTarget, targetLabel, type CoverageTarget, type Counted } from './check-parts.js';
import { indexFacts, isLive, type Facts } from './facts.js';
import { categoryNamer, describeSpec, who, type Text } from './messages.js';
import { nearness, nearnessRank, type Nearness } from './nearness.js';
import { cmp, NearestPool, nearnessNames } from './pools.js';
import { defaultRole, helperKey, isActiveOn, roleShapes, type Day, type HelperKind, type Pairing, type PairingRole, type TargetKind } from './rules.js';

export interface Proposal {
  role: PairingRole;
  helperKind: HelperKind;
  helperId: string;
  targetKind: TargetKind;
  targetId: string;
  regionCode: string;
  lead: boolean;
  roundNo: number | null;
  startOn: Day;
  because: { kind: 'rule' | 'coverage'; ruleId: string };
  nearness: Nearness;
  zh: string;
  en: string;
}

export interface Unfilled {
  ruleId: string;
  subject: { kind: HelperKind | TargetKind; id: string };
  missing: number;
  reason: 'no_candidates' | 'capacity' | 'no_helpers';
  zh: string;
  en: string;
}

interface Subject {
  kind: HelperKind;
  id: string;
  regionCode: string;
  rank?: string;
  facts: SubjectFacts;
  label: Text;
}

export function proposePairings(programme: Programme, facts: Facts, day: Day): { proposals: Proposal[]; unfilled: Unfilled[] } {
  const check = checkProgramme(programme, facts, day);
  const idx = indexFacts(facts);
  const prefix = programmePrefix(programme);
  const names = categoryNamer(facts.categoryNames);
  const round = roundOn(programme, day);

  // What already counts: items per helper, helpers per target (as the checker counts them).
  const items = new Map<string, Counted[]>();
  const helped = new Set<string>();
  const load = new Map<string, number>(); // 'village:…|resident' → helpers of that role
  const addItem = (hk: string, c: Counted) => {
    const list = items.get(hk);
    if (list) list.push(c);
    else items.set(hk, [c]);
    helped.add(c.t.key);
    const lk = `${c.t.key}|${c.p.role}`;
    load.set(lk, (load.get(lk) ?? 0) + 1);
  };
  for (const p of facts.pairings) {
    if (p.programmeId !== programme.id || !isActiveOn(p, day)) continue;
    const t = resolveTarget(p, idx, day);
    if (t.live && resolveHelper(p, idx, day).live) addItem(helperKey(p), { p, t });
  }

  const subjects = new Map<string, Subject>();
  for (const c of facts.cadres) if (isLive(c, day)) subjects.set(`cadre:${c.id}`, { kind: 'cadre', id: c.id, regionCode: c.regionCode, rank: c.rank, facts: { kind: 'cadre', rank: c.rank, tags: c.tags }, label: who('cadre', c.id, c.name, c.rank) });
  for (const u of facts.units) if (isLive(u, day)) subjects.set(`unit:${u.id}`, { kind: 'unit', id: u.id, regionCode: u.regionCode, facts: { kind: 'unit', level: u.level }, label: who('unit', u.id, u.name) });
  for (const b of facts.branches) if (isLive(b, day)) subjects.set(`branch:${b.id}`, { kind: 'branch', id: b.id, regionCode: b.regionCode, facts: { kind: 'branch', unitId: b.unitId }, label: who('branch', b.id, b.name) });

  /** Room left under the capacities for targets of a kind: it only ever shrinks. */
  const capacityRoom = (s: Subject, kind: TargetKind): number => {
    const mine = items.get(`${s.kind}:${s.id}`) ?? [];
    let room = Infinity;
    for (const c of programme.capacities) if (c.target === kind && subjectMatches(c.subject, s.facts)) room = Math.min(room, c.max - mine.filter((m) => m.t.kind === kind).length);
    return room;
  };
  /** How many more pairings a subject may take to a target by a role (rule max, capacities). */
  const spare = (s: Subject, it: Counted): number => {
    const mine = items.get(`${s.kind}:${s.id}`) ?? [];
    let room = capacityRoom(s, it.t.kind);
    for (const r of programme.pairingRules) if (r.max != null && subjectMatches(r.subject, s.facts) && fits(it, r)) room = Math.min(room, r.max - mine.filter((m) => fits(m, r)).length);
    return room;
  };

  const proposals: Proposal[] = [];
  const unfilled: Unfilled[] = [];
  type Candidate = CoverageTarget & { categories?: readonly string[]; unitId?: string | null };
  const draft = (s: Subject, t: Candidate, role: PairingRole): Counted => ({
    p: { id: `proposal-${proposals.length + 1}`, programmeId: programme.id, role, helperKind: s.kind, helperId: s.id, targetKind: t.kind, targetId: t.id, lead: t.kind === 'household', roundNo: role === 'resident' ? (round?.no ?? null) : null, startOn: day, endOn: null, regionCode: t.regionCode },
    t: { ...t, live: true, categories: t.categories ?? [], unitId: t.unitId ?? null },
  });
  const propose = (s: Subject, t: Candidate, role: PairingRole, because: Proposal['because'], why: Text, near: Nearness) => {
    const it = draft(s, t, role);
    addItem(`${s.kind}:${s.id}`, it);
    const n = nearnessNames[near];
    const { p } = it;
    proposals.push({ role, helperKind: s.kind, helperId: s.id, targetKind: t.kind, targetId: t.id, regionCode: t.regionCode, lead: p.lead, roundNo: p.roundNo, startOn: day, because, nearness: near, zh: `建议${s.label.zh}联系${targetLabel(t).zh}（${why.zh}；${n.zh}）`, en: `Pair ${s.label.en} with ${targetLabel(t).en} (${why.en}; ${n.en})` });
  };

  // 1. Subjects short of a rule.
  const pools = new Map<string, { households?: NearestPool<CoverageTarget & { categories: readonly string[] }>; others?: CoverageTarget[] }>();
  const poolOf = (r: PairingRule) => {
    let pool = pools.get(r.id);
    if (!pool) {
      pool = r.target.kind === 'household' ? { households: householdPool(r.target) } : { others: coverageTargets(r.target, facts, prefix, day) };
      pools.set(r.id, pool);
    }
    return pool;
  };
  const householdPool = (spec: TargetSpec) => {
    const hs = coverageTargets(spec, facts, prefix, day).map((t) => ({ ...t, categories: idx.households.get(t.id)?.categories ?? [] }));
    return new NearestPool(hs, (h) => helped.has(h.key));
  };
  const ruleIndex = new Map(programme.pairingRules.map((r, i) => [r.id, i]));
  const deficits = check.breaches
    .filter((b) => b.kind === 'missing_pairing')
    .sort((a, b) => ruleIndex.get(a.ruleId!)! - ruleIndex.get(b.ruleId!)! || cmp(a.subject.id, b.subject.id));
  for (const d of deficits) {
    const r = programme.pairingRules[ruleIndex.get(d.ruleId!)!]!;
    const s = subjects.get(`${d.subject.kind}:${d.subject.id}`)!;
    const role = r.roles?.[0] ?? defaultRole(s.kind, r.target.kind, s.rank);
    const target = describeSpec(r.target, names);
    let missing = d.detail.missing ?? 0;
    const note = (reason: Unfilled['reason'], zh: string, en: string) => unfilled.push({ ruleId: r.id, subject: d.subject, missing, reason, zh: `${s.label.zh}：${r.zh}，${zh}`, en: `${s.label.en}: ${r.en}, ${en}` });
    while (missing > 0 && role) {
      const pool = poolOf(r);
      let found: { item: CoverageTarget; nearness: Nearness } | null = null;
      if (pool.households) found = pool.households.nearest(s.regionCode);
      else if (pool.others) {
        const mine = new Set((items.get(`${s.kind}:${s.id}`) ?? []).map((m) => m.t.key));
        type Scored = { item: CoverageTarget; nearness: Nearness; load: number };
        const before = (a: Scored, b: Scored) => nearnessRank(a.nearness) - nearnessRank(b.nearness) || a.load - b.load || cmp(a.item.regionCode, b.item.regionCode) || cmp(a.item.id, b.item.id);
        let best: Scored | null = null;
        for (const t of pool.others) {
          if (mine.has(t.key)) continue;
          const cand = { item: t, nearness: nearness(s.regionCode, t.regionCode), load: load.get(`${t.key}|${role}`) ?? 0 };
          if (!best || before(cand, best) < 0) best = cand;
        }
        found = best;
      }
      if (!found) {
        note('no_candidates', `范围内没有可联系的${target.zh}`, `no free ${target.en} in the region`);
        break;
      }
      const withFacts = { ...found.item, categories: idx.households.get(found.item.id)?.categories ?? [], unitId: idx.branches.get(found.item.id)?.unitId ?? null };
      if (spare(s, draft(s, withFacts, role)) <= 0) {
        note('capacity', '已达上限', 'at capacity');
        break;
      }
      propose(s, withFacts, role, { kind: 'rule', ruleId: r.id }, r, found.nearness);
      missing--;
    }
    if (!role) note('no_candidates', '没有适合的结对形式', 'no pairing role fits');
  }

  // 2. Uncovered targets: the nearest helper with spare capacity.
  const helperPools = new Map<string, NearestPool<Subject>>();
  const coverage = new Map(programme.coverage.map((c) => [c.id, c]));
  for (const b of check.breaches) {
    if (b.kind !== 'uncovered' || !b.ruleId) continue;
    const t = coverageTargetOf(b.subject.kind, b.subject.id);
    if (!t || helped.has(t.key)) continue;
    const roles = b.ruleId === MUST_VISIT ? null : (coverage.get(b.ruleId)?.roles ?? null);
    let pool = helperPools.get(b.ruleId);
    if (!pool) {
      const able = [...subjects.values()].filter((s) => programme.capacities.some((c) => c.target === t.kind && subjectMatches(c.subject, s.facts)) && roleFor(s, t.kind, roles));
      const kind = t.kind;
      pool = new NearestPool(able, (s) => capacityRoom(s, kind) <= 0);
      helperPools.set(b.ruleId, pool);
    }
    const found = pool.nearest(t.regionCode, (s) => spare(s, draft(s, t, roleFor(s, t.kind, roles)!)) > 0);
    const why = b.ruleId === MUST_VISIT ? { zh: '五必访', en: 'must visit' } : coverage.get(b.ruleId)!;
    if (!found) {
      unfilled.push({ ruleId: b.ruleId, subject: b.subject, missing: 1, reason: 'no_helpers', zh: `${targetLabel(t).zh}：没有尚有余力的帮扶方（${why.zh}）`, en: `${targetLabel(t).en}: no helper with spare capacity (${why.en})` });
      continue;
    }
    propose(found.item, t, roleFor(found.item, t.kind, roles)!, { kind: 'coverage', ruleId: b.ruleId }, why, found.nearness);
  }

  function coverageTargetOf(kind: string, id: string): Candidate | null {
    if (kind === 'household') {
      const h = idx.households.get(id);
      return h ? { key: `household:${id}`, kind: 'household', id, regionCode: h.regionCode, categories: h.categories, name: h.name } : null;
    }
    if (kind === 'branch') {
      const br = idx.branches.get(id);
      return br ? { key: `branch:${id}`, kind: 'branch', id, regionCode: br.regionCode, unitId: br.unitId, name: br.name } : null;
    }
    if (kind === 'township' || kind === 'village') return { key: `${kind}:${id}`, kind, id, regionCode: id, name: idx.regions.get(id)?.name };
    return null;
  }
  return { proposals, unfilled };
}

/** The pairing an accepted proposal becomes (the id made by the client or server, UUIDv7). */
export function toPairing(p: Proposal, id: string, programmeId: string, note: string | null = null): Pairing {
  const { role, helperKind, helperId, targetKind, targetId, regionCode, lead, roundNo, startOn } = p;
  return { id, programmeId, role, helperKind, helperId, targetKind, targetId, regionCode, lead, roundNo, startOn, endOn: null, note };
}

/** The role a helper would take with a target: the first allowed role that fits, or the default. */
function roleFor(s: Subject, kind: TargetKind, roles: readonly PairingRole[] | null): PairingRole | null {
  if (roles?.length) return roles.find((r) => roleShapes[r].helper === s.kind && roleShapes[r].targets.includes(kind)) ?? null;
  return defaultRole(s.kind, kind, s.rank);
}
