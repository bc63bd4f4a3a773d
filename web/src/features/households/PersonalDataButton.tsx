import { useState } from 'react';
import { Alert, Button, Modal, Table } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { usePersonalView } from '../../api/households';
import type { Household, PersonalData } from '../../api/types';
import { useApiError } from '../../app/useApiError';

/**
 * 查看完整信息: full ID numbers and phones, fetched only when asked; the server writes each view to
 * the audit log. Shown only to the roles that may see personal data.
 */
export function PersonalDataButton({ household }: { household: Household }) {
  const { t } = useTranslation();
  const view = usePersonalView();
  const showError = useApiError();
  const [shown, setShown] = useState<PersonalData | null>(null);
  const head = household.members.find((m) => m.relation === 'head');
  const rows = shown
    ? [
        ...(shown.phone ? [{ id: 'household', name: t('households.householdPhone'), idNumber: null, phone: shown.phone }] : []),
        ...shown.members,
      ]
    : [];

  return (
    <>
      <Button
        icon={<EyeOutlined />}
        loading={view.isPending}
        onClick={() => view.mutate(household.id, { onSuccess: setShown, onError: (e) => showError(e) })}
      >
        {t('households.personalView')}
      </Button>
      <Modal
        open={!!shown}
        title={t('households.personalTitle', { name: head?.name ?? '' })}
        onCancel={() => setShown(null)}
        footer={null}
        width={640}
        destroyOnHidden
      >
        <Alert type="warning" showIcon title={t('households.personalAudited')} style={{ marginBottom: 12 }} />
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('members.name'), dataIndex: 'name' },
            {
              title: t('members.idNumber'),
              dataIndex: 'idNumber',
              render: (v: string | null) => <span style={{ fontFamily: 'monospace' }}>{v ?? '—'}</span>,
            },
            { title: t('members.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Modal>
    </>
  );
}
