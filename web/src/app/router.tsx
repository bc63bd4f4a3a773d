import { createBrowserRouter } from 'react-router';
import { FirstPasswordPage } from '../features/auth/FirstPasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { HomePage } from '../features/home/HomePage';
import { RequireAdmin } from './auth/RequireAdmin';
import { RequireAuth } from './auth/RequireAuth';
import type { CrumbHandle } from './layout/Breadcrumbs';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { PageLoading } from './PageLoading';

const crumb = (c: CrumbHandle['crumb']): CrumbHandle => ({ crumb: c });

// Pages beyond login and home load when first opened: a smaller first download on a weak signal.
const regions = () => import('../features/regions/RegionsPage').then((m) => ({ Component: m.RegionsPage }));
const users = () => import('../features/users/UsersPage').then((m) => ({ Component: m.UsersPage }));
const audit = () => import('../features/audit/AuditPage').then((m) => ({ Component: m.AuditPage }));
const households = () => import('../features/households/HouseholdsPage').then((m) => ({ Component: m.HouseholdsPage }));
const household = () => import('../features/households/HouseholdPage').then((m) => ({ Component: m.HouseholdPage }));
const cadres = () => import('../features/cadres/CadresPage').then((m) => ({ Component: m.CadresPage }));
const cadre = () => import('../features/cadres/CadrePage').then((m) => ({ Component: m.CadrePage }));
const units = () => import('../features/units/UnitsPage').then((m) => ({ Component: m.UnitsPage }));
const imports = () => import('../features/imports/ImportPage').then((m) => ({ Component: m.ImportPage }));
const programmes = () => import('../features/programmes/ProgrammesPage').then((m) => ({ Component: m.ProgrammesPage }));
const programme = () => import('../features/programmes/ProgrammePage').then((m) => ({ Component: m.ProgrammePage }));
const pairings = () => import('../features/pairings/PairingsPage').then((m) => ({ Component: m.PairingsPage }));
const myHouseholds = () => import('../features/pairings/MyHouseholdsPage').then((m) => ({ Component: m.MyHouseholdsPage }));
const myVillages = () => import('../features/pairings/MyVillagesPage').then((m) => ({ Component: m.MyVillagesPage }));
const password = () => import('../features/auth/ChangePasswordPage').then((m) => ({ Component: m.ChangePasswordPage }));
const recordVisit = () => import('../features/visits/RecordVisitPage').then((m) => ({ Component: m.RecordVisitPage }));
const visits = () => import('../features/visits/VisitsPage').then((m) => ({ Component: m.VisitsPage }));
const visit = () => import('../features/visits/VisitPage').then((m) => ({ Component: m.VisitPage }));
const confirmVisit = () => import('../features/visits/ConfirmPage').then((m) => ({ Component: m.ConfirmPage }));
const diaries = () => import('../features/diaries/DiariesPage').then((m) => ({ Component: m.DiariesPage }));
const diary = () => import('../features/diaries/DiaryPage').then((m) => ({ Component: m.DiaryPage }));
const publicDiary = () => import('../features/diaries/PublicDiaryPage').then((m) => ({ Component: m.PublicDiaryPage }));
const reviews = () => import('../features/reviews/ReviewsPage').then((m) => ({ Component: m.ReviewsPage }));
const review = () => import('../features/reviews/ReviewPage').then((m) => ({ Component: m.ReviewPage }));
const worklist = () => import('../features/worklists/AdminWorklistPage').then((m) => ({ Component: m.AdminWorklistPage }));

export const routes = [
  { path: '/login', element: <LoginPage /> },
  // Public pages (no login): the family confirms a visit; the published diary.
  { path: '/confirm/:token', lazy: confirmVisit, HydrateFallback: PageLoading },
  { path: '/public/diary', lazy: publicDiary, HydrateFallback: PageLoading },
  {
    element: <RequireAuth />,
    HydrateFallback: PageLoading,
    children: [
      { path: '/first-password', element: <FirstPasswordPage /> },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage />, handle: crumb('home') },
          { path: 'regions/:code?', lazy: regions, handle: crumb('regions') },
          {
            path: 'households',
            handle: crumb('households'),
            children: [
              { index: true, lazy: households },
              { path: ':id', lazy: household, handle: crumb('detail') },
            ],
          },
          {
            path: 'cadres',
            handle: crumb('cadres'),
            children: [
              { index: true, lazy: cadres },
              { path: ':id', lazy: cadre, handle: crumb('detail') },
            ],
          },
          { path: 'units', lazy: units, handle: crumb('units') },
          {
            path: 'programmes',
            handle: crumb('programmes'),
            children: [
              { index: true, lazy: programmes },
              { path: ':id', lazy: programme, handle: crumb('detail') },
            ],
          },
          { path: 'pairings', lazy: pairings, handle: crumb('pairings') },
          { path: 'my/households', lazy: myHouseholds, handle: crumb('myHouseholds') },
          { path: 'my/villages', lazy: myVillages, handle: crumb('myVillages') },
          { path: 'imports', lazy: imports, handle: crumb('import') },
          {
            path: 'visits',
            handle: crumb('visits'),
            children: [
              { index: true, lazy: visits },
              { path: 'new', lazy: recordVisit, handle: crumb('recordVisit') },
              { path: ':id', lazy: visit, handle: crumb('detail') },
            ],
          },
          {
            path: 'diaries',
            handle: crumb('diaries'),
            children: [
              { index: true, lazy: diaries },
              { path: ':id', lazy: diary, handle: crumb('detail') },
            ],
          },
          {
            path: 'reviews',
            handle: crumb('diaryReview'),
            children: [
              { index: true, lazy: reviews },
              { path: ':id', lazy: review, handle: crumb('detail') },
            ],
          },
          { path: 'diary-audit', lazy: reviews, handle: crumb('diaryAudit') },
          { path: 'worklists', lazy: worklist, handle: crumb('worklist') },
          {
            element: <RequireAdmin />,
            children: [
              { path: 'users', lazy: users, handle: crumb('users') },
              { path: 'audit', lazy: audit, handle: crumb('audit') },
            ],
          },
          { path: 'password', lazy: password, handle: crumb('password') },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const makeRouter = () => createBrowserRouter(routes);
