import { useState } from 'react';
import { Button, Card, Flex, Space, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCadres } from '../../api/cadres';
import { queryString } from '../../api/download';
import { useCurrentUser } from '../../app/auth/useCurrentUser';
import { mayEditOrganisation } from '../../app/roles';
import { useDownload } from '../../app/useDownload';
import { CadreFilterBar } from './CadreFilterBar';
import { CadreFormModal } from './CadreFormModal';
import { CadreTable } from './CadreTable';
import { useCadreFilters } from './useCadreFilters';

/** 干部: the cadres of my scope and above, filtered; registered one by one (新增干部) or in bulk by import. */
export function CadresPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { filters, query, update, reset } = useCadreFilters();
  const cadres = useCadres(query);
  const { download, pending } = useDownload();
  const [creating, setCreating] = useState(false);
  const editor = mayEditOrganisation(user.role);
  const { page: _p, pageSize: _s, ...exportFilters } = query;
  const exportPath = `/api/exports/cadres.xlsx${queryString(exportFilters)}`;

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('cadres.title')}
        </Typography.Title>
        <Space wrap>
          {editor && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('cadres.create')}
            </Button>
          )}
          {editor && (
            <Button icon={<UploadOutlined />} onClick={() => void navigate('/imports?kind=cadres')}>
              {t('households.import')}
            </Button>
          )}
          <Button
            icon={<DownloadOutlined />}
            loading={pending === exportPath}
            onClick={() => void download(exportPath, '干部.xlsx', { announce: true })}
          >
            {t('households.export')}
          </Button>
        </Space>
      </Flex>
      <CadreFilterBar filters={filters} onChange={update} onReset={reset} />
      <CadreTable page={cadres.data} loading={cadres.isFetching} onPage={(page, pageSize) => update({ page, pageSize })} />
      {creating && <CadreFormModal onClose={() => setCreating(false)} onSaved={(c) => void navigate(`/cadres/${c.id}`)} />}
    </Card>
  );
}
