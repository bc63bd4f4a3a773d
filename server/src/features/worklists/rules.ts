/**
 * Cadence rules (how often cadres must visit and write), as pure functions: what is due this
 * period, what is overdue from the last, and how long since a household was last visited.
 * A programme states its minimums as quotas (programmes/model.ts Requirements); without one, the
 * seed-001 rule holds: each paired household visited monthly, one diary entry a month per cadre.
 */
import type { Quota } from '../programmes/model.js';
import { daysBetween, lastDayOfMonth, monthOf, monthsOfQuarter, previousMonth, quarterOf, type Day } from './periods.js';

/** 每月访谈一次, 每月记好一次联户日记 [001]. */
export const defaultVisitQuota: Quota = { atLeast: 1, per: 'month' };
export const defaultDiaryQuota: Quota = { atLeast: 1, per: 'month' };

const monthsIn = { month: 1, quarter: 3, year: 12 } as const;
type CalendarPer = keyof typeof monthsIn;
const isCalendar = (per: Quota['per']): per is CalendarPer => per in monthsIn;

/**
 * The strictest of the quotas that programmes set (a cadre in two programmes owes the higher
 * rate). Round- and programme-long quotas have no calendar rhythm, so they are not reminders here;
 * with no calendar quota at all, the fallback holds.
 */
export function strictestQuota(quotas: (Quota | null | undefined)[], fallback: Quota): Quota {
  const calendar = quotas.filter((q): q is Quota & { per: CalendarPer } => !!q && isCalendar(q.per) && q.atLeast > 0);
  if (calendar.length === 0) return fallback;
  return calendar.reduce((a, b) => (b.atLeast / monthsIn[b.per] > a.atLeast / monthsIn[a.per] ? b : a));
}

export interface Period {
  key: string;
  from: Day;
  /** Exclusive. */
  to: Day;
  /** The last day to meet the quota: the period's last day. */
  dueOn: Day;
}

/** The calendar period of a quota that contains a day. */
export function periodOf(per: CalendarPer, day: Day): Period {
  const month = monthOf(day);
  const months =
    per === 'month'
      ? [month]
      : per === 'quarter'
        ? monthsOfQuarter(quarterOf(day))
        : Array.from({ length: 12 }, (_, i) => `${day.slice(0, 4)}-${String(i + 1).padStart(2, '0')}`);
  const key = per === 'month' ? month : per === 'quarter' ? quarterOf(day) : day.slice(0, 4);
  const dueOn = lastDayOfMonth(months[months.length - 1]!);
  return { key, from: `${months[0]}-01`, to: new Date(Date.parse(`${dueOn}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10), dueOn };
}

/** The period before the one containing a day. */
export function previousPeriod(per: CalendarPer, day: Day): Period {
  const current = periodOf(per, day);
  return periodOf(per, `${previousMonth(current.from.slice(0, 7))}-01`);
}

export type DueState = 'met' | 'due' | 'overdue';

export interface QuotaStatus {
  period: Period;
  required: number;
  done: number;
  state: DueState;
  /** Days left to the due day, this one included (0 once the period is over). */
  daysLeft: number;
}

/**
 * Where a subject stands against a quota on a day: this period's count (met or still due) and,
 * when the previous period fell short, that period as overdue. `dates` are the days of the visits
 * or diary months counted (any order, any range).
 */
export function quotaStatus(quota: Quota, dates: Day[], today: Day): { current: QuotaStatus; overdue: QuotaStatus | null } {
  const per: CalendarPer = isCalendar(quota.per) ? quota.per : 'month';
  const count = (p: Period) => dates.filter((d) => d >= p.from && d < p.to).length;
  const cur = periodOf(per, today);
  const done = count(cur);
  const current: QuotaStatus = {
    period: cur,
    required: quota.atLeast,
    done,
    state: done >= quota.atLeast ? 'met' : 'due',
    daysLeft: daysBetween(today, cur.dueOn) + 1,
  };
  const prev = previousPeriod(per, today);
  const prevDone = count(prev);
  const overdue =
    prevDone < quota.atLeast ? { period: prev, required: quota.atLeast, done: prevDone, state: 'overdue' as const, daysLeft: 0 } : null;
  return { current, overdue };
}

/** Days since a household was last visited; null when it never was. A visit today is 0. */
export const daysSince = (lastOn: Day | null, today: Day): number | null =>
  lastOn === null ? null : Math.max(0, daysBetween(lastOn, today));

export interface HouseholdVisitFacts {
  householdId: string;
  lastVisitOn: Day | null;
  /** Visits this period (of the quota). */
  visitsThisPeriod: number;
}

export interface HouseholdToVisit extends HouseholdVisitFacts {
  daysSinceLastVisit: number | null;
  required: number;
}

/**
 * A cadre's households still to visit this period, longest-unvisited first (never visited before
 * all), ties by id so the order is stable.
 */
export function householdsToVisit(facts: HouseholdVisitFacts[], quota: Quota, today: Day): HouseholdToVisit[] {
  return facts
    .filter((f) => f.visitsThisPeriod < quota.atLeast)
    .map((f) => ({ ...f, daysSinceLastVisit: daysSince(f.lastVisitOn, today), required: quota.atLeast }))
    .sort((a, b) => (b.daysSinceLastVisit ?? Infinity) - (a.daysSinceLastVisit ?? Infinity) || a.householdId.localeCompare(b.householdId));
}

/**
 * Where a subject stands, seen on a day, against what it owes by a due day: met; on track (time
 * left); due soon (the last week, when the reminders go out too); overdue (the due day passed
 * short). A list that flags everything not yet done on the 2nd of the month cries wolf.
 */
export type CadenceState = 'met' | 'on_track' | 'due_soon' | 'overdue';
export const dueSoonDays = 7;

export function cadenceState(required: number, done: number, dueOn: Day | null, today: Day): CadenceState {
  if (done >= required) return 'met';
  if (dueOn === null) return 'on_track';
  if (today > dueOn) return 'overdue';
  return daysBetween(today, dueOn) < dueSoonDays ? 'due_soon' : 'on_track';
}

/** Due soon or overdue: what a work list flags. */
export const isBehind = (s: CadenceState): boolean => s === 'due_soon' || s === 'overdue';

/** A programme's quota with the programme's own dates (half-open), for quotas that run with it. */
export interface ProgrammeQuota {
  quota: Quota | null;
  startOn: Day;
  /** First day after the programme; null: open-ended. */
  endOn: Day | null;
}

/** What is owed for a period: at least `required` in [from, to), by `dueOn` (null: no end set). */
export interface Obligation {
  required: number;
  per: Quota['per'];
  from: Day;
  /** Exclusive; null: open-ended. */
  to: Day | null;
  dueOn: Day | null;
}

const dayBefore = (d: Day): Day => new Date(Date.parse(`${d}T00:00:00Z`) - 86400_000).toISOString().slice(0, 10);

/**
 * What a subject owes on a day under the quotas of its programmes: the strictest calendar quota
 * (the period containing the day); with none, a quota per round or programme, due at the end of
 * the programme that ends first (学一技联一户解一难: one entry over the programme [000]); a
 * programme that sets no quota leaves the fallback (每月一次 [001]); no programme at all: nothing.
 */
export function obligationOn(quotas: ProgrammeQuota[], fallback: Quota, day: Day): Obligation {
  if (quotas.length === 0) return { required: 0, per: fallback.per, ...periodOf('month', day), dueOn: null };
  const set = quotas.filter((q) => q.quota && q.quota.atLeast > 0);
  const calendar = set.filter((q) => isCalendar(q.quota!.per)).map((q) => q.quota!);
  const unset = set.length < quotas.length;
  if (calendar.length > 0 || unset) {
    const q = strictestQuota(unset ? [...calendar, fallback] : calendar, fallback);
    const p = periodOf(q.per as CalendarPer, day);
    return { required: q.atLeast, per: q.per, from: p.from, to: p.to, dueOn: p.dueOn };
  }
  const running = set
    .map((q) => ({ ...q, dueOn: q.endOn === null ? null : dayBefore(q.endOn) }))
    .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
  const first = running[0]!;
  return { required: first.quota!.atLeast, per: first.quota!.per, from: first.startOn, to: first.endOn, dueOn: first.dueOn };
}
