import type { TFunction } from 'i18next';

/** 2024-01-01 起 / 2024-01-01 至 2024-12-31: `endOn` is the first day after (half-open), shown as the last day. */
export function periodText(p: { startOn: string; endOn: string | null }, t: TFunction): string {
  if (!p.endOn) return t('programmes.periodValue', { start: p.startOn });
  const last = new Date(`${p.endOn}T00:00:00Z`);
  last.setUTCDate(last.getUTCDate() - 1);
  return t('programmes.periodRange', { start: p.startOn, end: last.toISOString().slice(0, 10) });
}
