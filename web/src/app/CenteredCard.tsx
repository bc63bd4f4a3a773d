import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';

/** The frame of the pages shown before the main layout: login and the first password change. */
export function CenteredCard({ title, children, extra }: { title: ReactNode; children: ReactNode; extra?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="lh-centered">
      <Flex justify="flex-end" gap={12} align="center" className="lh-centered-top">
        {extra}
        <LanguageSwitch />
      </Flex>
      <Flex vertical align="center" gap={8} className="lh-centered-brand">
        <Logo size={48} />
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('auth.subtitle')}</Typography.Text>
      </Flex>
      <Card title={title} className="lh-centered-card">
        {children}
      </Card>
    </div>
  );
}
