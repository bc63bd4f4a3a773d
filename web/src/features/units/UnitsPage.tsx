import { Card, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BranchesTab } from './BranchesTab';
import { UnitsTab } from './UnitsTab';

/** 单位/部门: units (单位) and party branches (党支部), a tab each (?tab=branches). */
export function UnitsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'branches' ? 'branches' : 'units';
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('units.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'branches' ? { tab: 'branches' } : {}, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'units', label: t('units.unitsTab'), children: <UnitsTab /> },
          { key: 'branches', label: t('units.branchesTab'), children: <BranchesTab /> },
        ]}
      />
    </Card>
  );
}
