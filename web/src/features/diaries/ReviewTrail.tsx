import { Empty, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Review } from './api';

const colors = { comment: 'blue', accept: 'green', return: 'orange' } as const;

/** The reviews of an entry, oldest first: who, what they did, what they wrote. */
export function ReviewTrail({ reviews }: { reviews: Review[] }) {
  const { t } = useTranslation();
  if (reviews.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('diaries.noReviews')} />;
  return (
    <Timeline
      data-testid="review-trail"
      items={reviews.map((r) => ({
        key: r.id,
        color: colors[r.action],
        content: (
          <>
            <Typography.Text strong>{r.reviewerName}</Typography.Text> <Tag color={colors[r.action]}>{t(`reviews.action.${r.action}`)}</Tag>
            <Typography.Text type="secondary">{dayjs(r.at).format('YYYY-MM-DD HH:mm')}</Typography.Text>
            {r.comment && <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{r.comment}</Typography.Paragraph>}
          </>
        ),
      }))}
    />
  );
}
