import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useHouseholds } from '../../api/households';

/** Find another household by its head's name (or pinyin initials, ID number, household number). */
export function HouseholdSelect({
  value,
  onChange,
  exceptId,
  placeholder,
  id,
}: {
  value?: string;
  onChange?: (v?: string) => void;
  exceptId?: string;
  placeholder?: string;
  id?: string;
}) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useHouseholds({ page: 1, pageSize: 20, ...(q ? { q } : {}), status: 'active' });
  const options = (found.data?.items ?? [])
    .filter((h) => h.id !== exceptId)
    .map((h) => ({ value: h.id, label: `${h.headName ?? '—'}（${[h.villageName, h.groupName].filter(Boolean).join('')}）` }));
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear
      placeholder={placeholder}
      showSearch={{ filterOption: false, searchValue: text, onSearch: setText }}
      loading={found.isFetching}
      options={options}
    />
  );
}
