import { Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../api/types';

/** The progress bar while a file is checked or written (polled). */
export function ImportProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const importing = job.status === 'importing';
  const total = importing ? (job.summary?.rowsToImport ?? job.totalRows) : job.totalRows;
  const percent = total > 0 ? Math.min(99, Math.floor((job.processedRows / total) * 100)) : undefined;
  return (
    <Flex vertical gap={8} style={{ maxWidth: 560, margin: '24px auto' }}>
      <Typography.Text strong>{importing ? t('imports.importing') : t('imports.checking', { file: job.fileName })}</Typography.Text>
      <Progress percent={percent ?? 0} status="active" showInfo={percent !== undefined} />
      <Typography.Text type="secondary">
        {total > 0 ? t('imports.progress', { done: job.processedRows, total }) : t('imports.progressUnknown', { done: job.processedRows })}
      </Typography.Text>
    </Flex>
  );
}
