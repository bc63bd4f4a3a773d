import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor, OwnCadre } from '../../platform/actor.js';
import { cadres } from './tables.js';

/** The cadre record linked to the signed-in account, or null. Read with the session when it can be. */
export async function ownCadre(db: Executor, actor: Actor): Promise<OwnCadre | null> {
  if (actor.cadre !== undefined) return actor.cadre;
  const rows = await db
    .select({ id: cadres.id, name: cadres.name, regionCode: cadres.regionCode })
    .from(cadres)
    .where(eq(cadres.userId, actor.id))
    .limit(1);
  return rows[0] ?? null;
}

export const ownCadreId = async (db: Executor, actor: Actor): Promise<string | null> => (await ownCadre(db, actor))?.id ?? null;
