/**
 * THE RULE CHECKER: every breach of a programme's pairing rules on a day, with counts per kind.
 * One pass over the pairings into Maps, then one pass over subjects and targets: linear in the
 * size of the facts (a county's 20k households, 3k cadres and 30k pairings in milliseconds).
 *
 * Only this programme's pairings active on the day are read: ended and future ones neither count
 * nor breach. A pairing breaks at most once per fault and still counts towards its helper's
 * rules (a household outside the region is one breach, not also a missing pairing); a pairing
 * whose target or helper has ended does not count.
 */
import { programmePrefix, subjectMatches, type Capacity, type Programme, type SubjectFacts } from '../programmes/rules.js';
import { indexFacts, isLive, type Facts } from './facts.js';
import { categoryNamer, describeSpec, messages, roundReasons, who, type Text } from './messages.js';
import { allocate, coverageTargets, fits, helperLabel, resolveHelper, resolveTarget, targetLabel, type Counted } from './check-parts.js';
import { villageOf } from './nearness.js';
import { helperKey, isActiveOn, kindNames, type Day, type HelperKind, type Pairing, type PairingRole, type TargetKind } from './rules.js';

export const breachKinds = [
  'missing_pairing', // a cadre, unit or branch lacks a pairing its rank or kind requires
  'over_capacity', // more pairings than a rule's max or a capacity allows
  'uncovered', // a household of a must-visit category (or a coverage target) without a helper
  'outside_region', // the pairing's target lies outside the programme's region
  'outside_period', // the pairing started before the programme, ends after it, or is still open after it ended
  'outside_round', // a resident posting without a round, or outside its round's dates
  'inactive_target', // the target has ended (moved, dissolved, region retired)
  'inactive_helper', // the helper has ended (cadre left, unit or branch dissolved)
  'no_lead', // a 几帮一 household without a lead contact
  'several_leads', // a 几帮一 household with more than one lead contact
] as const;
export type BreachKind = (typeof breachKinds)[number];

export interface Breach {
  kind: BreachKind;
  /** Who must act: the helper for its own pairings and rules, the household (or place) otherwise. */
  subject: { kind: HelperKind | TargetKind; id: string };
  pairingId: string | null;
  /** The pairing rule or coverage rule broken ('must-visit' for 五必访). */
  ruleId: string | null;
  detail: { required?: number; have?: number; missing?: number; max?: number };
  zh: string;
  en: string;
}

export interface RuleCheck {
  programmeId: string;
  day: Day;
  breaches: Breach[];
  counts: Record<BreachKind, number>;
  total: number;
}

export const MUST_VISIT = 'must-visit';

export function checkProgramme(programme: Programme, facts: Facts, day: Day): RuleCheck {
  const idx = indexFacts(facts);
  const prefix = programmePrefix(programme);
  const names = categoryNamer(facts.categoryNames);
  const rounds = new Map(programme.rounds.map((r) => [r.no, r]));
  const breaches: Breach[] = [];
  const push = (kind: BreachKind, subject: Breach['subject'], text: Text, extra: Partial<Pick<Breach, 'pairingId' | 'ruleId' | 'detail'>> = {}) =>
    breaches.push({ kind, subject, pairingId: extra.pairingId ?? null, ruleId: extra.ruleId ?? null, detail: extra.detail ?? {}, ...text });

  const byHelper = new Map<string, Counted[]>();
  const helped = new Map<string, Set<PairingRole>>();
  const residentVillages = new Set<string>();
  const severals = new Map<string, Pairing[]>();

  for (const p of facts.pairings) {
    if (p.programmeId !== programme.id || !isActiveOn(p, day)) continue;
    const t = resolveTarget(p, idx, day);
    const h = resolveHelper(p, idx, day);
    const inRegion = t.regionCode.startsWith(prefix);
    const { startOn, endOn } = programme.period;
    const inPeriod = p.startOn >= startOn && (endOn === null || (p.endOn === null ? day < endOn : p.endOn <= endOn));
    const round = p.roundNo === null ? null : rounds.get(p.roundNo);
    const why =
      p.roundNo === null
        ? p.role === 'resident' && programme.rounds.length > 0 ? roundReasons.none : null
        : !round ? roundReasons.unknown
        : p.startOn < round.startOn ? roundReasons.before
        : (p.endOn === null ? day >= round.endOn : p.endOn > round.endOn) ? roundReasons.after
        : null;
    if (!inRegion || !inPeriod || why || !t.live || !h.live) {
      // Labels are built only for pairings that break something.
      const at = { pairingId: p.id };
      const helper = { kind: p.helperKind, id: p.helperId };
      const hl = helperLabel(h);
      const tl = targetLabel(t);
      if (!inRegion) push('outside_region', helper, messages.outsideRegion(hl, tl), at);
      if (!inPeriod) push('outside_period', helper, messages.outsidePeriod(hl, tl), at);
      if (why) push('outside_round', helper, messages.outsideRound(hl, tl, why), at);
      if (!t.live) push('inactive_target', helper, messages.inactiveTarget(hl, tl), at);
      if (!h.live) push('inactive_helper', { kind: p.targetKind, id: p.targetId }, messages.inactiveHelper(hl, tl), at);
    }
    if (!t.live || !h.live) continue;

    const hk = helperKey(p);
    const list = byHelper.get(hk);
    if (list) list.push({ p, t });
    else byHelper.set(hk, [{ p, t }]);
    const tk = t.key;
    const roles = helped.get(tk);
    if (roles) roles.add(p.role);
    else helped.set(tk, new Set([p.role]));
    if (p.role === 'resident') residentVillages.add(p.targetId);
    if (p.role === 'several_to_one') {
      const group = severals.get(tk);
      if (group) group.push(p);
      else severals.set(tk, [p]);
    }
  }

  for (const group of severals.values()) {
    if (group.length < 2) continue;
    const leads = group.filter((p) => p.lead).length;
    const first = group[0]!;
    const label = targetLabel(resolveTarget(first, idx, day));
    if (leads === 0) push('no_lead', { kind: first.targetKind, id: first.targetId }, messages.noLead(label));
    if (leads > 1) push('several_leads', { kind: first.targetKind, id: first.targetId }, messages.severalLeads(label, leads));
  }

  const checkSubject = (kind: HelperKind, id: string, facts: SubjectFacts, label: Text) => {
    const rules = programme.pairingRules.filter((r) => subjectMatches(r.subject, facts));
    const caps = programme.capacities.filter((c) => subjectMatches(c.subject, facts));
    if (rules.length === 0 && caps.length === 0) return;
    const items = byHelper.get(`${kind}:${id}`) ?? [];
    const subject = { kind, id };
    const { have } = allocate(rules, items);
    rules.forEach((r, i) => {
      const h = have[i]!;
      if (h < r.min) push('missing_pairing', subject, messages.missing(label, r, describeSpec(r.target, names), h, r.min), { ruleId: r.id, detail: { required: r.min, have: h, missing: r.min - h } });
      if (r.max != null) {
        const n = items.filter((it) => fits(it, r)).length;
        if (n > r.max) push('over_capacity', subject, messages.over(label, describeSpec(r.target, names), n, r.max), { ruleId: r.id, detail: { have: n, max: r.max } });
      }
    });
    for (const c of caps) overCapacity(c, items, subject, label);
  };
  const overCapacity = (c: Capacity, items: Counted[], subject: Breach['subject'], label: Text) => {
    const n = items.filter((it) => it.p.targetKind === c.target).length;
    if (n > c.max) push('over_capacity', subject, messages.over(label, kindNames[c.target], n, c.max), { detail: { have: n, max: c.max } });
  };

  for (const c of facts.cadres) if (isLive(c, day)) checkSubject('cadre', c.id, { kind: 'cadre', rank: c.rank, tags: c.tags }, who('cadre', c.id, c.name, c.rank));
  for (const u of facts.units) if (isLive(u, day)) checkSubject('unit', u.id, { kind: 'unit', level: u.level }, who('unit', u.id, u.name));
  for (const b of facts.branches) if (isLive(b, day)) checkSubject('branch', b.id, { kind: 'branch', unitId: b.unitId }, who('branch', b.id, b.name));

  for (const rule of programme.coverage) {
    for (const t of coverageTargets(rule.target, facts, prefix, day)) {
      const roles = helped.get(t.key);
      const ok = roles && (!rule.roles?.length || rule.roles.some((r) => roles.has(r)));
      if (!ok) push('uncovered', { kind: t.kind, id: t.id }, messages.uncovered(targetLabel(t), rule), { ruleId: rule.id });
    }
  }
  const mv = programme.requirements.mustVisit;
  if (mv) {
    const spec = { kind: 'household' as const, categories: mv.categories };
    const rule = { zh: `五必访：${describeSpec(spec, names).zh}`, en: `must visit: ${describeSpec(spec, names).en}` };
    for (const t of coverageTargets(spec, facts, prefix, day)) {
      const village = villageOf(t.regionCode);
      if (helped.has(t.key) || (mv.coveredByResident && village !== null && residentVillages.has(village))) continue;
      push('uncovered', { kind: 'household', id: t.id }, messages.uncovered(targetLabel(t), rule), { ruleId: MUST_VISIT });
    }
  }

  const order = (k: BreachKind) => breachKinds.indexOf(k);
  breaches.sort((a, b) => order(a.kind) - order(b.kind) || cmp(a.subject.id, b.subject.id) || cmp(a.ruleId ?? '', b.ruleId ?? '') || cmp(a.pairingId ?? '', b.pairingId ?? ''));
  const counts = Object.fromEntries(breachKinds.map((k) => [k, 0])) as Record<BreachKind, number>;
  for (const b of breaches) counts[b.kind]++;
  return { programmeId: programme.id, day, breaches, counts, total: breaches.length };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
