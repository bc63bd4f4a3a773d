import { Empty, Space, Spin, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegionNode, useRegionTree } from './useRegionTree';
import { isExpired } from './regionUtils';

type TreeState = ReturnType<typeof useRegionTree>;

function toDataNode(n: RegionNode, expiredLabel: string): TreeDataNode {
  const expired = isExpired(n.region);
  return {
    key: n.key,
    isLeaf: n.isLeaf,
    title: (
      <Space size={4}>
        <Typography.Text delete={expired} type={expired ? 'secondary' : undefined}>
          {n.region.name}
        </Typography.Text>
        {expired && (
          <Tag variant="filled" style={{ marginInlineEnd: 0 }}>
            {expiredLabel}
          </Tag>
        )}
      </Space>
    ),
    children: n.children?.map((c) => toDataNode(c, expiredLabel)),
  };
}

/** The lazily loaded tree; selecting a node shows it in the detail panel. */
export function RegionTree({ tree, selected, onSelect }: { tree: TreeState; selected?: string; onSelect: (code: string) => void }) {
  const { t } = useTranslation();
  if (tree.roots.isPending) return <Spin />;
  if (tree.treeData.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Tree
      blockNode
      showLine
      treeData={tree.treeData.map((n) => toDataNode(n, t('regions.expired')))}
      loadData={async (node) => {
        await tree.load(String(node.key));
      }}
      loadedKeys={tree.loadedKeys}
      expandedKeys={tree.expandedKeys}
      onExpand={(keys) => tree.setExpandedKeys(keys.map(String))}
      selectedKeys={selected ? [selected] : []}
      onSelect={(_keys, info) => onSelect(String(info.node.key))}
    />
  );
}
