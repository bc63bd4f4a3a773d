import { describe, expect, it } from 'vitest';
import { fenToYuan, formatYuan, yuanToFen } from './money';

describe('yuan ↔ fen', () => {
  it('turns typed yuan into integer fen without float error', () => {
    expect(yuanToFen('3500')).toBe(350000);
    expect(yuanToFen('0.29')).toBe(29);
    expect(yuanToFen('1.1')).toBe(110);
    expect(yuanToFen('1,234.56')).toBe(123456);
    expect(yuanToFen(' 12. ')).toBe(1200);
    expect(yuanToFen(0.29)).toBe(29);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen(2500)).toBe(250000);
    expect(yuanToFen('-5')).toBe(-500);
  });

  it('refuses what is not money', () => {
    expect(yuanToFen('')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen(null)).toBeNull();
    expect(yuanToFen(undefined)).toBeNull();
    expect(yuanToFen(1.234)).toBeNull();
  });

  it('goes back to yuan for inputs and display', () => {
    expect(fenToYuan(350000)).toBe(3500);
    expect(fenToYuan(29)).toBe(0.29);
    expect(formatYuan(350000)).toBe('3,500.00');
    expect(formatYuan(29)).toBe('0.29');
    expect(formatYuan(123456789)).toBe('1,234,567.89');
    expect(formatYuan(-150)).toBe('-1.50');
    expect(formatYuan(0)).toBe('0.00');
  });

  it('round-trips every cent of a range', () => {
    for (let fen = 0; fen < 5000; fen += 7) expect(yuanToFen(fenToYuan(fen))).toBe(fen);
  });
});
