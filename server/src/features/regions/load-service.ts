import type { Db, Executor } from '../../db/client.js';
import { refreshStatistics } from '../../db/statistics.js';
import { requireRole, type Actor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { ancestorCodes, countyOf, levelOfCode, type RegionLevel } from '../../platform/scope.js';
import { recordAudit } from '../audit/service.js';
import { divisionIndex, divisionsUnder, type Division } from './divisions.js';
import * as repo from './repository.js';
import { divisionPrefix, initialsOf, mayLoadDivisions } from './rules.js';

export interface LoadReport {
  code: string;
  name: string;
  level: RegionLevel;
  /** Regions of the extract in and under the code (with its province and city), and how many were new. */
  total: number;
  inserted: number;
  levels: { level: RegionLevel; total: number; inserted: number }[];
  ms: number;
}

const chunk = 5000;
const levelOrder: RegionLevel[] = ['province', 'city', 'county', 'township', 'village'];

/** The extract's divisions of a province, city or county with the regions above it; null when the extract has no such code. */
function divisionsOf(prefix: string): Division[] | null {
  const list = divisionsUnder(prefix);
  if (!list) return null;
  const above = new Set(ancestorCodes(prefix));
  const head = divisionIndex().filter((d) => above.has(d.code) && d.code !== list[0]!.code);
  return [...head, ...list];
}

/**
 * Loads a province, city or county of the national extract (with the regions above it) into the
 * region tree: what is there already is left alone, so a second load adds nothing. One
 * transaction; the table is analysed after a big load. Used by the CLI, the demo and the API.
 */
export async function loadRegionTree(db: Executor, code: string, actor: Actor | null = null): Promise<LoadReport> {
  const started = Date.now();
  const prefix = divisionPrefix(code);
  const list = prefix ? divisionsOf(prefix) : null;
  if (!prefix || !list) {
    throw new AppError('validation_failed', { zh: `全国区划数据中没有代码 ${code} 的省、市或县`, en: `No province, city or county ${code} in the national divisions` }, [
      { path: 'body.code', message: '不在全国区划数据中' },
    ]);
  }
  const root = list.find((d) => d.code === prefix.padEnd(12, '0'))!;
  const initials = new Map<string, string>();
  const inserted = await db.transaction(async (tx) => {
    const have = await repo.loadedCodes(tx, prefix, ancestorCodes(prefix));
    const rows = list
      .filter((d) => !have.has(d.code))
      .map((d) => {
        let i = initials.get(d.name);
        if (i === undefined) initials.set(d.name, (i = initialsOf(d.name)));
        return { id: newId(), code: d.code, parentCode: ancestorCodes(d.code).at(-1) ?? null, name: d.name, level: levelOfCode(d.code), initials: i, countyCode: countyOf(d.code) };
      });
    let n = 0;
    for (let i = 0; i < rows.length; i += chunk) n += await repo.insertRegionsBulk(tx, rows.slice(i, i + chunk));
    // a province's new rows would otherwise be planned as if absent
    if (n > 1000) await refreshStatistics(tx, ['regions']);
    // Audited only when a person asked (the API) and something was added.
    if (actor && n > 0) {
      await recordAudit(tx, actor, { action: 'load', entityType: 'region', entityId: root.code, regionCode: root.code, after: { code: prefix, inserted: n } });
    }
    return new Set(rows.map((r) => r.code));
  });
  const levels = levelOrder
    .map((level) => {
      const of = list.filter((d) => levelOfCode(d.code) === level);
      return { level, total: of.length, inserted: of.filter((d) => inserted.has(d.code)).length };
    })
    .filter((l) => l.total > 0);
  return { code: root.code, name: root.name, level: levelOfCode(root.code), total: list.length, inserted: inserted.size, levels, ms: Date.now() - started };
}

/** For the demo and tests: a county's divisions, the number of regions new. */
export const loadDivisions = async (db: Executor, county: string): Promise<number> => (await loadRegionTree(db, county)).inserted;

/** POST /api/regions/load: administrators who may (rules.ts mayLoadDivisions); audited with the counts. */
export async function loadForActor(db: Db, actor: Actor, code: string): Promise<LoadReport> {
  const prefix = divisionPrefix(code) ?? code;
  const may = mayLoadDivisions(actor.role, actor.scope.prefix, prefix);
  if (may !== 'yes') throw new AppError(may);
  return loadRegionTree(db, code, actor);
}

/** The provinces, cities or counties of the extract under a prefix ('' for provinces), and whether each is loaded. */
export async function divisionChoices(db: Db, actor: Actor, under: string) {
  requireRole(actor, ['system_admin', 'county_admin']);
  const depth = { 0: 2, 2: 4, 4: 6 }[under.length];
  if (depth === undefined) return [];
  const items = divisionIndex().filter((d) => d.code.startsWith(under) && d.code.slice(depth) === '0'.repeat(12 - depth) && d.code.slice(0, depth) !== under.padEnd(depth, '0'));
  const loaded = await repo.existingCodes(db, items.map((d) => d.code));
  return items.map((d) => ({ code: d.code.slice(0, depth), name: d.name, level: levelOfCode(d.code), isLeaf: depth === 6, loaded: loaded.has(d.code) }));
}
