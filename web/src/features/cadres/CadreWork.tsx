import { Card, Descriptions, Flex, Table, Tabs, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { usePairings } from '../../api/pairings';
import { statusColor, useEntries } from '../diaries/api';
import { useVisits } from '../visits/api';

const tabs = ['households', 'visits', 'diaries'] as const;
type Tab = (typeof tabs)[number];

/** A cadre's work: this month's standing, their households and villages, recent visits, diaries and their review state. */
export function CadreWork({ cadreId }: { cadreId: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = tabs.includes(params.get('tab') as Tab) ? (params.get('tab') as Tab) : 'households';
  const work = useQuery({
    queryKey: ['worklists', 'cadre', cadreId],
    queryFn: () => data(api.GET('/api/worklists/cadre', { params: { query: { cadreId } } })),
    retry: false,
  });
  const pairings = usePairings({ helperKind: 'cadre', helperId: cadreId, open: 'true', pageSize: 100 });
  const visits = useVisits({ cadreId, pageSize: 10 });
  const entries = useEntries({ cadreId, pageSize: 24 });
  const w = work.data;

  return (
    <>
      <Card size="small" title={t('cadres.work.month')} style={{ marginTop: 16 }} loading={work.isPending} data-testid="cadre-month">
        {w ? (
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 3 }}
            items={[
              {
                key: 'visits',
                label: t('cadres.work.visits'),
                children: t('worklists.visitedOf', { done: w.visits.done, all: w.visits.households, due: w.visits.dueOn }),
              },
              {
                key: 'diary',
                label: t('cadres.work.diary'),
                children:
                  w.diary.current.state === 'met'
                    ? t('worklists.diaryState.met')
                    : t('worklists.diaryState.due', { month: w.diary.current.period.key, days: w.diary.current.daysLeft }),
              },
              { key: 'returned', label: t('worklists.returned'), children: w.returned.length },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">{t('cadres.work.none')}</Typography.Text>
        )}
      </Card>
      <Card style={{ marginTop: 16 }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            const next = new URLSearchParams(params);
            next.set('tab', k);
            setParams(next, { replace: true });
          }}
          items={[
            {
              key: 'households',
              label: t('cadres.work.households', { n: pairings.data?.total ?? 0 }),
              children: (
                <Table
                  size="small"
                  rowKey="id"
                  loading={pairings.isPending}
                  dataSource={pairings.data?.items ?? []}
                  pagination={false}
                  scroll={{ x: 520 }}
                  columns={[
                    {
                      key: 'target',
                      title: t('cadres.work.target'),
                      render: (_, p) =>
                        p.targetKind === 'household' ? (
                          <Link to={`/households/${p.targetId}`}>{p.targetName ?? '—'}</Link>
                        ) : p.targetKind === 'village' || p.targetKind === 'township' ? (
                          <Link to={`/regions/${p.targetId}`}>{p.targetName ?? p.targetId}</Link>
                        ) : (
                          (p.targetName ?? '—')
                        ),
                    },
                    { key: 'role', title: t('pairings.role'), render: (_, p) => t(`pairings.roles.${p.role}`) },
                    { key: 'place', title: t('households.region'), render: (_, p) => p.regionName ?? '—' },
                    { key: 'start', title: t('pairings.startOn'), dataIndex: 'startOn' },
                  ]}
                />
              ),
            },
            {
              key: 'visits',
              label: t('cadres.work.recentVisits'),
              children: (
                <Table
                  size="small"
                  rowKey="id"
                  loading={visits.isPending}
                  dataSource={visits.data?.items ?? []}
                  pagination={false}
                  scroll={{ x: 480 }}
                  columns={[
                    { key: 'day', title: t('visits.visitedOn'), render: (_, v) => <Link to={`/visits/${v.id}`}>{v.visitedOn}</Link> },
                    { key: 'kind', title: t('visits.kind'), dataIndex: 'kindName' },
                    {
                      key: 'who',
                      title: t('visits.households'),
                      render: (_, v) =>
                        v.households.length
                          ? v.households.map((h, i) => (
                              <span key={h.id}>
                                {i > 0 && '、'}
                                <Link to={`/households/${h.id}`}>{h.headName ?? '—'}</Link>
                              </span>
                            ))
                          : (v.regionName ?? '—'),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'diaries',
              label: t('cadres.work.diaries'),
              children: (
                <Table
                  size="small"
                  rowKey="id"
                  loading={entries.isPending}
                  dataSource={entries.data?.items ?? []}
                  pagination={false}
                  columns={[
                    { key: 'month', title: t('diaries.month'), render: (_, e) => <Link to={`/reviews/${e.id}`}>{e.month}</Link> },
                    {
                      key: 'status',
                      title: t('cadres.work.reviewState'),
                      render: (_, e) => (
                        <Flex gap={4}>
                          <Tag color={statusColor[e.status]}>{t(`diaries.status.${e.status}`)}</Tag>
                          {e.published && <Tag color="purple">{t('diaries.published')}</Tag>}
                        </Flex>
                      ),
                    },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
