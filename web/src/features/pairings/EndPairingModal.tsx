import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { pairingKeys, useEndPairing, type EndReason, type Pairing } from '../../api/pairings';
import { useApiError } from '../../app/useApiError';

const reasons: EndReason[] = ['round_end', 'programme_end', 'target_gone', 'helper_left', 'lifted', 'mistake', 'other'];

/** 结束结对: a day and a reason; the record stays for history. A stale version reloads. */
export function EndPairingModal({ pairing: p, onClose }: { pairing: Pairing; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ on: Dayjs; reason: EndReason; note?: string }>();
  const end = useEndPairing();
  const showError = useApiError();
  const qc = useQueryClient();
  const submit = async () => {
    const v = await form.validateFields();
    end.mutate(
      { id: p.id, version: p.version, on: v.on.format('YYYY-MM-DD'), reason: v.reason, note: v.note?.trim() || null },
      {
        onSuccess: () => (void message.success(t('pairings.ended')), onClose()),
        onError: (e) => showError(e, { form, onStale: () => (void qc.invalidateQueries({ queryKey: pairingKeys.all }), onClose()) }),
      },
    );
  };
  return (
    <Modal
      open
      title={t('pairings.endTitle', { helper: p.helperName ?? '', target: p.targetName ?? '' })}
      onCancel={onClose}
      onOk={() => void submit().catch(() => {})}
      okText={t('common.confirm')}
      confirmLoading={end.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ on: dayjs(), reason: 'other' }}>
        <Form.Item name="on" label={t('pairings.endOnLabel')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('pairings.endReason')} rules={[{ required: true }]}>
          <Select options={reasons.map((r) => ({ value: r, label: t(`pairings.reasons.${r}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('pairings.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
