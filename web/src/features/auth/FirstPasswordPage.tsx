import { Alert, App, Button } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../../api/auth';
import { CenteredCard } from '../../app/CenteredCard';
import { ChangePasswordForm } from './ChangePasswordForm';

/** Shown instead of everything else while the account still has an administrator-set password. */
export function FirstPasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <CenteredCard
      title={t('auth.changeTitle')}
      extra={
        <Button
          size="small"
          type="link"
          onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}
        >
          {t('menu.logout')}
        </Button>
      }
    >
      <Alert type="info" showIcon title={t('auth.mustChange')} style={{ marginBottom: 16 }} />
      <ChangePasswordForm
        onDone={() => {
          void message.success(t('auth.changed'));
          void navigate('/', { replace: true });
        }}
      />
    </CenteredCard>
  );
}
