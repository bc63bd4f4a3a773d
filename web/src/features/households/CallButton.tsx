import { useState } from 'react';
import { Button, Modal, Space, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { usePersonalView } from '../../api/households';
import type { Household, PersonalData } from '../../api/types';
import { useApiError } from '../../app/useApiError';

/**
 * 拨打: the household's own helper opens the phones (the server writes the view to the audit log)
 * and calls with one tap.
 */
export function CallButton({ household }: { household: Household }) {
  const { t } = useTranslation();
  const view = usePersonalView();
  const showError = useApiError();
  const [shown, setShown] = useState<PersonalData | null>(null);
  const phones = shown
    ? [
        ...(shown.phone ? [{ id: 'household', name: t('households.householdPhone'), phone: shown.phone }] : []),
        ...shown.members.filter((m) => m.phone).map((m) => ({ id: m.id, name: m.name, phone: m.phone! })),
      ]
    : [];
  return (
    <>
      <Button
        icon={<PhoneOutlined />}
        loading={view.isPending}
        onClick={() => view.mutate(household.id, { onSuccess: setShown, onError: (e) => showError(e) })}
        data-testid="call-household"
      >
        {t('households.call')}
      </Button>
      <Modal open={!!shown} title={t('households.callTitle')} onCancel={() => setShown(null)} footer={null} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t('households.callAudited')}</Typography.Paragraph>
        {phones.length === 0 && <Typography.Text>{t('households.noPhone')}</Typography.Text>}
        <Space orientation="vertical" style={{ width: '100%' }}>
          {phones.map((p) => (
            <Button key={p.id} block size="large" icon={<PhoneOutlined />} href={`tel:${p.phone}`} data-testid="call-number">
              {p.name} {p.phone}
            </Button>
          ))}
        </Space>
      </Modal>
    </>
  );
}
