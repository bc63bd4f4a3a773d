import { useState } from 'react';
import { Button, Card, Result, Skeleton, Tabs } from 'antd';
import { EditOutlined, SolutionOutlined, SwapOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { householdKeys, useHousehold } from '../../api/households';
import { useCurrentUser } from '../../app/auth/useCurrentUser';
import { maySeePersonalData, mayEditRegistry } from '../../app/roles';
import { CallButton } from './CallButton';
import { HouseholdFormDrawer } from './HouseholdFormDrawer';
import { HouseholdHeader } from './HouseholdHeader';
import { HouseholdStatusModal } from './HouseholdStatusModal';
import { IncomeTab } from './IncomeTab';
import { MembersTab } from './MembersTab';
import { PersonalDataButton } from './PersonalDataButton';
import { SurveyTab } from './SurveyTab';
import { HelpersTab } from '../pairings/HelpersTab';
import { TimelineTab } from './TimelineTab';

const tabs = ['members', 'income', 'survey', 'helpers', 'timeline'] as const;
type Tab = (typeof tabs)[number];

/** The household page: a header card, then members, income by year, survey and timeline (tab in the address). */
export function HouseholdPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const user = useCurrentUser();
  const qc = useQueryClient();
  const household = useHousehold(id);
  const [dialog, setDialog] = useState<'edit' | 'status' | null>(null);
  const tab: Tab = tabs.includes(params.get('tab') as Tab) ? (params.get('tab') as Tab) : 'members';
  const editable = mayEditRegistry(user.role);
  const reload = () =>
    void Promise.all([qc.invalidateQueries({ queryKey: householdKeys.all }), qc.invalidateQueries({ queryKey: ['surveys'] })]);

  if (household.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (!household.data) {
    const missing = household.error instanceof ApiError && (household.error.status === 404 || household.error.status === 400);
    return (
      <Result
        status={missing ? '404' : 'warning'}
        title={missing ? t('households.notFound') : t('app.networkError')}
        extra={<Link to="/households">{t('menu.households')}</Link>}
      />
    );
  }
  const h = household.data;

  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <HouseholdHeader
          household={h}
          actions={
            <>
              {editable && (
                <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                  {t('common.edit')}
                </Button>
              )}
              {editable && (
                <Button icon={<SwapOutlined />} onClick={() => setDialog('status')}>
                  {t('households.changeStatus')}
                </Button>
              )}
              {h.helper && (
                <Link to={`/visits/new?household=${h.id}`}>
                  <Button type="primary" icon={<SolutionOutlined />} data-testid="record-visit">
                    {t('menu.recordVisit')}
                  </Button>
                </Link>
              )}
              {h.helper && !maySeePersonalData(user.role) && <CallButton household={h} />}
              {maySeePersonalData(user.role) && <PersonalDataButton household={h} />}
            </>
          }
        />
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams(k === 'members' ? {} : { tab: k }, { replace: true })}
          items={[
            {
              key: 'members',
              label: t('households.tabs.members'),
              children: <MembersTab household={h} editable={editable} onStale={reload} />,
            },
            {
              key: 'income',
              label: t('households.tabs.income'),
              children: <IncomeTab household={h} editable={editable} onStale={reload} />,
            },
            { key: 'survey', label: t('households.tabs.survey'), children: <SurveyTab householdId={h.id} onStale={reload} /> },
            { key: 'helpers', label: t('pairings.helpers.tab'), children: <HelpersTab householdId={h.id} /> },
            { key: 'timeline', label: t('households.tabs.timeline'), children: <TimelineTab householdId={h.id} /> },
          ]}
          destroyOnHidden
        />
      </Card>
      {dialog === 'edit' && <HouseholdFormDrawer household={h} open onClose={() => setDialog(null)} onStale={reload} />}
      {dialog === 'status' && <HouseholdStatusModal household={h} onClose={() => setDialog(null)} onStale={reload} />}
    </>
  );
}
