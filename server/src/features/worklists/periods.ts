/**
 * Calendar periods in Asia/Shanghai (UTC+8 all year, no daylight saving): what "this month" and
 * "this quarter" mean to everyone, whatever the server's clock zone. Pure: no I/O.
 *
 * Days are 'YYYY-MM-DD', months 'YYYY-MM', quarters 'YYYY-Qn'; a period is half-open [from, to).
 */
export type Day = string;
export type Month = string;
export type Quarter = string;

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** The calendar day of a moment in Shanghai: 2026-11-30T16:30Z is 2026-12-01. */
export const shanghaiDay = (at: Date): Day => new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

export const monthOf = (day: Day): Month => day.slice(0, 7);
export const shanghaiMonth = (at: Date): Month => monthOf(shanghaiDay(at));

export function quarterOf(dayOrMonth: string): Quarter {
  const m = Number(dayOrMonth.slice(5, 7));
  return `${dayOrMonth.slice(0, 4)}-Q${Math.ceil(m / 3)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-11 → 2026-12; 2026-12 → 2027-01. */
export function nextMonth(month: Month): Month {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
}

export function previousMonth(month: Month): Month {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}

/** The days of a month as [from, to): 2026-02 → ['2026-02-01', '2026-03-01']. */
export const monthRange = (month: Month): { from: Day; to: Day } => ({ from: `${month}-01`, to: `${nextMonth(month)}-01` });

/** The months of a quarter: 2026-Q4 → 2026-10, 2026-11, 2026-12. */
export function monthsOfQuarter(quarter: Quarter): Month[] {
  const y = quarter.slice(0, 4);
  const q = Number(quarter.slice(6));
  return [1, 2, 3].map((i) => `${y}-${pad((q - 1) * 3 + i)}`);
}

export function quarterRange(quarter: Quarter): { from: Day; to: Day } {
  const months = monthsOfQuarter(quarter);
  return { from: `${months[0]}-01`, to: `${nextMonth(months[2]!)}-01` };
}

/** The last day of a month: 2028-02 → 2028-02-29. */
export function lastDayOfMonth(month: Month): Day {
  const d = new Date(`${nextMonth(month)}-01T00:00:00Z`);
  return new Date(d.getTime() - 86400_000).toISOString().slice(0, 10);
}

/** Whole days from a to b (b later = positive). */
export const daysBetween = (a: Day, b: Day): number =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400_000);

/**
 * Days, months and quarters of field work: years 2000–2099. The work began long after 2000; year
 * 0000 made Date arithmetic throw (a 500) and a visit on 1900-01-01 was accepted.
 */
const workYear = /^20\d\d/;
export const isDay = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && workYear.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
export const isMonth = (s: string): boolean => /^20\d\d-(0[1-9]|1[0-2])$/.test(s);
export const isQuarter = (s: string): boolean => /^20\d\d-Q[1-4]$/.test(s);
