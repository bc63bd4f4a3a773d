import { App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useRecordRename } from '../../api/regions';
import type { Region } from '../../api/types';
import { useApiError } from '../../app/useApiError';

interface Values {
  oldName: string;
  newName: string;
  on: Dayjs;
}

/** 记录更名: the name a region had before a day; the code stays and the old name is kept in its history. */
export function RecordRenameModal({ region, open, onClose, onStale, onDone }: { region: Region; open: boolean; onClose: () => void; onStale: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rename = useRecordRename();
  const showError = useApiError();

  const submit = async () => {
    const v = await form.validateFields();
    rename.mutate(
      { code: region.code, version: region.version, on: v.on.format('YYYY-MM-DD'), oldName: v.oldName, newName: v.newName },
      {
        onSuccess: () => {
          void message.success(t('regionHistory.renamed'));
          onDone();
          onClose();
        },
        onError: (e) => showError(e, { form, onStale: () => (onStale(), onClose()) }),
      },
    );
  };

  return (
    <Modal
      title={t('regionHistory.renameTitle', { name: region.name })}
      open={open}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      okText={t('common.save')}
      confirmLoading={rename.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ newName: region.name }}>
        <Form.Item name="oldName" label={t('regionHistory.oldName')} rules={[{ required: true, whitespace: true, message: t('regionHistory.oldNameRequired') }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="newName" label={t('regionHistory.newName')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="on" label={t('regionHistory.renameOn')} rules={[{ required: true, message: t('regionHistory.onRequired') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
