import { useState } from 'react';
import { App, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../api/ids';
import { useCreateBranch } from '../../api/units';
import { useApiError } from '../../app/useApiError';
import { RegionPicker } from '../regions/RegionPicker';
import { UnitSelect } from './UnitSelect';

interface Values {
  name: string;
  kind: 'unit' | 'village';
  unitId?: string;
  regionCode?: string;
}

/** 新建党支部: a unit's branch (it sits where the unit sits) or a village's. */
export function BranchFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [id] = useState(uuidv7);
  const create = useCreateBranch();
  const showError = useApiError();
  const kind = Form.useWatch('kind', form) ?? 'village';

  const submit = async () => {
    const v = await form.validateFields();
    create.mutate(
      { id, name: v.name.trim(), ...(v.kind === 'unit' ? { unitId: v.unitId } : { regionCode: v.regionCode }) },
      {
        onSuccess: (b) => (void message.success(t('branches.created', { name: b.name })), onClose()),
        onError: (e) => showError(e, { form }),
      },
    );
  };

  return (
    <Modal
      open
      title={t('branches.createTitle')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => {})}
      okText={t('common.save')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" autoComplete="off" initialValues={{ kind: 'village' }}>
        <Form.Item
          name="name"
          label={t('branches.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('branches.name') }) },
            { min: 2, max: 50, message: t('units.nameRule') },
          ]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="kind" label={t('branches.kind')} extra={t('branches.villageHelp')}>
          <Radio.Group options={(['village', 'unit'] as const).map((k) => ({ value: k, label: t(`branches.kinds.${k}`) }))} />
        </Form.Item>
        {kind === 'unit' ? (
          <Form.Item name="unitId" label={t('branches.unit')} rules={[{ required: true, message: t('branches.unitOrVillage') }]}>
            <UnitSelect />
          </Form.Item>
        ) : (
          <Form.Item name="regionCode" label={t('branches.region')} rules={[{ required: true, message: t('branches.unitOrVillage') }]}>
            <RegionPicker />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
