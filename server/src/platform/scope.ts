import { inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { AppError } from './errors.js';

/**
 * A user's reach: the significant prefix of their region code (every region below shares it) and,
 * for unit heads, their unit. System administrators have the empty prefix: everything.
 * Every query on region-owned data filters by this in the repository, never in a route.
 */
export interface Scope {
  prefix: string;
  unitId: string | null;
}

export type RegionLevel = 'province' | 'city' | 'county' | 'township' | 'village' | 'group';

const levelLengths: [RegionLevel, number][] = [
  ['province', 2],
  ['city', 4],
  ['county', 6],
  ['township', 9],
  ['village', 12],
  ['group', 15],
];

/** The level of a division code: 12-digit national codes padded with zeros, 15 digits for groups. */
export function levelOfCode(code: string): RegionLevel {
  if (!/^\d{12}(\d{3})?$/.test(code)) throw new Error(`not a region code: ${code}`);
  if (code.length === 15) return 'group';
  if (code.slice(9, 12) !== '000') return 'village';
  if (code.slice(6, 9) !== '000') return 'township';
  if (code.slice(4, 6) !== '00') return 'county';
  if (code.slice(2, 4) !== '00') return 'city';
  return 'province';
}

export function prefixLength(level: RegionLevel): number {
  return levelLengths.find(([l]) => l === level)![1];
}

/** 433124213000 → 433124213: the part every descendant's code starts with. */
export function significantPrefix(code: string): string {
  return code.slice(0, prefixLength(levelOfCode(code)));
}

/** The county code (6 digits) of any code at county level or below; null above county. */
export function countyOf(code: string): string | null {
  const level = levelOfCode(code);
  return level === 'province' || level === 'city' ? null : code.slice(0, 6);
}

/**
 * The county_code (shard key) of a record owned at any level: its county, or for a record of a
 * city or province (a city leader, a city's unit) the region's first six digits (雅安市 → 511800,
 * 四川省 → 510000). Those never name a real county (county digits 00), so a record above the
 * counties keeps a shard of its own and no county's queries meet it by accident.
 */
export const countyKeyOf = (code: string): string => countyOf(code) ?? code.slice(0, 6);

export function scopeFor(user: { role: string; regionCode: string; unitId: string | null }): Scope {
  return {
    prefix: user.role === 'system_admin' ? '' : significantPrefix(user.regionCode),
    unitId: user.role === 'unit_head' ? user.unitId : null,
  };
}

export const inScope = (code: string, scope: Scope): boolean => code.startsWith(scope.prefix);

/** WHERE clause restricting a region-code column to the scope (an index range scan). */
export function regionWhere(column: AnyPgColumn, scope: Scope): SQL {
  return scope.prefix === '' ? sql`true` : sql`${column} like ${scope.prefix + '%'}`;
}

/** For writes: a target outside the scope is forbidden (403); reads answer 404 instead. */
export function assertWritable(code: string, scope: Scope): void {
  if (!inScope(code, scope)) throw new AppError('out_of_scope');
}

/**
 * The 12-digit codes of the regions above a code or prefix, root first:
 * '433124213' → 430000000000, 433100000000, 433124000000.
 */
export function ancestorCodes(codeOrPrefix: string): string[] {
  const out: string[] = [];
  for (const len of [2, 4, 6, 9, 12]) if (codeOrPrefix.length > len) out.push(codeOrPrefix.slice(0, len).padEnd(12, '0'));
  return out.filter((c) => c !== codeOrPrefix);
}

/**
 * Reads of things that serve a region from above it (县农业局 takes on 吉久村): the scope's subtree
 * plus the regions above it. Writes still check the plain scope.
 */
export function regionOrAboveWhere(column: AnyPgColumn, scope: Scope): SQL {
  const above = ancestorCodes(scope.prefix);
  return above.length ? or(regionWhere(column, scope), inArray(column, above))! : regionWhere(column, scope);
}
