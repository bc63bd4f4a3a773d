import { useState } from 'react';
import { Button, Col, Divider, Drawer, Form, Grid, Input, InputNumber, Row, Select, Space, Typography, App } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCreateHousehold, useUpdateHousehold } from '../../api/households';
import { uuidv7 } from '../../api/ids';
import type { Household } from '../../api/types';
import { useApiError } from '../../app/useApiError';
import { phonePattern } from '../../app/validators';
import { RegionPicker } from '../regions/RegionPicker';
import { createBody, householdValues, housings, isVillageOrGroup, updateBody, type HouseholdValues } from './householdForm';
import { MemberFields } from './MemberFields';
import { useCatalogNames } from './useCatalogNames';
import { fieldRules } from '../../app/fieldRules';

interface Props {
  /** The household to edit; absent to register one (with its head). */
  household?: Household;
  open: boolean;
  onClose: () => void;
  onSaved?: (h: Household) => void;
  onStale?: () => void;
}

/** 新增农户 / 编辑农户. A new household is registered with its head; other members are added after. */
export function HouseholdFormDrawer({ household, open, onClose, onSaved, onStale }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const phone = Grid.useBreakpoint().sm === false;
  const catalog = useCatalogNames();
  const [form] = Form.useForm<HouseholdValues>();
  const [id] = useState(uuidv7);
  const create = useCreateHousehold();
  const update = useUpdateHousehold();
  const showError = useApiError();
  const head = household?.members.find((m) => m.relation === 'head' && m.status === 'active');

  const submit = async () => {
    const v = await form.validateFields();
    const onError = (e: unknown) => showError(e, { form, onStale: () => (onStale?.(), onClose()) });
    const done = (h: Household, text: string) => {
      void message.success(text);
      onClose();
      onSaved?.(h);
    };
    if (household) {
      const changes = updateBody(household, v);
      if (Object.keys(changes).length === 0) return onClose();
      update.mutate(
        { id: household.id, version: household.version, ...changes },
        { onSuccess: (h) => done(h, t('households.updated')), onError },
      );
    } else {
      create.mutate(createBody(id, v), {
        onSuccess: (h) => done(h, t('households.created', { name: h.members.find((m) => m.relation === 'head')?.name ?? '' })),
        onError,
      });
    }
  };

  const initial: Partial<HouseholdValues> = household
    ? householdValues(household)
    : {
        categories: [],
        povertyCauses: [],
        livestock: [],
        housing: 'unknown',
        members: [{ name: '', relation: 'head', isPartyMember: false }],
      };

  return (
    <Drawer
      title={household ? t('households.editTitle', { name: head?.name ?? '' }) : t('households.createTitle')}
      open={open}
      onClose={onClose}
      size={phone ? '100%' : 720}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => void submit().catch(() => {})}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<HouseholdValues> form={form} layout="vertical" initialValues={initial} autoComplete="off">
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="regionCode"
              label={t('households.region')}
              rules={[
                { required: true, message: t('common.select', { field: t('households.region') }) },
                {
                  validator: (_r, v?: string) =>
                    !v || isVillageOrGroup(v) ? Promise.resolve() : Promise.reject(new Error(t('households.regionMustBeVillage'))),
                },
              ]}
            >
              <RegionPicker placeholder={t('households.regionPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="householdNo" label={t('households.householdNo')}>
              <Input maxLength={fieldRules.householdNo.max} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="categories" label={t('households.categories')}>
              <Select mode="multiple" allowClear options={catalog.options('category')} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="povertyCauses" label={t('households.povertyCauses')}>
              <Select mode="multiple" allowClear options={catalog.options('poverty_cause')} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="phone"
              label={t('households.householdPhone')}
              rules={[{ pattern: phonePattern, message: t('users.phoneRule') }]}
              extra={household?.phone?.includes('*') ? `${household.phone} · ${t('members.idNumberMaskedHelp')}` : undefined}
            >
              <Input inputMode="tel" maxLength={fieldRules.phone.max} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="landMu" label={t('households.landMu')}>
              <InputNumber min={0} max={fieldRules.landMu.max} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="housing" label={t('households.housing')}>
              <Select options={housings.map((h) => ({ value: h, label: t(`households.housings.${h}`) }))} popupMatchSelectWidth={false} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label={t('households.address')}>
              <Input maxLength={fieldRules.address.max} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Typography.Text>{t('households.livestock')}</Typography.Text>
            <Form.List name="livestock">
              {(items, { add, remove }) => (
                <div style={{ marginTop: 8, marginBottom: 16 }}>
                  {items.map((item) => (
                    <Space key={item.key} align="baseline" wrap style={{ display: 'flex' }}>
                      <Form.Item
                        name={[item.name, 'kind']}
                        rules={[
                          { required: true, whitespace: true, message: t('common.required', { field: t('households.livestockKind') }) },
                        ]}
                      >
                        <Input
                          placeholder={t('households.livestockKindPlaceholder')}
                          maxLength={20}
                          aria-label={t('households.livestockKind')}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[item.name, 'head']}
                        rules={[{ required: true, message: t('common.required', { field: t('households.livestockHead') }) }]}
                      >
                        <InputNumber
                          min={0}
                          max={1000000}
                          precision={0}
                          placeholder={t('households.livestockHead')}
                          aria-label={t('households.livestockHead')}
                        />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(item.name)} aria-label={t('common.cancel')} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: '', head: 1 })}>
                    {t('households.addLivestock')}
                  </Button>
                </div>
              )}
            </Form.List>
          </Col>
          <Col span={24}>
            <Form.Item name="notes" label={t('households.notes')}>
              <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
            </Form.Item>
          </Col>
        </Row>
        {!household && (
          <>
            <Divider titlePlacement="start">{t('households.headSection')}</Divider>
            <Typography.Paragraph type="secondary">{t('households.headHint')}</Typography.Paragraph>
            <MemberFields prefix={['members', 0]} hideRelation brief />
          </>
        )}
      </Form>
    </Drawer>
  );
}
