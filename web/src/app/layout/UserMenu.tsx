import { Avatar, Button, Dropdown, Flex, Tag, Typography } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../../api/auth';
import { useCurrentUser } from '../auth/useCurrentUser';

/** Who is signed in (name, role, region) and the way out; compact on phones. */
export function UserMenu({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const doLogout = () => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });
  const region = user.regionName ?? user.regionCode;

  if (compact) {
    return (
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'who',
              disabled: true,
              label: (
                <Flex vertical style={{ maxWidth: 240 }}>
                  <Typography.Text strong>{user.displayName}</Typography.Text>
                  <Typography.Text type="secondary">{t(`roles.${user.role}`)}</Typography.Text>
                  <Typography.Text type="secondary">{region}</Typography.Text>
                </Flex>
              ),
            },
            { type: 'divider' },
            { key: 'logout', icon: <LogoutOutlined />, label: t('menu.logout'), onClick: doLogout },
          ],
        }}
      >
        <Button type="text" shape="circle" aria-label={user.displayName} icon={<Avatar size="small" icon={<UserOutlined />} />} />
      </Dropdown>
    );
  }

  return (
    <Flex align="center" gap={12} className="lh-user">
      <Avatar size="small" icon={<UserOutlined />} style={{ flex: 'none' }} />
      <Typography.Text strong ellipsis className="lh-user-name" data-testid="user-name">
        {user.displayName}
      </Typography.Text>
      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
        {t(`roles.${user.role}`)}
      </Tag>
      <Typography.Text type="secondary" ellipsis>
        {region}
      </Typography.Text>
      <Button type="text" icon={<LogoutOutlined />} onClick={doLogout} loading={logout.isPending}>
        {t('menu.logout')}
      </Button>
    </Flex>
  );
}
