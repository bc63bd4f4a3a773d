import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCreateGroup } from '../../api/regions';
import { uuidv7 } from '../../api/ids';
import type { Region } from '../../api/types';
import { useApiError } from '../../app/useApiError';

/** 添加组: a group (组/社) under a village. The id is made once per dialog, so a retry is harmless. */
export function AddGroupModal({
  village,
  open,
  onClose,
  onAdded,
}: {
  village: Region;
  open: boolean;
  onClose: () => void;
  onAdded: (code: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const [id, setId] = useState(uuidv7);
  const create = useCreateGroup();
  const showError = useApiError();

  const submit = async () => {
    const { name } = await form.validateFields();
    create.mutate(
      { id, parentCode: village.code, name: name.trim() },
      {
        onSuccess: (g) => {
          void message.success(t('regions.groupAdded', { name: g.name }));
          onAdded(g.code);
          onClose();
        },
        onError: (e) => showError(e, { form }),
      },
    );
  };

  return (
    <Modal
      title={t('regions.addGroupTitle', { village: village.name })}
      open={open}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      okText={t('common.save')}
      confirmLoading={create.isPending}
      destroyOnHidden
      afterClose={() => setId(uuidv7())}
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={() => void submit()}>
        <Form.Item
          name="name"
          label={t('regions.groupName')}
          rules={[
            { required: true, whitespace: true, message: t('regions.groupNameRequired') },
            { max: 30, message: t('regions.groupNameTooLong') },
          ]}
        >
          <Input placeholder={t('regions.groupNamePlaceholder')} autoFocus maxLength={30} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
