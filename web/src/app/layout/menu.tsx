import type { ReactNode } from 'react';
import {
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CarryOutOutlined,
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

export type MenuKey = Exclude<keyof Messages['menu'], 'logout' | 'openMenu'>;

export interface MenuEntry {
  key: MenuKey;
  /** Empty for pages not built yet. */
  path: string;
  icon: ReactNode;
}

const ready = {
  home: { path: '/', icon: <HomeOutlined /> },
  worklist: { path: '/worklists', icon: <CarryOutOutlined /> },
  households: { path: '/households', icon: <TeamOutlined /> },
  cadres: { path: '/cadres', icon: <IdcardOutlined /> },
  unitCadres: { path: '/cadres', icon: <IdcardOutlined /> },
  units: { path: '/units', icon: <BankOutlined /> },
  regions: { path: '/regions', icon: <EnvironmentOutlined /> },
  users: { path: '/users', icon: <UserSwitchOutlined /> },
  audit: { path: '/audit', icon: <AuditOutlined /> },
  password: { path: '/password', icon: <KeyOutlined /> },
  programmes: { path: '/programmes', icon: <ScheduleOutlined /> },
  pairings: { path: '/pairings', icon: <ClusterOutlined /> },
  unitPairings: { path: '/pairings', icon: <ClusterOutlined /> },
  myHouseholds: { path: '/my/households', icon: <TeamOutlined /> },
  myVillages: { path: '/my/villages', icon: <EnvironmentOutlined /> },
  recordVisit: { path: '/visits/new', icon: <SolutionOutlined /> },
  diaries: { path: '/diaries', icon: <EditOutlined /> },
  diaryReview: { path: '/reviews', icon: <ReadOutlined /> },
  diaryAudit: { path: '/diary-audit', icon: <FileSearchOutlined /> },
} satisfies Partial<Record<MenuKey, Omit<MenuEntry, 'key'>>>;
type ReadyKey = keyof typeof ready;

const soonIcons: Record<Exclude<MenuKey, ReadyKey>, ReactNode> = {
  requests: <AlertOutlined />,
  branchActivities: <FlagOutlined />,
  problems: <WarningOutlined />,
  reports: <BarChartOutlined />,
  boards: <FileTextOutlined />,
  rounds: <SwapOutlined />,
  assessments: <TrophyOutlined />,
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
      return ['assignedProblems', 'unitReports'];
    case 'leader':
      return ['reports', 'dashboard'];
  }
}

/**
 * The pages of each role's menu that work today (UX.md "Menu by role"), in the order people use
 * them. The leader reads what the county sees (工作清单, 农户, 干部, 结对, 单位; the server keeps it
 * read only); the unit head reads their unit's cadres, households and village pairings (the server
 * narrows the lists to the unit). Field workers get 记录走访 and 民情日记, the secretary 日记查阅.
 */
function readyFor(role: Role): ReadyKey[] {
  switch (role) {
    case 'system_admin':
    case 'county_admin':
      return ['worklist', 'households', 'cadres', 'diaryAudit', 'units', 'programmes', 'pairings', 'regions', 'users', 'audit'];
    case 'township_admin':
      return ['worklist', 'households', 'cadres', 'diaryAudit', 'programmes', 'pairings', 'regions', 'users', 'audit'];
    case 'branch_secretary':
      return ['recordVisit', 'diaries', 'diaryReview', 'myHouseholds', 'myVillages', 'worklist', 'regions'];
    case 'cadre':
      return ['recordVisit', 'diaries', 'myHouseholds', 'myVillages', 'regions'];
    case 'unit_head':
      return ['worklist', 'unitCadres', 'households', 'unitPairings', 'regions'];
    case 'leader':
      return ['worklist', 'households', 'cadres', 'pairings', 'units', 'regions'];
  }
}

/**
 * The menu of a role: `ready` are the pages that exist today, `soon` the rest of that role's
 * menu, shown greyed out so that nobody is surprised and nothing pretends to work.
 */
export function menuFor(role: Role): { ready: MenuEntry[]; soon: MenuEntry[] } {
  const keys: ReadyKey[] = ['home', ...readyFor(role), 'password'];
  return {
    ready: keys.map((key) => ({ key, ...ready[key] })),
    soon: soonFor(role).map((key) => ({ key, path: '', icon: soonIcons[key] })),
  };
}

/**
 * The menu entry a location belongs to (the import wizard belongs to the registry); with a role,
 * the entry of that role's menu (the unit head's 本单位干部 is /cadres too).
 */
export function selectedKey(pathname: string, search = '', role?: Role): MenuKey {
  if (pathname === '/imports' || pathname.startsWith('/imports/'))
    return new URLSearchParams(search).get('kind') === 'cadres' ? 'cadres' : 'households';
  const keys = role ? menuFor(role).ready.map((e) => e.key as ReadyKey) : (Object.keys(ready) as ReadyKey[]);
  const hit = keys.find((k) => {
    const p = ready[k].path;
    return p !== '/' && (pathname === p || pathname.startsWith(p + '/'));
  });
  return hit ?? 'home';
}
