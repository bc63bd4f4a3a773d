import { roles, type Role } from '../../platform/roles.js';

const rank = (r: Role) => roles.indexOf(r);

/**
 * Which roles an administrator may give. System administrators give any; county administrators
 * any below them; township administrators the township's own roles (branch secretaries, unit
 * heads, cadres, leaders). Nobody else manages accounts.
 */
export function assignableRoles(actorRole: Role): Role[] {
  switch (actorRole) {
    case 'system_admin':
      return [...roles];
    case 'county_admin':
      return roles.filter((r) => rank(r) > rank('county_admin'));
    case 'township_admin':
      return roles.filter((r) => rank(r) > rank('township_admin'));
    case 'branch_secretary':
    case 'unit_head':
    case 'cadre':
    case 'leader':
      return [];
  }
}

export const canManageUsers = (actorRole: Role): boolean => assignableRoles(actorRole).length > 0;

/** An administrator may act on an account only if they could have given it its role. */
export const canManageAccount = (actorRole: Role, targetRole: Role): boolean => assignableRoles(actorRole).includes(targetRole);

/** Lower-case letters, digits, dot, dash, underscore; 3–32 characters; phones are fine too. */
export const usernamePattern = /^[a-z0-9][a-z0-9._-]{2,31}$/;
