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

/**
 * Who sees full ID numbers and phones, and may open the audited full view: the administrators
 * (server/src/features/households/rules.ts, maySeePersonalData).
 */
export const maySeePersonalData = (role: Role): boolean => isAdmin(role);

/** Who keeps the registry (households, members, incomes, surveys): administrators and branch secretaries. */
export const mayEditRegistry = (role: Role): boolean => isAdmin(role) || role === 'branch_secretary';

/** Who keeps units, party branches and cadres: the administrators. */
export const mayEditOrganisation = (role: Role): boolean => isAdmin(role);

/** Who fills in a household's survey: the registry's keepers and the cadres who visit. */
export const mayRecordSurvey = (role: Role): boolean => mayEditRegistry(role) || role === 'cadre';
