import { Alert, Badge, Button, Card, Col, Empty, Flex, Row, Tag, Typography } from 'antd';
import { EditOutlined, SolutionOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth';
import { statusColor } from '../diaries/api';
import { useCadreWork } from './api';
import { RowItem, Rows } from '../visits/Rows';

/** 我的工作 (cadre, phone): households to visit this month, the diary due, returned entries. */
export function CadreWorkCards() {
  const { t } = useTranslation();
  const linked = !!useMe().data?.user.cadreId;
  const work = useCadreWork(linked);
  // An account opened before its cadre record was linked has no households or diary yet.
  if (!linked) return <Alert type="info" showIcon data-testid="not-linked" title={t('worklists.notLinked')} />;
  if (work.isPending) return <Card loading />;
  if (!work.data) return null;
  const w = work.data;
  const { current, overdue } = w.diary;
  return (
    <Row gutter={[16, 16]} data-testid="cadre-work">
      <Col xs={24} lg={12}>
        <Card size="small" title={t('worklists.toVisit', { n: w.visits.toVisit.length })} data-testid="to-visit">
          <Typography.Text type="secondary">
            {t('worklists.visitedOf', { done: w.visits.done, all: w.visits.households, due: w.visits.dueOn })}
          </Typography.Text>
          <Rows
            items={w.visits.toVisit}
            empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('worklists.toVisitDone')} />}
            rowKey={(h) => h.householdId}
            render={(h) => (
              <RowItem testId="to-visit-item">
                <Flex justify="space-between" align="center" gap={8} style={{ width: '100%' }}>
                  <div style={{ minWidth: 0 }}>
                    <Link to={`/households/${h.householdId}`}>
                      <Typography.Text strong>{h.headName ?? '—'}</Typography.Text>
                    </Link>{' '}
                    <Typography.Text type="secondary">{h.regionName}</Typography.Text>
                    <div>
                      <Typography.Text type={h.daysSinceLastVisit === null || h.daysSinceLastVisit > 30 ? 'danger' : 'secondary'}>
                        {h.daysSinceLastVisit === null
                          ? t('worklists.neverVisited')
                          : t('worklists.daysSince', { n: h.daysSinceLastVisit })}
                      </Typography.Text>
                    </div>
                  </div>
                  <Link to={`/visits/new?household=${h.householdId}`}>
                    <Button type="primary" icon={<SolutionOutlined />}>
                      {t('visits.record')}
                    </Button>
                  </Link>
                </Flex>
              </RowItem>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Flex vertical gap={16}>
          <Card size="small" title={t('worklists.diaryDue')} data-testid="diary-due">
            <Flex justify="space-between" align="center" gap={8} wrap>
              <Flex vertical>
                <Typography.Text
                  type={current.state === 'overdue' ? 'danger' : current.state === 'met' ? 'success' : undefined}
                  data-testid="diary-state"
                  data-state={current.state}
                >
                  {t(`worklists.diaryState.${current.state}`, { month: current.period.key, days: current.daysLeft })}
                </Typography.Text>
                {overdue && overdue.state !== 'met' && (
                  <Typography.Text type="danger" data-testid="diary-overdue">
                    {t('worklists.diaryState.overdue', { month: overdue.period.key })}
                  </Typography.Text>
                )}
              </Flex>
              {(current.state !== 'met' || (overdue && overdue.state !== 'met')) && (
                <Link to="/diaries">
                  <Button icon={<EditOutlined />}>{t('worklists.writeDiary')}</Button>
                </Link>
              )}
            </Flex>
            {w.drafts.length > 0 && (
              <Flex gap={4} wrap style={{ marginTop: 8 }}>
                <Typography.Text type="secondary">{t('worklists.drafts')}:</Typography.Text>
                {w.drafts.map((e) => (
                  <Link key={e.id} to={`/diaries/${e.id}`}>
                    <Tag color={statusColor[e.status]}>{e.month}</Tag>
                  </Link>
                ))}
              </Flex>
            )}
          </Card>
          <Card
            size="small"
            title={
              <Badge count={w.returned.length} offset={[12, 0]} size="small">
                {t('worklists.returned')}
              </Badge>
            }
            data-testid="returned"
          >
            {w.returned.length === 0 ? (
              <Typography.Text type="secondary">{t('worklists.noReturned')}</Typography.Text>
            ) : (
              <Rows
                items={w.returned}
                rowKey={(e) => e.id}
                render={(e) => (
                  <RowItem testId="returned-item">
                    <Link to={`/diaries/${e.id}`}>{e.month}</Link>
                    <Tag color={statusColor[e.status]}>{t(`diaries.status.${e.status}`)}</Tag>
                  </RowItem>
                )}
              />
            )}
          </Card>
        </Flex>
      </Col>
    </Row>
  );
}
