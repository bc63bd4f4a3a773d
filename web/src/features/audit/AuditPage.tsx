import { Card, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAudit } from '../../api/audit';
import { AuditFilterBar } from './AuditFilterBar';
import { AuditTable } from './AuditTable';
import { entityLabel } from './auditLabels';
import { useAuditFilters } from './useAuditFilters';

/** 审计日志: who changed what and when, newest first, within my region. */
export function AuditPage() {
  const { t } = useTranslation();
  const { filters, query, update, reset } = useAuditFilters();
  const audit = useAudit(query);
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('audit.title')}
      </Typography.Title>
      <AuditFilterBar filters={filters} onChange={update} onReset={reset} />
      {filters.entityId && (
        <Tag closable onClose={() => update({ entityId: undefined })} style={{ marginBottom: 12 }}>
          {entityLabel(t, filters.entityType ?? '')} {filters.entityId}
        </Tag>
      )}
      <AuditTable
        page={audit.data}
        loading={audit.isFetching}
        onPage={(page, pageSize) => update({ page, pageSize })}
        onEntity={(entityType, entityId) => update({ entityType, entityId })}
      />
    </Card>
  );
}
