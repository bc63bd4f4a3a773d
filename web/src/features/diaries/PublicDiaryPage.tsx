import { Card, Empty, Flex, Pagination, Skeleton, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { Logo } from '../../app/Logo';
import { EntryBody } from './EntryBody';

/** Public (no login): the published diary entries, personal data taken out, newest first. */
export function PublicDiaryPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '1') || 1;
  const list = useQuery({
    queryKey: ['public-diary', page],
    queryFn: () => data(api.GET('/api/public/diary', { params: { query: { page, pageSize: 10 } } })),
  });
  return (
    <div style={{ maxWidth: 760, margin: '0 auto', padding: 16 }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Flex align="center" gap={8}>
          <Logo size={32} />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('diaries.publicPage')}
          </Typography.Title>
        </Flex>
        <LanguageSwitch />
      </Flex>
      <Typography.Paragraph type="secondary">{t('diaries.publicIntro')}</Typography.Paragraph>
      {list.isPending ? (
        <Skeleton active />
      ) : (list.data?.items.length ?? 0) === 0 ? (
        <Empty description={t('diaries.publicEmpty')} />
      ) : (
        <Flex vertical gap={16}>
          {list.data!.items.map((e) => (
            <Card
              key={e.id}
              size="small"
              title={`${e.cadreName} · ${e.month}`}
              extra={<Typography.Text type="secondary">{e.regionName}</Typography.Text>}
              data-testid="public-entry"
            >
              <EntryBody html={e.body} />
              <Typography.Text type="secondary">{dayjs(e.publishedAt).format('YYYY-MM-DD')}</Typography.Text>
            </Card>
          ))}
          {(list.data?.total ?? 0) > 10 && (
            <Pagination
              simple
              current={page}
              pageSize={10}
              total={list.data?.total ?? 0}
              onChange={(p) => setParams({ page: String(p) })}
              style={{ textAlign: 'center' }}
            />
          )}
        </Flex>
      )}
    </div>
  );
}
