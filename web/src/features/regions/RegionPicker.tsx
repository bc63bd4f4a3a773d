import { useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegion, useRegionSearch } from '../../api/regions';
import type { Region } from '../../api/types';
import { isExpired } from './regionUtils';
import { useRegionTree, type RegionNode } from './useRegionTree';

interface Option {
  value: string;
  title: string;
  isLeaf: boolean;
  disabled: boolean;
  children?: Option[];
}

interface Props {
  value?: string;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  id?: string;
}

const toOption = (n: RegionNode): Option => ({
  value: n.key,
  title: n.region.name,
  isLeaf: n.isLeaf,
  disabled: isExpired(n.region),
  children: n.children?.map(toOption),
});

/**
 * Choose a region in the user's scope: browse the lazily loaded tree, or type a name, code or
 * pinyin initials to search the server. Expired regions are shown but cannot be chosen.
 */
export function RegionPicker({ value, onChange, placeholder, allowClear, style, id }: Props) {
  const { t } = useTranslation();
  const tree = useRegionTree();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const names = useRef(new Map<string, string>());

  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);

  const search = useRegionSearch(q, 1, 50);
  const remember = (rs: Region[]) => rs.forEach((r) => names.current.set(r.code, r.name));

  const treeData = useMemo(() => {
    if (q) {
      const items = search.data?.items ?? [];
      remember(items);
      return items.map<Option>((r) => ({
        value: r.code,
        title: `${r.name}（${t(`levels.${r.level}`)} ${r.code}）`,
        isLeaf: true,
        disabled: isExpired(r),
      }));
    }
    const walk = (ns: RegionNode[]) => ns.forEach((n) => (names.current.set(n.key, n.region.name), walk(n.children ?? [])));
    walk(tree.treeData);
    return tree.treeData.map(toOption);
  }, [q, search.data, tree.treeData, t]);

  // A value chosen elsewhere (an existing user's region) whose name is not loaded yet.
  const known = value ? names.current.get(value) : undefined;
  const fetched = useRegion(value && !known ? value : undefined);
  const label = known ?? fetched.data?.name ?? value;

  return (
    <TreeSelect<{ value: string; label?: ReactNode } | undefined>
      id={id}
      style={style}
      labelInValue
      value={value ? { value, label } : undefined}
      onChange={(v) => {
        setText('');
        onChange?.(v?.value);
      }}
      treeData={treeData}
      loadData={q ? undefined : async (node) => void (await tree.load(String(node.value)))}
      treeLoadedKeys={q ? [] : tree.loadedKeys}
      showSearch={{ searchValue: text, onSearch: setText, filterTreeNode: false, autoClearSearchValue: true }}
      placeholder={placeholder ?? t('users.regionPlaceholder')}
      allowClear={allowClear}
      loading={tree.roots.isPending || (!!q && search.isFetching)}
      notFoundContent={q ? t('regions.noResults') : undefined}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'calc(100vw - 24px)', minWidth: 240 } } }}
    />
  );
}
