import type { ReactNode } from 'react';
import { Alert, Card, Col, Descriptions, Row, Typography } from 'antd';
import {
  AuditOutlined,
  BankOutlined,
  ClusterOutlined,
  EnvironmentOutlined,
  IdcardOutlined,
  KeyOutlined,
  ScheduleOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/useCurrentUser';
import { isAdmin } from '../../app/roles';
import { MyHouseholds } from '../pairings/MyHouseholds';
import { CadreWorkCards } from '../worklists/CadreWorkCards';
import { ReviewerWorkCard } from '../worklists/ReviewerWorkCard';

interface Shortcut {
  to: string;
  icon: ReactNode;
  title: string;
  desc: string;
}

/** 工作台: who I am, and links to what I can do today. */
export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const county = user.role === 'county_admin' || user.role === 'system_admin';
  const helper = user.role === 'cadre' || user.role === 'branch_secretary';
  const shortcuts: Shortcut[] = [
    ...(helper
      ? [
          { to: '/my/households', icon: <TeamOutlined />, title: t('menu.myHouseholds'), desc: t('pairings.homeDesc.myHouseholds') },
          { to: '/my/villages', icon: <EnvironmentOutlined />, title: t('menu.myVillages'), desc: t('pairings.homeDesc.myVillages') },
        ]
      : []),
    ...(isAdmin(user.role)
      ? [
          { to: '/programmes', icon: <ScheduleOutlined />, title: t('menu.programmes'), desc: t('pairings.homeDesc.programmes') },
          { to: '/pairings', icon: <ClusterOutlined />, title: t('menu.pairings'), desc: t('pairings.homeDesc.pairings') },
        ]
      : []),
    ...(isAdmin(user.role)
      ? [
          { to: '/households', icon: <TeamOutlined />, title: t('menu.households'), desc: t('home.householdsDesc') },
          { to: '/cadres', icon: <IdcardOutlined />, title: t('menu.cadres'), desc: t('home.cadresDesc') },
          { to: '/worklists', icon: <ScheduleOutlined />, title: t('worklists.adminTitle'), desc: t('worklists.adminDesc') },
        ]
      : []),
    ...(county ? [{ to: '/units', icon: <BankOutlined />, title: t('menu.units'), desc: t('home.unitsDesc') }] : []),
    { to: '/regions', icon: <EnvironmentOutlined />, title: t('menu.regions'), desc: t('home.regionsDesc') },
    ...(isAdmin(user.role)
      ? [
          { to: '/users', icon: <UserSwitchOutlined />, title: t('menu.users'), desc: t('home.usersDesc') },
          { to: '/audit', icon: <AuditOutlined />, title: t('menu.audit'), desc: t('home.auditDesc') },
        ]
      : []),
    { to: '/password', icon: <KeyOutlined />, title: t('menu.password'), desc: t('home.passwordDesc') },
  ];

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
              { key: 'username', label: t('home.username'), children: user.username },
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
        <Col key={s.to} xs={24} sm={12} xl={6}>
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
