import { useEffect, useState } from 'react';
import { Button, Col, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { roles } from '../../app/roles';
import { RegionPicker } from '../regions/RegionPicker';
import type { UserFilters } from './useUserFilters';

/** Search box, role, status, region; a choice applies at once, the text on Enter. */
export function UserFilterBar({
  filters,
  onChange,
  onReset,
}: {
  filters: UserFilters;
  onChange: (f: Partial<UserFilters>) => void;
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
          placeholder={t('users.searchPlaceholder')}
          aria-label={t('users.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => onChange({ q: v.trim() || undefined })}
          enterButton={t('common.search')}
        />
      </Col>
      <Col xs={12} sm={6} lg={4}>
        <Select
          style={{ width: '100%' }}
          allowClear
          placeholder={t('users.role')}
          aria-label={t('users.role')}
          value={filters.role}
          onChange={(role) => onChange({ role })}
          options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          popupMatchSelectWidth={false}
        />
      </Col>
      <Col xs={12} sm={6} lg={3}>
        <Select
          style={{ width: '100%' }}
          allowClear
          placeholder={t('users.status')}
          aria-label={t('users.status')}
          value={filters.status}
          onChange={(status) => onChange({ status })}
          options={[
            { value: 'active', label: t('users.active') },
            { value: 'disabled', label: t('users.disabled') },
          ]}
        />
      </Col>
      <Col xs={18} sm={12} lg={6}>
        <RegionPicker
          allowClear
          style={{ width: '100%' }}
          value={filters.regionCode}
          onChange={(regionCode) => onChange({ regionCode })}
          placeholder={t('users.region')}
        />
      </Col>
      <Col xs={6} sm={12} lg={2}>
        <Button onClick={onReset}>{t('common.reset')}</Button>
      </Col>
    </Row>
  );
}
