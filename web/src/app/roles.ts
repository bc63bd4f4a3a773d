import type { Role } from '../api/types';

/** Most powerful first, as on the server (server/src/platform/roles.ts). */
export const roles: readonly Role[] = [
  'system_admin',
  'county_admin',
  'township_admin',
  'branch_secretary',
  'unit_head',
  'cadre',
  'leader',
];

export const adminRoles: readonly Role[] = ['system_admin', 'county_admin', 'township_admin'];

export const isAdmin = (role: Role | undefined): boolean => !!role && adminRoles.includes(role);

/**
 * Roles an administrator may give, mirroring server/src/features/users/rules.ts (the server
 * decides; this only keeps the form from offering what would be refused).
 */
export function assignableRoles(actor: Role): Role[] {
  if (actor === 'system_admin') return [...roles];
  if (actor === 'county_admin' || actor === 'township_admin') return roles.filter((r) => roles.indexOf(r) > roles.indexOf(actor));
  return [];
}

export const canManageAccount = (actor: Role, target: Role): boolean => assignableRoles(actor).includes(target);
