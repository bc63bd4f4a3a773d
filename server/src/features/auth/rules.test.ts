import { describe, expect, it } from 'vitest';
import { isSessionLive, needsTouch, passwordProblem } from './rules.js';

const t = (min: number) => new Date(Date.UTC(2026, 10, 23, 8, min));

describe('session life', () => {
  const s = { createdAt: t(0), lastSeenAt: t(0), expiresAt: t(600) };
  it('is live while recently used and before expiry', () => {
    expect(isSessionLive(s, t(30), 120)).toBe(true);
  });
  it('ends after the idle limit', () => {
    expect(isSessionLive(s, t(121), 120)).toBe(false);
  });
  it('ends at the absolute expiry even when in use', () => {
    expect(isSessionLive({ ...s, lastSeenAt: t(599) }, t(600), 120)).toBe(false);
  });
  it('touches at most once a minute', () => {
    expect(needsTouch(t(0), new Date(t(0).getTime() + 30_000))).toBe(false);
    expect(needsTouch(t(0), t(2))).toBe(true);
  });
});

describe('password policy', () => {
  it('refuses short, letter-only and digit-only passwords', () => {
    expect(passwordProblem('a1b2c3')).not.toBeNull();
    expect(passwordProblem('abcdefgh')).not.toBeNull();
    expect(passwordProblem('12345678')).not.toBeNull();
  });
  it('accepts eight characters with letters and digits', () => {
    expect(passwordProblem('lianhu2026')).toBeNull();
  });
});
