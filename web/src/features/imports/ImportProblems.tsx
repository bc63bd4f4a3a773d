import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../api/types';
import zhCN from '../../app/i18n/zh-CN';
import { useRowLabel } from './ImportChanges';

type Column = keyof typeof zhCN.imports.columns;
type Problem = ImportJob['problems'][number];

/** The first problems of the file: row, column and reason (the report has them all). */
export function ImportProblems({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const rowLabel = useRowLabel();
  if (job.problems.length === 0) return null;
  const column = (c: string | null) => (c === null ? '—' : c in zhCN.imports.columns ? t(`imports.columns.${c as Column}`) : c);
  return (
    <div>
      <Typography.Text strong>{t('imports.sampleTitle')}</Typography.Text>
      <Table<Problem>
        size="small"
        style={{ marginTop: 8 }}
        rowKey={(p) => `${p.sheet ?? ''}-${p.row}-${p.column ?? ''}-${p.message}`}
        dataSource={job.problems}
        pagination={job.problems.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
        columns={[
          { title: t('imports.rowTitle'), key: 'row', width: 110, render: (_: unknown, p: Problem) => rowLabel(p) },
          { title: t('imports.columnTitle'), dataIndex: 'column', width: 120, render: column },
          { title: t('imports.reason'), dataIndex: 'message' },
        ]}
      />
    </div>
  );
}
