import { useState } from 'react';
import { Badge, Button, Card, Descriptions, Flex, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { cadreKeys, useCadre } from '../../api/cadres';
import { ApiError } from '../../api/errors';
import { useCurrentUser } from '../../app/auth/useCurrentUser';
import { mayEditOrganisation } from '../../app/roles';
import { CadreFormModal } from './CadreFormModal';
import { CadreWork } from './CadreWork';

/** A cadre's page: who, where they work, unit and branch (administrators edit), and their work. */
export function CadrePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const qc = useQueryClient();
  const cadre = useCadre(id);
  const [editing, setEditing] = useState(false);

  if (cadre.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (!cadre.data) {
    const missing = cadre.error instanceof ApiError && (cadre.error.status === 404 || cadre.error.status === 400);
    return (
      <Result
        status={missing ? '404' : 'warning'}
        title={missing ? t('cadres.notFound') : t('app.networkError')}
        extra={<Link to="/cadres">{t('menu.cadres')}</Link>}
      />
    );
  }
  const c = cadre.data;
  const dash = '—';

  return (
    <>
      <Card>
        <Flex justify="space-between" align="flex-start" wrap gap={8} style={{ marginBottom: 12 }}>
          <Space orientation="vertical" size={2}>
            <Space size={8} wrap align="center">
              <Typography.Title level={4} style={{ margin: 0 }}>
                {c.name}
              </Typography.Title>
              <Tag color="blue">{t(`cadres.ranks.${c.rank}`)}</Tag>
              <Badge status={c.status === 'active' ? 'success' : 'default'} text={t(`cadres.statuses.${c.status}`)} />
            </Space>
            {c.title && <Typography.Text type="secondary">{c.title}</Typography.Text>}
          </Space>
          {mayEditOrganisation(user.role) && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          )}
        </Flex>
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'sex', label: t('cadres.sex'), children: c.sex ? t(`members.sexes.${c.sex}`) : dash },
            { key: 'phone', label: t('cadres.phone'), children: c.phone ?? dash },
            { key: 'unit', label: t('cadres.unit'), children: c.unitId ? <Link to={`/cadres?unit=${c.unitId}`}>{c.unitName}</Link> : dash },
            {
              key: 'branch',
              label: t('cadres.branch'),
              children: c.branchId ? (
                <Link to={`/cadres?branch=${c.branchId}`}>
                  {c.branchName}
                  {c.branchRole ? `（${t(`cadres.branchRoles.${c.branchRole}`)}）` : ''}
                </Link>
              ) : (
                dash
              ),
            },
            { key: 'region', label: t('cadres.region'), children: c.regionName ?? c.regionCode },
            { key: 'account', label: t('cadres.account'), children: c.userId ? t('cadres.hasAccount') : t('cadres.noAccount') },
            { key: 'updated', label: t('households.updatedAt'), children: dayjs(c.updatedAt).format('YYYY-MM-DD HH:mm') },
          ]}
        />
        {editing && (
          <CadreFormModal
            cadre={c}
            onClose={() => setEditing(false)}
            onStale={() => void qc.invalidateQueries({ queryKey: cadreKeys.all })}
          />
        )}
      </Card>
      <CadreWork cadreId={c.id} />
    </>
  );
}
