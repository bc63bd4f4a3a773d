import { Button, Result, Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth';

/**
 * Guards every page behind login. While an administrator-set password is still in use, the only
 * page is the first-password page.
 */
export function RequireAuth() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return (
      <div className="lh-fullpage">
        <Spin size="large" description={t('app.loading')} />
      </div>
    );
  }
  if (me.isError) {
    return (
      <Result
        status="warning"
        title={t('app.networkError')}
        extra={
          <Button type="primary" onClick={() => void me.refetch()}>
            {t('common.refresh')}
          </Button>
        }
      />
    );
  }
  if (!me.data) return <Navigate to="/login" state={{ from: location.pathname + location.search }} replace />;
  const mustChange = me.data.user.mustChangePassword;
  if (mustChange && location.pathname !== '/first-password') return <Navigate to="/first-password" replace />;
  if (!mustChange && location.pathname === '/first-password') return <Navigate to="/" replace />;
  return <Outlet />;
}
