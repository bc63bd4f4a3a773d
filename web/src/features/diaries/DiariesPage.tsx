import { useState } from 'react';
import { Button, Card, DatePicker, Flex, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../api/ids';
import { useApiError } from '../../app/useApiError';
import { statusColor, useEntries, useStartEntry } from './api';
import { RowItem, Rows } from '../visits/Rows';
import { ExportButton } from '../../app/ExportButton';

/** 民情日记: my entries, and the month's entry started (drafted from its visits) in one tap. */
export function DiariesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const showError = useApiError();
  const entries = useEntries({ mine: 'true', pageSize: 100 });
  const start = useStartEntry();
  const thisMonth = dayjs().format('YYYY-MM');
  const [month, setMonth] = useState(thisMonth);
  const existing = entries.data?.items.find((e) => e.month === month);

  const open = () => {
    if (existing) return void navigate(`/diaries/${existing.id}`);
    start.mutate({ id: uuidv7(), month }, { onSuccess: (e) => void navigate(`/diaries/${e.id}?drafted=1`), onError: (e) => showError(e) });
  };

  return (
    <Card title={t('diaries.title')} extra={<ExportButton path="/api/exports/diary-entries.xlsx" query={{ mine: 'true' }} fileName="民情日记.xlsx" label={t('diaries.export')} />}>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
        <DatePicker
          picker="month"
          value={dayjs(`${month}-01`)}
          allowClear={false}
          inputReadOnly
          disabledDate={(d) => d.isAfter(dayjs(), 'month')}
          onChange={(d) => setMonth(d ? d.format('YYYY-MM') : thisMonth)}
          style={{ width: 160 }}
          aria-label={t('diaries.month')}
        />
        <Button type="primary" icon={<EditOutlined />} onClick={open} loading={start.isPending} data-testid="start-entry">
          {t('diaries.startMonth', { month })}
        </Button>
      </Flex>
      <Rows
        loading={entries.isPending}
        items={entries.data?.items ?? []}
        empty={t('diaries.empty')}
        rowKey={(e) => e.id}
        render={(e) => (
          <RowItem testId="entry-item">
            <Link to={`/diaries/${e.id}`} style={{ width: '100%' }}>
              <Flex justify="space-between" gap={8} wrap>
                <Typography.Text strong>{e.month}</Typography.Text>
                <Space size={4}>
                  <Tag color={statusColor[e.status]}>{t(`diaries.status.${e.status}`)}</Tag>
                  {e.published && <Tag color="purple">{t('diaries.published')}</Tag>}
                </Space>
              </Flex>
            </Link>
          </RowItem>
        )}
      />
    </Card>
  );
}
