import { useState } from 'react';
import { Card, Col, Empty, Pagination, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMyHouseholds, type MyHousehold } from '../../api/pairings';

/** One household as a card: head, village and group, categories; the whole card opens the household page. */
export function MyHouseholdCard({ h }: { h: MyHousehold }) {
  const { t } = useTranslation();
  return (
    <Link to={`/households/${h.householdId}`} style={{ display: 'block', height: '100%' }} data-testid="my-household">
      <Card hoverable size="small" style={{ height: '100%' }}>
        <Space size={4} wrap>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {h.headName ?? '—'}
          </Typography.Text>
          {h.lead && h.role === 'several_to_one' && <Tag color="gold">{t('pairings.my.lead')}</Tag>}
        </Space>
        <div>
          <Typography.Text type="secondary">{[h.villageName, h.groupName].filter(Boolean).join(' ')}</Typography.Text>
        </div>
        {h.categoryNames.length > 0 && (
          <Space size={[0, 4]} wrap style={{ marginTop: 4 }}>
            {h.categoryNames.map((c) => (
              <Tag key={c}>{c}</Tag>
            ))}
          </Space>
        )}
        <div style={{ marginTop: 4 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[h.programmeName, t(`pairings.roles.${h.role}`), t('pairings.my.since', { date: h.startOn }), h.phone]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        </div>
      </Card>
    </Link>
  );
}

/** 我的联系户: the households my linked cadre helps now, as cards (phone first). */
export function MyHouseholds({ limit }: { limit?: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const mine = useMyHouseholds(page);
  if (mine.isPending) return <Skeleton active />;
  if (!mine.data) return <Result status="warning" title={t('app.networkError')} />;
  if (mine.data.cadreId === null) return <Empty description={t('pairings.my.noCadre')} />;
  if (mine.data.items.length === 0) return <Empty description={t('pairings.my.noHouseholds')} />;
  const items = limit ? mine.data.items.slice(0, limit) : mine.data.items;
  return (
    <>
      <Row gutter={[12, 12]}>
        {items.map((h) => (
          <Col key={h.pairingId} xs={24} sm={12} xl={8}>
            <MyHouseholdCard h={h} />
          </Col>
        ))}
      </Row>
      {!limit && mine.data.total > mine.data.pageSize && (
        <Pagination
          simple
          current={page}
          pageSize={mine.data.pageSize}
          total={mine.data.total}
          onChange={setPage}
          style={{ marginTop: 12 }}
        />
      )}
    </>
  );
}
