import { useTranslation } from 'react-i18next';
import { FilterBar, type FilterField } from '../../app/FilterBar';
import { unitKinds, unitLevels, type UnitFilters } from './useUnitFilters';

/** Name, level, kind, status and region of the units list. */
export function UnitFilterBar({
  filters,
  onChange,
  onReset,
}: {
  filters: UnitFilters;
  onChange: (f: Partial<UnitFilters>) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const fields: FilterField<UnitFilters>[] = [
    { kind: 'search', key: 'q', placeholder: t('units.searchPlaceholder') },
    {
      kind: 'select',
      key: 'level',
      placeholder: t('units.level'),
      options: unitLevels.map((l) => ({ value: l, label: t(`levels.${l}`) })),
      span: { xs: 12, sm: 6, lg: 3 },
    },
    {
      kind: 'select',
      key: 'kind',
      placeholder: t('units.kind'),
      options: unitKinds.map((k) => ({ value: k, label: t(`units.kinds.${k}`) })),
      wideMenu: true,
    },
    {
      kind: 'select',
      key: 'status',
      placeholder: t('units.status'),
      options: (['active', 'dissolved'] as const).map((s) => ({ value: s, label: t(`units.statuses.${s}`) })),
      span: { xs: 12, sm: 6, lg: 3 },
    },
    { kind: 'region', key: 'regionCode', placeholder: t('units.region') },
  ];
  return <FilterBar fields={fields} filters={filters} onChange={onChange} onReset={onReset} />;
}
