import { useTranslation } from 'react-i18next';
import { FilterBar, type FilterField } from '../../app/FilterBar';
import { roles } from '../../app/roles';
import type { UserFilters } from './useUserFilters';

/** Search box, role, status, region; a choice applies at once, the text on Enter. */
export function UserFilterBar({
  filters,
  onChange,
  onReset,
}: {
  filters: UserFilters;
  onChange: (f: Partial<UserFilters>) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const fields: FilterField<UserFilters>[] = [
    { kind: 'search', key: 'q', placeholder: t('users.searchPlaceholder') },
    {
      kind: 'select',
      key: 'role',
      placeholder: t('users.role'),
      options: roles.map((r) => ({ value: r, label: t(`roles.${r}`) })),
      wideMenu: true,
    },
    {
      kind: 'select',
      key: 'status',
      placeholder: t('users.status'),
      options: [
        { value: 'active', label: t('users.active') },
        { value: 'disabled', label: t('users.disabled') },
      ],
      span: { xs: 12, sm: 6, lg: 3 },
    },
    { kind: 'region', key: 'regionCode', placeholder: t('users.region'), span: { xs: 24, sm: 12, lg: 6 } },
  ];
  return <FilterBar fields={fields} filters={filters} onChange={onChange} onReset={onReset} />;
}
