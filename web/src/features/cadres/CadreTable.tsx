import { Badge, Grid, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Cadre, CadrePage } from '../../api/types';

interface Props {
  page?: CadrePage;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}

export function CadreTable({ page, loading, onPage }: Props) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().sm === false;
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const status = (c: Cadre) => <Badge status={c.status === 'active' ? 'success' : 'default'} text={t(`cadres.statuses.${c.status}`)} />;
  const branch = (c: Cadre) =>
    c.branchName ? `${c.branchName}${c.branchRole ? `（${t(`cadres.branchRoles.${c.branchRole}`)}）` : ''}` : null;

  const columns: TableColumnsType<Cadre> = [
    {
      title: t('cadres.name'),
      key: 'name',
      render: (_v, c) => (
        <Space orientation="vertical" size={0}>
          <Space size={4} wrap>
            <Link to={`/cadres/${c.id}`} style={{ fontWeight: 600 }}>
              {c.name}
            </Link>
            {c.userId && <Tag color="blue">{t('cadres.hasAccount')}</Tag>}
          </Space>
          {c.title && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.title}
            </Typography.Text>
          )}
          {phone && (
            <>
              <Typography.Text style={{ fontSize: 12 }}>
                {[t(`cadres.ranks.${c.rank}`), c.unitName, c.regionName].filter(Boolean).join(' · ')}
              </Typography.Text>
              {c.status !== 'active' && status(c)}
            </>
          )}
        </Space>
      ),
    },
    ...((phone
      ? []
      : [
          { title: t('cadres.rank'), dataIndex: 'rank', render: (r: Cadre['rank']) => t(`cadres.ranks.${r}`) },
          { title: t('cadres.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? dash },
          { title: t('cadres.branch'), key: 'branch', responsive: ['lg'], render: (_v: unknown, c: Cadre) => branch(c) ?? dash },
          { title: t('cadres.region'), key: 'region', render: (_v: unknown, c: Cadre) => c.regionName ?? c.regionCode },
          { title: t('cadres.phone'), dataIndex: 'phone', responsive: ['md'], render: (v: string | null) => v ?? dash },
          { title: t('cadres.status'), key: 'status', render: (_v: unknown, c: Cadre) => status(c) },
        ]) as TableColumnsType<Cadre>),
  ];

  return (
    <Table<Cadre>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      scroll={phone ? undefined : { x: 'max-content' }}
      pagination={{
        current: page?.page ?? 1,
        pageSize: page?.pageSize ?? 20,
        total: page?.total ?? 0,
        showSizeChanger: !phone,
        simple: phone,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (total) => t('common.total', { count: total }),
        onChange: onPage,
      }}
    />
  );
}
