import { Breadcrumb } from 'antd';
import { Link, useMatches } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import zhCN, { type Messages } from '../i18n/zh-CN';
import type { MenuKey } from './menu';

/** Pages that are not menu entries themselves (a record's page, the import wizard). */
export type PageCrumb = keyof Messages['crumbs'];

/** Routes declare `handle: { crumb: 'regions' }`; the trail is 工作台 › that page › a record. */
export interface CrumbHandle {
  crumb?: MenuKey | PageCrumb;
}

const labelOf = (t: TFunction, key: MenuKey | PageCrumb) =>
  key in zhCN.crumbs ? t(`crumbs.${key as PageCrumb}`) : t(`menu.${key as MenuKey}`);

export function Breadcrumbs() {
  const { t } = useTranslation();
  const matches = useMatches();
  const crumbs = matches.filter((m) => (m.handle as CrumbHandle | undefined)?.crumb && (m.handle as CrumbHandle).crumb !== 'home');
  const items = [
    { key: 'home', title: crumbs.length > 0 ? <Link to="/">{t('menu.home')}</Link> : t('menu.home') },
    ...crumbs.map((m, i) => {
      const label = labelOf(t, (m.handle as CrumbHandle).crumb!);
      return { key: m.id, title: i < crumbs.length - 1 ? <Link to={m.pathname}>{label}</Link> : label };
    }),
  ];
  return <Breadcrumb items={items} className="lh-breadcrumb" />;
}
