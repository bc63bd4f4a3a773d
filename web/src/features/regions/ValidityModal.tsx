import { Alert, App, DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useUpdateRegion } from '../../api/regions';
import type { Region } from '../../api/types';
import { useApiError } from '../../app/useApiError';

interface Values {
  validFrom: Dayjs | null;
  validTo: Dayjs | null;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** 设置有效期: when a village is merged or dissolved, the day it stops existing. */
export function ValidityModal({
  region,
  open,
  onClose,
  onStale,
  onDone,
}: {
  region: Region;
  open: boolean;
  onClose: () => void;
  onStale: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateRegion();
  const showError = useApiError();

  const submit = async () => {
    const v = await form.validateFields();
    update.mutate(
      { code: region.code, version: region.version, validFrom: day(v.validFrom), validTo: day(v.validTo) },
      {
        onSuccess: () => {
          void message.success(t('regions.validitySaved'));
          onDone();
          onClose();
        },
        onError: (e) =>
          showError(e, {
            form,
            onStale: () => {
              onStale();
              onClose();
            },
          }),
      },
    );
  };

  return (
    <Modal
      title={t('regions.validityTitle', { name: region.name })}
      open={open}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      okText={t('common.save')}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('regions.validityHint')} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          validFrom: region.validFrom ? dayjs(region.validFrom) : null,
          validTo: region.validTo ? dayjs(region.validTo) : null,
        }}
      >
        <Form.Item name="validFrom" label={t('regions.validFrom')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="validTo"
          label={t('regions.validTo')}
          dependencies={['validFrom']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_r, value: Dayjs | null) => {
                const from = getFieldValue('validFrom') as Dayjs | null;
                return value && from && !value.isAfter(from, 'day')
                  ? Promise.reject(new Error(t('regions.validToAfterFrom')))
                  : Promise.resolve();
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
