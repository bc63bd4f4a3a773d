import { useEffect, useState, type CSSProperties } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCadres } from '../../api/cadres';

interface Props {
  value?: string[];
  onChange?: (ids: string[]) => void;
  placeholder?: string;
  style?: CSSProperties;
  id?: string;
}

/** Choose active cadres by name or pinyin initials (several at once). */
export function CadreSelect({ value, onChange, placeholder, style, id }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [names] = useState(() => new Map<string, string>());
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useCadres({ page: 1, pageSize: 30, status: 'active', ...(q ? { q } : {}) });
  for (const c of found.data?.items ?? []) names.set(c.id, `${c.name}（${t(`cadres.ranks.${c.rank}`)}）`);
  const options = (found.data?.items ?? []).map((c) => ({ value: c.id, label: names.get(c.id)! }));
  for (const v of value ?? []) if (!options.some((o) => o.value === v)) options.unshift({ value: v, label: names.get(v) ?? v });
  return (
    <Select
      id={id}
      mode="multiple"
      style={style}
      value={value}
      onChange={(v: string[]) => onChange?.(v)}
      placeholder={placeholder}
      showSearch={{ filterOption: false, searchValue: text, onSearch: setText, autoClearSearchValue: true }}
      loading={found.isFetching}
      options={options}
    />
  );
}
