import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../api/ids';
import type { Unit, UnitKind } from '../../api/types';
import { useCreateUnit, useUpdateUnit } from '../../api/units';
import { useCurrentUser } from '../../app/auth/useCurrentUser';
import { useApiError } from '../../app/useApiError';
import { RegionPicker } from '../regions/RegionPicker';
import { unitKinds } from './useUnitFilters';

interface Values {
  name: string;
  kind: UnitKind;
  regionCode: string;
  status: 'active' | 'dissolved';
}

/** 新建单位 / 编辑单位. Where a unit sits cannot change after; its level follows from the region. */
export function UnitFormModal({ unit, onClose, onStale }: { unit?: Unit; onClose: () => void; onStale: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [id] = useState(uuidv7);
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const showError = useApiError();
  const status = Form.useWatch('status', form);

  const submit = async () => {
    const v = await form.validateFields();
    const onError = (e: unknown) => showError(e, { form, onStale: () => (onStale(), onClose()) });
    if (unit) {
      const changes = {
        ...(v.name.trim() !== unit.name ? { name: v.name.trim() } : {}),
        ...(v.kind !== unit.kind ? { kind: v.kind } : {}),
        ...(v.status !== unit.status ? { status: v.status } : {}),
      };
      if (Object.keys(changes).length === 0) return onClose();
      update.mutate(
        { id: unit.id, version: unit.version, ...changes },
        { onSuccess: (u) => (void message.success(t('units.updated', { name: u.name })), onClose()), onError },
      );
    } else {
      create.mutate(
        { id, name: v.name.trim(), kind: v.kind, regionCode: v.regionCode },
        { onSuccess: (u) => (void message.success(t('units.created', { name: u.name })), onClose()), onError },
      );
    }
  };

  return (
    <Modal
      open
      title={unit ? t('units.editTitle', { name: unit.name }) : t('units.createTitle')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => {})}
      okText={t('common.save')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        autoComplete="off"
        initialValues={
          unit
            ? { name: unit.name, kind: unit.kind, regionCode: unit.regionCode, status: unit.status }
            : { kind: 'department', regionCode: me.regionCode, status: 'active' }
        }
      >
        <Form.Item
          name="name"
          label={t('units.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('units.name') }) },
            { min: 2, max: 50, message: t('units.nameRule') },
          ]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="kind" label={t('units.kind')}>
          <Select options={unitKinds.map((k) => ({ value: k, label: t(`units.kinds.${k}`) }))} />
        </Form.Item>
        {unit ? (
          <Form.Item label={t('units.region')}>
            <Input disabled value={unit.regionName ?? unit.regionCode} />
          </Form.Item>
        ) : (
          <Form.Item
            name="regionCode"
            label={t('units.region')}
            extra={t('units.regionHelp')}
            rules={[{ required: true, message: t('common.select', { field: t('units.region') }) }]}
          >
            <RegionPicker />
          </Form.Item>
        )}
        {unit && (
          <Form.Item name="status" label={t('units.status')}>
            <Radio.Group options={(['active', 'dissolved'] as const).map((s) => ({ value: s, label: t(`units.statuses.${s}`) }))} />
          </Form.Item>
        )}
        {unit && status === 'dissolved' && unit.status !== 'dissolved' && <Alert type="warning" showIcon title={t('units.dissolveHint')} />}
      </Form>
    </Modal>
  );
}
