import { Alert, App, Button, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { usePutIncome } from '../../api/households';
import type { Income } from '../../api/types';
import { formatYuan } from '../../app/money';
import { useApiError } from '../../app/useApiError';
import { categoriesOf, incomeItems, incomeValues, perCapitaNetFen, type IncomeLine, type IncomeValues } from './incomeForm';

interface Props {
  householdId: string;
  /** The year already recorded, to change it; absent to record a new year. */
  income?: Income;
  /** Years already recorded (a new year must be another). */
  recordedYears: number[];
  activeMembers: number;
  onClose: () => void;
  onStale: () => void;
}

const thisYear = new Date().getFullYear();

/** 登记收入: a year's income and cost items in yuan (sent in fen), with the per-capita net as typed. */
export function IncomeModal({ householdId, income, recordedYears, activeMembers, onClose, onStale }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<IncomeValues>();
  const put = usePutIncome();
  const showError = useApiError();
  const lines = Form.useWatch<IncomeLine[] | undefined>('items', form) ?? [];
  const people = Form.useWatch<number | null | undefined>('memberCount', form) || activeMembers;
  const year = Form.useWatch<number | undefined>('year', form);
  const preview = perCapitaNetFen(incomeItems(lines), people);
  const firstFree =
    [thisYear - 1, thisYear, ...Array.from({ length: 10 }, (_, i) => thisYear - 2 - i)].find((y) => !recordedYears.includes(y)) ?? thisYear;

  const submit = async () => {
    const v = await form.validateFields();
    const items = incomeItems(v.items ?? []);
    put.mutate(
      {
        householdId,
        year: v.year,
        items,
        ...(v.memberCount ? { memberCount: v.memberCount } : {}),
        ...(income ? { version: income.version } : {}),
      },
      {
        onSuccess: (i) => (void message.success(t('incomes.saved', { year: i.year })), onClose()),
        onError: (e) => showError(e, { form, onStale: () => (onStale(), onClose()) }),
      },
    );
  };

  return (
    <Modal
      open
      title={t('incomes.recordTitle', { year: year ?? income?.year ?? firstFree })}
      onCancel={onClose}
      onOk={() => void submit().catch(() => {})}
      okText={t('common.save')}
      confirmLoading={put.isPending}
      width={720}
      destroyOnHidden
    >
      <Form<IncomeValues>
        form={form}
        layout="vertical"
        autoComplete="off"
        initialValues={
          income
            ? incomeValues(income)
            : {
                year: firstFree,
                items: [
                  { kind: 'income', category: 'wages', amount: null },
                  { kind: 'income', category: 'production', amount: null },
                ],
              }
        }
      >
        <Row gutter={16}>
          <Col xs={12} sm={8}>
            <Form.Item
              name="year"
              label={t('incomes.year')}
              rules={[
                { required: true, message: t('common.required', { field: t('incomes.year') }) },
                {
                  validator: (_r, y?: number) =>
                    income || !y || !recordedYears.includes(y)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('incomes.yearExists', { year: y }))),
                },
              ]}
            >
              <InputNumber min={1949} max={thisYear} precision={0} disabled={!!income} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="memberCount" label={t('incomes.memberCount')} extra={t('incomes.memberCountHelp')}>
              <InputNumber min={1} max={50} precision={0} placeholder={String(activeMembers)} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{t('incomes.items')}</Typography.Text>
        <Form.List
          name="items"
          rules={[
            {
              validator: (_r, ls?: IncomeLine[]) =>
                incomeItems(ls ?? []).length > 0 ? Promise.resolve() : Promise.reject(new Error(t('incomes.atLeastOne'))),
            },
          ]}
        >
          {(items, { add, remove }, { errors }) => (
            <div style={{ marginTop: 8 }}>
              {items.map((item) => {
                const kind = lines[item.name]?.kind ?? 'income';
                return (
                  <Row key={item.key} gutter={8} align="top" wrap>
                    <Col xs={8} sm={4}>
                      <Form.Item name={[item.name, 'kind']}>
                        <Select
                          aria-label={t('incomes.kind')}
                          options={(['income', 'cost'] as const).map((k) => ({ value: k, label: t(`incomes.kinds.${k}`) }))}
                          onChange={(k: 'income' | 'cost') => form.setFieldValue(['items', item.name, 'category'], categoriesOf(k)[0])}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={16} sm={7}>
                      <Form.Item name={[item.name, 'category']}>
                        <Select
                          aria-label={t('incomes.category')}
                          options={categoriesOf(kind).map((c) => ({ value: c, label: t(`incomes.categories.${c}`) }))}
                          popupMatchSelectWidth={false}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={11} sm={6}>
                      <Form.Item name={[item.name, 'label']}>
                        <Input maxLength={50} placeholder={t('incomes.labelPlaceholder')} aria-label={t('incomes.label')} />
                      </Form.Item>
                    </Col>
                    <Col xs={11} sm={6}>
                      <Form.Item name={[item.name, 'amount']} rules={[{ required: true, message: t('incomes.amountRule') }]}>
                        <InputNumber<string>
                          stringMode
                          min="0"
                          precision={2}
                          style={{ width: '100%' }}
                          placeholder={t('incomes.amount')}
                          aria-label={t('incomes.amount')}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={2} sm={1} style={{ paddingTop: 6 }}>
                      <MinusCircleOutlined onClick={() => remove(item.name)} aria-label={t('common.cancel')} />
                    </Col>
                  </Row>
                );
              })}
              <Space wrap>
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'income', category: 'wages', amount: null })}>
                  {t('incomes.addItem')}
                </Button>
              </Space>
              <Form.ErrorList errors={errors} />
            </div>
          )}
        </Form.List>
        {preview !== null && (
          <Alert type="success" showIcon style={{ marginTop: 16 }} title={t('incomes.preview', { amount: formatYuan(preview) })} />
        )}
      </Form>
    </Modal>
  );
}
