import { useState } from 'react';
import { Button, Card, Flex, Space, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { queryString } from '../../api/download';
import { useHouseholds } from '../../api/households';
import { useCurrentUser } from '../../app/auth/useCurrentUser';
import { mayEditRegistry } from '../../app/roles';
import { useDownload } from '../../app/useDownload';
import { HouseholdFilterBar } from './HouseholdFilterBar';
import { HouseholdFormDrawer } from './HouseholdFormDrawer';
import { HouseholdTable } from './HouseholdTable';
import { exportQuery, useHouseholdFilters } from './useHouseholdFilters';

/** 农户: filter bar, the households of my area page by page, import and export in Excel. */
export function HouseholdsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { filters, query, update, reset } = useHouseholdFilters();
  const households = useHouseholds(query);
  const { download, pending } = useDownload();
  const [creating, setCreating] = useState(false);
  const editor = mayEditRegistry(user.role);
  const exportPath = `/api/exports/households.xlsx${queryString(exportQuery(filters))}`;

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('households.title')}
        </Typography.Title>
        <Space wrap>
          {editor && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('households.create')}
            </Button>
          )}
          {editor && (
            <Button icon={<UploadOutlined />} onClick={() => void navigate('/imports?kind=households')}>
              {t('households.import')}
            </Button>
          )}
          <Button
            icon={<DownloadOutlined />}
            loading={pending === exportPath}
            onClick={() => void download(exportPath, '农户.xlsx', { announce: true })}
          >
            {t('households.export')}
          </Button>
        </Space>
      </Flex>
      <HouseholdFilterBar filters={filters} onChange={update} onReset={reset} />
      {households.data?.masked && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t('households.masked')}
        </Typography.Paragraph>
      )}
      <HouseholdTable page={households.data} loading={households.isFetching} filters={filters} onChange={update} />
      {creating && <HouseholdFormDrawer open onClose={() => setCreating(false)} onSaved={(h) => void navigate(`/households/${h.id}`)} />}
    </Card>
  );
}
