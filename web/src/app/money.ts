/**
 * Money is kept in integer fen (分) on the server; clerks type yuan (元) with up to two decimals.
 * These conversions never go through a float multiplication, so 0.29 元 is 29 分, not 28.
 */

/** "1234.5" or 1234.5 (yuan) → 123450 (fen); null when it is not an amount of money. */
export function yuanToFen(yuan: string | number | null | undefined): number | null {
  if (yuan === null || yuan === undefined) return null;
  if (typeof yuan === 'number') {
    // From a number input limited to two decimals: x * 100 is within a hair of an integer.
    const fen = Math.round(yuan * 100);
    return Number.isSafeInteger(fen) && Math.abs(fen - yuan * 100) < 1e-6 * Math.max(1, Math.abs(fen)) ? fen : null;
  }
  const s = yuan.trim().replace(/,/g, '');
  const m = /^(-)?(\d+)(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return null;
  return m[1] ? -fen : fen;
}

/** 123450 (fen) → 1234.5 (yuan), as a number for an input. */
export const fenToYuan = (fen: number): number => fen / 100;

/** 123450 → "1,234.50": yuan with two decimals and thousands separators, for display. */
export function formatYuan(fen: number): string {
  const neg = fen < 0;
  const abs = Math.abs(Math.trunc(fen));
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${neg ? '-' : ''}${whole}.${cents}`;
}
