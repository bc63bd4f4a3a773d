import { useState } from 'react';
import { Button, DatePicker, Empty, Flex, Grid, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { BulbOutlined, PlusOutlined, StopOutlined, SwapOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePairings, type Pairing } from '../../api/pairings';
import type { Programme } from '../../api/programmes';
import { FilterBar, type FilterField } from '../../app/FilterBar';
import { AssistantModal } from './AssistantModal';
import { EndPairingModal } from './EndPairingModal';
import { HandoverModal } from './HandoverModal';
import { HelperSelect } from './HelperSelect';
import { PairingFormModal } from './PairingFormModal';
import { handRoles } from './pairingForm';
import { RuleCheckPanel } from './RuleCheckPanel';
import { usePairingFilters, type PairingFilters } from './usePairingFilters';

/** The target's name, linking to the household page for households. */
function TargetName({ p }: { p: Pairing }) {
  const name = p.targetName ?? p.targetId;
  return p.targetKind === 'household' ? <Link to={`/households/${p.targetId}?tab=helpers`}>{name}</Link> : <>{name}</>;
}

/** 结对看板: the rule check, then the programme's pairings (filters in the address), paired by hand or by the assistant, ended, handed over. */
export function PairingBoard({ programme, editable }: { programme: Programme; editable: boolean }) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().sm === false;
  const { filters, query, update, reset } = usePairingFilters(programme.id);
  const pairings = usePairings(query);
  const [dialog, setDialog] = useState<'pair' | 'assistant' | 'handover' | null>(null);
  const [ending, setEnding] = useState<Pairing | null>(null);

  const fields: FilterField<PairingFilters>[] = [
    { kind: 'region', key: 'regionCode', placeholder: t('pairings.region') },
    {
      kind: 'select',
      key: 'role',
      placeholder: t('pairings.role'),
      options: handRoles.map((r) => ({ value: r, label: t(`pairings.roles.${r}`) })),
    },
    {
      kind: 'custom',
      key: 'helperId',
      render: (f, change) => (
        <HelperSelect
          programmeId={programme.id}
          kind="cadre"
          allowClear
          style={{ width: '100%' }}
          value={f.helperId}
          onChange={(helperId) => change({ helperId })}
          placeholder={t('pairings.helper')}
        />
      ),
    },
    {
      kind: 'custom',
      key: 'activeOn',
      render: (f, change) => (
        <DatePicker
          style={{ width: '100%' }}
          placeholder={t('pairings.activeOn')}
          value={f.activeOn ? dayjs(f.activeOn) : null}
          onChange={(d) => change({ activeOn: d ? d.format('YYYY-MM-DD') : undefined })}
        />
      ),
    },
  ];

  const columns: TableColumnsType<Pairing> = [
    {
      title: t('pairings.helper'),
      key: 'helper',
      render: (_v, p) => (
        <Flex vertical>
          <Typography.Text strong>
            {p.helperKind === 'cadre' ? (
              <Link to={`/cadres/${p.helperId}`}>{p.helperName ?? p.helperId}</Link>
            ) : (
              (p.helperName ?? p.helperId)
            )}
          </Typography.Text>
          {phone && (
            <Typography.Text style={{ fontSize: 12 }}>
              → <TargetName p={p} /> · {t(`pairings.roles.${p.role}`)}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    ...((phone
      ? []
      : [
          { title: t('pairings.target'), key: 'target', render: (_v: unknown, p: Pairing) => <TargetName p={p} /> },
          {
            title: t('pairings.role'),
            key: 'role',
            render: (_v: unknown, p: Pairing) => (
              <Space size={4}>
                {t(`pairings.roles.${p.role}`)}
                {p.lead && p.role === 'several_to_one' && <Tag color="gold">{t('pairings.lead')}</Tag>}
                {p.roundNo !== null && <Tag>{t('programmes.rounds.noValue', { no: p.roundNo })}</Tag>}
              </Space>
            ),
          },
          { title: t('pairings.region'), key: 'region', render: (_v: unknown, p: Pairing) => p.regionName ?? p.regionCode },
          {
            title: t('pairings.startOn'),
            key: 'period',
            render: (_v: unknown, p: Pairing) => (p.endOn ? `${p.startOn} → ${p.endOn}` : p.startOn),
          },
        ]) as TableColumnsType<Pairing>),
    ...(editable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_v: unknown, p: Pairing) =>
              p.endOn ? (
                <Tag>{t('pairings.ended')}</Tag>
              ) : (
                <Button size="small" icon={<StopOutlined />} onClick={() => setEnding(p)}>
                  {t('pairings.end')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <RuleCheckPanel programmeId={programme.id} regionCode={filters.regionCode} />
      {editable && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('pair')}>
            {t('pairings.create')}
          </Button>
          <Button icon={<BulbOutlined />} onClick={() => setDialog('assistant')}>
            {t('pairings.assistant.button')}
          </Button>
          <Button icon={<SwapOutlined />} onClick={() => setDialog('handover')}>
            {t('pairings.handover.button')}
          </Button>
        </Space>
      )}
      <FilterBar fields={fields} filters={filters} onChange={update} onReset={reset} />
      <Table<Pairing>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={pairings.data?.items ?? []}
        loading={pairings.isFetching}
        locale={{ emptyText: <Empty description={t('pairings.empty')} /> }}
        scroll={phone ? undefined : { x: 'max-content' }}
        pagination={{
          current: filters.page,
          pageSize: 20,
          total: pairings.data?.total ?? 0,
          simple: phone,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (page) => update({ page }),
        }}
      />
      {dialog === 'pair' && <PairingFormModal programme={programme} onClose={() => setDialog(null)} />}
      {dialog === 'assistant' && (
        <AssistantModal programmeId={programme.id} regionCode={filters.regionCode} onClose={() => setDialog(null)} />
      )}
      {dialog === 'handover' && <HandoverModal programme={programme} onClose={() => setDialog(null)} />}
      {ending && <EndPairingModal pairing={ending} onClose={() => setEnding(null)} />}
    </>
  );
}
