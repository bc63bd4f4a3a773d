import { Alert, App, DatePicker, Form, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useHouseholdStatus } from '../../api/households';
import type { Household, HouseholdStatus } from '../../api/types';
import { useApiError } from '../../app/useApiError';
import { HouseholdSelect } from './HouseholdSelect';

interface Values {
  status: HouseholdStatus;
  on: Dayjs;
  mergedIntoId?: string;
}

const statuses: HouseholdStatus[] = ['active', 'moved', 'merged', 'dissolved'];

/** 变更状态: a household moves, merges into another, is dissolved, or is restored. Never deleted. */
export function HouseholdStatusModal({ household, onClose, onStale }: { household: Household; onClose: () => void; onStale: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useHouseholdStatus();
  const showError = useApiError();
  const status = Form.useWatch('status', form);
  const head = household.members.find((m) => m.relation === 'head');

  const submit = async () => {
    const v = await form.validateFields();
    change.mutate(
      {
        id: household.id,
        version: household.version,
        status: v.status,
        on: v.on.format('YYYY-MM-DD'),
        ...(v.status === 'merged' && v.mergedIntoId ? { mergedIntoId: v.mergedIntoId } : {}),
      },
      {
        onSuccess: () => (void message.success(t('households.statusChanged')), onClose()),
        onError: (e) => showError(e, { form, onStale: () => (onStale(), onClose()) }),
      },
    );
  };

  return (
    <Modal
      open
      title={t('households.statusTitle', { name: head?.name ?? '' })}
      onCancel={onClose}
      onOk={() => void submit().catch(() => {})}
      okText={t('common.confirm')}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('households.statusHint')} style={{ marginBottom: 16 }} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ status: household.status === 'active' ? 'moved' : 'active', on: dayjs() }}
      >
        <Form.Item name="status" label={t('households.status')}>
          <Select
            options={statuses.filter((s) => s !== household.status).map((s) => ({ value: s, label: t(`households.statuses.${s}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="on"
          label={t('households.statusOn')}
          rules={[{ required: true, message: t('common.select', { field: t('households.statusOn') }) }]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
        {status === 'merged' && (
          <Form.Item
            name="mergedIntoId"
            label={t('households.mergedInto')}
            rules={[{ required: true, message: t('common.select', { field: t('households.mergedInto') }) }]}
          >
            <HouseholdSelect exceptId={household.id} placeholder={t('households.mergedIntoPlaceholder')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
