import type { ReactNode } from 'react';
import {
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  ClusterOutlined,
  DashboardOutlined,
  EditOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FlagOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  ReadOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserSwitchOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { Role } from '../../api/types';
import type { Messages } from '../i18n/zh-CN';
import { isAdmin } from '../roles';

export type MenuKey = Exclude<keyof Messages['menu'], 'logout' | 'openMenu'>;

export interface MenuEntry {
  key: MenuKey;
  /** Empty for pages not built yet. */
  path: string;
  icon: ReactNode;
}

const ready = {
  home: { path: '/', icon: <HomeOutlined /> },
  regions: { path: '/regions', icon: <EnvironmentOutlined /> },
  users: { path: '/users', icon: <UserSwitchOutlined /> },
  audit: { path: '/audit', icon: <AuditOutlined /> },
  password: { path: '/password', icon: <KeyOutlined /> },
} satisfies Partial<Record<MenuKey, Omit<MenuEntry, 'key'>>>;

const soonIcons: Record<Exclude<MenuKey, keyof typeof ready>, ReactNode> = {
  myHouseholds: <TeamOutlined />,
  recordVisit: <SolutionOutlined />,
  diaries: <EditOutlined />,
  requests: <AlertOutlined />,
  diaryReview: <ReadOutlined />,
  branchActivities: <FlagOutlined />,
  households: <TeamOutlined />,
  cadres: <IdcardOutlined />,
  pairings: <ClusterOutlined />,
  programmes: <ScheduleOutlined />,
  diaryAudit: <FileSearchOutlined />,
  problems: <WarningOutlined />,
  reports: <BarChartOutlined />,
  boards: <FileTextOutlined />,
  units: <BankOutlined />,
  rounds: <SwapOutlined />,
  assessments: <TrophyOutlined />,
  unitCadres: <IdcardOutlined />,
  unitPairings: <ClusterOutlined />,
  assignedProblems: <WarningOutlined />,
  unitReports: <BarChartOutlined />,
  dashboard: <DashboardOutlined />,
};
type SoonKey = keyof typeof soonIcons;

const township: SoonKey[] = ['households', 'cadres', 'pairings', 'programmes', 'diaryAudit', 'problems', 'reports', 'boards'];
const cadre: SoonKey[] = ['myHouseholds', 'recordVisit', 'diaries', 'requests'];

/** The rest of each role's menu in UX.md ("Menu by role"), not built yet. */
function soonFor(role: Role): SoonKey[] {
  switch (role) {
    case 'system_admin':
    case 'county_admin':
      return [...township, 'units', 'rounds', 'assessments'];
    case 'township_admin':
      return township;
    case 'branch_secretary':
      return [...cadre, 'diaryReview', 'branchActivities'];
    case 'cadre':
      return cadre;
    case 'unit_head':
      return ['unitCadres', 'unitPairings', 'assignedProblems', 'unitReports'];
    case 'leader':
      return ['reports', 'dashboard'];
  }
}

/**
 * The menu of a role: `ready` are the pages that exist today, `soon` the rest of that role's
 * menu, shown greyed out so that nobody is surprised and nothing pretends to work.
 */
export function menuFor(role: Role): { ready: MenuEntry[]; soon: MenuEntry[] } {
  const keys: (keyof typeof ready)[] = ['home', 'regions', ...(isAdmin(role) ? (['users', 'audit'] as const) : []), 'password'];
  return {
    ready: keys.map((key) => ({ key, ...ready[key] })),
    soon: soonFor(role).map((key) => ({ key, path: '', icon: soonIcons[key] })),
  };
}

/** The menu entry a location belongs to. */
export function selectedKey(pathname: string): MenuKey {
  const hit = (Object.keys(ready) as (keyof typeof ready)[]).find((k) => {
    const p = ready[k].path;
    return p !== '/' && (pathname === p || pathname.startsWith(p + '/'));
  });
  return hit ?? 'home';
}
