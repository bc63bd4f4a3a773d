import { useCallback, useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { fetchRegionChildren, regionKeys, useRegionRoots } from '../../api/regions';
import type { Region } from '../../api/types';
import { canHaveChildren, isWithin } from './regionUtils';

export interface RegionNode {
  key: string;
  region: Region;
  isLeaf: boolean;
  children?: RegionNode[];
}

/**
 * A lazily loaded region tree: the user's roots, then children fetched as nodes open (the tree
 * includes expired regions so that administrators can still find and correct them).
 */
export function useRegionTree() {
  const qc = useQueryClient();
  const roots = useRegionRoots();
  const [childrenOf, setChildrenOf] = useState<Record<string, Region[]>>({});
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);

  const load = useCallback(
    async (code: string, force = false) => {
      if (force) await qc.invalidateQueries({ queryKey: regionKeys.children(code, true) });
      const items = await fetchRegionChildren(qc, code, true);
      setChildrenOf((prev) => ({ ...prev, [code]: items }));
      return items;
    },
    [qc],
  );

  // A single root (a township administrator's township) opens by itself.
  const onlyRoot = roots.data?.length === 1 ? roots.data[0] : undefined;
  useEffect(() => {
    if (!onlyRoot || !canHaveChildren(onlyRoot)) return;
    void load(onlyRoot.code).then(() => setExpandedKeys((prev) => (prev.includes(onlyRoot.code) ? prev : [...prev, onlyRoot.code])));
  }, [onlyRoot, load]);

  const treeData = useMemo(() => {
    const build = (r: Region): RegionNode => {
      const kids = childrenOf[r.code];
      return { key: r.code, region: r, isLeaf: !canHaveChildren(r) || kids?.length === 0, children: kids?.map(build) };
    };
    return (roots.data ?? []).map(build);
  }, [roots.data, childrenOf]);

  /** Opens the tree down to `code` (its ancestors from the region detail's path). */
  const expandTo = useCallback(
    async (path: { code: string }[], code: string) => {
      const top = (roots.data ?? []).find((r) => isWithin(code, r));
      if (!top) return;
      const chain = [...path.map((p) => p.code), code];
      const ancestors = chain.slice(chain.indexOf(top.code), -1);
      if (chain.indexOf(top.code) < 0) return;
      for (const a of ancestors) await load(a);
      setExpandedKeys((prev) => [...new Set([...prev, ...ancestors])]);
    },
    [roots.data, load],
  );

  return {
    roots,
    treeData,
    expandedKeys,
    setExpandedKeys,
    loadedKeys: Object.keys(childrenOf),
    load,
    expandTo,
  };
}
