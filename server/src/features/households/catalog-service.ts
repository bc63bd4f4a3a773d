import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import { requireRole, type Actor } from '../../platform/actor.js';
import { newId } from '../../platform/ids.js';
import { adminRoles } from '../../platform/roles.js';
import { recordAudit } from '../audit/service.js';
import { initialsOf } from '../regions/rules.js';
import { regionForWrite } from '../regions/service.js';
import { conflictOn, idTaken } from './access.js';
import * as repo from './catalog-repository.js';
import { catalogCode, type Problem } from './rules.js';
import type { catalogQuery, createCatalogBody } from './schemas.js';

const present = (row: repo.CatalogRow) => ({ ...row, builtIn: row.regionCode === null });

/** The household catalogue: built-in categories and poverty causes and those of regions in or above my scope. */
export async function listCatalog(db: Db, actor: Actor, q: z.infer<typeof catalogQuery>) {
  const items = (await repo.listCatalog(db, actor.scope, q)).map(present);
  return { items, total: items.length };
}

/**
 * Problems with the categories and poverty causes of a household in this region: each code must be
 * an active entry of the catalogue that region sees. Paths: categories.N, povertyCauses.N.
 */
export async function catalogProblems(
  db: Executor,
  regionCode: string,
  h: { categories?: string[]; povertyCauses?: string[] },
): Promise<Problem[]> {
  const out: Problem[] = [];
  const check = async (kind: 'category' | 'poverty_cause', field: string, codes: string[] | undefined) => {
    if (!codes?.length) return;
    const known = new Set((await repo.catalogFor(db, regionCode, kind)).map((e) => e.code));
    codes.forEach((c, i) => {
      if (!known.has(c))
        out.push({
          path: `${field}.${i}`,
          message: {
            zh: `没有代码为 ${c} 的${kind === 'category' ? '农户类别' : '致贫原因'}`,
            en: `No ${kind.replace('_', ' ')} with code ${c}`,
          },
        });
    });
  };
  await check('category', 'categories', h.categories);
  await check('poverty_cause', 'povertyCauses', h.povertyCauses);
  return out;
}

/** An administrator adds a category (种茶大户) or a poverty cause for the households of their region. */
export async function createCatalogEntry(db: Db, actor: Actor, input: z.infer<typeof createCatalogBody>) {
  requireRole(actor, adminRoles);
  if (input.id) {
    const existing = await repo.getCatalogEntry(db, actor.scope, input.id);
    if (existing) return present(existing);
    if (await repo.catalogIdExists(db, input.id)) throw idTaken(actor);
  }
  const region = await regionForWrite(db, actor, input.regionCode ?? actor.regionCode, 'body.regionCode');
  if (await repo.catalogNameTaken(db, input.kind, region.code, input.nameZh)) {
    throw conflictOn(actor, 'duplicate', 'body.nameZh', { zh: `已有名为“${input.nameZh}”的条目`, en: `"${input.nameZh}" already exists` });
  }
  const codeTaken = () =>
    conflictOn(actor, 'duplicate', 'body.code', { zh: `代码 ${input.code} 已被使用`, en: `Code ${input.code} is taken` });
  let code = input.code;
  if (code) {
    if ((await repo.codesStartingWith(db, input.kind, code)).has(code)) throw codeTaken();
  } else {
    const stem = initialsOf(input.nameZh).replace(/[^a-z0-9]/g, '') || 'x';
    code = catalogCode(stem, await repo.codesStartingWith(db, input.kind, stem.slice(0, 30)));
  }
  const row = {
    id: input.id ?? newId(),
    kind: input.kind,
    code,
    nameZh: input.nameZh,
    nameEn: input.nameEn ?? input.nameZh,
    regionCode: region.code,
  };
  await db.transaction(async (tx) => {
    if (!(await repo.insertCatalogEntry(tx, row))) throw codeTaken();
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'household_catalog',
      entityId: row.id,
      regionCode: region.code,
      after: row,
    });
  });
  return present((await repo.getCatalogEntry(db, actor.scope, row.id))!);
}
