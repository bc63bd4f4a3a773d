import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../api/types';
import zhCN from '../../app/i18n/zh-CN';

type Column = keyof typeof zhCN.imports.columns;

/** The first problems of the file: row, column and reason (the report has them all). */
export function ImportProblems({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  if (job.problems.length === 0) return null;
  const column = (c: string | null) => (c === null ? null : c in zhCN.imports.columns ? t(`imports.columns.${c as Column}`) : c);
  return (
    <List
      size="small"
      bordered
      header={<Typography.Text strong>{t('imports.sampleTitle')}</Typography.Text>}
      dataSource={job.problems.slice(0, 20)}
      style={{ maxHeight: 360, overflow: 'auto' }}
      renderItem={(p) => (
        <List.Item>
          <Typography.Text>
            <Typography.Text type="secondary">{t('imports.row', { row: p.row })}</Typography.Text>
            {column(p.column) && <Typography.Text strong>{` ${column(p.column)}：`}</Typography.Text>}
            {` ${p.message}`}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}
