import type { Executor } from '../../db/client.js';
import type { Actor, OwnCadre } from '../../platform/actor.js';
import { cadreOfUser } from './repository.js';

/** The cadre record linked to the signed-in account, or null. Read with the session when it can be. */
export const ownCadre = async (db: Executor, actor: Actor): Promise<OwnCadre | null> =>
  actor.cadre !== undefined ? actor.cadre : cadreOfUser(db, actor.id);

export const ownCadreId = async (db: Executor, actor: Actor): Promise<string | null> => (await ownCadre(db, actor))?.id ?? null;
