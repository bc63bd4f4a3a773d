import { Space, Tag, Typography } from 'antd';
import { useCatalogNames } from './useCatalogNames';

const colors: Record<string, string> = {
  poor: 'red',
  economically_behind: 'volcano',
  party_member_hardship: 'magenta',
  petitioner: 'orange',
  conservative: 'gold',
  difficult: 'gold',
  prosperity_star: 'green',
  tech_prosperity: 'cyan',
  large_grower: 'lime',
  large_breeder: 'lime',
};

/** Categories (or poverty causes) of a household as tags; a dash when there are none. */
export function CategoryTags({ codes, plain }: { codes: readonly string[]; plain?: boolean }) {
  const { name } = useCatalogNames();
  if (codes.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={[0, 4]} wrap>
      {codes.map((c) => (
        <Tag key={c} color={plain ? undefined : colors[c]} style={{ marginInlineEnd: 4 }}>
          {name(c)}
        </Tag>
      ))}
    </Space>
  );
}
