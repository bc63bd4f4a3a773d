import { Button, Card, Flex, Pagination, Space, Tag, Typography } from 'antd';
import { CameraOutlined, CheckCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../app/ExportButton';
import { useVisits } from './api';
import { RowItem, Rows } from './Rows';

/** 我的走访: my visits, newest first, as cards that fit a phone. */
export function VisitsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '1') || 1;
  const visits = useVisits({ mine: 'true', page, pageSize: 20 });
  return (
    <Card
      title={t('visits.mine')}
      extra={
        <Space wrap>
          <ExportButton path="/api/exports/visits.xlsx" query={{ mine: 'true' }} fileName="走访记录.xlsx" label={t('visits.export')} />
          <Link to="/visits/new">
            <Button type="primary" icon={<PlusOutlined />}>
              {t('visits.record')}
            </Button>
          </Link>
        </Space>
      }
    >
      <Rows
        loading={visits.isPending}
        items={visits.data?.items ?? []}
        empty={t('visits.empty')}
        rowKey={(v) => v.id}
        render={(v) => (
          <RowItem testId="visit-item">
            <Link to={`/visits/${v.id}`} style={{ display: 'block', width: '100%', minWidth: 0 }}>
              <Flex justify="space-between" gap={8} wrap>
                <Space wrap size={4}>
                  <Typography.Text strong>{v.households.map((h) => h.headName ?? '—').join('、') || v.regionName}</Typography.Text>
                  <Tag>{t(`visits.kinds.${v.kind}`)}</Tag>
                  {v.status === 'void' && <Tag>{t('visits.voided')}</Tag>}
                </Space>
                <Typography.Text type="secondary">{v.visitedOn}</Typography.Text>
              </Flex>
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0' }}>
                {v.discussed}
              </Typography.Paragraph>
              <Space size={12}>
                {v.confirmed ? (
                  <Typography.Text type="success">
                    <CheckCircleOutlined /> {t('visits.confirmed')}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="secondary">{t('visits.notConfirmed')}</Typography.Text>
                )}
                {v.photos.length > 0 && (
                  <Typography.Text type="secondary">
                    <CameraOutlined /> {v.photos.length}
                  </Typography.Text>
                )}
              </Space>
            </Link>
          </RowItem>
        )}
      />
      {(visits.data?.total ?? 0) > 20 && (
        <Pagination
          simple
          current={page}
          pageSize={20}
          total={visits.data?.total ?? 0}
          onChange={(p) => setParams({ page: String(p) })}
          style={{ marginTop: 12, textAlign: 'center' }}
        />
      )}
    </Card>
  );
}
