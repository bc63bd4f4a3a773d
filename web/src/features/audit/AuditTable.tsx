import { Grid, Space, Table, Tag, Tooltip, Typography } from 'antd';
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
  const phone = Grid.useBreakpoint().sm === false;
  const at = (e: AuditEntry) => dayjs(e.at).format('YYYY-MM-DD HH:mm:ss');
  const actor = (e: AuditEntry) => e.actorName ?? t('audit.system');
  const action = (e: AuditEntry) => <Tag color={actionColor(e.action)}>{actionLabel(t, e.action)}</Tag>;
  const record = (e: AuditEntry) => {
    // Logging in or changing one's own password: the record is the actor.
    const name = recordName(e.before, e.after) ?? (e.entityId === e.actorId ? e.actorName : null);
    if (e.entityType === 'region') return <Link to={`/regions/${e.entityId}`}>{name ? `${name} (${e.entityId})` : e.entityId}</Link>;
    return (
      <Tooltip title={e.entityId}>
        <Typography.Link onClick={() => onEntity(e.entityType, e.entityId)}>{name ?? e.entityId.slice(-12)}</Typography.Link>
      </Tooltip>
    );
  };

  // On a phone: when and who in one column, what in the other.
  const columns: TableColumnsType<AuditEntry> = phone
    ? [
        {
          title: `${t('audit.at')} / ${t('audit.actor')}`,
          key: 'when',
          render: (_v, e) => (
            <Space orientation="vertical" size={0}>
              <Typography.Text style={{ fontSize: 12 }}>{at(e)}</Typography.Text>
              <Typography.Text>{actor(e)}</Typography.Text>
            </Space>
          ),
        },
        {
          title: t('audit.action'),
          key: 'what',
          render: (_v, e) => (
            <Space orientation="vertical" size={2}>
              {action(e)}
              <span>
                {entityLabel(t, e.entityType)} {record(e)}
              </span>
            </Space>
          ),
        },
      ]
    : [
        { title: t('audit.at'), key: 'at', render: (_v, e) => at(e) },
        { title: t('audit.actor'), key: 'actor', render: (_v, e) => actor(e) },
        { title: t('audit.action'), key: 'action', render: (_v, e) => action(e) },
        { title: t('audit.entityType'), dataIndex: 'entityType', render: (e: string) => entityLabel(t, e) },
        { title: t('audit.entityId'), key: 'entity', render: (_v, e) => record(e) },
        { title: t('audit.region'), dataIndex: 'regionCode', responsive: ['md'] },
      ];

  return (
    <Table<AuditEntry>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      scroll={phone ? undefined : { x: 'max-content' }}
      expandable={{ expandedRowRender: (e) => <AuditChanges entry={e} />, rowExpandable: (e) => e.before != null || e.after != null }}
      pagination={{
        current: page?.page ?? 1,
        pageSize: page?.pageSize ?? 20,
        total: page?.total ?? 0,
        showSizeChanger: !phone,
        simple: phone,
        pageSizeOptions: [20, 50, 100],
        showTotal: (total) => t('common.total', { count: total }),
        onChange: onPage,
      }}
    />
  );
}
