import { App, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useUpdateProgramme, type Programme, type Requirements, type UpdateProgrammeBody } from '../../api/programmes';
import { useApiError } from '../../app/useApiError';

type QuotaKey = 'visitsPerHousehold' | 'diaryPerCadre' | 'problemsPerHousehold' | 'difficultiesPerCadre';
const quotaKeys: { key: QuotaKey; label: 'visitsN' | 'diaryN' | 'problemsN' | 'difficultiesN' }[] = [
  { key: 'visitsPerHousehold', label: 'visitsN' },
  { key: 'diaryPerCadre', label: 'diaryN' },
  { key: 'problemsPerHousehold', label: 'problemsN' },
  { key: 'difficultiesPerCadre', label: 'difficultiesN' },
];

interface Values {
  name: string;
  startOn: Dayjs;
  endOn?: Dayjs | null;
  status: Programme['status'];
  quotas: Partial<Record<QuotaKey, number | null>>;
  rules: { min: number; max?: number | null }[];
}

/** The PATCH body from the form: counts replace the quotas' atLeast (blank: no such requirement), rule counts in place. */
export function adjustBody(p: Programme, v: Values): UpdateProgrammeBody {
  const requirements: Requirements = { ...p.requirements };
  for (const { key } of quotaKeys) {
    const n = v.quotas[key];
    const old = p.requirements[key];
    requirements[key] = n ? { atLeast: n, per: old?.per ?? 'month' } : null;
  }
  return {
    version: p.version,
    name: v.name.trim(),
    period: { startOn: v.startOn.format('YYYY-MM-DD'), endOn: v.endOn ? v.endOn.format('YYYY-MM-DD') : null },
    status: v.status,
    requirements,
    pairingRules: p.pairingRules.map((r, i) => ({ ...r, min: v.rules[i]?.min ?? r.min, max: v.rules[i]?.max ?? null })),
  };
}

/** 调整要求: name, period, status, cadence counts and each rule's counts; a stale version reloads. */
export function AdjustModal({ programme: p, onClose, onStale }: { programme: Programme; onClose: () => void; onStale: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateProgramme();
  const showError = useApiError();

  const submit = async () => {
    const v = await form.validateFields();
    update.mutate(
      { id: p.id, ...adjustBody(p, v) },
      {
        onSuccess: () => (void message.success(t('app.saved')), onClose()),
        onError: (e) => showError(e, { form, onStale: () => (onStale(), onClose()) }),
      },
    );
  };
  const per = (k: QuotaKey) => p.requirements[k]?.per ?? 'month';

  return (
    <Modal
      open
      title={t('programmes.adjustTitle', { name: p.name })}
      onCancel={onClose}
      onOk={() => void submit().catch(() => {})}
      okText={t('common.save')}
      confirmLoading={update.isPending}
      destroyOnHidden
      width={640}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          name: p.name,
          startOn: dayjs(p.period.startOn),
          endOn: p.period.endOn ? dayjs(p.period.endOn) : null,
          status: p.status,
          quotas: Object.fromEntries(quotaKeys.map(({ key }) => [key, p.requirements[key]?.atLeast ?? null])),
          rules: p.pairingRules.map((r) => ({ min: r.min, max: r.max ?? null })),
        }}
      >
        <Form.Item
          name="name"
          label={t('programmes.name')}
          rules={[{ required: true, message: t('common.required', { field: t('programmes.name') }) }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item
              name="startOn"
              label={t('programmes.startOn')}
              rules={[{ required: true, message: t('common.select', { field: t('programmes.startOn') }) }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="endOn" label={t('programmes.endOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="status" label={t('programmes.status')}>
              <Select options={(['draft', 'active', 'closed'] as const).map((s) => ({ value: s, label: t(`programmes.statuses.${s}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          {quotaKeys.map(({ key, label }) => (
            <Col xs={12} sm={6} key={key}>
              <Form.Item name={['quotas', key]} label={`${t(`programmes.${label}`)}（${t(`programmes.per.${per(key)}`)}）`}>
                <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        {p.pairingRules.length > 0 && <Divider titlePlacement="start">{t('programmes.req.rules')}</Divider>}
        {p.pairingRules.map((r, i) => (
          <Row gutter={12} key={r.id} align="bottom">
            <Col xs={24} sm={12}>
              <Typography.Paragraph style={{ marginBottom: 8 }}>{r.zh}</Typography.Paragraph>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item name={['rules', i, 'min']} label={t('programmes.ruleMin')} rules={[{ required: true }]}>
                <InputNumber min={0} max={1000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item name={['rules', i, 'max']} label={t('programmes.ruleMax')}>
                <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        ))}
      </Form>
    </Modal>
  );
}
