import { Button, Card, DatePicker, Flex, Space, Switch, Table, Tabs, Tooltip, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { queryString } from '../../api/download';
import { useDownload } from '../../app/useDownload';
import { RegionPicker } from '../regions/RegionPicker';
import { type AdminWork, useAdminWork } from './api';
import { CadenceLegend, CadenceTag } from './CadenceTag';

type Counts = AdminWork['totals'];

/**
 * 工作清单: each cadre's visits and diaries against their programmes' own cadence (met, on track,
 * due soon, overdue), by cadre, village and unit; the numbers link to what they count; .xlsx.
 */
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
  const behindLink = `/worklists?${new URLSearchParams({ ...(regionCode ? { regionCode } : {}), month, onlyBehind: 'true' }).toString()}`;
  const villageLink = (code: string) => `/worklists?${new URLSearchParams({ regionCode: code, month, onlyBehind: 'true' }).toString()}`;
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
        <DatePicker
          picker="month"
          value={dayjs(`${month}-01`)}
          allowClear={false}
          disabledDate={(d) => d.isAfter(dayjs(), 'month')}
          onChange={(d) => set('month', d ? d.format('YYYY-MM') : null)}
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
          {t('worklists.totalsLead', { month: w.month, cadres: w.totals.cadres })}
          <Link to={behindLink}>{t('worklists.totalsVisits', { n: w.totals.behindVisits })}</Link>
          {t('worklists.comma')}
          <Link to={behindLink}>{t('worklists.totalsDiary', { n: w.totals.behindDiary })}</Link>
          {t('worklists.comma')}
          {t('worklists.totalsHouseholds', { n: w.totals.householdsNotVisited })}
        </Typography.Paragraph>
      )}
      <CadenceLegend />
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
                scroll={{ x: 700 }}
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
                  {
                    key: 'visited',
                    title: t('worklists.visited'),
                    width: 170,
                    render: (_, c) =>
                      c.paired === 0 ? (
                        <Typography.Text type="secondary">{t('worklists.nothingOwed')}</Typography.Text>
                      ) : (
                        <Space size={4}>
                          <Tooltip title={t('worklists.visitedHint', { per: t(`worklists.per.${c.visitPer}`), n: c.visitRequired })}>
                            <Link to={`/cadres/${c.cadreId}?tab=households`}>{`${c.visited}/${c.paired}`}</Link>
                          </Tooltip>
                          <CadenceTag state={c.visitState} dueOn={c.visitDueOn} />
                        </Space>
                      ),
                  },
                  {
                    key: 'diaries',
                    title: t('worklists.diaries'),
                    width: 170,
                    render: (_, c) =>
                      c.diaryRequired === 0 ? (
                        <Typography.Text type="secondary">{t('worklists.nothingOwed')}</Typography.Text>
                      ) : (
                        <Space size={4}>
                          <Tooltip title={t('worklists.diaryHint', { per: t(`worklists.per.${c.diaryPer}`), from: c.diaryFrom })}>
                            <Link to={`/cadres/${c.cadreId}?tab=diaries`}>{`${c.diaries}/${c.diaryRequired}`}</Link>
                          </Tooltip>
                          <CadenceTag state={c.diaryState} dueOn={c.diaryDueOn} />
                        </Space>
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
                  {
                    key: 'v',
                    title: t('worklists.village'),
                    width: 110,
                    render: (_, r) => <Link to={villageLink(r.villageCode)}>{r.villageName ?? r.villageCode}</Link>,
                  },
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
