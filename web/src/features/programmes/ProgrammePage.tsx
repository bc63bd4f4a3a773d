import { useState } from 'react';
import { Badge, Button, Card, Descriptions, Flex, Result, Skeleton, Tabs, Typography } from 'antd';
import { EditOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { programmeKeys, useProgramme } from '../../api/programmes';
import { useCurrentUser } from '../../app/auth/useCurrentUser';
import { isAdmin } from '../../app/roles';
import { PairingBoard } from '../pairings/PairingBoard';
import { AdjustModal } from './AdjustModal';
import { ParticipantsTab } from './ParticipantsTab';
import { periodText } from './periodText';
import { RequirementsView } from './RequirementsView';
import { RoundsTab } from './RoundsTab';

const tabs = ['requirements', 'rounds', 'participants', 'board'] as const;
type Tab = (typeof tabs)[number];

/** A programme: its header, then requirements, rounds, participants and the pairing board (tab in the address). */
export function ProgrammePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const user = useCurrentUser();
  const qc = useQueryClient();
  const programme = useProgramme(id);
  const [adjusting, setAdjusting] = useState(false);
  const tab: Tab = tabs.includes(params.get('tab') as Tab) ? (params.get('tab') as Tab) : 'requirements';
  const editable = isAdmin(user.role);
  const reload = () => void qc.invalidateQueries({ queryKey: programmeKeys.all });

  if (programme.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (!programme.data) {
    const missing = programme.error instanceof ApiError && (programme.error.status === 404 || programme.error.status === 400);
    return (
      <Result
        status={missing ? '404' : 'warning'}
        title={missing ? t('programmes.notFound') : t('app.networkError')}
        extra={<Link to="/programmes">{t('programmes.title')}</Link>}
      />
    );
  }
  const p = programme.data;

  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="start" wrap gap={8}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="programme-name">
            {p.name}
          </Typography.Title>
          {editable && (
            <Flex gap={8} wrap>
              <Link to="/imports?kind=pairings">
                <Button icon={<UploadOutlined />}>{t('programmes.importPairings')}</Button>
              </Link>
              <Button icon={<EditOutlined />} onClick={() => setAdjusting(true)}>
                {t('programmes.adjust')}
              </Button>
            </Flex>
          )}
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 5 }}
          style={{ marginTop: 12 }}
          items={[
            { key: 'region', label: t('programmes.region'), children: p.regionName ?? p.regionCode },
            { key: 'period', label: t('programmes.period'), children: periodText(p.period, t) },
            {
              key: 'status',
              label: t('programmes.status'),
              children: <Badge status={p.status === 'active' ? 'processing' : 'default'} text={t(`programmes.statuses.${p.status}`)} />,
            },
            {
              key: 'participants',
              label: t('programmes.tabs.participants'),
              children: t('programmes.participants', { count: p.participantCount }),
            },
            { key: 'pairings', label: t('pairings.title'), children: t('programmes.pairingsCount', { count: p.pairingCount }) },
          ]}
        />
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams(k === 'requirements' ? {} : { tab: k }, { replace: true })}
          items={[
            { key: 'requirements', label: t('programmes.tabs.requirements'), children: <RequirementsView definition={p} /> },
            {
              key: 'rounds',
              label: t('programmes.tabs.rounds'),
              children: <RoundsTab programme={p} editable={editable} onStale={reload} />,
            },
            {
              key: 'participants',
              label: t('programmes.tabs.participants'),
              children: <ParticipantsTab programme={p} editable={editable} onStale={reload} />,
            },
            { key: 'board', label: t('programmes.tabs.board'), children: <PairingBoard programme={p} editable={editable} /> },
          ]}
          destroyOnHidden
        />
      </Card>
      {adjusting && <AdjustModal programme={p} onClose={() => setAdjusting(false)} onStale={reload} />}
    </>
  );
}
