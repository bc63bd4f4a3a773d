/**
 * Nearest-first pools for the proposal assistant: items bucketed by every prefix of their region
 * code (group, village, township, county, and '' for anywhere), each bucket sorted by code then
 * id, read through a cursor that moves past items that can no longer be taken. Taking the nearest
 * free item is amortised O(1): a county's 20k households are served without any O(n²) scan.
 */
import { nearness, nearnessOfKey, regionKeys, type Nearness } from './nearness.js';

interface Bucket<T> {
  items: T[];
  cursor: number;
}

export class NearestPool<T extends { id: string; regionCode: string }> {
  private readonly buckets = new Map<string, Bucket<T>>();

  /** `gone(item)` must stay true once true (taken, full): the cursor never looks back. */
  constructor(
    items: readonly T[],
    private readonly gone: (item: T) => boolean,
  ) {
    const sorted = [...items].sort((a, b) => cmp(a.regionCode, b.regionCode) || cmp(a.id, b.id));
    for (const it of sorted) {
      for (const k of [...regionKeys(it.regionCode), '']) {
        const b = this.buckets.get(k);
        if (b) b.items.push(it);
        else this.buckets.set(k, { items: [it], cursor: 0 });
      }
    }
  }

  /**
   * The nearest item to a region that is not gone and passes `ok` (a check that may change from
   * one caller to the next, so it does not move the cursor), with how near it is.
   */
  nearest(regionCode: string, ok: (item: T) => boolean = () => true): { item: T; nearness: Nearness } | null {
    for (const k of [...regionKeys(regionCode), '']) {
      const b = this.buckets.get(k);
      if (!b) continue;
      while (b.cursor < b.items.length && this.gone(b.items[b.cursor]!)) b.cursor++;
      for (let i = b.cursor; i < b.items.length; i++) {
        const it = b.items[i]!;
        if (!this.gone(it) && ok(it)) return { item: it, nearness: k === '' ? nearness(regionCode, it.regionCode) : nearnessOfKey(k) };
      }
    }
    return null;
  }
}

export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const nearnessNames: Record<Nearness, { zh: string; en: string }> = {
  group: { zh: '同组', en: 'same group' },
  village: { zh: '同村', en: 'same village' },
  township: { zh: '同乡镇', en: 'same township' },
  county: { zh: '同县', en: 'same county' },
  far: { zh: '县外', en: 'outside the county' },
};
