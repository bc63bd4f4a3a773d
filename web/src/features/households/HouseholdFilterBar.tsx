import { useEffect, useState } from 'react';
import { InputNumber, Space, Switch, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HouseholdStatus } from '../../api/types';
import { FilterBar, type FilterField } from '../../app/FilterBar';
import type { HouseholdFilters } from './useHouseholdFilters';
import { useCatalogNames } from './useCatalogNames';

const statuses: HouseholdStatus[] = ['active', 'moved', 'merged', 'dissolved'];
const thisYear = new Date().getFullYear();

/** Search, village/group, category and status; cause, income year and range under “更多筛选”. */
export function HouseholdFilterBar({
  filters,
  onChange,
  onReset,
}: {
  filters: HouseholdFilters;
  onChange: (f: Partial<HouseholdFilters>) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const catalog = useCatalogNames();
  const fields: FilterField<HouseholdFilters>[] = [
    { kind: 'search', key: 'q', placeholder: t('households.searchPlaceholder'), span: { xs: 24, md: 12, xl: 7 } },
    { kind: 'region', key: 'regionCode', placeholder: t('households.region'), span: { xs: 24, sm: 12, md: 12, xl: 5 } },
    {
      kind: 'custom',
      key: 'includePredecessors',
      span: { xs: 24, sm: 12, md: 6, xl: 3 },
      isSet: (f) => f.includePredecessors,
      render: (f, change) => (
        <Tooltip title={t('regionHistory.includePredecessorsHint')}>
          <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8, height: 32, whiteSpace: 'nowrap' }}>
            <Switch size="small" checked={f.includePredecessors} onChange={(v) => change({ includePredecessors: v })} aria-label={t('regionHistory.includePredecessors')} />
            {t('regionHistory.includePredecessors')}
          </label>
        </Tooltip>
      ),
    },
    {
      kind: 'select',
      key: 'categories',
      placeholder: t('households.categories'),
      options: catalog.options('category'),
      multiple: true,
      searchable: true,
      span: { xs: 24, sm: 12, md: 10, xl: 6 },
    },
    {
      kind: 'select',
      key: 'status',
      placeholder: t('households.status'),
      options: statuses.map((s) => ({ value: s, label: t(`households.statuses.${s}`) })),
      span: { xs: 12, sm: 8, md: 6, xl: 3 },
    },
    // A new filter of the list (paired or not, …) is one more entry here, and one in useHouseholdFilters.
    {
      kind: 'select',
      key: 'povertyCause',
      placeholder: t('households.povertyCause'),
      options: catalog.options('poverty_cause'),
      searchable: true,
      more: true,
      span: { xs: 24, sm: 12, md: 8, xl: 5 },
    },
    {
      kind: 'select',
      key: 'incomeYear',
      placeholder: t('households.incomeYear'),
      options: Array.from({ length: 12 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: String(y) })),
      more: true,
      span: { xs: 24, sm: 12, md: 6, xl: 3 },
    },
    {
      kind: 'custom',
      key: 'incomeMin',
      more: true,
      span: { xs: 24, md: 10, xl: 8 },
      isSet: (f) => !!(f.incomeMin || f.incomeMax),
      render: (f, change) => <IncomeRange min={f.incomeMin} max={f.incomeMax} onChange={change} />,
    },
  ];
  return <FilterBar fields={fields} filters={filters} onChange={onChange} onReset={onReset} />;
}

/** 人均纯收入 from–to in yuan, applied on Enter or leaving the box, refused while from > to. */
function IncomeRange({
  min: minValue,
  max: maxValue,
  onChange,
}: {
  min?: string;
  max?: string;
  onChange: (f: Partial<HouseholdFilters>) => void;
}) {
  const { t } = useTranslation();
  const [min, setMin] = useState<string | null>(minValue ?? null);
  const [max, setMax] = useState<string | null>(maxValue ?? null);
  useEffect(() => {
    setMin(minValue ?? null);
    setMax(maxValue ?? null);
  }, [minValue, maxValue]);
  const rangeWrong = min !== null && max !== null && Number(min) > Number(max);
  const apply = () => {
    if (!rangeWrong) onChange({ incomeMin: min ?? undefined, incomeMax: max ?? undefined });
  };
  const box = (label: string, value: string | null, set: (v: string | null) => void) => (
    <InputNumber<string>
      stringMode
      min="0"
      precision={2}
      style={{ width: '50%' }}
      placeholder={label}
      aria-label={label}
      value={value}
      onChange={set}
      onBlur={apply}
      onPressEnter={apply}
      status={rangeWrong ? 'error' : undefined}
    />
  );
  return (
    <>
      <Space.Compact style={{ width: '100%' }}>
        {box(t('households.incomeMin'), min, setMin)}
        {box(t('households.incomeMax'), max, setMax)}
      </Space.Compact>
      {rangeWrong && <div className="ant-form-item-explain-error">{t('households.incomeRangeWrong')}</div>}
    </>
  );
}
