import { pinyin } from 'pinyin-pro';
import { levelOfCode, type RegionLevel } from '../../platform/scope.js';

/** The level each level's children have; groups have none. */
export function childLevel(level: RegionLevel): RegionLevel | null {
  switch (level) {
    case 'province':
      return 'city';
    case 'city':
      return 'county';
    case 'county':
      return 'township';
    case 'township':
      return 'village';
    case 'village':
      return 'group';
    case 'group':
      return null;
  }
}

/**
 * Groups (组/社) have no national code: they get the village's 12 digits plus a 3-digit
 * sequence, so prefix scoping works for them like for every other region.
 */
export function nextGroupCode(villageCode: string, existingChildCodes: string[]): string {
  if (levelOfCode(villageCode) !== 'village') throw new Error('groups belong under villages');
  const used = existingChildCodes.map((c) => Number(c.slice(12)));
  const next = (used.length ? Math.max(...used) : 0) + 1;
  if (next > 999) throw new Error('a village has at most 999 groups');
  return villageCode + String(next).padStart(3, '0');
}

/** Pinyin initials for typing-as-you-search: 吉久村 → jjc. */
export const initialsOf = (name: string): string =>
  pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase();

/** A region is current on a day when that day falls inside its validity (open ends allowed). */
export function isCurrent(r: { validFrom: string | null; validTo: string | null }, day: string): boolean {
  return (!r.validFrom || r.validFrom <= day) && (!r.validTo || day < r.validTo);
}

/**
 * What to load, as the code's significant digits: a province (2 digits), city (4) or county (6),
 * given short or as its 12-digit code (620723 or 620723000000); null for anything else.
 */
export function divisionPrefix(code: string): string | null {
  if (/^\d{2}(\d{2}(\d{2})?)?$/.test(code)) return code;
  if (!/^\d{12}$/.test(code)) return null;
  const level = levelOfCode(code);
  if (level !== 'province' && level !== 'city' && level !== 'county') return null;
  return code.slice(0, { province: 2, city: 4, county: 6 }[level]);
}

/**
 * Who loads divisions: system administrators anything; county administrators (and city or
 * province ones, by their region) within their own scope, e.g. their county again after a
 * national update. Township administrators and everyone else do not.
 */
export function mayLoadDivisions(role: string, scopePrefix: string, prefix: string): 'yes' | 'forbidden' | 'out_of_scope' {
  if (role === 'system_admin') return 'yes';
  if (role !== 'county_admin') return 'forbidden';
  return scopePrefix !== '' && prefix.startsWith(scopePrefix) ? 'yes' : 'out_of_scope';
}
