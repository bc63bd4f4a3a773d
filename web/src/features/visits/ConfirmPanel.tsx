import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../app/useApiError';
import { type Confirmation, type Visit, useConfirmByCode, useRequestConfirmation } from './api';
import { QrCode } from './QrCode';

/**
 * The household confirms the visit: a family member scans the QR code shown on the cadre's
 * phone, or reads aloud the 6-digit code texted to the household's phone.
 */
export function ConfirmPanel({ visit, autoStart, onRefresh }: { visit: Visit; autoStart?: boolean; onRefresh: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const request = useRequestConfirmation();
  const confirm = useConfirmByCode();
  const [conf, setConf] = useState<Confirmation | null>(null);
  const started = useRef(false);
  const [form] = Form.useForm<{ code: string; confirmedByName?: string }>();

  const start = () => {
    started.current = true;
    request.mutate(visit.id, { onSuccess: setConf, onError: (e) => showError(e) });
  };
  const open = autoStart && !visit.confirmed && visit.status === 'recorded';
  useEffect(() => {
    // Right after saving, the QR code is shown at once: the family is standing there.
    if (open && !started.current) start();
  }, [open]);

  if (visit.confirmed) return null;
  if (!conf)
    return (
      <Button type="primary" block size="large" onClick={start} loading={request.isPending}>
        {t('visits.confirmStart')}
      </Button>
    );
  const link = new URL(conf.confirmUrl, window.location.origin).toString();
  return (
    <Flex vertical align="center" gap={12} data-testid="confirm-panel">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('visits.confirmTitle')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('visits.confirmScan')}</Typography.Text>
      <QrCode text={link} />
      <Typography.Text type="secondary">{t('visits.confirmExpires', { time: dayjs(conf.expiresAt).format('HH:mm') })}</Typography.Text>
      <Button icon={<ReloadOutlined />} onClick={onRefresh}>
        {t('visits.refreshConfirmed')}
      </Button>
      {conf.codeSentTo ? (
        <Form
          form={form}
          layout="vertical"
          style={{ width: '100%', maxWidth: 360 }}
          onFinish={(v) =>
            confirm.mutate(
              { id: visit.id, code: v.code, confirmedByName: v.confirmedByName },
              { onSuccess: () => void message.success(t('visits.confirmed')), onError: (e) => showError(e, { form }) },
            )
          }
        >
          <Typography.Paragraph>{t('visits.codeSent', { phone: conf.codeSentTo })}</Typography.Paragraph>
          <Form.Item
            name="code"
            label={t('visits.code')}
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('visits.codeInvalid') }]}
          >
            <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" />
          </Form.Item>
          <Form.Item name="confirmedByName" label={t('visits.confirmedByName')}>
            <Input maxLength={20} />
          </Form.Item>
          <Button htmlType="submit" block loading={confirm.isPending}>
            {t('visits.confirmCode')}
          </Button>
        </Form>
      ) : (
        <Alert type="info" title={t('visits.codeNotSent')} />
      )}
    </Flex>
  );
}
