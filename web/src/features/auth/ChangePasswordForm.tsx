import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../../api/auth';
import { passwordRules, sameAsRule } from '../../app/validators';
import { useApiError } from '../../app/useApiError';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Current password, new password twice; checked as you type with the server's own rules. */
export function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const showError = useApiError();

  const onFinish = (v: Values) =>
    change.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      { onSuccess: onDone, onError: (e) => showError(e, { form }) },
    );

  return (
    <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} style={{ maxWidth: 420 }}>
      <Form.Item name="currentPassword" label={t('auth.currentPassword')} rules={[{ required: true, message: t('auth.currentRequired') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('auth.newPassword')}
        extra={t('auth.passwordRule')}
        dependencies={['currentPassword']}
        rules={[
          ...passwordRules(t),
          ({ getFieldValue }) => ({
            validator: (_r, value: unknown) =>
              value && value === getFieldValue('currentPassword')
                ? Promise.reject(new Error(t('auth.passwordSameAsOld')))
                : Promise.resolve(),
          }),
        ]}
        hasFeedback
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('auth.confirmPassword')}
        dependencies={['newPassword']}
        rules={[{ required: true, message: t('auth.passwordRequired') }, sameAsRule(t, 'newPassword')]}
        hasFeedback
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending} block>
        {t('auth.changeSubmit')}
      </Button>
    </Form>
  );
}
