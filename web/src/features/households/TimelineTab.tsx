import { Empty, Spin, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useTimeline } from '../../api/households';

/** 动态: the household's dated history, newest first (visits, problems and help will join it). */
export function TimelineTab({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const timeline = useTimeline(householdId);
  if (timeline.isPending) return <Spin />;
  const items = timeline.data ?? [];
  if (items.length === 0) return <Empty description={t('timeline.empty')} />;
  return (
    <Timeline
      style={{ marginTop: 8 }}
      items={items.map((e, i) => ({
        key: `${e.entityId}-${e.at}-${i}`,
        title: e.on,
        content: (
          <>
            <Typography.Text>{e.summary}</Typography.Text>
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[e.actorName && t('timeline.by', { name: e.actorName }), dayjs(e.at).format('YYYY-MM-DD HH:mm')].filter(Boolean).join(' · ')}
            </Typography.Text>
          </>
        ),
      }))}
    />
  );
}
