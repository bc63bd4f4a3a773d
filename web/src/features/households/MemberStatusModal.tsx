import { Alert, App, DatePicker, Form, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMemberStatus } from '../../api/households';
import type { Household, Member, MemberStatus } from '../../api/types';
import { useApiError } from '../../app/useApiError';

interface Values {
  status: MemberStatus;
  on: Dayjs;
  newHeadId?: string;
}

/** A member moves out or dies (or comes back). A departing head names the member who takes over. */
export function MemberStatusModal({
  household,
  member,
  onClose,
  onStale,
}: {
  household: Household;
  member: Member;
  onClose: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useMemberStatus();
  const showError = useApiError();
  const leaving = member.status === 'active';
  const others = household.members.filter((m) => m.id !== member.id && m.status === 'active');
  const needsHead = leaving && member.relation === 'head';

  const submit = async () => {
    const v = await form.validateFields();
    change.mutate(
      {
        id: member.id,
        version: member.version,
        status: v.status,
        on: v.on.format('YYYY-MM-DD'),
        ...(v.newHeadId ? { newHeadId: v.newHeadId } : {}),
      },
      {
        onSuccess: () => (void message.success(t('members.statusDone')), onClose()),
        onError: (e) => showError(e, { form, onStale: () => (onStale(), onClose()) }),
      },
    );
  };

  return (
    <Modal
      open
      title={leaving ? t('members.leaveTitle', { name: member.name }) : t('members.comeBack')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => {})}
      okText={t('common.confirm')}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ status: leaving ? 'left' : 'active', on: dayjs() }}>
        {leaving ? (
          <Form.Item name="status" label={t('members.leaveStatus')}>
            <Radio.Group
              options={[
                { value: 'left', label: t('members.statuses.left') },
                { value: 'deceased', label: t('members.statuses.deceased') },
              ]}
            />
          </Form.Item>
        ) : (
          <Form.Item name="status" hidden>
            <Radio.Group options={[{ value: 'active', label: '' }]} />
          </Form.Item>
        )}
        <Form.Item
          name="on"
          label={t('members.leaveOn')}
          rules={[{ required: true, message: t('common.select', { field: t('members.leaveOn') }) }]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
        {needsHead && (
          <>
            <Alert type="info" showIcon title={t('members.newHeadRequired')} style={{ marginBottom: 16 }} />
            <Form.Item
              name="newHeadId"
              label={t('members.newHead')}
              rules={[{ required: others.length > 0, message: t('members.newHeadRequired') }]}
            >
              <Select options={others.map((m) => ({ value: m.id, label: `${m.name}（${t(`members.relations.${m.relation}`)}）` }))} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
