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
  it('refuses the short, the common and the trivial', () => {
    for (const pw of ['a1b2c3', 'password1', 'Passw0rd', '12345678a', 'A1        ', 'aaaaaaaaaaaa', '1234567890', 'lianhu2026', 'qwertyuiop1']) expect(passwordProblem(pw), pw).not.toBeNull();
  });
  it("refuses the user's own name with a year", () => {
    expect(passwordProblem('longwenbin1985', ['longwenbin'])).not.toBeNull();
  });
  it('accepts a long phrase and a random string', () => {
    expect(passwordProblem('river-stone-77')).toBeNull();
    expect(passwordProblem('hx7-Qpe2-9kd')).toBeNull();
  });
});
