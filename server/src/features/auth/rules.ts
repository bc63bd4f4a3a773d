import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

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

/** The shortest password accepted: length is what makes guessing slow. */
export const minPasswordLength = 10;

const zxcvbn = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

/** Words a guesser tries first against this system's accounts, besides the user's own names. */
const siteWords = ['lianhu', 'lianhu2026', 'huayuan', 'buchou', 'admin', 'password', 'mima'];

/**
 * Passwords: at least minPasswordLength characters and not guessable by zxcvbn's estimate (score 3
 * of 4: "safely unguessable", ~10^8 guesses), with the username and display name as words it
 * knows. Rules like "a letter and a digit" let password1 and Passw0rd through; an estimate of
 * guesses refuses them and accepts a long phrase without digits.
 */
export function passwordProblem(pw: string, userWords: readonly string[] = []): { zh: string; en: string } | null {
  if (pw.length < minPasswordLength) return { zh: `密码至少 ${minPasswordLength} 位`, en: `At least ${minPasswordLength} characters` };
  if (pw.length > 128) return { zh: '密码不能超过 128 位', en: 'At most 128 characters' };
  if (pw.trim().length < minPasswordLength || new Set(pw).size < 4) return { zh: '密码太简单，请不要用重复的字符或空格凑长度', en: 'Too simple: do not pad with repeated characters or spaces' };
  const words = [...siteWords, ...userWords.filter((w) => w.length >= 2)];
  if (zxcvbn.check(pw, words).score < 3) return { zh: '密码太常见或太容易猜到，请换一个（可用几个词加数字和符号组合）', en: 'Too common or easy to guess: choose another (a few words with digits and symbols)' };
  return null;
}
