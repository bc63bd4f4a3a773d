import type { ReactNode } from 'react';
import { Alert, Card, Col, Descriptions, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/useCurrentUser';
import { isAdmin } from '../../app/roles';
import { menuFor } from '../../app/layout/menu';
import { MyHouseholds } from '../pairings/MyHouseholds';
import { CadreWorkCards } from '../worklists/CadreWorkCards';
import { ReviewerWorkCard } from '../worklists/ReviewerWorkCard';

interface Shortcut {
  key: string;
  to: string;
  icon: ReactNode;
  title: string;
  desc: string;
}

/** 工作台: who I am, and links to what I can do today. */
export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const helper = user.role === 'cadre' || user.role === 'branch_secretary';
  // The shortcuts are the role's menu (the same pages, with a line on each), so nothing is offered here that the menu hides.
  const descs: Record<string, string> = {
    worklist: t('home.descs.worklist'),
    households: user.role === 'leader' ? t('home.descs.leaderHouseholds') : t('home.householdsDesc'),
    cadres: t('home.cadresDesc'),
    unitCadres: t('home.descs.unitCadres'),
    units: t('home.unitsDesc'),
    programmes: t('pairings.homeDesc.programmes'),
    pairings: t('pairings.homeDesc.pairings'),
    unitPairings: t('home.descs.unitPairings'),
    myHouseholds: t('pairings.homeDesc.myHouseholds'),
    myVillages: t('pairings.homeDesc.myVillages'),
    recordVisit: t('home.descs.recordVisit'),
    diaries: t('home.descs.diaries'),
    diaryReview: t('home.descs.diaryReview'),
    diaryAudit: t('home.descs.diaryAudit'),
    regions: t('home.regionsDesc'),
    users: t('home.usersDesc'),
    audit: t('home.auditDesc'),
    password: t('home.passwordDesc'),
  };
  const shortcuts: Shortcut[] = menuFor(user.role)
    .ready.filter((e) => e.key !== 'home')
    .map((e) => ({ key: e.key, to: e.path, icon: e.icon, title: t(`menu.${e.key}`), desc: descs[e.key] ?? '' }));

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card>
          <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="welcome">
            {t('home.welcome', { name: user.displayName })}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 3 }}
            items={[
              { key: 'role', label: t('home.role'), children: t(`roles.${user.role}`) },
              {
                key: 'region',
                label: t('home.region'),
                children: <Link to={`/regions/${user.regionCode}`}>{user.regionName ?? user.regionCode}</Link>,
              },
            ]}
          />
        </Card>
      </Col>
      {(user.role === 'cadre' || user.role === 'branch_secretary') && (
        <Col span={24}>
          <CadreWorkCards />
        </Col>
      )}
      {(user.role === 'branch_secretary' || isAdmin(user.role)) && (
        <Col span={24}>
          <ReviewerWorkCard />
        </Col>
      )}
      {helper && (
        <Col span={24}>
          <Card size="small" title={<Link to="/my/households">{t('menu.myHouseholds')}</Link>}>
            <MyHouseholds limit={6} />
          </Card>
        </Col>
      )}
      <Col span={24}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('home.shortcuts')}
        </Typography.Title>
      </Col>
      {shortcuts.map((s) => (
        <Col key={s.key} xs={24} sm={12} xl={6}>
          <Link to={s.to} style={{ display: 'flex', height: '100%' }}>
            <Card hoverable size="small" style={{ flex: 1 }}>
              <Card.Meta avatar={<span style={{ fontSize: 24, color: '#1677ff' }}>{s.icon}</span>} title={s.title} description={s.desc} />
            </Card>
          </Link>
        </Col>
      ))}
      <Col span={24}>
        <Alert type="info" showIcon title={t('home.upcoming')} description={t('home.upcomingDesc')} />
      </Col>
    </Row>
  );
}
