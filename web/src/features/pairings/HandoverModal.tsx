import { App, Checkbox, DatePicker, Form, Input, Modal, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useHandover, usePairings } from '../../api/pairings';
import type { Programme } from '../../api/programmes';
import { useApiError } from '../../app/useApiError';
import { HelperSelect } from './HelperSelect';

interface Values {
  fromCadreId: string;
  toCadreId: string;
  which: 'all' | 'chosen';
  pairingIds?: string[];
  on: Dayjs;
  note: string;
  roundNo?: number | null;
}

/** 交接: a cadre's open pairings of this programme (all or chosen) move to another cadre on a day, with a note; history kept. */
export function HandoverModal({ programme, onClose }: { programme: Programme; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const handover = useHandover();
  const showError = useApiError();
  const from = Form.useWatch('fromCadreId', form);
  const which = Form.useWatch('which', form);
  const own = usePairings({ programmeId: programme.id, helperKind: 'cadre', helperId: from, open: 'true', page: 1, pageSize: 500 }, !!from);

  const submit = async () => {
    const v = await form.validateFields();
    handover.mutate(
      {
        programmeId: programme.id,
        on: v.on.format('YYYY-MM-DD'),
        note: v.note.trim(),
        ...(v.roundNo ? { roundNo: v.roundNo } : {}),
        moves: [{ fromCadreId: v.fromCadreId, toCadreId: v.toCadreId, ...(v.which === 'chosen' ? { pairingIds: v.pairingIds } : {}) }],
      },
      {
        onSuccess: (r) => (void message.success(t('pairings.handover.done', { count: r.started.length })), onClose()),
        onError: (e) => showError(e, { form }),
      },
    );
  };

  return (
    <Modal
      open
      title={t('pairings.handover.title')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => {})}
      okText={t('common.confirm')}
      confirmLoading={handover.isPending}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ which: 'all', on: dayjs() }}>
        <Form.Item
          name="fromCadreId"
          label={t('pairings.handover.from')}
          rules={[{ required: true, message: t('common.select', { field: t('pairings.handover.from') }) }]}
        >
          <HelperSelect programmeId={programme.id} kind="cadre" />
        </Form.Item>
        <Form.Item
          name="toCadreId"
          label={t('pairings.handover.to')}
          rules={[{ required: true, message: t('common.select', { field: t('pairings.handover.to') }) }]}
        >
          <HelperSelect programmeId={programme.id} kind="cadre" />
        </Form.Item>
        <Form.Item name="which" label={t('pairings.handover.which')}>
          <Radio.Group
            options={[
              { value: 'all', label: t('pairings.handover.all') },
              { value: 'chosen', label: t('pairings.handover.chosen') },
            ]}
          />
        </Form.Item>
        {which === 'chosen' && (
          <Form.Item name="pairingIds" rules={[{ required: true, type: 'array', min: 1, message: t('pairings.handover.needPairings') }]}>
            <Checkbox.Group>
              <Space orientation="vertical">
                {(own.data?.items ?? []).map((p) => (
                  <Checkbox key={p.id} value={p.id}>
                    {`${p.targetName ?? p.targetId} · ${t(`pairings.roles.${p.role}`)}`}
                  </Checkbox>
                ))}
              </Space>
            </Checkbox.Group>
          </Form.Item>
        )}
        <Form.Item name="on" label={t('pairings.handover.on')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('pairings.handover.note')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('pairings.handover.note') }) }]}
        >
          <Input maxLength={500} placeholder={t('pairings.handover.notePlaceholder')} />
        </Form.Item>
        {programme.rounds.length > 0 && (
          <Form.Item name="roundNo" label={t('pairings.handover.roundNo')}>
            <Select
              allowClear
              options={programme.rounds.map((r) => ({ value: r.no, label: `${t('programmes.rounds.noValue', { no: r.no })} · ${r.name}` }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
