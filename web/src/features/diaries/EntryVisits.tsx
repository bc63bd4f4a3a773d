import { Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useVisits } from '../visits/api';
import type { Entry } from './api';
import { RowItem, Rows } from '../visits/Rows';

/** The visits an entry speaks of (those of the month the reader may see). */
export function EntryVisits({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const visits = useVisits({ cadreId: entry.cadreId, month: entry.month, pageSize: 100 });
  const cited = new Set(entry.visitIds);
  const items = (visits.data?.items ?? []).filter((v) => cited.has(v.id));
  return (
    <Rows
      loading={visits.isPending}
      header={<Typography.Text strong>{t('diaries.visits', { n: entry.visitIds.length })}</Typography.Text>}
      items={items}
      empty={t('visits.empty')}
      rowKey={(v) => v.id}
      render={(v) => (
        <RowItem testId="entry-visit">
          <div style={{ minWidth: 0, width: '100%' }}>
            <Space wrap size={4}>
              <Link to={`/visits/${v.id}`}>{v.visitedOn}</Link>
              <Tag>{t(`visits.kinds.${v.kind}`)}</Tag>
              <Typography.Text>{v.households.map((h) => h.headName ?? '—').join('、') || v.regionName}</Typography.Text>
              {v.confirmed && (
                <Typography.Text type="success">
                  <CheckCircleOutlined />
                </Typography.Text>
              )}
            </Space>
            {v.discussed && (
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                {v.discussed}
              </Typography.Paragraph>
            )}
          </div>
        </RowItem>
      )}
    />
  );
}
