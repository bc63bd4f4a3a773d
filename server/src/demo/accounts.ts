import type { Role } from '../platform/roles.js';

/** One demo account per role, all in 花垣县 (433124) around 补抽乡 (433124213) of seed 000. */
export const DEMO_PASSWORD = 'lianhu2026';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
}

export const demoAccounts: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', role: 'system_admin', regionCode: '430000000000' },
  { username: 'county', displayName: '石秀梅（县委组织部）', role: 'county_admin', regionCode: '433124000000' },
  { username: 'township', displayName: '龙文斌（补抽乡党委）', role: 'township_admin', regionCode: '433124213000' },
  { username: 'secretary', displayName: '麻永成（乡机关党支部书记）', role: 'branch_secretary', regionCode: '433124213000' },
  { username: 'cadre', displayName: '麻春花（帮扶责任人）', role: 'cadre', regionCode: '433124213000' },
  { username: 'unithead', displayName: '杨光明（县农业局）', role: 'unit_head', regionCode: '433124000000' },
  { username: 'leader', displayName: '彭益（县委书记）', role: 'leader', regionCode: '433124000000' },
];
