import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/types';

const show = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v, null, 2));

/** Before and after of one entry, side by side (stacked on phones). */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const before = show(entry.before);
  const after = show(entry.after);
  if (!before && !after) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  return (
    <Row gutter={[16, 8]}>
      {[
        { key: 'before', label: t('audit.before'), text: before },
        { key: 'after', label: t('audit.after'), text: after },
      ].map((p) => (
        <Col key={p.key} xs={24} md={12}>
          <Typography.Text strong>{p.label}</Typography.Text>
          {p.text ? (
            <pre className="lh-json">{p.text}</pre>
          ) : (
            <div>
              <Typography.Text type="secondary">—</Typography.Text>
            </div>
          )}
        </Col>
      ))}
    </Row>
  );
}
