import { useState } from 'react';
import { App, DatePicker, Form, Input, Modal, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../api/ids';
import { useCreatePairing, type TargetKind } from '../../api/pairings';
import type { Programme } from '../../api/programmes';
import { useApiError } from '../../app/useApiError';
import { HouseholdSelect } from '../households/HouseholdSelect';
import { RegionPicker } from '../regions/RegionPicker';
import { BranchSelect } from '../units/BranchSelect';
import { HelperSelect } from './HelperSelect';
import { createPairingBody, fieldsFor, handRoles, roleShapes, targetKindFor, type PairingValues } from './pairingForm';

type Values = Omit<PairingValues, 'startOn'> & { startOn: Dayjs };

/** The target field of a kind: a household, a branch, or a township/village from the region tree. */
function TargetInput({ kind, value, onChange, id }: { kind: TargetKind; value?: string; onChange?: (v?: string) => void; id?: string }) {
  const { t } = useTranslation();
  if (kind === 'household')
    return <HouseholdSelect id={id} value={value} onChange={onChange} placeholder={t('households.searchPlaceholder')} />;
  if (kind === 'branch') return <BranchSelect id={id} value={value} onChange={onChange} />;
  return <RegionPicker id={id} value={value} onChange={(v?: string) => onChange?.(v)} />;
}

/**
 * 手动结对: the form follows the role's shape — the helper is a participant of the right kind
 * (cadre, unit, branch), the target a household, village, township or branch; 几帮一 asks for the
 * lead, 驻村 for the round. The id is made when the form opens (a retried save pairs once).
 */
export function PairingFormModal({ programme, onClose }: { programme: Programme; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [id] = useState(() => uuidv7());
  const create = useCreatePairing();
  const showError = useApiError();
  const role = Form.useWatch('role', form) ?? 'one_to_one';
  const chosenKind = Form.useWatch('targetKind', form);
  const f = fieldsFor(role);
  const targetKind = targetKindFor(role, chosenKind);

  const submit = async () => {
    const v = await form.validateFields();
    create.mutate(createPairingBody(id, programme.id, { ...v, startOn: v.startOn.format('YYYY-MM-DD') }), {
      onSuccess: () => (void message.success(t('pairings.created')), onClose()),
      onError: (e) => showError(e, { form }),
    });
  };

  return (
    <Modal
      open
      title={t('pairings.createTitle')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => {})}
      okText={t('common.save')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ role: 'one_to_one', startOn: dayjs(), lead: false }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.role) form.setFieldsValue({ helperId: undefined, targetId: undefined, targetKind: undefined });
          if (changed.targetKind) form.setFieldsValue({ targetId: undefined });
        }}
      >
        <Form.Item name="role" label={t('pairings.role')}>
          <Select options={handRoles.map((r) => ({ value: r, label: t(`pairings.roles.${r}`) }))} />
        </Form.Item>
        <Form.Item
          name="helperId"
          label={t('pairings.helper')}
          rules={[{ required: true, message: t('common.select', { field: t('pairings.helper') }) }]}
        >
          <HelperSelect programmeId={programme.id} kind={f.helperKind} />
        </Form.Item>
        {f.chooseTargetKind && (
          <Form.Item name="targetKind" label={t('pairings.targetKind')}>
            <Select
              placeholder={t(`programmes.targets.${targetKind}`)}
              options={roleShapes[role].targets.map((k) => ({ value: k, label: t(`programmes.targets.${k}`) }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="targetId"
          label={`${t('pairings.target')}（${t(`programmes.targets.${targetKind}`)}）`}
          rules={[{ required: true, message: t('common.select', { field: t('pairings.target') }) }]}
        >
          <TargetInput kind={targetKind} />
        </Form.Item>
        {f.lead && (
          <Form.Item name="lead" label={t('pairings.lead')} valuePropName="checked" extra={t('pairings.leadHelp')}>
            <Switch />
          </Form.Item>
        )}
        {f.round && (
          <Form.Item
            name="roundNo"
            label={t('pairings.roundNo')}
            rules={[{ required: true, message: t('common.select', { field: t('pairings.roundNo') }) }]}
          >
            <Select
              options={programme.rounds.map((r) => ({ value: r.no, label: `${t('programmes.rounds.noValue', { no: r.no })} · ${r.name}` }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="startOn"
          label={t('pairings.startOn')}
          rules={[{ required: true, message: t('common.select', { field: t('pairings.startOn') }) }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('pairings.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
