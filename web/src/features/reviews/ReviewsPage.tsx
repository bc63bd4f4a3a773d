import { App, Button, Card, Collapse, Descriptions, Empty, Flex, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../api/ids';
import { useCurrentUser } from '../../app/auth/useCurrentUser';
import { isAdmin } from '../../app/roles';
import { useApiError } from '../../app/useApiError';
import { useDrawSample, useReviewerWork, useSamples } from './api';
import { RowItem, Rows } from '../visits/Rows';

/** 日记查阅 / 调阅: entries awaiting my review, and the quarter's auditable random sample. */
export function ReviewsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const showError = useApiError();
  const work = useReviewerWork();
  const samples = useSamples();
  const draw = useDrawSample();
  const quarter = work.data?.quarter;
  const reviewedIn = new Map((work.data?.samples ?? []).map((s) => [s.id, new Map(s.entries.map((e) => [e.id, e.reviewed]))]));
  const thisQuarter = (samples.data ?? []).filter((s) => s.quarter === quarter);

  return (
    <Flex vertical gap={16}>
      <Card title={t('reviews.queue')}>
        <Rows
          loading={work.isPending}
          items={work.data?.awaiting ?? []}
          empty={t('reviews.queueEmpty')}
          rowKey={(e) => e.id}
          render={(e) => (
            <RowItem testId="awaiting-item" extra={<Link to={`/reviews/${e.id}`}>{t('reviews.read')}</Link>}>
              <Link to={`/reviews/${e.id}`}>
                <Typography.Text strong>
                  {e.cadreName} · {e.month}
                </Typography.Text>
              </Link>
              {e.submittedAt && (
                <div>
                  <Typography.Text type="secondary">
                    {t('reviews.submittedAt')} {dayjs(e.submittedAt).format('YYYY-MM-DD HH:mm')}
                  </Typography.Text>
                </div>
              )}
            </RowItem>
          )}
        />
      </Card>
      <Card
        title={t('reviews.samples')}
        extra={
          isAdmin(user.role) && quarter && thisQuarter.length === 0 ? (
            <Button
              onClick={() =>
                draw.mutate(
                  { id: uuidv7(), quarter },
                  { onSuccess: () => void message.success(t('reviews.drawn')), onError: (e) => showError(e) },
                )
              }
              loading={draw.isPending}
            >
              {t('reviews.draw', { quarter })}
            </Button>
          ) : null
        }
      >
        {(samples.data ?? []).length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reviews.sampleEmpty')} />
        ) : (
          <Flex vertical gap={16}>
            {(samples.data ?? []).map((s) => (
              <div key={s.id} data-testid="sample">
                <Descriptions
                  size="small"
                  column={1}
                  title={`${s.quarter} · ${t('reviews.population', { n: s.populationSize })}`}
                  items={[
                    {
                      key: 'by',
                      label: t('reviews.drawn'),
                      children: t('reviews.drawnBy', { name: s.drawnByName, at: dayjs(s.drawnAt).format('YYYY-MM-DD HH:mm') }),
                    },
                    {
                      key: 'verified',
                      label: '',
                      children: s.verified ? (
                        <Typography.Text type="success">
                          <CheckCircleOutlined /> {t('reviews.verified')}
                        </Typography.Text>
                      ) : (
                        <Typography.Text type="danger">
                          <ExclamationCircleOutlined /> {t('reviews.notVerified')}
                        </Typography.Text>
                      ),
                    },
                  ]}
                />
                <Space wrap style={{ marginTop: 8 }}>
                  {s.entries.map((e) => {
                    const read = reviewedIn.get(s.id)?.get(e.id);
                    return (
                      <Link key={e.id} to={`/reviews/${e.id}?sample=${s.id}`} data-testid="sample-entry">
                        <Tag color={read ? 'success' : 'default'}>
                          {t('reviews.sampleEntry', { name: e.cadreName, month: e.month })} ·{' '}
                          {read ? t('reviews.reviewed') : t('reviews.notReviewed')}
                        </Tag>
                      </Link>
                    );
                  })}
                </Space>
                <Collapse
                  ghost
                  size="small"
                  style={{ marginTop: 8 }}
                  items={[
                    {
                      key: 'how',
                      label: t('reviews.howDrawn'),
                      children: (
                        <>
                          <Typography.Paragraph>
                            {t('reviews.howDrawnText', { n: s.populationSize, k: s.entryIds.length })}
                          </Typography.Paragraph>
                          <Descriptions
                            size="small"
                            column={1}
                            items={[
                              {
                                key: 'seed',
                                label: t('reviews.seed'),
                                children: (
                                  <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                                    {s.seed}
                                  </Typography.Text>
                                ),
                              },
                              {
                                key: 'digest',
                                label: t('reviews.digest'),
                                children: <Typography.Text style={{ wordBreak: 'break-all' }}>{s.populationDigest}</Typography.Text>,
                              },
                            ]}
                          />
                        </>
                      ),
                    },
                  ]}
                />
              </div>
            ))}
          </Flex>
        )}
      </Card>
    </Flex>
  );
}
