import { useEffect, useState } from 'react';
import { Button, Col, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { RegionPicker } from '../regions/RegionPicker';
import { unitKinds, unitLevels, type UnitFilters } from './useUnitFilters';

/** Name, level, kind, status and region of the units list. */
export function UnitFilterBar({
  filters,
  onChange,
  onReset,
}: {
  filters: UnitFilters;
  onChange: (f: Partial<UnitFilters>) => void;
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
          placeholder={t('units.searchPlaceholder')}
          aria-label={t('units.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => onChange({ q: v.trim() || undefined })}
          enterButton={t('common.search')}
        />
      </Col>
      <Col xs={12} sm={6} lg={3}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('units.level')}
          aria-label={t('units.level')}
          value={filters.level}
          onChange={(level) => onChange({ level })}
          options={unitLevels.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
        />
      </Col>
      <Col xs={12} sm={6} lg={4}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('units.kind')}
          aria-label={t('units.kind')}
          value={filters.kind}
          onChange={(kind) => onChange({ kind })}
          options={unitKinds.map((k) => ({ value: k, label: t(`units.kinds.${k}`) }))}
          popupMatchSelectWidth={false}
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
      <Col xs={12} sm={12} lg={5}>
        <RegionPicker
          allowClear
          style={{ width: '100%' }}
          value={filters.regionCode}
          onChange={(regionCode) => onChange({ regionCode })}
          placeholder={t('units.region')}
        />
      </Col>
      <Col xs={24} sm={6} lg={3}>
        <Button onClick={onReset}>{t('common.reset')}</Button>
      </Col>
    </Row>
  );
}
