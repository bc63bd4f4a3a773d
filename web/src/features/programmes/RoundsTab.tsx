import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Empty, Flex, Form, Input, InputNumber, Modal, Row, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../api/ids';
import { useAddRound, useUpdateRound, type Programme, type Round } from '../../api/programmes';
import { useApiError } from '../../app/useApiError';
import { periodText } from './periodText';

interface Values {
  no: number;
  name: string;
  startOn: Dayjs;
  endOn: Dayjs;
  plannedCount?: number | null;
}

function RoundModal({
  programme,
  round,
  onClose,
  onStale,
}: {
  programme: Programme;
  round: Round | null;
  onClose: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [id] = useState(() => uuidv7());
  const add = useAddRound();
  const update = useUpdateRound();
  const showError = useApiError();
  const nextNo = Math.max(0, ...programme.rounds.map((r) => r.no)) + 1;

  const submit = async () => {
    const v = await form.validateFields();
    const common = {
      name: v.name.trim(),
      startOn: v.startOn.format('YYYY-MM-DD'),
      endOn: v.endOn.format('YYYY-MM-DD'),
      plannedCount: v.plannedCount ?? null,
    };
    const opts = {
      onSuccess: () => (void message.success(t('app.saved')), onClose()),
      onError: (e: unknown) => showError(e, { form, onStale: () => (onStale(), onClose()) }),
    };
    if (round) update.mutate({ id: round.id, version: round.version, ...common }, opts);
    else add.mutate({ programmeId: programme.id, id, no: v.no, ...common }, opts);
  };

  return (
    <Modal
      open
      title={round ? t('programmes.rounds.editTitle', { no: round.no }) : t('programmes.rounds.addTitle')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => {})}
      okText={t('common.save')}
      confirmLoading={add.isPending || update.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          round
            ? { no: round.no, name: round.name, startOn: dayjs(round.startOn), endOn: dayjs(round.endOn), plannedCount: round.plannedCount }
            : { no: nextNo, name: t('programmes.rounds.noValue', { no: nextNo }), startOn: dayjs(), endOn: dayjs().add(1, 'year') }
        }
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="no" label={t('programmes.rounds.no')} rules={[{ required: true }]}>
              <InputNumber min={1} max={999} precision={0} disabled={!!round} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              name="name"
              label={t('programmes.rounds.name')}
              rules={[{ required: true, message: t('common.required', { field: t('programmes.rounds.name') }) }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="startOn" label={t('programmes.rounds.startOn')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="endOn" label={t('programmes.rounds.endOn')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="plannedCount" label={t('programmes.rounds.plannedCount')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

/** 轮次: the rounds of resident cadres by start date, added and edited by administrators. */
export function RoundsTab({ programme, editable, onStale }: { programme: Programme; editable: boolean; onStale: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Round | 'new' | null>(null);
  return (
    <>
      {editable && (
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ marginBottom: 12 }}>
          {t('programmes.rounds.add')}
        </Button>
      )}
      {programme.rounds.length === 0 ? (
        <Empty description={t('programmes.rounds.empty')} />
      ) : (
        <Flex vertical gap={8}>
          {programme.rounds.map((r) => (
            <Card key={r.id} size="small">
              <Flex justify="space-between" align="start" gap={8}>
                <div style={{ minWidth: 0 }}>
                  <Typography.Text strong>{`${t('programmes.rounds.noValue', { no: r.no })} · ${r.name}`}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary">
                    {periodText(r, t)}
                    {r.plannedCount !== null ? ` · ${t('programmes.rounds.plannedCount')} ${r.plannedCount}` : ''}
                  </Typography.Text>
                </div>
                {editable && <Button type="link" icon={<EditOutlined />} onClick={() => setEditing(r)} aria-label={t('common.edit')} />}
              </Flex>
            </Card>
          ))}
        </Flex>
      )}
      {editing && (
        <RoundModal programme={programme} round={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onStale={onStale} />
      )}
    </>
  );
}
