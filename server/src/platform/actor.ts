import type { Lang } from './messages.js';
import type { Role } from './roles.js';
import type { Scope } from './scope.js';
import { AppError } from './errors.js';

/** The cadre record linked to an account (a cadre's own visits, diary and households). */
export interface OwnCadre {
  id: string;
  name: string;
  regionCode: string;
}

/** The signed-in user a service acts for. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  unitId: string | null;
  scope: Scope;
  lang: Lang;
  /**
   * The linked cadre, read with the session in the same query (null: none linked). Undefined when
   * the actor was made without it (jobs, tests): `ownCadre` then asks the database.
   */
  cadre?: OwnCadre | null;
}

export function requireRole(actor: Actor, allowed: readonly Role[]): void {
  if (!allowed.includes(actor.role)) throw new AppError('forbidden');
}
