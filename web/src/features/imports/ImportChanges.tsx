import { Alert, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../api/types';

type Change = ImportJob['changes'][number];

/** Where a row is, as the clerk finds it: its sheet too when the workbook had several. */
export function useRowLabel() {
  const { t } = useTranslation();
  return (r: { sheet: string | null; row: number }) => (r.sheet ? t('imports.sheetRow', { sheet: r.sheet, row: r.row }) : t('imports.row', { row: r.row }));
}

/** The sheets the check read (and passed over), and a sample of what the import will really change. */
export function ImportChanges({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const rowLabel = useRowLabel();
  const several = job.sheets.length > 1 || job.skippedSheets.length > 0;
  return (
    <Flex vertical gap={12}>
      {several && (
        <Alert
          type="info"
          showIcon
          title={t('imports.sheetsRead', { sheets: job.sheets.join('、') })}
          description={job.skippedSheets.length ? t('imports.sheetsSkipped', { sheets: job.skippedSheets.join('、') }) : undefined}
        />
      )}
      {job.changes.length > 0 && (
        <div>
          <Typography.Text strong>{t('imports.changesTitle')}</Typography.Text>
          <Table<Change>
            size="small"
            style={{ marginTop: 8 }}
            rowKey={(c) => `${c.sheet ?? ''}-${c.row}-${c.what}`}
            dataSource={job.changes}
            pagination={job.changes.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
            columns={[
              { title: t('imports.rowTitle'), key: 'row', width: 110, render: (_: unknown, c: Change) => rowLabel(c) },
              { title: t('imports.changeWhat'), dataIndex: 'what', width: 200 },
              { title: t('imports.changeFields'), dataIndex: 'fields', render: (fields: string[]) => fields.map((f) => <Tag key={f}>{f}</Tag>) },
            ]}
          />
        </div>
      )}
    </Flex>
  );
}
