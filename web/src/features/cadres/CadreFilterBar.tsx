import { useTranslation } from 'react-i18next';
import { FilterBar, type FilterField } from '../../app/FilterBar';
import { BranchSelect } from '../units/BranchSelect';
import { UnitSelect } from '../units/UnitSelect';
import { cadreRanks, type CadreFilters } from './useCadreFilters';

/** Search, rank, status and unit of the cadre list; branch, region and account under “更多筛选”. */
export function CadreFilterBar({
  filters,
  onChange,
  onReset,
}: {
  filters: CadreFilters;
  onChange: (f: Partial<CadreFilters>) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const fields: FilterField<CadreFilters>[] = [
    { kind: 'search', key: 'q', placeholder: t('cadres.searchPlaceholder') },
    {
      kind: 'select',
      key: 'rank',
      placeholder: t('cadres.rank'),
      options: cadreRanks.map((r) => ({ value: r, label: t(`cadres.ranks.${r}`) })),
      wideMenu: true,
    },
    {
      kind: 'select',
      key: 'status',
      placeholder: t('cadres.status'),
      options: (['active', 'left'] as const).map((s) => ({ value: s, label: t(`cadres.statuses.${s}`) })),
      span: { xs: 12, md: 6, xl: 3 },
    },
    {
      kind: 'custom',
      key: 'unitId',
      render: (f, change) => (
        <UnitSelect style={{ width: '100%' }} value={f.unitId} onChange={(unitId) => change({ unitId })} placeholder={t('cadres.unit')} />
      ),
    },
    {
      kind: 'custom',
      key: 'branchId',
      more: true,
      span: { xs: 24, sm: 12, xl: 6 },
      render: (f, change) => (
        <BranchSelect
          style={{ width: '100%' }}
          value={f.branchId}
          onChange={(branchId) => change({ branchId })}
          placeholder={t('cadres.branch')}
        />
      ),
    },
    { kind: 'region', key: 'regionCode', placeholder: t('cadres.region'), more: true, span: { xs: 24, sm: 12, xl: 6 } },
    {
      kind: 'select',
      key: 'hasAccount',
      placeholder: t('cadres.account'),
      more: true,
      options: [
        { value: 'true', label: t('cadres.hasAccount') },
        { value: 'false', label: t('cadres.noAccount') },
      ],
    },
  ];
  return <FilterBar fields={fields} filters={filters} onChange={onChange} onReset={onReset} />;
}
