import type { Lang } from './messages.js';
import type { Role } from './roles.js';
import type { Scope } from './scope.js';
import { AppError } from './errors.js';

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
}

export function requireRole(actor: Actor, allowed: readonly Role[]): void {
  if (!allowed.includes(actor.role)) throw new AppError('forbidden');
}
