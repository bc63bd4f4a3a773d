/**
 * Failed sign-ins, counted per account and per address, in the process (one API process; a second
 * one would halve nothing an attacker gains, see decisions §14).
 *
 * Per account: the first `freeFailures` wrong passwords cost nothing; after that each try waits
 * twice as long as the last (1 s, 2 s, 4 s … at most `maxDelayMs`) from the latest failure. A
 * guesser rotating addresses gets a few dozen tries an hour; the real user, at worst, waits a few
 * minutes and is never locked out for good. A success clears the account.
 * Per address: at most `addressFailures` failures in `addressWindowMs`, whatever the usernames, so
 * one address cannot spray many accounts. Only failures count: a village office behind one address
 * signing in thirty clerks at 8 o'clock is not slowed.
 */
export interface ThrottleSettings {
  freeFailures: number;
  maxDelayMs: number;
  addressFailures: number;
  addressWindowMs: number;
  /** Entries kept per map: a spray of usernames cannot grow the process without bound. */
  maxEntries: number;
}

export const defaultThrottle: ThrottleSettings = { freeFailures: 5, maxDelayMs: 15 * 60_000, addressFailures: 20, addressWindowMs: 15 * 60_000, maxEntries: 100_000 };

interface AccountState {
  failures: number;
  lastFailureAt: number;
}

/** Milliseconds the account must still wait before its next try (0: may try now). Pure. */
export function accountWait(s: AccountState | undefined, now: number, t: ThrottleSettings): number {
  if (!s || s.failures < t.freeFailures) return 0;
  const delay = Math.min(t.maxDelayMs, 1000 * 2 ** (s.failures - t.freeFailures));
  return Math.max(0, s.lastFailureAt + delay - now);
}

/** Milliseconds until the address may try again, given its failures' times (oldest first). Pure. */
export function addressWait(times: readonly number[], now: number, t: ThrottleSettings): number {
  const recent = times.filter((at) => now - at < t.addressWindowMs);
  if (recent.length < t.addressFailures) return 0;
  return recent[recent.length - t.addressFailures]! + t.addressWindowMs - now;
}

function bounded<V>(map: Map<string, V>, max: number) {
  // Maps iterate in insertion order: the first key is the oldest.
  while (map.size > max) map.delete(map.keys().next().value as string);
}

export class LoginThrottle {
  private accounts = new Map<string, AccountState>();
  private addresses = new Map<string, number[]>();

  constructor(
    private readonly t: ThrottleSettings = defaultThrottle,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Milliseconds to wait before this try may be checked; 0 when it may. */
  wait(username: string, ip: string): number {
    const now = this.clock();
    return Math.max(accountWait(this.accounts.get(username.toLowerCase()), now, this.t), addressWait(this.addresses.get(ip) ?? [], now, this.t));
  }

  failed(username: string, ip: string) {
    const now = this.clock();
    const key = username.toLowerCase();
    const s = this.accounts.get(key);
    this.accounts.delete(key);
    this.accounts.set(key, { failures: (s?.failures ?? 0) + 1, lastFailureAt: now });
    const times = (this.addresses.get(ip) ?? []).filter((at) => now - at < this.t.addressWindowMs);
    times.push(now);
    this.addresses.delete(ip);
    this.addresses.set(ip, times.slice(-this.t.addressFailures));
    bounded(this.accounts, this.t.maxEntries);
    bounded(this.addresses, this.t.maxEntries);
  }

  succeeded(username: string) {
    this.accounts.delete(username.toLowerCase());
  }
}
