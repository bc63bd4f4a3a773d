import { useState } from 'react';
import { Badge, Button, Card, Flex, Grid, Input, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useProgrammes, type ProgrammeSummary } from '../../api/programmes';
import { useCurrentUser } from '../../app/auth/useCurrentUser';
import { isAdmin } from '../../app/roles';
import { CreateFromTemplateModal } from './CreateFromTemplateModal';
import { periodText } from './periodText';

const statusBadge = { draft: 'default', active: 'processing', closed: 'default' } as const;

/** 帮扶活动: the programmes running in my area (or above it), and 从模板新建 for administrators. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().sm === false;
  const [params, setParams] = useSearchParams();
  const q = params.get('q') || undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const programmes = useProgrammes({ page, pageSize: 20, ...(q ? { q } : {}) });
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<ProgrammeSummary> = [
    {
      title: t('programmes.name'),
      key: 'name',
      render: (_v, p) => (
        <Flex vertical>
          <Link to={`/programmes/${p.id}`} style={{ fontWeight: 600 }}>
            {p.name}
          </Link>
          {phone && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[p.regionName ?? p.regionCode, periodText(p.period, t)].join(' · ')}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    ...((phone
      ? []
      : [
          { title: t('programmes.region'), key: 'region', render: (_v: unknown, p: ProgrammeSummary) => p.regionName ?? p.regionCode },
          { title: t('programmes.period'), key: 'period', render: (_v: unknown, p: ProgrammeSummary) => periodText(p.period, t) },
        ]) as TableColumnsType<ProgrammeSummary>),
    {
      title: t('programmes.status'),
      key: 'status',
      render: (_v, p) => <Badge status={statusBadge[p.status]} text={t(`programmes.statuses.${p.status}`)} />,
    },
  ];

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('programmes.title')}
        </Typography.Title>
        {isAdmin(user.role) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('programmes.fromTemplate')}
          </Button>
        )}
      </Flex>
      <Input.Search
        allowClear
        defaultValue={q}
        placeholder={t('programmes.searchPlaceholder')}
        style={{ maxWidth: 360, marginBottom: 16 }}
        onSearch={(v) => setParams(v.trim() ? { q: v.trim() } : {}, { replace: true })}
      />
      <Table<ProgrammeSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={programmes.data?.items ?? []}
        loading={programmes.isFetching}
        pagination={{
          current: page,
          pageSize: 20,
          total: programmes.data?.total ?? 0,
          simple: phone,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (p) => setParams({ ...(q ? { q } : {}), ...(p > 1 ? { page: String(p) } : {}) }, { replace: true }),
        }}
      />
      {creating && <CreateFromTemplateModal onClose={() => setCreating(false)} onCreated={(p) => void navigate(`/programmes/${p.id}`)} />}
    </Card>
  );
}
