import { Alert, App, Col, Form, Input, Modal, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUpdateCadre } from '../../api/cadres';
import type { BranchRole, Cadre, CadreRank } from '../../api/types';
import { useApiError } from '../../app/useApiError';
import { phonePattern } from '../../app/validators';
import { RegionPicker } from '../regions/RegionPicker';
import { BranchSelect } from '../units/BranchSelect';
import { UnitSelect } from '../units/UnitSelect';
import { cadreRanks } from './useCadreFilters';

interface Values {
  name: string;
  sex?: 'male' | 'female' | null;
  rank: CadreRank;
  title?: string;
  phone?: string;
  regionCode: string;
  unitId?: string | null;
  branchId?: string | null;
  branchRole?: BranchRole | null;
  status: 'active' | 'left';
}

const branchRoles: BranchRole[] = ['secretary', 'deputy_secretary', 'committee_member', 'member'];
const blank = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

/** 编辑干部: only what changed is sent, with the version read (a stale one is reported and reloaded). */
export function CadreFormModal({ cadre, onClose, onStale }: { cadre: Cadre; onClose: () => void; onStale: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateCadre();
  const showError = useApiError();
  const status = Form.useWatch('status', form);
  const branchId = Form.useWatch('branchId', form);

  const submit = async () => {
    const v = await form.validateFields();
    const next = {
      name: v.name.trim(),
      sex: v.sex ?? null,
      rank: v.rank,
      title: blank(v.title),
      phone: blank(v.phone),
      regionCode: v.regionCode,
      unitId: v.unitId ?? null,
      branchId: v.branchId ?? null,
      branchRole: v.branchId ? (v.branchRole ?? null) : null,
      status: v.status,
    };
    const changes = Object.fromEntries(Object.entries(next).filter(([k, val]) => cadre[k as keyof typeof next] !== val));
    if (Object.keys(changes).length === 0) return onClose();
    update.mutate(
      { id: cadre.id, version: cadre.version, ...changes },
      {
        onSuccess: (c) => (void message.success(t('cadres.updated', { name: c.name })), onClose()),
        onError: (e) => showError(e, { form, onStale: () => (onStale(), onClose()) }),
      },
    );
  };

  return (
    <Modal
      open
      title={t('cadres.editTitle', { name: cadre.name })}
      onCancel={onClose}
      onOk={() => void submit().catch(() => {})}
      okText={t('common.save')}
      confirmLoading={update.isPending}
      width={640}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        autoComplete="off"
        initialValues={{
          name: cadre.name,
          sex: cadre.sex,
          rank: cadre.rank,
          title: cadre.title ?? undefined,
          phone: cadre.phone ?? undefined,
          regionCode: cadre.regionCode,
          unitId: cadre.unitId,
          branchId: cadre.branchId,
          branchRole: cadre.branchRole,
          status: cadre.status,
        }}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="name"
              label={t('cadres.name')}
              rules={[
                { required: true, whitespace: true, message: t('common.required', { field: t('cadres.name') }) },
                { min: 2, max: 20, message: t('members.nameRule') },
              ]}
            >
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="sex" label={t('cadres.sex')}>
              <Radio.Group options={(['male', 'female'] as const).map((s) => ({ value: s, label: t(`members.sexes.${s}`) }))} />
            </Form.Item>
          </Col>
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
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="phone" label={t('cadres.phone')} rules={[{ pattern: phonePattern, message: t('users.phoneRule') }]}>
              <Input inputMode="tel" maxLength={13} />
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
          <Col xs={24} sm={12}>
            <Form.Item name="status" label={t('cadres.status')}>
              <Radio.Group options={(['active', 'left'] as const).map((s) => ({ value: s, label: t(`cadres.statuses.${s}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        {status === 'left' && cadre.status !== 'left' && <Alert type="warning" showIcon title={t('cadres.leftHint')} />}
      </Form>
    </Modal>
  );
}
