import type { ReactNode } from 'react';
import {
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  ClusterOutlined,
  EditOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserSwitchOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { Role } from '../../api/types';
import { isAdmin } from '../roles';

export type MenuKey =
  | 'home'
  | 'regions'
  | 'users'
  | 'audit'
  | 'password'
  | 'households'
  | 'cadres'
  | 'pairings'
  | 'visits'
  | 'diaries'
  | 'problems'
  | 'reports'
  | 'boards'
  | 'units';

export interface MenuEntry {
  key: MenuKey;
  path: string;
  icon: ReactNode;
}

const entries: Record<MenuKey, MenuEntry> = {
  home: { key: 'home', path: '/', icon: <HomeOutlined /> },
  regions: { key: 'regions', path: '/regions', icon: <EnvironmentOutlined /> },
  users: { key: 'users', path: '/users', icon: <UserSwitchOutlined /> },
  audit: { key: 'audit', path: '/audit', icon: <AuditOutlined /> },
  password: { key: 'password', path: '/password', icon: <KeyOutlined /> },
  households: { key: 'households', path: '', icon: <TeamOutlined /> },
  cadres: { key: 'cadres', path: '', icon: <IdcardOutlined /> },
  pairings: { key: 'pairings', path: '', icon: <ClusterOutlined /> },
  visits: { key: 'visits', path: '', icon: <SolutionOutlined /> },
  diaries: { key: 'diaries', path: '', icon: <EditOutlined /> },
  problems: { key: 'problems', path: '', icon: <WarningOutlined /> },
  reports: { key: 'reports', path: '', icon: <BarChartOutlined /> },
  boards: { key: 'boards', path: '', icon: <FileTextOutlined /> },
  units: { key: 'units', path: '', icon: <BankOutlined /> },
};

/**
 * The menu of a role (UX.md, "Menu by role"): `ready` are the pages that exist today, `soon`
 * the ones of that role's menu still being built, shown greyed out so nobody is surprised.
 */
export function menuFor(role: Role): { ready: MenuEntry[]; soon: MenuEntry[] } {
  const ready: MenuKey[] = ['home', 'regions', ...(isAdmin(role) ? (['users', 'audit'] as const) : []), 'password'];
  let soon: MenuKey[];
  switch (role) {
    case 'system_admin':
    case 'county_admin':
      soon = ['households', 'cadres', 'pairings', 'units', 'diaries', 'problems', 'reports', 'boards'];
      break;
    case 'township_admin':
      soon = ['households', 'cadres', 'pairings', 'diaries', 'problems', 'reports', 'boards'];
      break;
    case 'branch_secretary':
    case 'cadre':
      soon = ['households', 'visits', 'diaries', 'problems'];
      break;
    case 'unit_head':
      soon = ['cadres', 'problems', 'reports'];
      break;
    case 'leader':
      soon = ['reports'];
      break;
  }
  return { ready: ready.map((k) => entries[k]), soon: soon.map((k) => entries[k]) };
}

/** The menu entry a location belongs to. */
export function selectedKey(pathname: string): MenuKey {
  const hit = Object.values(entries).find(
    (e) => e.path !== '/' && e.path !== '' && (pathname === e.path || pathname.startsWith(e.path + '/')),
  );
  return hit?.key ?? 'home';
}
