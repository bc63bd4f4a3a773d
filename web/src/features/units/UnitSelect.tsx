import { useEffect, useState, type CSSProperties } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUnit, useUnits } from '../../api/units';

interface Props {
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  id?: string;
  /** Only units in this region and below. */
  regionCode?: string;
}

/** Choose a unit (单位) of my scope or above: type its name or pinyin initials to search the server. */
export function UnitSelect({ value, onChange, placeholder, allowClear = true, style, id, regionCode }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useUnits({ page: 1, pageSize: 50, status: 'active', ...(q ? { q } : {}), ...(regionCode ? { regionCode } : {}) });
  const chosen = useUnit(value && !found.data?.items.some((u) => u.id === value) ? value : undefined);
  const items = [...(found.data?.items ?? [])];
  if (chosen.data && !items.some((u) => u.id === chosen.data.id)) items.unshift(chosen.data);

  return (
    <Select
      id={id}
      style={style}
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v)}
      allowClear={allowClear}
      placeholder={placeholder ?? t('units.placeholder')}
      showSearch={{ filterOption: false, searchValue: text, onSearch: setText, autoClearSearchValue: true }}
      loading={found.isFetching}
      options={items.map((u) => ({ value: u.id, label: u.regionName ? `${u.name}（${u.regionName}）` : u.name }))}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'calc(100vw - 24px)' } } }}
    />
  );
}
