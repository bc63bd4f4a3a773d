import { useState } from 'react';
import { Button, Form, Input, Result, Skeleton, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { CenteredCard } from '../../app/CenteredCard';

/** Public (no login): the page the family's phone opens when it scans the visit's QR code. */
export function ConfirmPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const visit = useQuery({
    queryKey: ['public-confirmation', token],
    queryFn: () => data(api.GET('/api/public/visit-confirmations/{token}', { params: { path: { token } } })),
    retry: false,
  });
  const confirm = useMutation({
    mutationFn: () =>
      data(
        api.POST('/api/public/visit-confirmations/{token}', {
          params: { path: { token } },
          body: { confirmedByName: name.trim() || null },
        }),
      ),
  });
  const v = confirm.data ?? visit.data;
  return (
    <CenteredCard title={t('visits.publicTitle')}>
      {visit.isPending ? (
        <Skeleton active />
      ) : !v ? (
        <Result status="warning" title={t('visits.publicExpired')} />
      ) : v.confirmed ? (
        <Result status="success" title={t('visits.publicDone')} />
      ) : (
        <Form layout="vertical" onFinish={() => confirm.mutate()}>
          <Typography.Paragraph style={{ fontSize: 16 }}>
            {t('visits.publicAsk', { cadres: v.cadreNames.join('、'), day: v.visitedOn, kind: v.kindName })}
          </Typography.Paragraph>
          <Form.Item label={t('visits.publicYourName')}>
            <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={20} />
          </Form.Item>
          {confirm.isError && <Typography.Paragraph type="danger">{(confirm.error as Error).message}</Typography.Paragraph>}
          <Button type="primary" htmlType="submit" size="large" block loading={confirm.isPending}>
            {t('visits.publicConfirm')}
          </Button>
        </Form>
      )}
    </CenteredCard>
  );
}
