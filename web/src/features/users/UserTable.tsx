import { Badge, Button, Grid, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { User, UserPage } from '../../api/types';
import { useCurrentUser } from '../../app/auth/useCurrentUser';
import { canManageAccount } from '../../app/roles';
import { UserStatusAction } from './UserStatusAction';

interface Props {
  page?: UserPage;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  onEdit: (u: User) => void;
  onResetPassword: (u: User) => void;
  onStale: () => void;
}

export function UserTable({ page, loading, onPage, onEdit, onResetPassword, onStale }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  // On a phone the table shrinks to two columns: who (with role, region, status) and actions.
  const phone = Grid.useBreakpoint().sm === false;

  const status = (u: User) => (
    <Space size={4} wrap>
      <Badge
        status={u.status === 'active' ? 'success' : 'default'}
        text={u.status === 'active' ? t('users.active') : t('users.disabled')}
      />
      {u.mustChangePassword && <Tag color="orange">{t('users.mustChange')}</Tag>}
    </Space>
  );
  const region = (u: User) => u.regionName ?? u.regionCode;

  const columns: TableColumnsType<User> = [
    {
      title: t('users.displayName'),
      key: 'name',
      render: (_v, u) => (
        <Space orientation="vertical" size={0}>
          <Space size={4}>
            <Typography.Text strong>{u.displayName}</Typography.Text>
            {u.id === me.id && <Tag color="gold">{t('users.self')}</Tag>}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {u.username}
          </Typography.Text>
          {phone && (
            <>
              <Typography.Text style={{ fontSize: 12 }}>
                {t(`roles.${u.role}`)} · {region(u)}
              </Typography.Text>
              {status(u)}
            </>
          )}
        </Space>
      ),
    },
    ...((phone
      ? []
      : [
          { title: t('users.role'), dataIndex: 'role', render: (r: User['role']) => t(`roles.${r}`) },
          { title: t('users.region'), key: 'region', render: (_v: unknown, u: User) => region(u) },
          { title: t('users.phone'), dataIndex: 'phone', render: (p: string | null) => p ?? '—' },
          { title: t('users.status'), key: 'status', render: (_v: unknown, u: User) => status(u) },
        ]) as TableColumnsType<User>),
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      responsive: ['md'],
      render: (at: string | null) =>
        at ? dayjs(at).format('YYYY-MM-DD HH:mm') : <Typography.Text type="secondary">{t('users.never')}</Typography.Text>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_v, u) =>
        u.id !== me.id && canManageAccount(me.role, u.role) ? (
          <Space size={0} wrap orientation={phone ? 'vertical' : 'horizontal'} align={phone ? 'start' : undefined}>
            <Button type="link" size="small" onClick={() => onEdit(u)}>
              {t('common.edit')}
            </Button>
            <Button type="link" size="small" onClick={() => onResetPassword(u)}>
              {t('users.resetPassword')}
            </Button>
            <UserStatusAction user={u} onStale={onStale} />
          </Space>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];

  return (
    <Table<User>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      scroll={phone ? undefined : { x: 'max-content' }}
      pagination={{
        current: page?.page ?? 1,
        pageSize: page?.pageSize ?? 20,
        total: page?.total ?? 0,
        showSizeChanger: !phone,
        simple: phone,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (total) => t('common.total', { count: total }),
        onChange: onPage,
      }}
    />
  );
}
