import { useTranslation } from 'react-i18next';
import { FilterBar, type FilterField } from '../../app/FilterBar';
import type { BranchFilters } from './useBranchFilters';
import { UnitSelect } from './UnitSelect';

/** Name, unit, region and status of the party branches list. */
export function BranchFilterBar({
  filters,
  onChange,
  onReset,
}: {
  filters: BranchFilters;
  onChange: (f: Partial<BranchFilters>) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const fields: FilterField<BranchFilters>[] = [
    { kind: 'search', key: 'q', placeholder: t('branches.searchPlaceholder') },
    {
      kind: 'custom',
      key: 'unitId',
      span: { xs: 24, sm: 12, xl: 6 },
      render: (f, change) => (
        <UnitSelect style={{ width: '100%' }} value={f.unitId} onChange={(unitId) => change({ unitId })} placeholder={t('branches.unit')} />
      ),
    },
    { kind: 'region', key: 'regionCode', placeholder: t('branches.region') },
    {
      kind: 'select',
      key: 'status',
      placeholder: t('units.status'),
      options: (['active', 'dissolved'] as const).map((s) => ({ value: s, label: t(`units.statuses.${s}`) })),
      span: { xs: 12, sm: 6, xl: 3 },
    },
  ];
  return <FilterBar fields={fields} filters={filters} onChange={onChange} onReset={onReset} />;
}
