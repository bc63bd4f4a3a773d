import { createBrowserRouter } from 'react-router';
import { AuditPage } from '../features/audit/AuditPage';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { FirstPasswordPage } from '../features/auth/FirstPasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { HomePage } from '../features/home/HomePage';
import { RegionsPage } from '../features/regions/RegionsPage';
import { UsersPage } from '../features/users/UsersPage';
import { RequireAdmin } from './auth/RequireAdmin';
import { RequireAuth } from './auth/RequireAuth';
import type { CrumbHandle } from './layout/Breadcrumbs';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './NotFoundPage';

const crumb = (c: CrumbHandle['crumb']): CrumbHandle => ({ crumb: c });

export const routes = [
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      { path: '/first-password', element: <FirstPasswordPage /> },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage />, handle: crumb('home') },
          { path: 'regions/:code?', element: <RegionsPage />, handle: crumb('regions') },
          {
            element: <RequireAdmin />,
            children: [
              { path: 'users', element: <UsersPage />, handle: crumb('users') },
              { path: 'audit', element: <AuditPage />, handle: crumb('audit') },
            ],
          },
          { path: 'password', element: <ChangePasswordPage />, handle: crumb('password') },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const makeRouter = () => createBrowserRouter(routes);
