import { useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../api/download';
import { useApiError } from './useApiError';

/** Downloads an API file (Excel exports, templates, reports), reporting failures the usual way. */
export function useDownload() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [pending, setPending] = useState<string | null>(null);
  const download = async (path: string, fallbackName: string, opts: { announce?: boolean } = {}) => {
    setPending(path);
    try {
      const name = await downloadFile(path, fallbackName);
      if (opts.announce) void message.success(t('households.exported', { name }));
    } catch (e) {
      showError(e);
    } finally {
      setPending(null);
    }
  };
  return { download, pending };
}
