import { Button, Col, Result, Row, Statistic } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { reportUrl } from '../../api/imports';
import type { ImportJob } from '../../api/types';
import { useDownload } from '../../app/useDownload';
import { countsOf } from './importCounts';

/** The end: what was written (or why nothing was), and where to go next. */
export function ImportOutcome({ job, onRestart }: { job: ImportJob; onRestart: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { download, pending } = useDownload();
  const list = { households: '/households', cadres: '/cadres', pairings: '/pairings' }[job.kind];
  const what = t(`imports.kinds.${job.kind}`);

  if (job.status !== 'done') {
    return (
      <Result
        status="error"
        title={job.status === 'cancelled' ? t('imports.cancelled') : t('imports.failed')}
        subTitle={[job.failure, t('imports.failedNothing')].filter(Boolean).join(' ')}
        extra={
          <Button type="primary" onClick={onRestart}>
            {t('imports.restart')}
          </Button>
        }
      />
    );
  }
  const skipped = job.errorRows > 0 || (job.summary?.heldBackRows ?? 0) > 0;
  return (
    <Result
      status="success"
      title={t('imports.done')}
      subTitle={[
        t('imports.doneSummary', { rows: job.processedRows }),
        skipped ? t('imports.skipped', { count: job.totalRows - (job.summary?.rowsToImport ?? 0) }) : null,
      ]
        .filter(Boolean)
        .join(' ')}
      extra={[
        <Button key="list" type="primary" onClick={() => void navigate(list)}>
          {t('imports.goList', { what })}
        </Button>,
        ...(skipped && job.hasReport
          ? [
              <Button
                key="report"
                icon={<DownloadOutlined />}
                loading={pending === reportUrl(job.id)}
                onClick={() => void download(reportUrl(job.id), '错误报告.xlsx')}
              >
                {t('imports.report')}
              </Button>,
            ]
          : []),
        <Button key="again" onClick={onRestart}>
          {t('imports.another')}
        </Button>,
      ]}
    >
      <Row gutter={[16, 16]} justify="center">
        {countsOf(job.summary, 'done').map((c) => (
          <Col key={c.key} xs={12} sm={6}>
            <Statistic title={t(`imports.counts.${c.key}`)} value={c.value} />
          </Col>
        ))}
      </Row>
    </Result>
  );
}
