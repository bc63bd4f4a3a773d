import { Alert, Button, Col, Flex, Popconfirm, Row, Statistic, Tooltip } from 'antd';
import { CheckOutlined, DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { reportUrl, useApplyImport } from '../../api/imports';
import type { ImportJob, ImportMode } from '../../api/types';
import { useApiError } from '../../app/useApiError';
import { useDownload } from '../../app/useDownload';
import { countsOf } from './importCounts';
import { ImportChanges } from './ImportChanges';
import { ImportProblems } from './ImportProblems';

/** The dry run's verdict: what would be written, what is wrong (with the report), and the two ways on. */
export function ImportCheckResult({ job, onRestart }: { job: ImportJob; onRestart: () => void }) {
  const { t } = useTranslation();
  const apply = useApplyImport();
  const showError = useApiError();
  const { download, pending } = useDownload();
  const rows = job.summary?.rowsToImport ?? 0;
  const errors = job.errorRows > 0;
  const run = (mode: ImportMode) => apply.mutate({ id: job.id, mode }, { onError: (e) => showError(e) });

  return (
    <Flex vertical gap={16}>
      <Alert type="success" showIcon title={t('imports.checked')} description={`${t('imports.fileName')}：${job.fileName}`} />
      <Row gutter={[16, 16]}>
        <Col xs={12} sm={8} md={6}>
          <Statistic title={t('imports.rows')} value={job.totalRows} />
        </Col>
        <Col xs={12} sm={8} md={6}>
          <Statistic title={t('imports.okRows')} value={rows} styles={{ content: { color: '#389e0d' } }} />
        </Col>
        <Col xs={12} sm={8} md={6}>
          <Statistic
            title={t('imports.errorRows')}
            value={job.errorRows}
            styles={{ content: { color: errors ? '#cf1322' : undefined } }}
            data-testid="import-error-rows"
          />
        </Col>
        {countsOf(job.summary, 'check').map((c) => (
          <Col key={c.key} xs={12} sm={8} md={6}>
            <Statistic title={t(`imports.counts.${c.key}`)} value={c.value} />
          </Col>
        ))}
      </Row>
      {errors ? (
        <Alert
          type="warning"
          showIcon
          title={t('imports.hasErrors', { count: job.errorRows })}
          action={
            job.hasReport && (
              <Button
                icon={<DownloadOutlined />}
                loading={pending === reportUrl(job.id)}
                onClick={() => void download(reportUrl(job.id), '错误报告.xlsx')}
              >
                {t('imports.report')}
              </Button>
            )
          }
        />
      ) : (
        <Alert type="info" showIcon title={t('imports.noErrors')} />
      )}
      <ImportChanges job={job} />
      <ImportProblems job={job} />
      {rows === 0 && <Alert type="error" showIcon title={t('imports.nothingValid')} />}
      <Flex gap={8} wrap>
        <Tooltip title={errors ? t('imports.applyAllDisabled') : undefined}>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            disabled={errors || rows === 0}
            loading={apply.isPending && apply.variables?.mode === 'all_or_nothing'}
            onClick={() => run('all_or_nothing')}
          >
            {t('imports.applyAll')}
          </Button>
        </Tooltip>
        {errors && rows > 0 && (
          <Popconfirm
            title={t('imports.applyValidConfirm', { count: job.errorRows })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => run('valid_rows')}
            styles={{ root: { maxWidth: 360 } }}
          >
            <Button loading={apply.isPending && apply.variables?.mode === 'valid_rows'}>{t('imports.applyValid')}</Button>
          </Popconfirm>
        )}
        <Button icon={<ReloadOutlined />} onClick={onRestart}>
          {t('imports.restart')}
        </Button>
      </Flex>
    </Flex>
  );
}
