import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUpdateRegion } from '../../api/regions';
import type { Region } from '../../api/types';
import { useApiError } from '../../app/useApiError';

/** 重命名 a group; sends the version read, so a concurrent change is reported, not overwritten. */
export function RenameGroupModal({
  group,
  open,
  onClose,
  onStale,
  onDone,
}: {
  group: Region;
  open: boolean;
  onClose: () => void;
  onStale: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const update = useUpdateRegion();
  const showError = useApiError();

  const submit = async () => {
    const { name } = await form.validateFields();
    update.mutate(
      { code: group.code, version: group.version, name: name.trim() },
      {
        onSuccess: () => {
          void message.success(t('regions.renamed'));
          onDone();
          onClose();
        },
        onError: (e) =>
          showError(e, {
            form,
            onStale: () => {
              onStale();
              onClose();
            },
          }),
      },
    );
  };

  return (
    <Modal
      title={t('regions.renameTitle', { name: group.name })}
      open={open}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      okText={t('common.save')}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ name: group.name }} onFinish={() => void submit()}>
        <Form.Item
          name="name"
          label={t('regions.groupName')}
          rules={[
            { required: true, whitespace: true, message: t('regions.groupNameRequired') },
            { max: 30, message: t('regions.groupNameTooLong') },
          ]}
        >
          <Input autoFocus maxLength={30} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
