import { Badge, Button, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useRecentImports } from '../../api/imports';
import type { ImportJob, ImportKind, ImportStatus } from '../../api/types';

const badge: Record<ImportStatus, 'processing' | 'warning' | 'success' | 'error' | 'default'> = {
  validating: 'processing',
  validated: 'warning',
  importing: 'processing',
  done: 'success',
  failed: 'error',
  cancelled: 'default',
};

/** 最近导入: the last few files of this kind, so a file left checking (or not yet imported) can be taken up again. */
export function RecentImports({ kind, onOpen }: { kind: ImportKind; onOpen: (job: ImportJob) => void }) {
  const { t } = useTranslation();
  const recent = useRecentImports(kind);
  if (!recent.data?.length) return null;
  return (
    <div>
      <Typography.Text strong>{t('imports.recent')}</Typography.Text>
      <Table<ImportJob>
        size="small"
        rowKey="id"
        style={{ marginTop: 8 }}
        pagination={false}
        dataSource={recent.data}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('imports.fileName'),
            key: 'file',
            render: (_v, j) => (
              <>
                <Typography.Text>{j.fileName}</Typography.Text>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[dayjs(j.createdAt).format('YYYY-MM-DD HH:mm'), j.createdByName && t('imports.recentBy', { name: j.createdByName })]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              </>
            ),
          },
          { title: t('imports.rows'), dataIndex: 'totalRows', align: 'right' },
          {
            title: t('units.status'),
            dataIndex: 'status',
            render: (s: ImportStatus) => <Badge status={badge[s]} text={t(`imports.statuses.${s}`)} />,
          },
          {
            title: t('common.actions'),
            key: 'open',
            render: (_v, j) => (
              <Button type="link" size="small" onClick={() => onOpen(j)}>
                {t('imports.open')}
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
