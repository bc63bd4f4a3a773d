import { useState } from 'react';
import { Button, Card, Flex, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { userKeys, useUsers } from '../../api/users';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFilterBar } from './UserFilterBar';
import { UserFormModal } from './UserFormModal';
import { UserTable } from './UserTable';
import { useUserFilters } from './useUserFilters';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'reset'; user: User } | null;

/** 用户与权限: filter bar, the accounts of my region page by page, and what I may do to each. */
export function UsersPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { filters, query, update, reset } = useUserFilters();
  const users = useUsers(query);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const reload = () => void qc.invalidateQueries({ queryKey: userKeys.all });

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('users.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
          {t('users.create')}
        </Button>
      </Flex>
      <UserFilterBar filters={filters} onChange={update} onReset={reset} />
      <UserTable
        page={users.data}
        loading={users.isFetching}
        onPage={(page, pageSize) => update({ page, pageSize })}
        onEdit={(user) => setDialog({ kind: 'edit', user })}
        onResetPassword={(user) => setDialog({ kind: 'reset', user })}
        onStale={reload}
      />
      <UserFormModal open={dialog?.kind === 'create'} onClose={close} onStale={reload} />
      {dialog?.kind === 'edit' && <UserFormModal key={dialog.user.id} user={dialog.user} open onClose={close} onStale={reload} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal key={dialog.user.id} user={dialog.user} open onClose={close} />}
    </Card>
  );
}
