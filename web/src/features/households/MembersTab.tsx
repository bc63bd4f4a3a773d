import { useState } from 'react';
import { Button, Flex, Grid, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Household, Member } from '../../api/types';
import { ageOf } from './memberForm';
import { MemberDrawer } from './MemberDrawer';
import { MemberStatusModal } from './MemberStatusModal';

type Dialog = { kind: 'add' } | { kind: 'edit'; member: Member } | { kind: 'status'; member: Member } | null;

/** 家庭成员: the members, the head first; those who left or died stay listed, greyed. */
export function MembersTab({ household, editable, onStale }: { household: Household; editable: boolean; onStale: () => void }) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().sm === false;
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const coded = (v: string | null, ns: 'healths' | 'educations' | 'labours') =>
    v ? t(`members.${ns}.${v}` as 'members.healths.healthy') : dash;

  const who = (m: Member) => (
    <Space orientation="vertical" size={0}>
      <Space size={4} wrap>
        <Typography.Text strong delete={m.status !== 'active'}>
          {m.name}
        </Typography.Text>
        {m.relation === 'head' ? (
          <Tag color="blue">{t('members.relations.head')}</Tag>
        ) : (
          <Typography.Text type="secondary">{t(`members.relations.${m.relation}`)}</Typography.Text>
        )}
        {m.isPartyMember && <Tag color="red">{t('members.partyMember')}</Tag>}
        {m.status !== 'active' && <Tag>{t(`members.statuses.${m.status}`)}</Tag>}
      </Space>
      {phone && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[
            m.sex && t(`members.sexes.${m.sex}`),
            ageOf(m.birthDate, m.birthYear) !== null && t('members.ageValue', { age: ageOf(m.birthDate, m.birthYear) }),
            m.idNumber,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
      )}
    </Space>
  );

  const actions = (m: Member) =>
    editable ? (
      <Space size={0} orientation={phone ? 'vertical' : 'horizontal'} align={phone ? 'end' : undefined}>
        <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', member: m })} disabled={m.status !== 'active'}>
          {t('common.edit')}
        </Button>
        <Button type="link" size="small" onClick={() => setDialog({ kind: 'status', member: m })}>
          {m.status === 'active' ? t('members.leave') : t('members.comeBack')}
        </Button>
      </Space>
    ) : null;

  const columns: TableColumnsType<Member> = phone
    ? [
        { title: t('members.name'), key: 'who', render: (_v, m) => who(m) },
        ...(editable
          ? [{ title: t('common.actions'), key: 'actions', align: 'right' as const, render: (_v: unknown, m: Member) => actions(m) }]
          : []),
      ]
    : [
        { title: t('members.name'), key: 'who', render: (_v, m) => who(m) },
        { title: t('members.sex'), dataIndex: 'sex', render: (s: Member['sex']) => (s ? t(`members.sexes.${s}`) : dash) },
        {
          title: t('members.idNumber'),
          dataIndex: 'idNumber',
          render: (v: string | null) => (v ? <span style={{ fontFamily: 'monospace' }}>{v}</span> : dash),
        },
        {
          title: t('members.birthDate'),
          dataIndex: 'birthDate',
          // Roles that see ID numbers masked get the year only (the date would complete the mask).
          render: (d: string | null, m: Member) =>
            d ? t('members.birthWithAge', { date: d, age: ageOf(d) }) : m.birthYear ? t('members.birthWithAge', { date: String(m.birthYear), age: ageOf(null, m.birthYear) }) : dash,
        },
        { title: t('members.health'), dataIndex: 'health', render: (v: string | null) => coded(v, 'healths') },
        { title: t('members.education'), dataIndex: 'education', responsive: ['lg'], render: (v: string | null) => coded(v, 'educations') },
        {
          title: t('members.labourAbility'),
          dataIndex: 'labourAbility',
          responsive: ['lg'],
          render: (v: string | null) => coded(v, 'labours'),
        },
        { title: t('members.phone'), dataIndex: 'phone', responsive: ['md'], render: (v: string | null) => v ?? dash },
        ...(editable ? [{ title: t('common.actions'), key: 'actions', render: (_v: unknown, m: Member) => actions(m) }] : []),
      ];

  return (
    <>
      {editable && (
        <Flex justify="end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })}>
            {t('members.add')}
          </Button>
        </Flex>
      )}
      <Table<Member>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={household.members}
        pagination={false}
        scroll={phone ? undefined : { x: 'max-content' }}
        rowClassName={(m) => (m.status === 'active' ? '' : 'lh-row-inactive')}
      />
      {dialog?.kind === 'add' && <MemberDrawer householdId={household.id} open onClose={close} onStale={onStale} />}
      {dialog?.kind === 'edit' && (
        <MemberDrawer key={dialog.member.id} householdId={household.id} member={dialog.member} open onClose={close} onStale={onStale} />
      )}
      {dialog?.kind === 'status' && <MemberStatusModal household={household} member={dialog.member} onClose={close} onStale={onStale} />}
    </>
  );
}
