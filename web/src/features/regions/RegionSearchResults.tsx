import { Empty, List, Space, Spin, Tag, Typography } from 'antd';
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
    <List
      size="small"
      header={
        <Typography.Text type="secondary">
          {t('regions.searchResults')} · {t('common.total', { count: search.data?.total ?? 0 })}
        </Typography.Text>
      }
      dataSource={items}
      renderItem={(r) => (
        <List.Item
          key={r.code}
          onClick={() => onSelect(r.code)}
          style={{ cursor: 'pointer', background: r.code === selected ? '#e6f4ff' : undefined, paddingInline: 8 }}
          data-testid="region-result"
        >
          <Space size={6} wrap>
            <Typography.Text strong delete={isExpired(r)}>
              {r.name}
            </Typography.Text>
            <Tag color={levelColor[r.level]} variant="filled">
              {t(`levels.${r.level}`)}
            </Tag>
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.code}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}
