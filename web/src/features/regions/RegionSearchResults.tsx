import { Empty, Flex, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegionSearch } from '../../api/regions';
import { isExpired, levelColor } from './regionUtils';

/** Regions matching a name, code prefix or pinyin initials ("jjc" → 吉久村). */
export function RegionSearchResults({ q, selected, onSelect }: { q: string; selected?: string; onSelect: (code: string) => void }) {
  const { t } = useTranslation();
  const search = useRegionSearch(q, 1, 50);
  if (search.isPending) return <Spin />;
  const items = search.data?.items ?? [];
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('regions.noResults')} />;
  return (
    <div role="list" aria-label={t('regions.searchResults')}>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4, fontSize: 12 }}>
        {t('regions.searchResults')} · {t('common.total', { count: search.data?.total ?? 0 })}
      </Typography.Text>
      {items.map((r) => (
        <button
          type="button"
          role="listitem"
          key={r.code}
          onClick={() => onSelect(r.code)}
          className={r.code === selected ? 'lh-result lh-result-active' : 'lh-result'}
          data-testid="region-result"
        >
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Flex gap={6} align="center">
              <Typography.Text strong delete={isExpired(r)}>
                {r.name}
              </Typography.Text>
              <Tag color={levelColor[r.level]} variant="filled" style={{ marginInlineEnd: 0 }}>
                {t(`levels.${r.level}`)}
              </Tag>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.code}
            </Typography.Text>
          </Flex>
        </button>
      ))}
    </div>
  );
}
