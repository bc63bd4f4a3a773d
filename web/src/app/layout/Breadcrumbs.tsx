import { Breadcrumb } from 'antd';
import { Link, useMatches } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MenuKey } from './menu';

/** Routes declare `handle: { crumb: 'regions' }`; the trail is 工作台 › that page. */
export interface CrumbHandle {
  crumb?: MenuKey;
}

export function Breadcrumbs() {
  const { t } = useTranslation();
  const matches = useMatches();
  const crumbs = matches.filter((m) => (m.handle as CrumbHandle | undefined)?.crumb && (m.handle as CrumbHandle).crumb !== 'home');
  const items = [
    { key: 'home', title: crumbs.length > 0 ? <Link to="/">{t('menu.home')}</Link> : t('menu.home') },
    ...crumbs.map((m, i) => {
      const label = t(`menu.${(m.handle as CrumbHandle).crumb!}`);
      return { key: m.id, title: i < crumbs.length - 1 ? <Link to={m.pathname}>{label}</Link> : label };
    }),
  ];
  return <Breadcrumb items={items} className="lh-breadcrumb" />;
}
