import { Result } from 'antd';
import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isAdmin } from '../roles';
import { useCurrentUser } from './useCurrentUser';

/** Pages only administrators see (the server refuses the data to anyone else anyway). */
export function RequireAdmin() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (!isAdmin(user.role)) return <Result status="403" title="403" subTitle={t('errors.forbidden')} />;
  return <Outlet />;
}
