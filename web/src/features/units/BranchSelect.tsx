import { useEffect, useState, type CSSProperties } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBranch, useBranches } from '../../api/units';

interface Props {
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  id?: string;
  /** Only the branches of this unit. */
  unitId?: string | null;
}

/** Choose a party branch (党支部): type its name or pinyin initials. */
export function BranchSelect({ value, onChange, placeholder, allowClear = true, style, id, unitId }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useBranches({ page: 1, pageSize: 50, status: 'active', ...(q ? { q } : {}), ...(unitId ? { unitId } : {}) });
  const chosen = useBranch(value && !found.data?.items.some((b) => b.id === value) ? value : undefined);
  const items = [...(found.data?.items ?? [])];
  if (chosen.data && !items.some((b) => b.id === chosen.data.id)) items.unshift(chosen.data);

  return (
    <Select
      id={id}
      style={style}
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v)}
      allowClear={allowClear}
      placeholder={placeholder ?? t('branches.placeholder')}
      showSearch={{ filterOption: false, searchValue: text, onSearch: setText, autoClearSearchValue: true }}
      loading={found.isFetching}
      options={items.map((b) => ({ value: b.id, label: b.name }))}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'calc(100vw - 24px)' } } }}
    />
  );
}
