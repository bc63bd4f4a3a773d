import type { CSSProperties, ReactNode } from 'react';
import { Empty, Flex, Skeleton } from 'antd';

/** A plain list of rows (antd's List is deprecated): one item per row, wrapping on a phone. */
export function Rows<T>({
  items,
  render,
  rowKey,
  loading,
  empty,
  header,
}: {
  items: T[];
  render: (item: T) => ReactNode;
  rowKey: (item: T) => string;
  loading?: boolean;
  empty?: ReactNode;
  header?: ReactNode;
}) {
  return (
    <div>
      {header && <div style={{ padding: '4px 0 8px', borderBottom: '1px solid rgba(5,5,5,0.06)' }}>{header}</div>}
      {loading && items.length === 0 ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : items.length === 0 ? (
        typeof empty === 'string' || empty === undefined ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
        ) : (
          empty
        )
      ) : (
        items.map((item) => <div key={rowKey(item)}>{render(item)}</div>)
      )}
    </div>
  );
}

const rowStyle: CSSProperties = { padding: '10px 0', borderBottom: '1px solid rgba(5,5,5,0.06)', minWidth: 0 };

/** One row: its content, and an optional action at the end. */
export function RowItem({
  children,
  extra,
  testId,
  onClick,
  style,
}: {
  children: ReactNode;
  extra?: ReactNode;
  testId?: string;
  onClick?: () => void;
  style?: CSSProperties;
}) {
  return (
    <Flex
      justify="space-between"
      align="center"
      gap={8}
      style={{ ...rowStyle, ...(onClick ? { cursor: 'pointer' } : {}), ...style }}
      data-testid={testId}
      onClick={onClick}
    >
      <div style={{ minWidth: 0, flex: 1 }}>{children}</div>
      {extra}
    </Flex>
  );
}
