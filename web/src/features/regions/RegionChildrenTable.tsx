import { Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegionChildren } from '../../api/regions';
import type { Region } from '../../api/types';
import { isExpired, levelColor } from './regionUtils';

/** 下级区划 of the selected region, expired ones included and marked. */
export function RegionChildrenTable({ code, onOpen }: { code: string; onOpen: (code: string) => void }) {
  const { t } = useTranslation();
  const children = useRegionChildren(code, true);
  const columns: TableColumnsType<Region> = [
    {
      title: t('regions.name'),
      dataIndex: 'name',
      render: (name: string, r) => (
        <Typography.Link onClick={() => onOpen(r.code)} delete={isExpired(r)}>
          {name}
        </Typography.Link>
      ),
    },
    { title: t('regions.code'), dataIndex: 'code', responsive: ['sm'] },
    {
      title: t('regions.level'),
      dataIndex: 'level',
      render: (level: Region['level']) => (
        <Tag color={levelColor[level]} variant="filled">
          {t(`levels.${level}`)}
        </Tag>
      ),
    },
    {
      title: t('regions.validity'),
      key: 'validity',
      render: (_v, r) =>
        isExpired(r) ? (
          <Tag>{t('regions.expired')}</Tag>
        ) : r.validTo ? (
          t('regions.expiresOn', { date: r.validTo })
        ) : (
          t('regions.alwaysValid')
        ),
    },
  ];
  return (
    <Table<Region>
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={children.data ?? []}
      loading={children.isPending}
      locale={{ emptyText: t('regions.noChildren') }}
      pagination={(children.data?.length ?? 0) > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
    />
  );
}
