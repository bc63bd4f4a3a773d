import { Alert, App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useRecordSuccession, useRegionChildren } from '../../api/regions';
import type { Region } from '../../api/types';
import { useApiError } from '../../app/useApiError';

interface Values {
  kind: 'merge' | 'split';
  on: Dayjs;
  predecessorCodes: string[];
  successorCodes: string[] | string;
  note?: string;
}

/**
 * 记录合并/拆分 of the selected region with its siblings (those already ended included): a merge
 * of several into one (which may be one of them), or a split of one into several.
 */
export function SuccessionModal({ region, open, onClose, onDone }: { region: Region; open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'merge';
  const siblings = useRegionChildren(open ? (region.parentCode ?? undefined) : undefined, true);
  const record = useRecordSuccession();
  const showError = useApiError();

  const list = siblings.data ?? [region];
  const options = (list.some((r) => r.code === region.code) ? list : [region, ...list]).map((r) => ({
    value: r.code,
    label: `${r.name}（${r.code}${r.validTo ? ` · ${t('regions.expiresOn', { date: r.validTo })}` : ''}）`,
    name: r.name,
  }));
  const filter = (input: string, o?: { label: string }) => !!o && o.label.toLowerCase().includes(input.toLowerCase());

  const submit = async () => {
    const v = await form.validateFields();
    const successorCodes = Array.isArray(v.successorCodes) ? v.successorCodes : [v.successorCodes];
    record.mutate(
      { kind: v.kind, on: v.on.format('YYYY-MM-DD'), predecessorCodes: v.predecessorCodes, successorCodes, note: v.note || null },
      {
        onSuccess: () => {
          void message.success(t('regionHistory.recorded', { name: region.name, kind: t(`regionHistory.${v.kind}`) }));
          onDone();
          onClose();
        },
        onError: (e) => showError(e, { form }),
      },
    );
  };

  return (
    <Modal
      title={t('regionHistory.successionTitle', { name: region.name })}
      open={open}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      okText={t('common.save')}
      confirmLoading={record.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('regionHistory.mergeHint')} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'merge', predecessorCodes: [region.code], successorCodes: region.code }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.kind === 'split') form.setFieldsValue({ predecessorCodes: [region.code], successorCodes: [] });
          if (changed.kind === 'merge') form.setFieldsValue({ predecessorCodes: [region.code], successorCodes: region.code });
        }}
      >
        <Form.Item name="kind" label={t('regionHistory.kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'merge', label: t('regionHistory.merge') },
              { value: 'split', label: t('regionHistory.split') },
            ]}
          />
        </Form.Item>
        <Form.Item name="on" label={t('regionHistory.on')} rules={[{ required: true, message: t('regionHistory.onRequired') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="predecessorCodes"
          label={kind === 'merge' ? t('regionHistory.mergedRegions') : t('regionHistory.splitRegion')}
          rules={[{ required: true, message: t('regionHistory.regionsRequired') }]}
        >
          <Select mode={kind === 'merge' ? 'multiple' : undefined} options={options} showSearch={{ filterOption: filter }} loading={siblings.isFetching} />
        </Form.Item>
        <Form.Item
          name="successorCodes"
          label={kind === 'merge' ? t('regionHistory.mergedInto') : t('regionHistory.splitInto')}
          rules={[{ required: true, message: t('regionHistory.regionsRequired') }]}
        >
          <Select mode={kind === 'split' ? 'multiple' : undefined} options={options} showSearch={{ filterOption: filter }} loading={siblings.isFetching} />
        </Form.Item>
        <Form.Item name="note" label={t('regionHistory.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
