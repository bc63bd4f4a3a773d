/** Roles, most powerful first. Authorisation is decided here and in each feature's rules. */
export const roles = [
  'system_admin', // 系统管理员
  'county_admin', // 县委组织部
  'township_admin', // 乡党委
  'branch_secretary', // 支部书记
  'unit_head', // 部门负责人
  'cadre', // 帮扶责任人
  'leader', // 领导 (read only)
] as const;
export type Role = (typeof roles)[number];

export const adminRoles: readonly Role[] = ['system_admin', 'county_admin', 'township_admin'];

export const isAdmin = (role: Role): boolean => adminRoles.includes(role);

export const roleNames: Record<Role, { zh: string; en: string }> = {
  system_admin: { zh: '系统管理员', en: 'System administrator' },
  county_admin: { zh: '县管理员（组织部）', en: 'County administrator' },
  township_admin: { zh: '乡镇管理员（乡党委）', en: 'Township administrator' },
  branch_secretary: { zh: '支部书记', en: 'Branch secretary' },
  unit_head: { zh: '部门负责人', en: 'Unit head' },
  cadre: { zh: '帮扶责任人', en: 'Cadre' },
  leader: { zh: '领导', en: 'Leader' },
};
