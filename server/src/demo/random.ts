import { createHash } from 'node:crypto';

/**
 * Seeded randomness for the demo: the same seed gives the same township on every machine, so a
 * screenshot, a bug report or a benchmark can name "seed 2012" and mean one data set.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight: [[value, weight], …]. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  chance(p: number): boolean;
}

/** mulberry32: a tiny 32-bit PRNG, good enough for demo data and fully deterministic. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over UTF-16 code units with a murmur3 finaliser: a string → a well-mixed 32-bit seed. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function demoRng(seed: number): Rng {
  const next = mulberry32(seed);
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: (items) => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [v, w] of items) if ((r -= w) < 0) return v;
      return items[items.length - 1]![0];
    },
    chance: (p) => next() < p,
  };
  return rng;
}

/** A stream of its own for each key: what one record gets does not depend on what was made before it. */
export const keyedRng = (seed: number, key: string): Rng => demoRng(hash32(`${seed}/${key}`));

/** 2026-01-01T00:00:00Z: the time part of every demo id, so they read as UUIDv7 and sort together. */
const demoEpoch = 1_767_225_600_000;

/**
 * A deterministic UUID (version 7 layout) for a demo record's key: running the generator again
 * makes the same ids, so ON CONFLICT DO NOTHING adds nothing twice.
 */
export function demoId(seed: number, key: string): string {
  const b = createHash('sha256').update(`lianhu-demo/${seed}/${key}`).digest();
  b.writeUIntBE(demoEpoch, 0, 6);
  b[6] = 0x70 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
