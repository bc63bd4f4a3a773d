import { Badge, Grid, Space, Table, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { HouseholdListItem, HouseholdPage, HouseholdSort, HouseholdStatus } from '../../api/types';
import { formatYuan } from '../../app/money';
import { CategoryTags } from './CategoryTags';
import type { HouseholdFilters } from './useHouseholdFilters';

interface Props {
  page?: HouseholdPage;
  loading: boolean;
  filters: HouseholdFilters;
  onChange: (f: Partial<HouseholdFilters>) => void;
}

export const statusBadge: Record<HouseholdStatus, 'success' | 'default' | 'warning' | 'error'> = {
  active: 'success',
  moved: 'warning',
  merged: 'default',
  dissolved: 'error',
};

const place = (h: HouseholdListItem) => [h.villageName, h.groupName].filter(Boolean).join(' · ') || h.regionCode;

/** The households of the page; sorting is done by the server (by village, head, income or last change). */
export function HouseholdTable({ page, loading, filters, onChange }: Props) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().sm === false;
  const sorted = (key: HouseholdSort) => (filters.sort === key ? (filters.order === 'asc' ? 'ascend' : 'descend') : null);
  const status = (s: HouseholdStatus) => <Badge status={statusBadge[s]} text={t(`households.statuses.${s}`)} />;
  const income = (h: HouseholdListItem) =>
    h.income ? (
      <Space orientation="vertical" size={0}>
        <Typography.Text>{formatYuan(h.income.perCapitaNetFen)}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {h.income.year}
        </Typography.Text>
      </Space>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );

  const head: TableColumnsType<HouseholdListItem>[number] = {
    title: t('households.head'),
    key: 'headName',
    sorter: true,
    sortOrder: sorted('headName'),
    render: (_v, h) => (
      <Space orientation="vertical" size={0}>
        <Link to={`/households/${h.id}`} style={{ fontWeight: 600 }}>
          {h.headName ?? '—'}
        </Link>
        {h.householdNo && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {h.householdNo}
          </Typography.Text>
        )}
        {phone && (
          <>
            <Typography.Text style={{ fontSize: 12 }}>
              {place(h)} · {t('households.memberCount', { count: h.memberCount })}
            </Typography.Text>
            <CategoryTags codes={h.categories} />
            {h.status !== 'active' && status(h.status)}
          </>
        )}
      </Space>
    ),
  };

  const columns: TableColumnsType<HouseholdListItem> = phone
    ? [head, { title: t('households.income'), key: 'income', align: 'right', render: (_v, h) => income(h) }]
    : [
        head,
        { title: t('households.region'), key: 'village', sorter: true, sortOrder: sorted('village'), render: (_v, h) => place(h) },
        { title: t('households.members'), dataIndex: 'memberCount', align: 'right', render: (n: number) => n },
        {
          title: t('households.helpersColumn'),
          key: 'helpers',
          render: (_v, h) =>
            h.helpers.length
              ? h.helpers.map((c, i) => (
                  <span key={c.cadreId}>
                    {i > 0 && '、'}
                    <Link to={`/cadres/${c.cadreId}`}>{c.name}</Link>
                  </span>
                ))
              : '—',
        },
        { title: t('households.categories'), key: 'categories', render: (_v, h) => <CategoryTags codes={h.categories} /> },
        {
          title: t('households.povertyCauses'),
          key: 'causes',
          responsive: ['lg'],
          render: (_v, h) => <CategoryTags codes={h.povertyCauses} plain />,
        },
        {
          title: t('households.income'),
          key: 'income',
          align: 'right',
          sorter: true,
          sortOrder: sorted('income'),
          render: (_v, h) => income(h),
        },
        { title: t('households.headIdNumber'), dataIndex: 'headIdNumber', responsive: ['xl'], render: (v: string | null) => v ?? '—' },
        { title: t('households.phone'), dataIndex: 'phone', responsive: ['lg'], render: (v: string | null) => v ?? '—' },
        { title: t('households.status'), dataIndex: 'status', render: status },
        {
          title: t('households.updatedAt'),
          key: 'updated',
          responsive: ['xl'],
          sorter: true,
          sortOrder: sorted('updated'),
          render: (_v, h) => dayjs(h.updatedAt).format('YYYY-MM-DD'),
        },
      ];

  const onTableChange: TableProps<HouseholdListItem>['onChange'] = (pagination, _f, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = s?.order ? (s.columnKey as HouseholdSort) : 'village';
      onChange({ sort: key, order: s?.order === 'descend' ? 'desc' : 'asc' });
    } else if (extra.action === 'paginate') {
      onChange({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 });
    }
  };

  return (
    <Table<HouseholdListItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      onChange={onTableChange}
      scroll={phone ? undefined : { x: 'max-content' }}
      showSorterTooltip={false}
      pagination={{
        current: page?.page ?? filters.page,
        pageSize: page?.pageSize ?? filters.pageSize,
        total: page?.total ?? 0,
        showSizeChanger: !phone,
        simple: phone,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (total) => t('common.total', { count: total }),
      }}
    />
  );
}
