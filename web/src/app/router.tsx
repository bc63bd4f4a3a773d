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
const password = () => import('../features/auth/ChangePasswordPage').then((m) => ({ Component: m.ChangePasswordPage }));

export const routes = [
  { path: '/login', element: <LoginPage /> },
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
