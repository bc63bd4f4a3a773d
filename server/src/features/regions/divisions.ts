import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { levelOfCode, type RegionLevel } from '../../platform/scope.js';

/** A national division of the extract: its 12-digit code and name (2023 statistical codes). */
export interface Division {
  code: string;
  name: string;
}

const levels: RegionLevel[] = ['province', 'city', 'county', 'township', 'village'];
const lengths = [2, 4, 6, 9, 12];

/**
 * The extract's text: one line per division in code order, its level digit, the digits of its
 * code below the level above, its name (湖南省 → "043湖南省", 补抽乡 → "3213补抽乡"). About half
 * the size of full codes before gzip, and gzip does the rest.
 */
export function encodeDivisionLines(list: readonly Division[]): string {
  return list
    .map((d) => {
      const l = levels.indexOf(levelOfCode(d.code));
      return `${l}${d.code.slice(l ? lengths[l - 1] : 0, lengths[l])}${d.name}`;
    })
    .join('\n')
    .concat('\n');
}

/**
 * Reads encodeDivisionLines' text back, keeping the divisions whose code starts with `prefix`.
 * A line's code is its parent's digits plus its own; a level left out (东莞's townships sit
 * right under the city) reads as zeros.
 */
export function decodeDivisionLines(text: string, prefix = ''): Division[] {
  const out: Division[] = [];
  const current = ['', '', '', '', ''];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) {
      const l = text.charCodeAt(start) - 48;
      const own = lengths[l]! - (l ? lengths[l - 1]! : 0);
      const digits = (l ? current[l - 1]! : '') + text.slice(start + 1, start + 1 + own);
      for (let k = l; k < 5; k++) current[k] = digits.padEnd(lengths[k]!, '0');
      const code = digits.padEnd(12, '0');
      const head = code.slice(0, prefix.length);
      if (head === prefix) out.push({ code, name: text.slice(start + 1 + own, end) });
      else if (head > prefix) break; // in code order: nothing further can match
    }
    start = end + 1;
  }
  return out;
}

export const divisionsDir = path.resolve(import.meta.dirname, 'divisions');

const read = (file: string): string | null => {
  const full = path.join(divisionsDir, file);
  return fs.existsSync(full) ? zlib.gunzipSync(fs.readFileSync(full)).toString('utf8') : null;
};

/** The divisions of the extract in and under a province, city or county prefix (2, 4 or 6 digits); null when unknown. */
export function divisionsUnder(prefix: string): Division[] | null {
  const text = read(`${prefix.slice(0, 2)}.txt.gz`);
  if (text === null) return null;
  const list = decodeDivisionLines(text, prefix);
  return list.length ? list : null;
}

let index: Division[] | null = null;

/** Provinces, cities and counties of the extract (for choosing what to load), read once. */
export function divisionIndex(): Division[] {
  index ??= decodeDivisionLines(read('index.txt.gz') ?? '');
  return index;
}
