import { useState } from 'react';
import { Badge, Button, Flex, Grid, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Branch } from '../../api/types';
import { useBranches } from '../../api/units';
import { useCurrentUser } from '../../app/auth/useCurrentUser';
import { mayEditOrganisation } from '../../app/roles';
import { BranchFilterBar } from './BranchFilterBar';
import { BranchFormModal } from './BranchFormModal';
import { useBranchFilters } from './useBranchFilters';

/** 党支部: units' and villages' party branches with their member counts. */
export function BranchesTab() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const phone = Grid.useBreakpoint().sm === false;
  const { filters, query, update, reset } = useBranchFilters();
  const branches = useBranches(query);
  const [creating, setCreating] = useState(false);
  const editor = mayEditOrganisation(user.role);

  const columns: TableColumnsType<Branch> = [
    {
      title: t('branches.name'),
      key: 'name',
      render: (_v, b) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{b.name}</Typography.Text>
          {phone && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {b.unitName ?? t(`branches.kinds.${b.kind}`)} · {b.regionName ?? b.regionCode}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    ...((phone
      ? []
      : [
          { title: t('branches.kind'), dataIndex: 'kind', render: (k: Branch['kind']) => t(`branches.kinds.${k}`) },
          { title: t('branches.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
          { title: t('branches.region'), key: 'region', render: (_v: unknown, b: Branch) => b.regionName ?? b.regionCode },
          {
            title: t('units.status'),
            dataIndex: 'status',
            render: (s: Branch['status']) => <Badge status={s === 'active' ? 'success' : 'default'} text={t(`units.statuses.${s}`)} />,
          },
        ]) as TableColumnsType<Branch>),
    {
      title: t('branches.memberCount'),
      dataIndex: 'memberCount',
      align: 'right',
      render: (n: number, b) => <Link to={`/cadres?branch=${b.id}`}>{n}</Link>,
    },
  ];

  return (
    <>
      <Flex justify="space-between" wrap gap={8}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <BranchFilterBar filters={filters} onChange={update} onReset={reset} />
        </div>
        {editor && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('branches.create')}
          </Button>
        )}
      </Flex>
      <Table<Branch>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={branches.data?.items ?? []}
        loading={branches.isFetching}
        scroll={phone ? undefined : { x: 'max-content' }}
        pagination={{
          current: branches.data?.page ?? filters.page,
          pageSize: branches.data?.pageSize ?? filters.pageSize,
          total: branches.data?.total ?? 0,
          showSizeChanger: !phone,
          simple: phone,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (page, pageSize) => update({ page, pageSize }),
        }}
      />
      {creating && <BranchFormModal onClose={() => setCreating(false)} />}
    </>
  );
}
