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
  households: { path: '/households', icon: <TeamOutlined /> },
  cadres: { path: '/cadres', icon: <IdcardOutlined /> },
  units: { path: '/units', icon: <BankOutlined /> },
  regions: { path: '/regions', icon: <EnvironmentOutlined /> },
  users: { path: '/users', icon: <UserSwitchOutlined /> },
  audit: { path: '/audit', icon: <AuditOutlined /> },
  password: { path: '/password', icon: <KeyOutlined /> },
  programmes: { path: '/programmes', icon: <ScheduleOutlined /> },
  pairings: { path: '/pairings', icon: <ClusterOutlined /> },
  myHouseholds: { path: '/my/households', icon: <TeamOutlined /> },
  myVillages: { path: '/my/villages', icon: <EnvironmentOutlined /> },
  recordVisit: { path: '/visits/new', icon: <SolutionOutlined /> },
  diaries: { path: '/diaries', icon: <EditOutlined /> },
  diaryReview: { path: '/reviews', icon: <ReadOutlined /> },
  diaryAudit: { path: '/diary-audit', icon: <FileSearchOutlined /> },
} satisfies Partial<Record<MenuKey, Omit<MenuEntry, 'key'>>>;

const soonIcons: Record<Exclude<MenuKey, keyof typeof ready>, ReactNode> = {
  requests: <AlertOutlined />,
  branchActivities: <FlagOutlined />,
  problems: <WarningOutlined />,
  reports: <BarChartOutlined />,
  boards: <FileTextOutlined />,
  rounds: <SwapOutlined />,
  assessments: <TrophyOutlined />,
  unitCadres: <IdcardOutlined />,
  unitPairings: <ClusterOutlined />,
  assignedProblems: <WarningOutlined />,
  unitReports: <BarChartOutlined />,
  dashboard: <DashboardOutlined />,
};
type SoonKey = keyof typeof soonIcons;

const township: SoonKey[] = ['problems', 'reports', 'boards'];
const cadre: SoonKey[] = ['requests'];

/** The rest of each role's menu in UX.md ("Menu by role"), not built yet. */
function soonFor(role: Role): SoonKey[] {
  switch (role) {
    case 'system_admin':
    case 'county_admin':
      return [...township, 'rounds', 'assessments'];
    case 'township_admin':
      return township;
    case 'branch_secretary':
      return [...cadre, 'branchActivities'];
    case 'cadre':
      return cadre;
    case 'unit_head':
      return ['unitCadres', 'unitPairings', 'assignedProblems', 'unitReports'];
    case 'leader':
      return ['reports', 'dashboard'];
  }
}

/**
 * The built pages of a role's menu (UX.md): 农户, 干部 and 日记调阅 for administrators, 单位/部门
 * for the county; 记录走访 and 民情日记 for cadres, with 日记查阅 for the branch secretary.
 */
function readyFor(role: Role): ('households' | 'cadres' | 'units' | 'recordVisit' | 'diaries' | 'diaryReview' | 'diaryAudit')[] {
  switch (role) {
    case 'system_admin':
    case 'county_admin':
      return ['households', 'cadres', 'diaryAudit', 'units'];
    case 'township_admin':
      return ['households', 'cadres', 'diaryAudit'];
    case 'branch_secretary':
      return ['recordVisit', 'diaries', 'diaryReview'];
    case 'cadre':
      return ['recordVisit', 'diaries'];
    case 'unit_head':
    case 'leader':
      return [];
  }
}

/** 帮扶活动 and 结对 for administrators; 我的联系户 and 我的联系村 for those who help households themselves. */
function pairingPagesFor(role: Role): ('programmes' | 'pairings' | 'myHouseholds' | 'myVillages')[] {
  if (isAdmin(role)) return ['programmes', 'pairings'];
  if (role === 'cadre' || role === 'branch_secretary') return ['myHouseholds', 'myVillages'];
  return [];
}

/**
 * The menu of a role: `ready` are the pages that exist today, `soon` the rest of that role's
 * menu, shown greyed out so that nobody is surprised and nothing pretends to work.
 */
export function menuFor(role: Role): { ready: MenuEntry[]; soon: MenuEntry[] } {
  const keys: (keyof typeof ready)[] = [
    'home',
    ...readyFor(role),
    ...pairingPagesFor(role),
    'regions',
    ...(isAdmin(role) ? (['users', 'audit'] as const) : []),
    'password',
  ];
  return {
    ready: keys.map((key) => ({ key, ...ready[key] })),
    soon: soonFor(role).map((key) => ({ key, path: '', icon: soonIcons[key] })),
  };
}

/** The menu entry a location belongs to (the import wizard belongs to the registry). */
export function selectedKey(pathname: string, search = ''): MenuKey {
  if (pathname === '/imports' || pathname.startsWith('/imports/'))
    return new URLSearchParams(search).get('kind') === 'cadres' ? 'cadres' : 'households';
  const hit = (Object.keys(ready) as (keyof typeof ready)[]).find((k) => {
    const p = ready[k].path;
    return p !== '/' && (pathname === p || pathname.startsWith(p + '/'));
  });
  return hit ?? 'home';
}
