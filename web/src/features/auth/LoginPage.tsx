import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogin, useMe } from '../../api/auth';
import { ApiError, NetworkError, formFieldErrors } from '../../api/errors';
import { CenteredCard } from '../../app/CenteredCard';

interface LoginForm {
  username: string;
  password: string;
}

/** Where to go after logging in: back to the page that sent us here, else the home page. */
function targetOf(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginForm>();
  const [error, setError] = useState<string | null>(null);
  const login = useLogin();
  const me = useMe();
  const location = useLocation();

  // Signed in (already, or just now): on to the page asked for, or first to the password page.
  if (me.data) return <Navigate to={me.data.user.mustChangePassword ? '/first-password' : targetOf(location.state)} replace />;

  const onFinish = (values: LoginForm) => {
    setError(null);
    login.mutate(
      { username: values.username.trim().toLowerCase(), password: values.password },
      {
        onError: (err) => {
          if (err instanceof ApiError) {
            form.setFields(formFieldErrors(err, ['username', 'password']).fields as Parameters<typeof form.setFields>[0]);
            setError(err.message);
          } else setError(err instanceof NetworkError ? t('app.networkError') : err.message);
        },
      },
    );
  };

  return (
    <CenteredCard title={t('auth.title')}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<LoginForm>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={() => error && setError(null)}
        requiredMark={false}
      >
        <Form.Item
          name="username"
          label={t('auth.username')}
          rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="none" autoFocus size="large" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
          {t('auth.submit')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 13 }}>
        {t('auth.forgot')}
      </Typography.Paragraph>
    </CenteredCard>
  );
}
