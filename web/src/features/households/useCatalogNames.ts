import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalog } from '../../api/households';
import type { CatalogEntry } from '../../api/types';

export interface CatalogNames {
  categories: CatalogEntry[];
  causes: CatalogEntry[];
  /** The name of a category or cause code in the current language (the code itself if unknown). */
  name: (code: string) => string;
  options: (kind: CatalogEntry['kind']) => { value: string; label: string }[];
}

/** Household categories and poverty causes, named in the user's language. */
export function useCatalogNames(): CatalogNames {
  const { i18n } = useTranslation();
  const catalog = useCatalog();
  const en = i18n.language === 'en';
  return useMemo(() => {
    const items = catalog.data ?? [];
    const byCode = new Map(items.map((e) => [e.code, e]));
    const nameOf = (e: CatalogEntry) => (en ? e.nameEn : e.nameZh);
    const active = (kind: CatalogEntry['kind']) => items.filter((e) => e.kind === kind && e.active);
    return {
      categories: active('category'),
      causes: active('poverty_cause'),
      name: (code) => {
        const e = byCode.get(code);
        return e ? nameOf(e) : code;
      },
      options: (kind) => active(kind).map((e) => ({ value: e.code, label: nameOf(e) })),
    };
  }, [catalog.data, en]);
}
