import { App, Card } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from './ChangePasswordForm';

/** 修改密码, from the menu. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  return (
    <Card title={t('auth.changeTitle')}>
      <ChangePasswordForm
        onDone={() => {
          void message.success(t('auth.changed'));
          void navigate('/');
        }}
      />
    </Card>
  );
}
