import { describe, expect, it } from 'vitest';
import { LoginThrottle, defaultThrottle } from './throttle.js';

describe('login throttle', () => {
  it('lets five failures through, then doubles the wait from the last failure, at most 15 minutes', () => {
    let now = 0;
    const t = new LoginThrottle(defaultThrottle, () => now);
    for (let i = 0; i < 5; i++) {
      expect(t.wait('county', `10.0.0.${i}`)).toBe(0);
      t.failed('county', `10.0.0.${i}`);
    }
    expect(t.wait('county', '10.9.9.9')).toBe(1000);
    now = 1000;
    expect(t.wait('county', '10.9.9.9')).toBe(0);
    t.failed('county', '10.9.9.9');
    expect(t.wait('COUNTY', '10.9.9.8')).toBe(2000);
    for (let i = 0; i < 20; i++) t.failed('county', `10.1.0.${i}`);
    expect(t.wait('county', '10.9.9.7')).toBe(15 * 60_000);
  });
  it('clears an account on success', () => {
    const t = new LoginThrottle(defaultThrottle, () => 0);
    for (let i = 0; i < 6; i++) t.failed('cadre', `10.0.0.${i}`);
    t.succeeded('cadre');
    expect(t.wait('cadre', '10.0.0.99')).toBe(0);
  });
  it('stops an address after 20 failures in 15 minutes, across usernames, until the oldest ages out', () => {
    let now = 0;
    const t = new LoginThrottle(defaultThrottle, () => now);
    for (let i = 0; i < 20; i++) {
      now = i * 1000;
      t.failed(`user${i}`, '10.0.0.1');
    }
    expect(t.wait('someone', '10.0.0.1')).toBe(15 * 60_000 - 19_000);
    expect(t.wait('someone', '10.0.0.2')).toBe(0);
    now = 15 * 60_000;
    expect(t.wait('someone', '10.0.0.1')).toBe(0);
  });
  it('keeps at most maxEntries accounts', () => {
    const t = new LoginThrottle({ ...defaultThrottle, maxEntries: 3, addressFailures: 1000 }, () => 0);
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) t.failed(`u${i}`, '10.0.0.1');
    expect(t.wait('u0', '10.0.0.2')).toBe(0);
    expect(t.wait('u5', '10.0.0.2')).toBe(2000);
  });
});
