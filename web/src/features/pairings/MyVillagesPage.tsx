import { Card, Col, Empty, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMyVillages } from '../../api/pairings';

/** 我的联系村: the villages of my linked cadre's pairings, with my households there and my postings (驻村, 挂点). */
export function MyVillagesPage() {
  const { t } = useTranslation();
  const mine = useMyVillages();
  const body = () => {
    if (mine.isPending) return <Skeleton active />;
    if (!mine.data) return <Result status="warning" title={t('app.networkError')} />;
    if (mine.data.cadreId === null) return <Empty description={t('pairings.my.noCadre')} />;
    if (mine.data.items.length === 0) return <Empty description={t('pairings.my.noVillages')} />;
    return (
      <Row gutter={[12, 12]}>
        {mine.data.items.map((v) => (
          <Col key={v.villageCode} xs={24} sm={12} xl={8}>
            <Link to={`/regions/${v.villageCode}`} style={{ display: 'block', height: '100%' }}>
              <Card hoverable size="small" style={{ height: '100%' }} data-testid="my-village">
                <Typography.Text strong style={{ fontSize: 16 }}>
                  {v.villageName ?? v.villageCode}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary">
                    {[v.townshipName, t('pairings.my.householdsN', { count: v.households })].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </div>
                {v.postings.length > 0 && (
                  <Space size={[0, 4]} wrap style={{ marginTop: 4 }}>
                    {v.postings.map((p) => (
                      <Tag key={p.pairingId} color="blue">
                        {[
                          t(`pairings.roles.${p.role}`),
                          p.roundNo !== null ? t('programmes.rounds.noValue', { no: p.roundNo }) : null,
                          p.programmeName,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Tag>
                    ))}
                  </Space>
                )}
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    );
  };
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('pairings.my.villages')}
      </Typography.Title>
      {body()}
    </Card>
  );
}
