import { useState } from 'react';
import { App, DatePicker, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../api/ids';
import { useCreateProgramme, useProgrammeTemplates, type Programme } from '../../api/programmes';
import { useCurrentUser } from '../../app/auth/useCurrentUser';
import { useApiError } from '../../app/useApiError';
import { RegionPicker } from '../regions/RegionPicker';

interface Values {
  fromTemplate: string;
  name: string;
  regionCode: string;
  startOn: Dayjs;
}

/** 从模板新建: one of the five seed programmes, named, placed and dated; the id made when it opens. */
export function CreateFromTemplateModal({ onClose, onCreated }: { onClose: () => void; onCreated: (p: Programme) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [id] = useState(() => uuidv7());
  const templates = useProgrammeTemplates();
  const create = useCreateProgramme();
  const showError = useApiError();

  const submit = async () => {
    const v = await form.validateFields();
    create.mutate(
      { id, fromTemplate: v.fromTemplate, name: v.name.trim(), regionCode: v.regionCode, startOn: v.startOn.format('YYYY-MM-DD') },
      {
        onSuccess: (p) => {
          void message.success(t('programmes.created', { name: p.name }));
          onCreated(p);
        },
        onError: (e) => showError(e, { form }),
      },
    );
  };

  return (
    <Modal
      open
      title={t('programmes.createTitle')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => {})}
      okText={t('common.create')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ regionCode: user.regionCode, startOn: dayjs().startOf('month') }}
        onValuesChange={(changed: Partial<Values>) => {
          const tpl = templates.data?.find((x) => x.key === changed.fromTemplate);
          if (tpl) form.setFieldValue('name', tpl.name);
        }}
      >
        <Form.Item
          name="fromTemplate"
          label={t('programmes.template')}
          rules={[{ required: true, message: t('common.select', { field: t('programmes.template') }) }]}
        >
          <Radio.Group style={{ width: '100%' }}>
            <Space orientation="vertical">
              {(templates.data ?? []).map((tpl) => (
                <Radio key={tpl.key} value={tpl.key}>
                  {tpl.name}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('programmes.seed', { place: t(`programmes.seedPlaces.${tpl.seed as '000'}`) })}
                  </Typography.Text>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="name"
          label={t('programmes.name')}
          rules={[{ required: true, message: t('common.required', { field: t('programmes.name') }) }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('programmes.region')}
          rules={[{ required: true, message: t('common.select', { field: t('programmes.region') }) }]}
        >
          <RegionPicker />
        </Form.Item>
        <Form.Item
          name="startOn"
          label={t('programmes.startOn')}
          rules={[{ required: true, message: t('common.select', { field: t('programmes.startOn') }) }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
