import { useEffect, useState } from 'react';
import { Button, Col, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { RegionPicker } from '../regions/RegionPicker';
import type { BranchFilters } from './useBranchFilters';
import { UnitSelect } from './UnitSelect';

/** Name, unit, region and status of the party branches list. */
export function BranchFilterBar({
  filters,
  onChange,
  onReset,
}: {
  filters: BranchFilters;
  onChange: (f: Partial<BranchFilters>) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(filters.q ?? '');
  useEffect(() => setText(filters.q ?? ''), [filters.q]);
  return (
    <Row gutter={[12, 12]} className="lh-filters">
      <Col xs={24} sm={12} lg={6}>
        <Input.Search
          allowClear
          placeholder={t('branches.searchPlaceholder')}
          aria-label={t('branches.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => onChange({ q: v.trim() || undefined })}
          enterButton={t('common.search')}
        />
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <UnitSelect
          style={{ width: '100%' }}
          value={filters.unitId}
          onChange={(unitId) => onChange({ unitId })}
          placeholder={t('branches.unit')}
        />
      </Col>
      <Col xs={12} sm={12} lg={5}>
        <RegionPicker
          allowClear
          style={{ width: '100%' }}
          value={filters.regionCode}
          onChange={(regionCode) => onChange({ regionCode })}
          placeholder={t('branches.region')}
        />
      </Col>
      <Col xs={12} sm={6} lg={3}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('units.status')}
          aria-label={t('units.status')}
          value={filters.status}
          onChange={(status) => onChange({ status })}
          options={(['active', 'dissolved'] as const).map((s) => ({ value: s, label: t(`units.statuses.${s}`) }))}
        />
      </Col>
      <Col xs={24} sm={6} lg={3}>
        <Button onClick={onReset}>{t('common.reset')}</Button>
      </Col>
    </Row>
  );
}
