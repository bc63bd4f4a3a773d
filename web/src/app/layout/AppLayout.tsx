import { useState } from 'react';
import { Button, Drawer, Flex, Grid, Layout, Typography } from 'antd';
import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Link, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NotificationBell } from '../../features/notifications/NotificationBell';
import { LanguageSwitch } from '../LanguageSwitch';
import { Logo } from '../Logo';
import { Breadcrumbs } from './Breadcrumbs';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';

/** Side menu + top bar + breadcrumbs; below the md breakpoint the menu moves into a drawer. */
export function AppLayout() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const wide = screens.lg === true;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  const brand = (showName: boolean) => (
    <Link to="/" className="lh-brand">
      <Logo size={28} />
      {showName && <Typography.Text strong>{t('app.name')}</Typography.Text>}
    </Link>
  );

  return (
    <Layout className="lh-layout">
      {!phone && (
        <Layout.Sider theme="light" width={208} collapsedWidth={64} collapsed={collapsed} className="lh-sider" trigger={null} collapsible>
          <div className="lh-sider-brand">{brand(!collapsed)}</div>
          <SideMenu />
        </Layout.Sider>
      )}
      {phone && (
        <Drawer
          placement="left"
          size={240}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={brand(true)}
          styles={{ body: { padding: 0 } }}
        >
          <SideMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
      <Layout>
        <Layout.Header className="lh-header">
          <Flex align="center" gap={8} style={{ minWidth: 0 }}>
            {phone ? (
              <>
                <Button type="text" icon={<MenuOutlined />} aria-label={t('menu.openMenu')} onClick={() => setDrawerOpen(true)} />
                {brand(true)}
              </>
            ) : (
              <Button
                type="text"
                icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                onClick={() => setCollapsed(!collapsed)}
                aria-label={t('menu.openMenu')}
              />
            )}
          </Flex>
          <Flex align="center" gap={phone ? 4 : 12} style={{ minWidth: 0 }}>
            <NotificationBell />
            <LanguageSwitch />
            <UserMenu compact={!wide} />
          </Flex>
        </Layout.Header>
        <Layout.Content className="lh-content">
          <Breadcrumbs />
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
