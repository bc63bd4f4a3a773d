import { Button, Col, DatePicker, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { actionLabel, auditActions, auditEntities, entityLabel } from './auditLabels';
import type { AuditFilters } from './useAuditFilters';

export function AuditFilterBar({
  filters,
  onChange,
  onReset,
}: {
  filters: AuditFilters;
  onChange: (f: Partial<AuditFilters>) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Row gutter={[12, 12]} className="lh-filters">
      <Col xs={12} sm={8} lg={4}>
        <Select
          style={{ width: '100%' }}
          allowClear
          placeholder={t('audit.entityType')}
          aria-label={t('audit.entityType')}
          value={filters.entityType}
          onChange={(entityType?: string) => onChange({ entityType, entityId: undefined })}
          options={auditEntities.map((e) => ({ value: e, label: entityLabel(t, e) }))}
        />
      </Col>
      <Col xs={12} sm={8} lg={4}>
        <Select
          style={{ width: '100%' }}
          allowClear
          placeholder={t('audit.action')}
          aria-label={t('audit.action')}
          value={filters.action}
          onChange={(action?: string) => onChange({ action })}
          options={auditActions.map((a) => ({ value: a, label: actionLabel(t, a) }))}
        />
      </Col>
      <Col xs={24} sm={8} lg={7}>
        <DatePicker.RangePicker
          style={{ width: '100%' }}
          allowEmpty={[true, true]}
          value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
          onChange={(range) => onChange({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          aria-label={t('audit.dateRange')}
        />
      </Col>
      <Col xs={24} sm={4} lg={2}>
        <Button onClick={onReset}>{t('common.reset')}</Button>
      </Col>
    </Row>
  );
}
