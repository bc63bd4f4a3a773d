/**
 * Nearness in the region tree by code prefixes: same group (15 digits) > same village (12) >
 * same township (9) > same county (6) > farther. Tolerant of bad codes (they are simply far).
 */

export const nearnessLevels = ['group', 'village', 'township', 'county', 'far'] as const;
export type Nearness = (typeof nearnessLevels)[number];

const byLength: Record<number, Nearness> = { 15: 'group', 12: 'village', 9: 'township', 6: 'county' };

/** The prefixes a code shares with its neighbours, finest first: group, village, township, county. */
export function regionKeys(code: string): string[] {
  if (!/^\d{12}(\d{3})?$/.test(code)) return [];
  if (code.length === 15) return [code, code.slice(0, 12), code.slice(0, 9), code.slice(0, 6)];
  if (code.slice(9, 12) !== '000') return [code, code.slice(0, 9), code.slice(0, 6)];
  if (code.slice(6, 9) !== '000') return [code.slice(0, 9), code.slice(0, 6)];
  if (code.slice(4, 6) !== '00') return [code.slice(0, 6)];
  return [];
}

export const nearnessOfKey = (key: string): Nearness => byLength[key.length] ?? 'far';

export function nearness(a: string, b: string): Nearness {
  const kb = new Set(regionKeys(b));
  const shared = regionKeys(a).find((k) => kb.has(k));
  return shared === undefined ? 'far' : nearnessOfKey(shared);
}

export const nearnessRank = (n: Nearness): number => nearnessLevels.indexOf(n);

/** The 12-digit village code of a village or group code; null above villages. */
export function villageOf(code: string): string | null {
  const keys = regionKeys(code);
  return keys.find((k) => k.length === 12) ?? null;
}

/** The level of a region code by its shape: township and village targets are told apart by it. */
export function levelByCode(code: string): Nearness {
  const keys = regionKeys(code);
  return keys.length ? nearnessOfKey(keys[0]!) : 'far';
}
