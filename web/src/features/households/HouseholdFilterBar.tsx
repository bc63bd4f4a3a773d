import { useEffect, useState } from 'react';
import { Button, Col, Input, InputNumber, Row, Select, Space } from 'antd';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { HouseholdStatus } from '../../api/types';
import { RegionPicker } from '../regions/RegionPicker';
import type { HouseholdFilters } from './useHouseholdFilters';
import { useCatalogNames } from './useCatalogNames';

const statuses: HouseholdStatus[] = ['active', 'moved', 'merged', 'dissolved'];
const thisYear = new Date().getFullYear();

/** Search, village/group, category and status; cause and income range under “更多筛选”. */
export function HouseholdFilterBar({
  filters,
  onChange,
  onReset,
}: {
  filters: HouseholdFilters;
  onChange: (f: Partial<HouseholdFilters>) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const catalog = useCatalogNames();
  const [text, setText] = useState(filters.q ?? '');
  useEffect(() => setText(filters.q ?? ''), [filters.q]);
  const hasMore = !!(filters.povertyCause || filters.incomeYear || filters.incomeMin || filters.incomeMax);
  const [more, setMore] = useState(hasMore);
  const [min, setMin] = useState<string | null>(filters.incomeMin ?? null);
  const [max, setMax] = useState<string | null>(filters.incomeMax ?? null);
  useEffect(() => {
    setMin(filters.incomeMin ?? null);
    setMax(filters.incomeMax ?? null);
  }, [filters.incomeMin, filters.incomeMax]);
  const rangeWrong = min !== null && max !== null && Number(min) > Number(max);
  const applyRange = () => {
    if (!rangeWrong) onChange({ incomeMin: min ?? undefined, incomeMax: max ?? undefined });
  };

  return (
    <Row gutter={[12, 12]} className="lh-filters">
      <Col xs={24} md={12} xl={7}>
        <Input.Search
          allowClear
          placeholder={t('households.searchPlaceholder')}
          aria-label={t('households.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => onChange({ q: v.trim() || undefined })}
          enterButton={t('common.search')}
        />
      </Col>
      <Col xs={24} sm={12} md={12} xl={5}>
        <RegionPicker
          allowClear
          style={{ width: '100%' }}
          value={filters.regionCode}
          onChange={(regionCode) => onChange({ regionCode })}
          placeholder={t('households.region')}
        />
      </Col>
      <Col xs={24} sm={12} md={10} xl={6}>
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          style={{ width: '100%' }}
          placeholder={t('households.categories')}
          aria-label={t('households.categories')}
          value={filters.categories}
          onChange={(categories: string[]) => onChange({ categories })}
          options={catalog.options('category')}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Col>
      <Col xs={12} sm={8} md={6} xl={3}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('households.status')}
          aria-label={t('households.status')}
          value={filters.status}
          onChange={(status?: HouseholdStatus) => onChange({ status })}
          options={statuses.map((s) => ({ value: s, label: t(`households.statuses.${s}`) }))}
        />
      </Col>
      <Col xs={12} sm={16} md={8} xl={3}>
        <Space size={4} wrap>
          <Button onClick={onReset}>{t('common.reset')}</Button>
          <Button
            type="link"
            onClick={() => setMore(!more)}
            icon={more ? <UpOutlined /> : <DownOutlined />}
            iconPlacement="end"
            style={{ paddingInline: 4 }}
          >
            {more ? t('households.fewerFilters') : t('households.moreFilters')}
          </Button>
        </Space>
      </Col>
      {more && (
        <>
          <Col xs={24} sm={12} md={8} xl={5}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: '100%' }}
              placeholder={t('households.povertyCause')}
              aria-label={t('households.povertyCause')}
              value={filters.povertyCause}
              onChange={(povertyCause?: string) => onChange({ povertyCause })}
              options={catalog.options('poverty_cause')}
            />
          </Col>
          <Col xs={24} sm={12} md={6} xl={3}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t('households.incomeYear')}
              aria-label={t('households.incomeYear')}
              value={filters.incomeYear}
              onChange={(incomeYear?: number) => onChange({ incomeYear })}
              options={Array.from({ length: 12 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: String(y) }))}
            />
          </Col>
          <Col xs={24} md={10} xl={8}>
            <Space.Compact style={{ width: '100%' }}>
              <InputNumber<string>
                stringMode
                min="0"
                precision={2}
                style={{ width: '50%' }}
                placeholder={t('households.incomeMin')}
                aria-label={t('households.incomeMin')}
                value={min}
                onChange={setMin}
                onBlur={applyRange}
                onPressEnter={applyRange}
                status={rangeWrong ? 'error' : undefined}
              />
              <InputNumber<string>
                stringMode
                min="0"
                precision={2}
                style={{ width: '50%' }}
                placeholder={t('households.incomeMax')}
                aria-label={t('households.incomeMax')}
                value={max}
                onChange={setMax}
                onBlur={applyRange}
                onPressEnter={applyRange}
                status={rangeWrong ? 'error' : undefined}
              />
            </Space.Compact>
            {rangeWrong && <div className="ant-form-item-explain-error">{t('households.incomeRangeWrong')}</div>}
          </Col>
        </>
      )}
    </Row>
  );
}
