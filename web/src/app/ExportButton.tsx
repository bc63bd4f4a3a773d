import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { queryString } from '../api/download';
import { useDownload } from './useDownload';

/** Downloads a list's .xlsx export (/api/exports/…) with the list's own filters. */
export function ExportButton({ path, query, fileName, label }: { path: string; query: Parameters<typeof queryString>[0]; fileName: string; label: string }) {
  const { download, pending } = useDownload();
  const url = `${path}${queryString(query)}`;
  return (
    <Button icon={<DownloadOutlined />} loading={pending === url} onClick={() => void download(url, fileName, { announce: true })}>
      {label}
    </Button>
  );
}
