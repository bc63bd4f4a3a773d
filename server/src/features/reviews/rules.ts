/**
 * Who reviews which diary entries (查阅 / 调阅) [001], and the fair quarterly sample. Pure.
 */
import { createHash } from 'node:crypto';
import type { Role } from '../../platform/roles.js';
import type { CadreRank } from '../cadres/tables.js';

export interface ReviewerFacts {
  role: Role;
  /** The cadre record of the reviewer's account, if any. */
  cadreId: string | null;
  /** The party branch the reviewer is secretary of, if any. */
  secretaryOfBranchId: string | null;
}

export interface EntryAuthorFacts {
  cadreId: string;
  branchId: string | null;
  rank: CadreRank;
}

/**
 * The branch secretary reads the entries of their branch's members monthly; the township party
 * committee (and above) reads every cadre's entries in its scope. Nobody reviews their own entry.
 * Scope itself is checked by the repository.
 */
export function mayReview(reviewer: ReviewerFacts, author: EntryAuthorFacts): boolean {
  if (reviewer.cadreId !== null && reviewer.cadreId === author.cadreId) return false;
  if (reviewer.role === 'township_admin' || reviewer.role === 'county_admin' || reviewer.role === 'system_admin') return true;
  if (reviewer.role === 'branch_secretary')
    return reviewer.secretaryOfBranchId !== null && reviewer.secretaryOfBranchId === author.branchId;
  return false;
}

/** How many of a quarter's entries to read: a tenth, at least 5 (or all when fewer), at most 50. */
export function sampleSize(population: number): number {
  if (population <= 5) return population;
  return Math.min(50, Math.max(5, Math.ceil(population / 10)));
}

/**
 * The draw: the population sorted (so the order it was read in does not matter), each id given the
 * SHA-256 of seed + ':' + id as its lot, the lowest `size` lots drawn, returned in population
 * order. Anyone with the seed and the list can re-draw it and get the same entries; nobody can
 * steer it without choosing the seed, which the server makes at random and records before use.
 */
export function drawSample(ids: string[], seed: string, size: number): string[] {
  const lots = [...new Set(ids)].sort().map((id) => ({ id, lot: createHash('sha256').update(`${seed}:${id}`).digest('hex') }));
  const chosen = new Set(
    [...lots]
      .sort((a, b) => a.lot.localeCompare(b.lot))
      .slice(0, Math.max(0, size))
      .map((l) => l.id),
  );
  return lots.filter((l) => chosen.has(l.id)).map((l) => l.id);
}

/** The fingerprint of a population, recorded with the sample so a later re-draw can show it read the same entries. */
export const populationDigest = (ids: string[]): string =>
  createHash('sha256')
    .update([...new Set(ids)].sort().join('\n'))
    .digest('hex');
