/**
 * Every cadre's standing for the work lists and the reminders: what their programmes ask (visits to
 * each paired household, diary entries) by their own cadence and deadline, what is done, and
 * whether that is met, on track, due soon or overdue on a day.
 */
import type { Executor } from '../../db/client.js';
import type { Requirements } from '../programmes/model.js';
import { monthOf, type Day } from './periods.js';
import * as repo from './repository.js';
import type { ComplianceRanges, ComplianceRow } from './repository.js';
import {
  cadenceState,
  defaultDiaryQuota,
  defaultVisitQuota,
  obligationOn,
  type CadenceState,
  type Obligation,
  type ProgrammeQuota,
} from './rules.js';

export interface CadenceRow extends ComplianceRow {
  visit: Obligation & { state: CadenceState };
  diary: Obligation & { state: CadenceState };
}

const dayAfter = (d: Day): Day => new Date(Date.parse(`${d}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);
const dayBefore = (d: Day): Day => new Date(Date.parse(`${d}T00:00:00Z`) - 86400_000).toISOString().slice(0, 10);

/** The ranges the compliance query counts for a cadre's obligations, as of a day (nothing after it: a day seen is seen as it was). */
function rangesOf(visit: Obligation, diary: Obligation, asOf: Day): ComplianceRanges {
  return {
    visits: {
      from: visit.from,
      to: visit.to && visit.to < dayAfter(asOf) ? visit.to : dayAfter(asOf),
      atLeast: Math.max(visit.required, 1),
    },
    diaries: { fromMonth: monthOf(diary.from), toMonth: diary.to ? monthOf(dayBefore(diary.to)) : monthOf(asOf) },
  };
}
const keyOf = (r: ComplianceRanges) => JSON.stringify(r);

/**
 * The cadres working in a region (prefix) with their obligations as of `asOf` (the day whose
 * periods count: today, or a past month's last day) and their states seen on `today`.
 */
export async function cadreCadence(db: Executor, prefix: string, asOf: Day, today: Day): Promise<CadenceRow[]> {
  const quotas = new Map<string, { visits: ProgrammeQuota[]; diaries: ProgrammeQuota[] }>();
  for (const r of await repo.programmeQuotasOfCadres(db, prefix, asOf)) {
    const q = quotas.get(r.cadreId) ?? { visits: [], diaries: [] };
    const of = (pick: (req: Requirements) => ProgrammeQuota['quota']): ProgrammeQuota => ({
      quota: r.requirements ? pick(r.requirements) : null,
      startOn: r.startOn ?? asOf,
      endOn: r.endOn ?? null,
    });
    if (r.household) q.visits.push(of((req) => req.visitsPerHousehold));
    q.diaries.push(of((req) => req.diaryPerCadre));
    quotas.set(r.cadreId, q);
  }
  const owed = (cadreId: string) => {
    const q = quotas.get(cadreId);
    const visit = obligationOn(q?.visits ?? [], defaultVisitQuota, asOf);
    const diary = obligationOn(q?.diaries ?? [], defaultDiaryQuota, asOf);
    return { visit, diary, ranges: rangesOf(visit, diary, asOf) };
  };
  // One pass for everyone with the plain month's ranges; the few on other cadences are counted again.
  const monthly = owed('');
  const rows = await repo.compliance(db, prefix, monthly.ranges, asOf);
  const others = new Map<string, { ranges: ComplianceRanges; ids: string[] }>();
  for (const r of rows) {
    const o = owed(r.cadreId);
    const k = keyOf(o.ranges);
    if (k === keyOf(monthly.ranges)) continue;
    const g = others.get(k) ?? { ranges: o.ranges, ids: [] };
    g.ids.push(r.cadreId);
    others.set(k, g);
  }
  const recount = new Map<string, ComplianceRow>();
  for (const g of others.values()) for (const r of await repo.compliance(db, prefix, g.ranges, asOf, g.ids)) recount.set(r.cadreId, r);
  return rows.map((row) => {
    const r = recount.get(row.cadreId) ?? row;
    const { visit, diary } = owed(r.cadreId);
    return {
      ...r,
      visit: { ...visit, state: cadenceState(r.paired, r.visited, visit.dueOn, today) },
      diary: { ...diary, state: cadenceState(diary.required, r.diaries, diary.dueOn, today) },
    };
  });
}
