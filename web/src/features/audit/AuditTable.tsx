import { Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, AuditPage } from '../../api/types';
import { AuditChanges } from './AuditChanges';
import { actionColor, actionLabel, entityLabel, recordName } from './auditLabels';

interface Props {
  page?: AuditPage;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  onEntity: (entityType: string, entityId: string) => void;
}

export function AuditTable({ page, loading, onPage, onEntity }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
    { title: t('audit.actor'), dataIndex: 'actorName', render: (n: string | null) => n ?? t('audit.system') },
    { title: t('audit.action'), dataIndex: 'action', render: (a: string) => <Tag color={actionColor(a)}>{actionLabel(t, a)}</Tag> },
    { title: t('audit.entityType'), dataIndex: 'entityType', render: (e: string) => entityLabel(t, e) },
    {
      title: t('audit.entityId'),
      key: 'entity',
      render: (_v, e) => {
        const name = recordName(e.before, e.after);
        if (e.entityType === 'region') return <Link to={`/regions/${e.entityId}`}>{name ? `${name} (${e.entityId})` : e.entityId}</Link>;
        return (
          <Tooltip title={e.entityId}>
            <Typography.Link onClick={() => onEntity(e.entityType, e.entityId)}>{name ?? e.entityId.slice(-12)}</Typography.Link>
          </Tooltip>
        );
      },
    },
    { title: t('audit.region'), dataIndex: 'regionCode', responsive: ['md'] },
  ];

  return (
    <Table<AuditEntry>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      scroll={{ x: 'max-content' }}
      expandable={{ expandedRowRender: (e) => <AuditChanges entry={e} /> }}
      pagination={{
        current: page?.page ?? 1,
        pageSize: page?.pageSize ?? 20,
        total: page?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (total) => t('common.total', { count: total }),
        onChange: onPage,
      }}
    />
  );
}
