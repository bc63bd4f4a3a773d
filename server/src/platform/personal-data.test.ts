import { describe, expect, it } from 'vitest';
import { checkIdNumber, maskIdNumber, maskPhone, withCheckChar } from './personal-data.js';

describe('GB 11643 ID numbers', () => {
  // The standard's own worked example.
  it('accepts the standard example 11010519491231002X and reads birth date and sex', () => {
    const r = checkIdNumber('11010519491231002x');
    expect(r).toEqual({ ok: true, info: { birthDate: '1949-12-31', sex: 'female', regionPrefix: '110105' } });
  });

  it('accepts a generated number for 花垣县', () => {
    const id = withCheckChar('43312419800315001');
    expect(checkIdNumber(id)).toMatchObject({ ok: true, info: { birthDate: '1980-03-15', sex: 'male' } });
  });

  it('refuses a wrong check digit', () => {
    expect(checkIdNumber('110105194912310021')).toEqual({ ok: false, problem: 'checksum' });
  });

  it('refuses a birth date that does not exist or lies in the future', () => {
    expect(checkIdNumber(withCheckChar('43312419800230001'))).toEqual({ ok: false, problem: 'birth_date' });
    expect(checkIdNumber(withCheckChar('43312420990101001'), new Date('2026-11-23'))).toEqual({ ok: false, problem: 'birth_date' });
  });

  it('refuses 15-digit and malformed numbers', () => {
    expect(checkIdNumber('433124800315001')).toEqual({ ok: false, problem: 'format' });
    expect(checkIdNumber('43312419800315001Y')).toEqual({ ok: false, problem: 'format' });
  });
});

describe('masking', () => {
  it('keeps the region and last four of an ID number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
  it('keeps the first three and last four of a phone', () => {
    expect(maskPhone('13907431234')).toBe('139****1234');
  });
});
