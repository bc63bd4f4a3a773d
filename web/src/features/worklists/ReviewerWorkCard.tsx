import { Card, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useReviewerWork } from '../reviews/api';
import { RowItem, Rows } from '../visits/Rows';

/** The reviewer's home card: entries awaiting my review. */
export function ReviewerWorkCard() {
  const { t } = useTranslation();
  const work = useReviewerWork();
  const awaiting = work.data?.awaiting ?? [];
  return (
    <Card
      size="small"
      title={t('worklists.reviewerQueue', { n: awaiting.length })}
      loading={work.isPending}
      extra={<Link to="/reviews">{t('reviews.title')}</Link>}
      data-testid="reviewer-work"
    >
      <Rows
        items={awaiting}
        empty={t('reviews.queueEmpty')}
        rowKey={(e) => e.id}
        render={(e) => (
          <RowItem testId="reviewer-work-item">
            <Flex justify="space-between" gap={8} wrap style={{ width: '100%' }}>
              <Link to={`/reviews/${e.id}`}>{t('worklists.entryOf', { name: e.cadreName, month: e.month })}</Link>
              {e.submittedAt && (
                <Typography.Text type="secondary">{t('worklists.submittedAt', { at: dayjs(e.submittedAt).format('YYYY-MM-DD HH:mm') })}</Typography.Text>
              )}
            </Flex>
          </RowItem>
        )}
      />
    </Card>
  );
}
