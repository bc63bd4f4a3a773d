import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MyHouseholds } from './MyHouseholds';

export function MyHouseholdsPage() {
  const { t } = useTranslation();
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('pairings.my.households')}
      </Typography.Title>
      <MyHouseholds />
    </Card>
  );
}
