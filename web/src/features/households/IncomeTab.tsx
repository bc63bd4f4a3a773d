import { useState } from 'react';
import { Button, Empty, Flex, Grid, Spin, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useIncomes } from '../../api/households';
import type { Household, Income } from '../../api/types';
import { formatYuan } from '../../app/money';
import { IncomeModal } from './IncomeModal';

/** 收入: income by year with the per-capita net income and its change on the year before. */
export function IncomeTab({ household, editable, onStale }: { household: Household; editable: boolean; onStale: () => void }) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().sm === false;
  const incomes = useIncomes(household.id);
  const [dialog, setDialog] = useState<{ income?: Income } | null>(null);
  const rows = [...(incomes.data ?? [])].sort((a, b) => b.year - a.year);
  const previous = (i: Income) => rows.find((r) => r.year === i.year - 1);
  const active = household.members.filter((m) => m.status === 'active').length;

  const trend = (i: Income) => {
    const p = previous(i);
    if (!p) return null;
    const diff = i.perCapitaNetFen - p.perCapitaNetFen;
    if (diff === 0) return null;
    const up = diff > 0;
    return (
      <Typography.Text type={up ? 'success' : 'danger'} style={{ fontSize: 12 }}>
        {up ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {formatYuan(Math.abs(diff))}
      </Typography.Text>
    );
  };

  const columns: TableColumnsType<Income> = [
    { title: t('incomes.year'), dataIndex: 'year' },
    ...((phone
      ? []
      : [
          { title: t('incomes.totalIncome'), dataIndex: 'incomeFen', align: 'right', render: (f: number) => formatYuan(f) },
          { title: t('incomes.totalCost'), dataIndex: 'costFen', align: 'right', render: (f: number) => formatYuan(f) },
          { title: t('incomes.memberCount'), dataIndex: 'memberCount', align: 'right' },
        ]) as TableColumnsType<Income>),
    {
      title: t('incomes.perCapitaNet'),
      key: 'net',
      align: 'right',
      render: (_v, i) => (
        <Flex vertical align="end">
          <Typography.Text strong>{formatYuan(i.perCapitaNetFen)}</Typography.Text>
          {trend(i)}
        </Flex>
      ),
    },
    ...(editable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_v: unknown, i: Income) => (
              <Button type="link" size="small" onClick={() => setDialog({ income: i })}>
                {t('incomes.editYear')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  if (incomes.isPending) return <Spin />;
  return (
    <>
      {editable && (
        <Flex justify="end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({})}>
            {t('incomes.record')}
          </Button>
        </Flex>
      )}
      {rows.length === 0 ? (
        <Empty description={t('incomes.none')} />
      ) : (
        <Table<Income>
          rowKey="year"
          size="middle"
          columns={columns}
          dataSource={rows}
          pagination={false}
          expandable={{
            expandedRowRender: (i) => (
              <Flex vertical gap={4}>
                {i.items.map((it, k) => (
                  <Flex key={k} justify="space-between" gap={16} style={{ maxWidth: 480 }}>
                    <Typography.Text type={it.kind === 'cost' ? 'secondary' : undefined}>
                      {t(`incomes.kinds.${it.kind}`)} · {t(`incomes.categories.${it.category}`)}
                      {it.label ? `（${it.label}）` : ''}
                    </Typography.Text>
                    <Typography.Text>{(it.kind === 'cost' ? '-' : '') + formatYuan(it.amountFen)}</Typography.Text>
                  </Flex>
                ))}
              </Flex>
            ),
          }}
        />
      )}
      {dialog && (
        <IncomeModal
          householdId={household.id}
          income={dialog.income}
          recordedYears={rows.map((r) => r.year)}
          activeMembers={active}
          onClose={() => setDialog(null)}
          onStale={onStale}
        />
      )}
    </>
  );
}
