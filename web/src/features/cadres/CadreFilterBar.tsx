import { useEffect, useState } from 'react';
import { Button, Col, Input, Row, Select, Space } from 'antd';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { RegionPicker } from '../regions/RegionPicker';
import { BranchSelect } from '../units/BranchSelect';
import { UnitSelect } from '../units/UnitSelect';
import { cadreRanks, type CadreFilters } from './useCadreFilters';

/** Search, rank, unit, branch, region, status and account of the cadre list. */
export function CadreFilterBar({
  filters,
  onChange,
  onReset,
}: {
  filters: CadreFilters;
  onChange: (f: Partial<CadreFilters>) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(filters.q ?? '');
  useEffect(() => setText(filters.q ?? ''), [filters.q]);
  const [more, setMore] = useState(!!(filters.branchId || filters.regionCode || filters.hasAccount));
  return (
    <Row gutter={[12, 12]} className="lh-filters">
      <Col xs={24} md={12} xl={6}>
        <Input.Search
          allowClear
          placeholder={t('cadres.searchPlaceholder')}
          aria-label={t('cadres.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => onChange({ q: v.trim() || undefined })}
          enterButton={t('common.search')}
        />
      </Col>
      <Col xs={12} md={6} xl={4}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('cadres.rank')}
          aria-label={t('cadres.rank')}
          value={filters.rank}
          onChange={(rank) => onChange({ rank })}
          options={cadreRanks.map((r) => ({ value: r, label: t(`cadres.ranks.${r}`) }))}
          popupMatchSelectWidth={false}
        />
      </Col>
      <Col xs={12} md={6} xl={3}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('cadres.status')}
          aria-label={t('cadres.status')}
          value={filters.status}
          onChange={(status) => onChange({ status })}
          options={(['active', 'left'] as const).map((s) => ({ value: s, label: t(`cadres.statuses.${s}`) }))}
        />
      </Col>
      <Col xs={24} sm={12} xl={5}>
        <UnitSelect
          style={{ width: '100%' }}
          value={filters.unitId}
          onChange={(unitId) => onChange({ unitId })}
          placeholder={t('cadres.unit')}
        />
      </Col>
      <Col xs={24} sm={12} xl={6}>
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
          <Col xs={24} sm={12} xl={6}>
            <BranchSelect
              style={{ width: '100%' }}
              value={filters.branchId}
              onChange={(branchId) => onChange({ branchId })}
              placeholder={t('cadres.branch')}
            />
          </Col>
          <Col xs={24} sm={12} xl={6}>
            <RegionPicker
              allowClear
              style={{ width: '100%' }}
              value={filters.regionCode}
              onChange={(regionCode) => onChange({ regionCode })}
              placeholder={t('cadres.region')}
            />
          </Col>
          <Col xs={12} sm={6} xl={4}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t('cadres.account')}
              aria-label={t('cadres.account')}
              value={filters.hasAccount}
              onChange={(hasAccount) => onChange({ hasAccount })}
              options={[
                { value: 'true', label: t('cadres.hasAccount') },
                { value: 'false', label: t('cadres.noAccount') },
              ]}
            />
          </Col>
        </>
      )}
    </Row>
  );
}
