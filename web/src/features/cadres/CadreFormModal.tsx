import { useEffect, useState } from 'react';
import { Alert, App, Col, Form, Input, Modal, Radio, Row, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { useCreateCadre, useUpdateCadre } from '../../api/cadres';
import { uuidv7 } from '../../api/ids';
import type { BranchRole, Cadre } from '../../api/types';
import { checkIdNumber } from '../../app/idNumber';
import { useApiError } from '../../app/useApiError';
import { phonePattern } from '../../app/validators';
import { RegionPicker } from '../regions/RegionPicker';
import { BranchSelect } from '../units/BranchSelect';
import { UnitSelect } from '../units/UnitSelect';
import { cadreChanges, cadreValues, createCadreBody, newCadreValues, type CadreValues } from './cadreForm';
import { cadreRanks } from './useCadreFilters';
import { fieldRules } from '../../app/fieldRules';

const branchRoles: BranchRole[] = ['secretary', 'deputy_secretary', 'committee_member', 'member'];
const idProblemKey = { format: 'members.idFormat', birth_date: 'members.idBirthDate', checksum: 'members.idChecksum' } as const;

interface Props {
  /** The cadre to edit; absent to register one. */
  cadre?: Cadre;
  onClose: () => void;
  onSaved?: (c: Cadre) => void;
  onStale?: () => void;
}

/**
 * 新增干部 / 编辑干部. A new cadre carries an id made when the form opened (a retried save cannot
 * register twice); an edit sends only what changed, with the version read (a stale one is reported
 * and reloaded).
 */
export function CadreFormModal({ cadre, onClose, onSaved, onStale }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CadreValues>();
  const [id] = useState(uuidv7);
  const create = useCreateCadre();
  const update = useUpdateCadre();
  const showError = useApiError();
  const status = Form.useWatch('status', form);
  const branchId = Form.useWatch('branchId', form);

  // A valid ID number tells the sex (the server refuses a sex that disagrees with it).
  const idNumber = Form.useWatch('idNumber', form);
  const idSex = idNumber ? checkIdNumber(idNumber) : null;
  const sexFromId = idSex?.ok ? idSex.info.sex : null;
  useEffect(() => {
    if (sexFromId) form.setFieldValue('sex', sexFromId);
  }, [sexFromId, form]);

  const idNumberRule: Rule = {
    validator: (_, v: string | undefined) => {
      const checked = v && v.trim() ? checkIdNumber(v) : null;
      return !checked || checked.ok ? Promise.resolve() : Promise.reject(new Error(t(idProblemKey[checked.problem])));
    },
  };

  const submit = async () => {
    const v = await form.validateFields();
    const onError = (e: unknown) => showError(e, { form, onStale: () => (onStale?.(), onClose()) });
    const done = (c: Cadre, text: string) => {
      void message.success(text);
      onClose();
      onSaved?.(c);
    };
    if (!cadre) {
      create.mutate(createCadreBody(id, v), { onSuccess: (c) => done(c, t('cadres.created', { name: c.name })), onError });
      return;
    }
    const changes = cadreChanges(cadre, v);
    if (Object.keys(changes).length === 0) return onClose();
    update.mutate(
      { id: cadre.id, version: cadre.version, ...changes },
      { onSuccess: (c) => done(c, t('cadres.updated', { name: c.name })), onError },
    );
  };

  return (
    <Modal
      open
      title={cadre ? t('cadres.editTitle', { name: cadre.name }) : t('cadres.createTitle')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => {})}
      okText={t('common.save')}
      confirmLoading={create.isPending || update.isPending}
      width={640}
      destroyOnHidden
    >
      <Form<CadreValues> form={form} layout="vertical" autoComplete="off" initialValues={cadre ? cadreValues(cadre) : newCadreValues}>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="name"
              label={t('cadres.name')}
              rules={[
                { required: true, whitespace: true, message: t('common.required', { field: t('cadres.name') }) },
                { min: fieldRules.personName.min, max: fieldRules.personName.max, message: t('members.nameRule') },
              ]}
            >
              <Input maxLength={fieldRules.personName.max} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="sex" label={t('cadres.sex')}>
              <Radio.Group options={(['male', 'female'] as const).map((s) => ({ value: s, label: t(`members.sexes.${s}`) }))} />
            </Form.Item>
          </Col>
          {!cadre && (
            <Col xs={24} sm={12}>
              <Form.Item name="idNumber" label={t('cadres.idNumber')} extra={t('cadres.idNumberHint')} rules={[idNumberRule]}>
                <Input maxLength={18} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} sm={12}>
            <Form.Item
              name="rank"
              label={t('cadres.rank')}
              rules={[{ required: true, message: t('common.select', { field: t('cadres.rank') }) }]}
            >
              <Select options={cadreRanks.map((r) => ({ value: r, label: t(`cadres.ranks.${r}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="title" label={t('cadres.post')}>
              <Input maxLength={fieldRules.title.max} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="phone" label={t('cadres.phone')} rules={[{ pattern: phonePattern, message: t('users.phoneRule') }]}>
              <Input inputMode="tel" maxLength={fieldRules.phone.max} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="regionCode"
              label={t('cadres.region')}
              rules={[{ required: true, message: t('common.select', { field: t('cadres.region') }) }]}
            >
              <RegionPicker />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="unitId" label={t('cadres.unit')}>
              <UnitSelect />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="branchId" label={t('cadres.branch')}>
              <BranchSelect />
            </Form.Item>
          </Col>
          {branchId && (
            <Col xs={24} sm={12}>
              <Form.Item name="branchRole" label={t('cadres.branchRole')}>
                <Select allowClear options={branchRoles.map((r) => ({ value: r, label: t(`cadres.branchRoles.${r}`) }))} />
              </Form.Item>
            </Col>
          )}
          {cadre && (
            <Col xs={24} sm={12}>
              <Form.Item name="status" label={t('cadres.status')}>
                <Radio.Group options={(['active', 'left'] as const).map((s) => ({ value: s, label: t(`cadres.statuses.${s}`) }))} />
              </Form.Item>
            </Col>
          )}
        </Row>
        {cadre && status === 'left' && cadre.status !== 'left' && <Alert type="warning" showIcon title={t('cadres.leftHint')} />}
      </Form>
    </Modal>
  );
}
