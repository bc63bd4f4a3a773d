/** Pure session and password rules. */

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** A session ends at its absolute expiry or after idleMinutes without a request. */
export function isSessionLive(s: SessionTimes, now: Date, idleMinutes: number): boolean {
  if (now >= s.expiresAt) return false;
  return now.getTime() - s.lastSeenAt.getTime() < idleMinutes * 60_000;
}

/** Touch lastSeenAt at most once a minute: a write per request would be wasted I/O. */
export const needsTouch = (lastSeenAt: Date, now: Date): boolean => now.getTime() - lastSeenAt.getTime() > 60_000;

/**
 * Passwords: at least 8 characters with a letter and a digit. Length beats complexity, but
 * village offices share computers and "123456" is the most common password in China.
 */
export function passwordProblem(pw: string): { zh: string; en: string } | null {
  if (pw.length < 8) return { zh: '密码至少 8 位', en: 'At least 8 characters' };
  if (pw.length > 128) return { zh: '密码不能超过 128 位', en: 'At most 128 characters' };
  if (!/[A-Za-z]/.test(pw) || !/\d/.test(pw)) return { zh: '密码须同时包含字母和数字', en: 'Use both letters and digits' };
  return null;
}
