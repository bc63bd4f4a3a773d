import { describe, expect, it } from 'vitest';
import { checkIdNumber, isMasked, withCheckChar } from './idNumber';

describe('GB 11643 ID numbers (port of server/src/platform/personal-data.ts)', () => {
  const today = new Date('2026-06-01T00:00:00Z');

  it('accepts a valid number and reads birth date and sex from it', () => {
    // The standard's own example.
    expect(checkIdNumber('11010519491231002X', today)).toEqual({
      ok: true,
      info: { birthDate: '1949-12-31', sex: 'female', regionPrefix: '110105' },
    });
    const man = withCheckChar('43312419850312001');
    expect(checkIdNumber(man, today)).toEqual({ ok: true, info: { birthDate: '1985-03-12', sex: 'male', regionPrefix: '433124' } });
  });

  it('takes a lower-case x and surrounding spaces', () => {
    expect(checkIdNumber(' 11010519491231002x ', today).ok).toBe(true);
  });

  it('names the problem: format, birth date, checksum', () => {
    expect(checkIdNumber('43312419850312', today)).toEqual({ ok: false, problem: 'format' });
    expect(checkIdNumber('4331241985031200AX', today)).toEqual({ ok: false, problem: 'format' });
    expect(checkIdNumber(withCheckChar('43312419850230001'), today)).toEqual({ ok: false, problem: 'birth_date' });
    expect(checkIdNumber(withCheckChar('43312420300101001'), today)).toEqual({ ok: false, problem: 'birth_date' });
    expect(checkIdNumber(withCheckChar('43312418890101001'), today)).toEqual({ ok: false, problem: 'birth_date' });
    const good = withCheckChar('43312419850312001');
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(checkIdNumber(wrong, today)).toEqual({ ok: false, problem: 'checksum' });
  });

  it('every 17 digits have exactly one check character', () => {
    for (let seq = 0; seq < 1000; seq += 3) {
      const first17 = `43312419900101${String(seq).padStart(3, '0')}`;
      const valid = [...'0123456789X'].filter((c) => checkIdNumber(first17 + c, today).ok);
      expect(valid).toEqual([withCheckChar(first17)[17]]);
    }
  });

  it('recognises a masked number', () => {
    expect(isMasked('433124********1234')).toBe(true);
    expect(isMasked('433124198503120013')).toBe(false);
    expect(isMasked(null)).toBe(false);
  });
});
