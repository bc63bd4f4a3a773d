import { useState } from 'react';
import { App, Button, Flex, Form, Grid, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useParticipants, useUpdateParticipant, type Participant, type Programme } from '../../api/programmes';
import { useApiError } from '../../app/useApiError';
import { EnrolModal } from './EnrolModal';

function EditParticipantModal({
  participant: p,
  onClose,
  onStale,
}: {
  participant: Participant;
  onClose: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ tags: string[]; capacity?: number | null }>();
  const update = useUpdateParticipant();
  const showError = useApiError();
  const submit = async () => {
    const v = await form.validateFields();
    update.mutate(
      { id: p.id, version: p.version, tags: v.tags, capacity: v.capacity ?? null },
      {
        onSuccess: () => (void message.success(t('app.saved')), onClose()),
        onError: (e) => showError(e, { form, onStale: () => (onStale(), onClose()) }),
      },
    );
  };
  return (
    <Modal
      open
      title={t('programmes.participant.editTitle', { name: p.subjectName ?? '' })}
      onCancel={onClose}
      onOk={() => void submit().catch(() => {})}
      okText={t('common.save')}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ tags: p.tags, capacity: p.capacity }}>
        <Form.Item name="tags" label={t('programmes.enrol.tags')} extra={t('programmes.enrol.tagsHelp')}>
          <Select
            mode="tags"
            options={(['capable', 'unit_head'] as const).map((tag) => ({ value: tag, label: t(`programmes.tagNames.${tag}`) }))}
          />
        </Form.Item>
        <Form.Item name="capacity" label={t('programmes.enrol.capacity')}>
          <InputNumber min={0} max={1000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 参与干部: who takes part (cadres, units, branches), with tags, capacity and their open household pairings. */
export function ParticipantsTab({ programme, editable, onStale }: { programme: Programme; editable: boolean; onStale: () => void }) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().sm === false;
  const [page, setPage] = useState(1);
  const participants = useParticipants(programme.id, { page, pageSize: 20, current: 'true' });
  const [enrolling, setEnrolling] = useState(false);
  const [editing, setEditing] = useState<Participant | null>(null);
  const tagText = (tag: string) => t(`programmes.tagNames.${tag}`, { defaultValue: tag });
  const rank = (p: Participant) =>
    p.rank
      ? t(`cadres.ranks.${p.rank}` as 'cadres.ranks.village')
      : t(`programmes.subjects.${p.subjectKind === 'unit' ? 'unit' : 'branch'}`);

  const columns: TableColumnsType<Participant> = [
    {
      title: t('programmes.participant.name'),
      key: 'name',
      render: (_v, p) => (
        <Flex vertical>
          <Space size={4} wrap>
            <Typography.Text strong>{p.subjectName ?? '—'}</Typography.Text>
            {p.tags.map((tag) => (
              <Tag key={tag} color="blue">
                {tagText(tag)}
              </Tag>
            ))}
          </Space>
          {phone && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[rank(p), p.regionName, `${t('programmes.participant.households')} ${p.activeHouseholds}`].filter(Boolean).join(' · ')}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    ...((phone
      ? []
      : [
          { title: t('programmes.participant.rank'), key: 'rank', render: (_v: unknown, p: Participant) => rank(p) },
          {
            title: t('programmes.participant.region'),
            key: 'region',
            render: (_v: unknown, p: Participant) => p.regionName ?? p.regionCode,
          },
          {
            title: t('programmes.participant.households'),
            key: 'households',
            render: (_v: unknown, p: Participant) => (p.capacity !== null ? `${p.activeHouseholds} / ${p.capacity}` : p.activeHouseholds),
          },
          { title: t('programmes.participant.since'), dataIndex: 'startOn' },
        ]) as TableColumnsType<Participant>),
    ...(editable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 64,
            render: (_v: unknown, p: Participant) => (
              <Button type="link" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(p)} />
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      {editable && (
        <Button type="primary" icon={<UserAddOutlined />} onClick={() => setEnrolling(true)} style={{ marginBottom: 12 }}>
          {t('programmes.enrol.button')}
        </Button>
      )}
      <Table<Participant>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={participants.data?.items ?? []}
        loading={participants.isFetching}
        pagination={{
          current: page,
          pageSize: 20,
          total: participants.data?.total ?? 0,
          simple: phone,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: setPage,
        }}
      />
      {enrolling && <EnrolModal programme={programme} onClose={() => setEnrolling(false)} />}
      {editing && <EditParticipantModal participant={editing} onClose={() => setEditing(null)} onStale={onStale} />}
    </>
  );
}
