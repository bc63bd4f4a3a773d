import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { useResetPassword } from '../../api/users';
import { useApiError } from '../../app/useApiError';
import { passwordRules, sameAsRule } from '../../app/validators';

/** 重置密码: the administrator sets a temporary password; the user must change it at next login. */
export function ResetPasswordModal({ user, open, onClose }: { user: User; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string; confirm: string }>();
  const reset = useResetPassword();
  const showError = useApiError();

  const submit = async () => {
    const v = await form.validateFields();
    reset.mutate(
      { id: user.id, newPassword: v.newPassword },
      { onSuccess: () => (void message.success(t('users.resetDone')), onClose()), onError: (e) => showError(e, { form }) },
    );
  };

  return (
    <Modal
      title={t('users.resetTitle', { name: user.displayName })}
      open={open}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      okText={t('common.confirm')}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('users.resetHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false} autoComplete="off">
        <Form.Item name="newPassword" label={t('auth.newPassword')} extra={t('auth.passwordRule')} rules={passwordRules(t)} hasFeedback>
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
      </Form>
    </Modal>
  );
}
