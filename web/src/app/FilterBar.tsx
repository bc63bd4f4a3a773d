import { useEffect, useState, type ReactNode } from 'react';
import { Button, Col, Input, Row, Select, Space, type ColProps } from 'antd';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { RegionPicker } from '../features/regions/RegionPicker';

type Span = Pick<ColProps, 'xs' | 'sm' | 'md' | 'lg' | 'xl'>;

interface Base<F> {
  /** The filter this field sets (and its React key). */
  key: keyof F & string;
  /** Folded under “更多筛选” (shown at once when one of them is set). */
  more?: boolean;
  /** Column widths by breakpoint; each kind has a default. */
  span?: Span;
}

/** One field of a filter bar, described rather than written out. */
export type FilterField<F> =
  | (Base<F> & { kind: 'search'; placeholder: string })
  | (Base<F> & {
      kind: 'select';
      placeholder: string;
      options: { value: string | number; label: string }[];
      multiple?: boolean;
      /** Type to narrow the options by their label. */
      searchable?: boolean;
      /** Let the menu be wider than the box (long labels). */
      wideMenu?: boolean;
    })
  | (Base<F> & { kind: 'region'; placeholder: string })
  | (Base<F> & {
      kind: 'custom';
      render: (filters: F, onChange: (f: Partial<F>) => void) => ReactNode;
      /** Whether it holds a value (opens “更多筛选”); default: the filter `key` is set. */
      isSet?: (filters: F) => boolean;
    });

const spans: Record<FilterField<unknown>['kind'], Span> = {
  search: { xs: 24, md: 12, xl: 6 },
  select: { xs: 12, md: 6, xl: 4 },
  region: { xs: 24, sm: 12, xl: 5 },
  custom: { xs: 24, sm: 12, xl: 5 },
};

const isSetValue = (v: unknown) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null && v !== '');

interface Props<F> {
  fields: FilterField<F>[];
  /** The filters as read from the address. */
  filters: F;
  /** Writes changed filters to the address (the list goes back to page 1). */
  onChange: (f: Partial<F>) => void;
  /** Clears every filter. */
  onReset: () => void;
}

/**
 * The filter bar of every list page: a search box applied on Enter, choices applied at once,
 * 重置, and the rarer fields under 更多筛选. The filters themselves live in the address (each page's
 * use…Filters hook), so this bar only shows them and reports changes.
 */
export function FilterBar<F>({ fields, filters, onChange, onReset }: Props<F>) {
  const { t } = useTranslation();
  const value = (f: FilterField<F>) => filters[f.key] as unknown;
  const set = (f: FilterField<F>) => (f.kind === 'custom' && f.isSet ? f.isSet(filters) : isSetValue(value(f)));
  const hasMore = fields.some((f) => f.more);
  const [more, setMore] = useState(() => fields.some((f) => f.more && set(f)));

  const cell = (f: FilterField<F>) => (
    <Col key={f.key} {...(f.span ?? spans[f.kind])}>
      {control(f)}
    </Col>
  );

  const control = (f: FilterField<F>): ReactNode => {
    const change = (v: unknown) => onChange({ [f.key]: v } as Partial<F>);
    switch (f.kind) {
      case 'search':
        return <SearchBox placeholder={f.placeholder} value={value(f) as string | undefined} onSearch={change} />;
      case 'select':
        return (
          <Select
            allowClear
            mode={f.multiple ? 'multiple' : undefined}
            maxTagCount={f.multiple ? 'responsive' : undefined}
            showSearch={f.searchable ? { optionFilterProp: 'label' } : undefined}
            popupMatchSelectWidth={f.wideMenu ? false : undefined}
            style={{ width: '100%' }}
            placeholder={f.placeholder}
            aria-label={f.placeholder}
            value={value(f) as string | number | (string | number)[] | undefined}
            onChange={change}
            options={f.options}
          />
        );
      case 'region':
        return (
          <RegionPicker
            allowClear
            style={{ width: '100%' }}
            value={value(f) as string | undefined}
            onChange={change}
            placeholder={f.placeholder}
          />
        );
      case 'custom':
        return f.render(filters, onChange);
    }
  };

  return (
    <Row gutter={[12, 12]} className="lh-filters">
      {fields.filter((f) => !f.more).map(cell)}
      <Col xs={24} sm={12} md={6} xl={4}>
        <Space size={4} wrap>
          <Button onClick={onReset}>{t('common.reset')}</Button>
          {hasMore && (
            <Button
              type="link"
              onClick={() => setMore(!more)}
              icon={more ? <UpOutlined /> : <DownOutlined />}
              iconPlacement="end"
              style={{ paddingInline: 4 }}
            >
              {more ? t('households.fewerFilters') : t('households.moreFilters')}
            </Button>
          )}
        </Space>
      </Col>
      {more && fields.filter((f) => f.more).map(cell)}
    </Row>
  );
}

/** The text typed stays in the box until Enter (or the search button); the address holds what was searched. */
function SearchBox({ placeholder, value, onSearch }: { placeholder: string; value?: string; onSearch: (q: string | undefined) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  return (
    <Input.Search
      allowClear
      placeholder={placeholder}
      aria-label={placeholder}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => onSearch(v.trim() || undefined)}
      enterButton={t('common.search')}
    />
  );
}
