import { useState } from 'react';
import { Alert, Button, Card, Flex, Pagination, Tag, Typography } from 'antd';
import { CheckCircleOutlined, DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { queryString } from '../../api/download';
import { useRuleCheck, type BreachKind } from '../../api/pairings';
import { useDownload } from '../../app/useDownload';

/** 规则检查: breach counts by kind (tap one to list only those), the breaches page by page, and the .xlsx. Refetched after every pairing change. */
export function RuleCheckPanel({ programmeId, regionCode }: { programmeId: string; regionCode?: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<BreachKind | undefined>();
  const [page, setPage] = useState(1);
  const check = useRuleCheck(programmeId, { page, pageSize: 10, ...(regionCode ? { regionCode } : {}), ...(kind ? { kind } : {}) });
  const { download, pending } = useDownload();
  const exportPath = `/api/programmes/${programmeId}/check.xlsx${queryString({ regionCode, kind })}`;
  const c = check.data;
  const kinds = c ? (Object.entries(c.counts) as [BreachKind, number][]).filter(([, n]) => n > 0) : [];

  return (
    <Card
      size="small"
      title={t('pairings.check.title')}
      loading={check.isPending}
      data-testid="rule-check"
      extra={
        <Button
          size="small"
          icon={<DownloadOutlined />}
          loading={pending === exportPath}
          onClick={() => void download(exportPath, 'rule-check.xlsx')}
        >
          {t('pairings.check.export')}
        </Button>
      }
      style={{ marginBottom: 16 }}
    >
      {c && c.total === 0 ? (
        <Alert type="success" showIcon icon={<CheckCircleOutlined />} title={t('pairings.check.none')} data-testid="rule-check-none" />
      ) : (
        c && (
          <>
            <Typography.Text strong type="danger" data-testid="rule-check-total">
              {t('pairings.check.total', { count: c.total })}
            </Typography.Text>
            <Flex wrap gap={4} style={{ margin: '8px 0' }}>
              <Tag.CheckableTag checked={!kind} onChange={() => (setKind(undefined), setPage(1))}>
                {t('pairings.check.all')} {c.total}
              </Tag.CheckableTag>
              {kinds.map(([k, n]) => (
                <Tag.CheckableTag key={k} checked={kind === k} onChange={() => (setKind(k), setPage(1))}>
                  {t(`pairings.check.kinds.${k}`)} {n}
                </Tag.CheckableTag>
              ))}
            </Flex>
            <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="breaches">
              {c.items.map((b, i) => (
                <li
                  key={`${b.kind}-${b.subject.id}-${b.ruleId ?? ''}-${b.pairingId ?? i}`}
                  style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}
                >
                  <Tag color="red">{t(`pairings.check.kinds.${b.kind}`)}</Tag>
                  {subjectPath(b.subject) ? (
                    <Link to={subjectPath(b.subject)!} data-testid="breach-link">
                      {b.message}
                    </Link>
                  ) : (
                    <Typography.Text>{b.message}</Typography.Text>
                  )}
                </li>
              ))}
            </ul>
            {c.filteredTotal > 10 && (
              <Pagination
                simple
                size="small"
                current={page}
                pageSize={10}
                total={c.filteredTotal}
                onChange={setPage}
                style={{ marginTop: 8 }}
              />
            )}
          </>
        )
      )}
      {c && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
          {t('pairings.check.checked', { ...c.checked, on: c.on })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/** Where a breach's subject is looked at: the household (its helpers), the cadre, the place. */
export function subjectPath(subject: { kind: string; id: string }): string | null {
  switch (subject.kind) {
    case 'household':
      return `/households/${subject.id}?tab=helpers`;
    case 'cadre':
      return `/cadres/${subject.id}?tab=households`;
    case 'village':
    case 'township':
      return `/regions/${subject.id}`;
    case 'unit':
      return '/units';
    default:
      return null;
  }
}
