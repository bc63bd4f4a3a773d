import { Button, Card, Flex, Input, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { queryString } from '../../api/download';
import { useDownload } from '../../app/useDownload';
import { RegionPicker } from '../regions/RegionPicker';
import { type AdminWork, useAdminWork } from './api';

type Counts = AdminWork['totals'];

/** 工作清单 (administrators): cadres behind on visits or diaries, by cadre, village and unit; .xlsx. */
export function AdminWorklistPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { download, pending } = useDownload();
  const thisMonth = dayjs().format('YYYY-MM');
  const month = params.get('month') ?? thisMonth;
  const onlyBehind = params.get('onlyBehind') === 'true';
  const regionCode = params.get('regionCode') ?? undefined;
  const query = { month, ...(regionCode ? { regionCode } : {}), ...(onlyBehind ? { onlyBehind: 'true' as const } : {}) };
  const work = useAdminWork(query);
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const w = work.data;
  const countColumns = [
    { key: 'cadres', dataIndex: 'cadres', title: t('worklists.cadresCount'), width: 80 },
    { key: 'bv', dataIndex: 'behindVisits', title: t('worklists.behindVisits'), width: 90 },
    { key: 'bd', dataIndex: 'behindDiary', title: t('worklists.behindDiary'), width: 90 },
    { key: 'h', dataIndex: 'householdsNotVisited', title: t('worklists.notVisited'), width: 90 },
  ];

  return (
    <Card
      title={t('worklists.adminTitle')}
      extra={
        <Button
          icon={<DownloadOutlined />}
          loading={pending !== null}
          onClick={() => void download(`/api/worklists/admin.xlsx${queryString(query)}`, 'worklist.xlsx', { announce: true })}
        >
          {t('worklists.export')}
        </Button>
      }
    >
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Input
          type="month"
          value={month}
          max={thisMonth}
          onChange={(e) => set('month', e.target.value || null)}
          style={{ width: 160 }}
          aria-label={t('diaries.month')}
        />
        <RegionPicker
          value={regionCode}
          onChange={(code) => set('regionCode', code ?? null)}
          placeholder={t('worklists.region')}
          allowClear
          style={{ width: 220, maxWidth: '100%' }}
        />
        <Flex gap={6} align="center">
          <Switch checked={onlyBehind} onChange={(v) => set('onlyBehind', v ? 'true' : null)} aria-label={t('worklists.onlyBehind')} />
          <Typography.Text>{t('worklists.onlyBehind')}</Typography.Text>
        </Flex>
      </Flex>
      {w && (
        <Typography.Paragraph data-testid="admin-totals">
          {t('worklists.totals', {
            month: w.month,
            cadres: w.totals.cadres,
            v: w.totals.behindVisits,
            d: w.totals.behindDiary,
            h: w.totals.householdsNotVisited,
          })}
        </Typography.Paragraph>
      )}
      <Tabs
        items={[
          {
            key: 'cadre',
            label: t('worklists.byCadre'),
            children: (
              <Table
                size="small"
                rowKey="cadreId"
                loading={work.isFetching}
                dataSource={w?.cadres ?? []}
                scroll={{ x: 720 }}
                pagination={{ pageSize: 20, simple: true }}
                columns={[
                  {
                    key: 'name',
                    title: t('worklists.cadre'),
                    fixed: 'left',
                    width: 100,
                    render: (_, c) => <Link to={`/cadres/${c.cadreId}`}>{c.cadreName}</Link>,
                  },
                  { key: 'village', title: t('worklists.village'), width: 100, render: (_, c) => c.villageName ?? c.villageCode },
                  { key: 'unit', title: t('worklists.unit'), width: 140, render: (_, c) => c.unitName ?? c.branchName ?? '—' },
                  { key: 'visited', title: t('worklists.visited'), width: 90, render: (_, c) => `${c.visited}/${c.paired}` },
                  { key: 'diaries', title: t('worklists.diaries'), width: 80, render: (_, c) => `${c.diaries}/${c.diaryRequired}` },
                  {
                    key: 'behind',
                    title: '',
                    width: 160,
                    render: (_, c) => (
                      <>
                        {c.behindVisits && <Tag color="orange">{t('worklists.behindVisits')}</Tag>}
                        {c.behindDiary && <Tag color="red">{t('worklists.behindDiary')}</Tag>}
                      </>
                    ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'village',
            label: t('worklists.byVillage'),
            children: (
              <Table<Counts & { villageCode: string; villageName: string | null }>
                size="small"
                rowKey="villageCode"
                dataSource={w?.byVillage ?? []}
                scroll={{ x: 460 }}
                pagination={false}
                columns={[
                  { key: 'v', title: t('worklists.village'), width: 110, render: (_, r) => r.villageName ?? r.villageCode },
                  ...countColumns,
                ]}
              />
            ),
          },
          {
            key: 'unit',
            label: t('worklists.byUnit'),
            children: (
              <Table<Counts & { unitId: string | null; unitName: string | null }>
                size="small"
                rowKey={(r) => r.unitId ?? '-'}
                dataSource={w?.byUnit ?? []}
                scroll={{ x: 480 }}
                pagination={false}
                columns={[{ key: 'u', title: t('worklists.unit'), width: 130, render: (_, r) => r.unitName ?? '—' }, ...countColumns]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
