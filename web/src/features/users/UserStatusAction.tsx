import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSetUserStatus } from '../../api/users';
import type { User } from '../../api/types';
import { useApiError } from '../../app/useApiError';

/** 停用 / 启用 with a confirmation; disabling signs the user out everywhere. */
export function UserStatusAction({ user, onStale }: { user: User; onStale: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const setStatus = useSetUserStatus();
  const showError = useApiError();
  const disabling = user.status === 'active';

  return (
    <Popconfirm
      title={disabling ? t('users.disableConfirm', { name: user.displayName }) : t('users.enableConfirm', { name: user.displayName })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: disabling, loading: setStatus.isPending }}
      onConfirm={() =>
        setStatus.mutateAsync({ id: user.id, version: user.version, status: disabling ? 'disabled' : 'active' }).then(
          () => void message.success(disabling ? t('users.disabledDone') : t('users.enabledDone')),
          (e: unknown) => showError(e, { onStale }),
        )
      }
    >
      <Button type="link" size="small" danger={disabling}>
        {disabling ? t('users.disable') : t('users.enable')}
      </Button>
    </Popconfirm>
  );
}
