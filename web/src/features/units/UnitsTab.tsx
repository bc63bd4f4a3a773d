import { useState } from 'react';
import { Badge, Button, Flex, Grid, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../api/types';
import { unitKeys, useUnits } from '../../api/units';
import { useCurrentUser } from '../../app/auth/useCurrentUser';
import { mayEditOrganisation } from '../../app/roles';
import { UnitFilterBar } from './UnitFilterBar';
import { UnitFormModal } from './UnitFormModal';
import { useUnitFilters } from './useUnitFilters';

/** 单位: the units of my scope and above, with their cadre counts; administrators create and edit. */
export function UnitsTab() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const qc = useQueryClient();
  const phone = Grid.useBreakpoint().sm === false;
  const { filters, query, update, reset } = useUnitFilters();
  const units = useUnits(query);
  const [dialog, setDialog] = useState<{ unit?: Unit } | null>(null);
  const editor = mayEditOrganisation(user.role);
  const status = (u: Unit) => <Badge status={u.status === 'active' ? 'success' : 'default'} text={t(`units.statuses.${u.status}`)} />;

  const columns: TableColumnsType<Unit> = [
    {
      title: t('units.name'),
      key: 'name',
      render: (_v, u) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{u.name}</Typography.Text>
          {phone && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`units.kinds.${u.kind}`)} · {u.regionName ?? u.regionCode}
            </Typography.Text>
          )}
          {phone && u.status !== 'active' && status(u)}
        </Space>
      ),
    },
    ...((phone
      ? []
      : [
          { title: t('units.kind'), dataIndex: 'kind', render: (k: Unit['kind']) => t(`units.kinds.${k}`) },
          { title: t('units.level'), dataIndex: 'level', render: (l: Unit['level']) => t(`levels.${l}`) },
          { title: t('units.region'), key: 'region', render: (_v: unknown, u: Unit) => u.regionName ?? u.regionCode },
          { title: t('units.status'), key: 'status', render: (_v: unknown, u: Unit) => status(u) },
        ]) as TableColumnsType<Unit>),
    {
      title: t('units.cadreCount'),
      dataIndex: 'cadreCount',
      align: 'right',
      render: (n: number, u) => <Link to={`/cadres?unit=${u.id}`}>{n}</Link>,
    },
    ...(editor
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_v: unknown, u: Unit) => (
              <Button type="link" size="small" onClick={() => setDialog({ unit: u })}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Flex justify="space-between" wrap gap={8}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <UnitFilterBar filters={filters} onChange={update} onReset={reset} />
        </div>
        {editor && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({})}>
            {t('units.create')}
          </Button>
        )}
      </Flex>
      <Table<Unit>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={units.data?.items ?? []}
        loading={units.isFetching}
        scroll={phone ? undefined : { x: 'max-content' }}
        pagination={{
          current: units.data?.page ?? filters.page,
          pageSize: units.data?.pageSize ?? filters.pageSize,
          total: units.data?.total ?? 0,
          showSizeChanger: !phone,
          simple: phone,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (page, pageSize) => update({ page, pageSize }),
        }}
      />
      {dialog && (
        <UnitFormModal
          key={dialog.unit?.id ?? 'new'}
          unit={dialog.unit}
          onClose={() => setDialog(null)}
          onStale={() => void qc.invalidateQueries({ queryKey: unitKeys.all })}
        />
      )}
    </>
  );
}
