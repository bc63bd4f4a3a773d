import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  isDay,
  lastDayOfMonth,
  monthRange,
  monthsOfQuarter,
  nextMonth,
  previousMonth,
  quarterOf,
  quarterRange,
  shanghaiDay,
  shanghaiMonth,
} from './periods.js';
import { cadenceState, daysSince, householdsToVisit, isBehind, obligationOn, periodOf, quotaStatus, strictestQuota } from './rules.js';

describe('calendar periods in Asia/Shanghai', () => {
  it('puts a visit at 23:30 on 30 November (Shanghai) in November', () => {
    expect(shanghaiDay(new Date('2026-11-30T23:30:00+08:00'))).toBe('2026-11-30');
    expect(shanghaiMonth(new Date('2026-11-30T23:30:00+08:00'))).toBe('2026-11');
  });
  it('puts 2026-11-30T16:30Z in December: it is already 1 December in Shanghai', () => {
    expect(shanghaiDay(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12-01');
    expect(shanghaiMonth(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12');
    expect(shanghaiMonth(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11');
  });
  it('turns the year at Shanghai midnight on New Year’s Eve', () => {
    expect(shanghaiDay(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(quarterOf(shanghaiDay(new Date('2026-12-31T16:00:00Z')))).toBe('2027-Q1');
  });
  it('knows month ends, leap years included', () => {
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(lastDayOfMonth('2026-02')).toBe('2026-02-28');
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31');
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(previousMonth('2027-01')).toBe('2026-12');
  });
  it('splits quarters into their months', () => {
    expect(quarterOf('2026-11-30')).toBe('2026-Q4');
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(monthsOfQuarter('2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(quarterRange('2026-Q4')).toEqual({ from: '2026-10-01', to: '2027-01-01' });
  });
  it('counts days across month and year ends', () => {
    expect(daysBetween('2026-11-30', '2026-12-01')).toBe(1);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });
  it('checks days strictly', () => {
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-13-01')).toBe(false);
  });
});

describe('cadence: due and overdue', () => {
  const monthly = { atLeast: 1, per: 'month' as const };
  it('a household visited this month is met; one visited last month only is due this month', () => {
    expect(quotaStatus(monthly, ['2026-11-03'], '2026-11-20').current).toMatchObject({ state: 'met', done: 1, required: 1 });
    const s = quotaStatus(monthly, ['2026-10-15'], '2026-11-20');
    expect(s.current).toMatchObject({ state: 'due', done: 0, daysLeft: 11, period: { key: '2026-11', dueOn: '2026-11-30' } });
    expect(s.overdue).toBeNull();
  });
  it('a month that ended short is overdue', () => {
    const s = quotaStatus(monthly, ['2026-09-30'], '2026-11-01');
    expect(s.overdue).toMatchObject({ state: 'overdue', done: 0, period: { key: '2026-10' } });
    expect(s.current.daysLeft).toBe(30);
  });
  it('on the last day of the month one day is left', () => {
    expect(quotaStatus(monthly, [], '2026-11-30').current.daysLeft).toBe(1);
  });
  it('counts towards quarterly and yearly quotas by calendar period', () => {
    const q = quotaStatus({ atLeast: 2, per: 'quarter' }, ['2026-10-02', '2026-12-31', '2027-01-01'], '2026-12-31');
    expect(q.current).toMatchObject({ done: 2, state: 'met', period: { key: '2026-Q4', from: '2026-10-01', to: '2027-01-01' } });
    expect(periodOf('year', '2026-06-01')).toMatchObject({ key: '2026', from: '2026-01-01', to: '2027-01-01', dueOn: '2026-12-31' });
  });
  it('takes the strictest calendar quota of the programmes, else the monthly default', () => {
    expect(
      strictestQuota(
        [
          { atLeast: 2, per: 'quarter' },
          { atLeast: 1, per: 'month' },
        ],
        monthly,
      ),
    ).toEqual({ atLeast: 1, per: 'month' });
    expect(
      strictestQuota(
        [
          { atLeast: 6, per: 'quarter' },
          { atLeast: 1, per: 'month' },
        ],
        monthly,
      ),
    ).toEqual({ atLeast: 6, per: 'quarter' });
    expect(strictestQuota([null, { atLeast: 3, per: 'round' }], monthly)).toBe(monthly);
  });
});

describe('days since the last visit and the visiting list', () => {
  it('counts days since, 0 for today, null for never', () => {
    expect(daysSince('2026-11-01', '2026-11-23')).toBe(22);
    expect(daysSince('2026-11-23', '2026-11-23')).toBe(0);
    expect(daysSince(null, '2026-11-23')).toBeNull();
  });
  it('lists households not visited this period, never-visited first, then the longest ago', () => {
    const list = householdsToVisit(
      [
        { householdId: 'a', lastVisitOn: '2026-10-20', visitsThisPeriod: 0 },
        { householdId: 'b', lastVisitOn: null, visitsThisPeriod: 0 },
        { householdId: 'c', lastVisitOn: '2026-11-02', visitsThisPeriod: 1 },
        { householdId: 'd', lastVisitOn: '2026-09-01', visitsThisPeriod: 0 },
      ],
      { atLeast: 1, per: 'month' },
      '2026-11-23',
    );
    expect(list.map((h) => [h.householdId, h.daysSinceLastVisit])).toEqual([
      ['b', null],
      ['d', 83],
      ['a', 34],
    ]);
  });
});

describe('cadence states: what a work list flags on a day (a faked clock)', () => {
  const monthly = { atLeast: 1, per: 'month' as const };
  const owed = (day: string) => obligationOn([{ quota: monthly, startOn: '2026-01-01', endOn: null }], monthly, day);
  it('on the 2nd of the month nothing is flagged: the month has barely begun', () => {
    const o = owed('2026-12-02');
    expect(o).toEqual({ required: 1, per: 'month', from: '2026-12-01', to: '2027-01-01', dueOn: '2026-12-31' });
    expect(cadenceState(o.required, 0, o.dueOn, '2026-12-02')).toBe('on_track');
    expect(cadenceState(7, 6, o.dueOn, '2026-12-02')).toBe('on_track');
  });
  it('on the 20th, eleven days before the deadline, 6 of 7 visits is still on track', () => {
    expect(cadenceState(7, 6, owed('2026-12-20').dueOn, '2026-12-20')).toBe('on_track');
    expect(cadenceState(7, 7, owed('2026-12-20').dueOn, '2026-12-20')).toBe('met');
  });
  it('in the last week, and on the last day, what is missing is due soon', () => {
    expect(cadenceState(1, 0, '2026-12-31', '2026-12-25')).toBe('due_soon');
    expect(cadenceState(1, 0, '2026-12-31', '2026-12-24')).toBe('on_track');
    expect(cadenceState(7, 6, owed('2026-12-31').dueOn, '2026-12-31')).toBe('due_soon');
    expect(cadenceState(1, 0, '2026-11-30', '2026-11-30')).toBe('due_soon');
  });
  it('after the deadline a short month is overdue; a met one stays met', () => {
    expect(cadenceState(1, 0, '2026-11-30', '2026-12-01')).toBe('overdue');
    expect(cadenceState(1, 1, '2026-11-30', '2026-12-01')).toBe('met');
    expect([cadenceState(1, 0, '2026-11-30', '2026-12-01'), 'due_soon', 'on_track', 'met'].map((s) => isBehind(s as never))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
  it('takes a programme-long quota (学一技联一户解一难: one entry over the programme) with the programme’s own end', () => {
    const xue = { quota: { atLeast: 1, per: 'programme' as const }, startOn: '2026-03-01', endOn: '2027-03-01' };
    const o = obligationOn([xue], monthly, '2026-12-02');
    expect(o).toEqual({ required: 1, per: 'programme', from: '2026-03-01', to: '2027-03-01', dueOn: '2027-02-28' });
    expect(cadenceState(o.required, 0, o.dueOn, '2026-12-31')).toBe('on_track');
    expect(cadenceState(o.required, 0, o.dueOn, '2027-02-25')).toBe('due_soon');
    // With a monthly programme beside it, the monthly quota is the stricter; no programme, nothing owed.
    expect(
      obligationOn([xue, { quota: { atLeast: 2, per: 'month' }, startOn: '2026-01-01', endOn: null }], monthly, '2026-12-02'),
    ).toMatchObject({
      required: 2,
      per: 'month',
      dueOn: '2026-12-31',
    });
    expect(obligationOn([{ quota: null, startOn: '2026-01-01', endOn: null }], monthly, '2026-12-02')).toMatchObject({
      required: 1,
      per: 'month',
    });
    expect(obligationOn([], monthly, '2026-12-02').required).toBe(0);
  });
});
