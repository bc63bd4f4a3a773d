import { Menu, Tooltip } from 'antd';
import type { MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/useCurrentUser';
import { menuFor, selectedKey } from './menu';

/** The side menu: the pages of the user's role, then those coming soon (greyed out). */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const location = useLocation();
  const { ready, soon } = menuFor(user.role);

  const items: MenuProps['items'] = [
    ...ready.map((e) => ({ key: e.key, icon: e.icon, label: t(`menu.${e.key}`), onClick: () => (void navigate(e.path), onNavigate?.()) })),
    ...(soon.length > 0
      ? [
          {
            type: 'group' as const,
            key: 'soon',
            label: t('app.comingSoon'),
            children: soon.map((e) => ({
              key: e.key,
              icon: e.icon,
              disabled: true,
              label: (
                <Tooltip title={t('app.comingSoon')} placement="right">
                  <span>{t(`menu.${e.key}`)}</span>
                </Tooltip>
              ),
            })),
          },
        ]
      : []),
  ];

  return (
    <Menu mode="inline" selectedKeys={[selectedKey(location.pathname, location.search, user.role)]} items={items} style={{ borderInlineEnd: 0 }} />
  );
}
