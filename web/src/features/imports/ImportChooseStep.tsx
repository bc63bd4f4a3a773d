import { useState } from 'react';
import { Alert, Button, Flex, Radio, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { templateUrl, useUploadImport } from '../../api/imports';
import type { ImportJob, ImportKind } from '../../api/types';
import { useApiError } from '../../app/useApiError';
import { useDownload } from '../../app/useDownload';
import { RecentImports } from './RecentImports';

const maxBytes = 50 * 1024 * 1024;
const kinds: ImportKind[] = ['households', 'cadres', 'pairings'];

/** Step 1: what is imported, its template, and the file (checked here for type and size first). */
export function ImportChooseStep({
  kind,
  onKind,
  onUploaded,
}: {
  kind: ImportKind;
  onKind: (k: ImportKind) => void;
  onUploaded: (job: ImportJob) => void;
}) {
  const { t } = useTranslation();
  const upload = useUploadImport();
  const showError = useApiError();
  const { download, pending } = useDownload();
  const [problem, setProblem] = useState<string | null>(null);

  const send = (file: File) => {
    setProblem(null);
    if (!/\.xlsx$/i.test(file.name)) return setProblem(t('imports.notXlsx'));
    if (file.size > maxBytes) return setProblem(t('imports.tooBig'));
    upload.mutate(
      { file, kind },
      {
        onSuccess: onUploaded,
        onError: (e) => {
          if (e instanceof ApiError && e.status < 500)
            setProblem([e.message, ...e.fields.map((f) => f.message).filter((m) => m !== e.message)].join('；'));
          else showError(e);
        },
      },
    );
  };

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Text strong>{t('imports.kind')}</Typography.Text>
        <div style={{ marginTop: 8 }}>
          <Radio.Group
            value={kind}
            onChange={(e) => onKind(e.target.value as ImportKind)}
            optionType="button"
            buttonStyle="solid"
            options={kinds.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
          />
        </div>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t(`imports.kindHelp.${kind}`)}
        </Typography.Paragraph>
      </div>
      <Alert
        type="info"
        showIcon
        title={t('imports.templateHint')}
        action={
          <Button
            icon={<DownloadOutlined />}
            loading={pending === templateUrl(kind)}
            onClick={() => void download(templateUrl(kind), `${t(`imports.kinds.${kind}`)}导入模板.xlsx`)}
          >
            {t('imports.template')}
          </Button>
        }
      />
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        disabled={upload.isPending}
        beforeUpload={(file) => {
          send(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">
          {upload.isPending ? t('imports.checking', { file: upload.variables?.file.name ?? '' }) : t('imports.upload')}
        </p>
        <p className="ant-upload-hint">{t('imports.uploadHint')}</p>
      </Upload.Dragger>
      {problem && <Alert type="error" showIcon title={t('imports.uploadFailed')} description={problem} data-testid="import-problem" />}
      <RecentImports kind={kind} onOpen={onUploaded} />
    </Flex>
  );
}
