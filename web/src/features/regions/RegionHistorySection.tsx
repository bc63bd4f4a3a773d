import { Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegionHistory } from '../../api/regions';

/** 沿革: a region's former names, the regions merged into it or it went into, and the changes recorded. */
export function RegionHistorySection({ code, onOpen }: { code: string; onOpen: (code: string) => void }) {
  const { t } = useTranslation();
  const history = useRegionHistory(code);
  const h = history.data;
  if (!h) return null;
  const empty = h.events.length === 0 && h.predecessors.length === 0 && h.successors.length === 0;
  const names = (list: { name: string }[]) => list.map((r) => r.name).join('、');
  const link = (r: { code: string; name: string }) => (
    <Typography.Link key={r.code} onClick={() => onOpen(r.code)}>
      {r.name}
    </Typography.Link>
  );

  return (
    <div data-testid="region-history">
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {t('regionHistory.title')}
      </Typography.Title>
      {empty ? (
        <Typography.Text type="secondary">{t('regionHistory.none')}</Typography.Text>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {h.names.length > 1 && (
            <div>
              {t('regionHistory.names')}：
              {h.names.map((n) => (
                <Tag key={`${n.name}-${n.validTo ?? ''}`}>{n.validTo ? t('regionHistory.nameUntil', { name: n.name, to: n.validTo }) : n.name}</Tag>
              ))}
            </div>
          )}
          {h.predecessors.length > 0 && (
            <div>
              {t('regionHistory.predecessors')}：<Space size={8} wrap>{h.predecessors.map(link)}</Space>
            </div>
          )}
          {h.successors.length > 0 && (
            <div>
              {t('regionHistory.successors')}：<Space size={8} wrap>{h.successors.map(link)}</Space>
            </div>
          )}
          <Timeline
            style={{ marginTop: 12 }}
            items={h.events.map((e) => ({
              key: e.id,
              content:
                e.kind === 'rename'
                  ? t('regionHistory.eventRename', { on: e.on, old: e.oldName, new: e.newName })
                  : t(e.kind === 'merge' ? 'regionHistory.eventMerge' : 'regionHistory.eventSplit', { on: e.on, from: names(e.predecessors), to: names(e.successors) }),
            }))}
          />
        </Space>
      )}
    </div>
  );
}
