import { useEffect, useRef, useState } from 'react';
import { Button, Card, Col, Input, Row } from 'antd';
import { CloudDownloadOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../app/auth/useCurrentUser';
import { LoadDivisionsModal } from './LoadDivisionsModal';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useRegion } from '../../api/regions';
import { RegionDetail } from './RegionDetail';
import { RegionSearchResults } from './RegionSearchResults';
import { RegionTree } from './RegionTree';
import { useRegionTree } from './useRegionTree';

/** 行政区划: tree and search on the left, the selected region on the right (below, on phones). */
export function RegionsPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const navigate = useNavigate();
  const tree = useRegionTree();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const selected = useRegion(code);
  const detailRef = useRef<HTMLDivElement>(null);
  const user = useCurrentUser();
  const mayLoad = user.role === 'system_admin' || user.role === 'county_admin';
  const [loading, setLoading] = useState(false);

  // Debounce typing: search a moment after the clerk stops.
  useEffect(() => {
    const id = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(id);
  }, [text]);

  // Open the tree down to the selected region (from a link, a search result or the children table).
  const { expandTo } = tree;
  const detail = selected.data;
  const rootsReady = !!tree.roots.data;
  const expandedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!detail || !rootsReady || expandedFor.current === detail.code) return;
    expandedFor.current = detail.code;
    void expandTo(detail.path, detail.code);
  }, [detail, rootsReady, expandTo]);

  // Nothing selected: show the top of the user's scope.
  const firstRoot = tree.roots.data?.[0]?.code;
  useEffect(() => {
    if (!code && firstRoot) void navigate(`/regions/${firstRoot}`, { replace: true });
  }, [code, firstRoot, navigate]);

  const open = (c: string) => {
    void navigate(`/regions/${c}`);
    if (window.matchMedia('(max-width: 991px)').matches) detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9} xl={7}>
        <Card
          size="small"
          title={t('regions.tree')}
          className="lh-region-tree"
          extra={
            mayLoad && (
              <Button size="small" icon={<CloudDownloadOutlined />} onClick={() => setLoading(true)}>
                {t('regionHistory.load')}
              </Button>
            )
          }
        >
          <Input.Search
            allowClear
            placeholder={t('regions.searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => setQ(v.trim())}
            style={{ marginBottom: 12 }}
            aria-label={t('regions.searchPlaceholder')}
          />
          {q ? <RegionSearchResults q={q} selected={code} onSelect={open} /> : <RegionTree tree={tree} selected={code} onSelect={open} />}
        </Card>
      </Col>
      <Col xs={24} lg={15} xl={17} ref={detailRef}>
        <RegionDetail
          code={code}
          roots={tree.roots.data ?? []}
          onOpen={open}
          onGroupAdded={(village) => {
            void tree.load(village, true).then(() => tree.setExpandedKeys((keys) => [...new Set([...keys, village])]));
          }}
          onChanged={(r) => {
            if (r.parentCode && tree.loadedKeys.includes(r.parentCode)) void tree.load(r.parentCode, true);
          }}
        />
      </Col>
      <LoadDivisionsModal
        open={loading}
        onClose={() => setLoading(false)}
        onLoaded={() => void tree.roots.refetch()}
      />
    </Row>
  );
}
