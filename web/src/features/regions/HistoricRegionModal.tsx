import { App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCreateHistoricRegion } from '../../api/regions';
import type { Region } from '../../api/types';
import { useApiError } from '../../app/useApiError';

interface Values {
  name: string;
  code?: string;
  validFrom: Dayjs | null;
  validTo: Dayjs;
}

/** 添加历史区划: a township, village or group of the selected region that no longer exists (兴中村 until 2016). */
export function HistoricRegionModal({ parent, open, onClose, onAdded }: { parent: Region; open: boolean; onClose: () => void; onAdded: (code: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateHistoricRegion();
  const showError = useApiError();

  const submit = async () => {
    const v = await form.validateFields();
    create.mutate(
      { parentCode: parent.code, name: v.name, code: v.code?.trim() || undefined, validFrom: v.validFrom ? v.validFrom.format('YYYY-MM-DD') : null, validTo: v.validTo.format('YYYY-MM-DD') },
      {
        onSuccess: (r) => {
          void message.success(t('regionHistory.historicAdded', { name: r.name, code: r.code }));
          onAdded(r.code);
          onClose();
        },
        onError: (e) => showError(e, { form }),
      },
    );
  };

  return (
    <Modal
      title={t('regionHistory.historicTitle', { parent: parent.name })}
      open={open}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      okText={t('common.save')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="name" label={t('regionHistory.historicName')} rules={[{ required: true, whitespace: true, message: t('regionHistory.historicNameRequired') }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="code" label={t('regionHistory.historicCode')} extra={t('regionHistory.historicCodeHint')} rules={[{ pattern: /^\d{12}(\d{3})?$/, message: t('regionHistory.historicCodeInvalid') }]}>
          <Input maxLength={15} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="validFrom" label={t('regionHistory.validFrom')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="validTo"
          label={t('regionHistory.validTo')}
          dependencies={['validFrom']}
          rules={[
            { required: true, message: t('regionHistory.validToRequired') },
            ({ getFieldValue }) => ({
              validator: (_r, value: Dayjs | null) => {
                const from = getFieldValue('validFrom') as Dayjs | null;
                return value && from && !value.isAfter(from, 'day') ? Promise.reject(new Error(t('regionHistory.validToAfterFrom'))) : Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
