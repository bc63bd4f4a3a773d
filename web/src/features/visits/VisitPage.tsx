import { useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Image, Popconfirm, Result, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../app/useApiError';
import { useVisit, useVisitChanged, useVoidVisit } from './api';
import { ConfirmPanel } from './ConfirmPanel';
import { Missing } from './Missing';
import { PhotoPicker, type PickedPhoto } from './PhotoPicker';
import { uploadPhoto, useUploadSession } from './upload';

/** One visit: what was recorded, its photos, and the household's confirmation. */
export function VisitPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const visit = useVisit(id);
  const voidIt = useVoidVisit();
  const changed = useVisitChanged();
  const session = useUploadSession();
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [uploading, setUploading] = useState(false);

  if (visit.isPending) return <Card loading />;
  if (!visit.data) return <Missing error={visit.error} back="/visits" backLabel={t('visits.mine')} />;
  const v = visit.data;
  const setPhoto = (key: string, patch: Partial<PickedPhoto>) => setPhotos((ps) => ps.map((p) => (p.key === key ? { ...p, ...patch } : p)));

  const upload = async () => {
    setUploading(true);
    for (const p of photos.filter((x) => x.state !== 'done')) {
      setPhoto(p.key, { state: 'uploading', progress: 0 });
      try {
        const fresh = await uploadPhoto(v.id, p.file, session, (progress) => setPhoto(p.key, { progress }));
        setPhoto(p.key, { state: 'done' });
        await changed(fresh);
      } catch (e) {
        setPhoto(p.key, { state: 'failed' });
        showError(e);
      }
    }
    setPhotos((ps) => ps.filter((p) => p.state !== 'done'));
    setUploading(false);
  };

  const active = v.status === 'recorded';
  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      <Card
        title={
          <Space wrap>
            {t(`visits.kinds.${v.kind}`)}
            <Typography.Text type="secondary">{v.visitedOn}</Typography.Text>
          </Space>
        }
        extra={
          !active ? (
            <Tag>{t('visits.voided')}</Tag>
          ) : v.confirmed ? (
            <Tag color="success" icon={<CheckCircleOutlined />} data-testid="visit-confirmed">
              {t('visits.confirmed')}
            </Tag>
          ) : (
            <Tag>{t('visits.notConfirmed')}</Tag>
          )
        }
      >
        <Descriptions
          column={1}
          size="small"
          items={[
            {
              key: 'households',
              label: t('visits.households'),
              children:
                v.households.length > 0 ? (
                  <Space wrap>
                    {v.households.map((h) => (
                      <Link key={h.id} to={`/households/${h.id}`}>
                        {h.headName ?? h.id.slice(0, 8)}
                      </Link>
                    ))}
                  </Space>
                ) : (
                  (v.regionName ?? v.villageCode)
                ),
            },
            { key: 'cadres', label: t('visits.cadres'), children: v.cadres.map((c) => c.name).join('、') },
            ...(v.discussed
              ? [
                  {
                    key: 'discussed',
                    label: t('visits.discussed'),
                    children: <span style={{ whiteSpace: 'pre-wrap' }}>{v.discussed}</span>,
                  },
                ]
              : []),
            ...(v.production ? [{ key: 'production', label: t('visits.production'), children: v.production }] : []),
            ...(v.life ? [{ key: 'life', label: t('visits.life'), children: v.life }] : []),
            ...(v.mood ? [{ key: 'mood', label: t('visits.mood'), children: v.mood }] : []),
            ...(v.confirmed && v.confirmMethod
              ? [
                  {
                    key: 'confirmed',
                    label: t('visits.confirmed'),
                    children: t('visits.confirmedBy', { method: t(`visits.method_${v.confirmMethod}`), name: v.confirmedByName ?? '' }),
                  },
                ]
              : []),
          ]}
        />
        {v.photos.length > 0 && (
          <Image.PreviewGroup>
            <Flex wrap gap={8} style={{ marginTop: 12 }} data-testid="visit-photos">
              {v.photos.map((p) => (
                <Image
                  key={p.id}
                  src={p.thumbUrl}
                  preview={{ src: p.url }}
                  width={88}
                  height={88}
                  style={{ objectFit: 'cover', borderRadius: 6 }}
                  alt=""
                />
              ))}
            </Flex>
          </Image.PreviewGroup>
        )}
      </Card>
      {active && !v.confirmed && (
        <Card>
          <ConfirmPanel visit={v} autoStart={params.get('confirm') === '1'} onRefresh={() => void visit.refetch()} />
        </Card>
      )}
      {v.confirmed && params.get('confirm') === '1' && <Result status="success" title={t('visits.confirmed')} />}
      {active && (
        <Card size="small" title={t('visits.addMorePhotos')}>
          <PhotoPicker photos={photos} onChange={setPhotos} onProblem={(m) => void message.error(m)} disabled={uploading} />
          {photos.some((p) => p.state !== 'done') && (
            <Button type="primary" icon={<PlusOutlined />} style={{ marginTop: 12 }} loading={uploading} onClick={() => void upload()}>
              {t('common.save')}
            </Button>
          )}
        </Card>
      )}
      <Flex gap={8} wrap>
        <Link to="/visits/new">
          <Button type="primary">{t('visits.record')}</Button>
        </Link>
        <Link to="/visits">
          <Button>{t('visits.mine')}</Button>
        </Link>
        {active && (
          <Popconfirm
            title={t('visits.voidConfirm')}
            onConfirm={() =>
              voidIt.mutate({ id: v.id, version: v.version }, { onError: (e) => showError(e, { onStale: () => void visit.refetch() }) })
            }
          >
            <Button danger>{t('visits.void')}</Button>
          </Popconfirm>
        )}
      </Flex>
    </Flex>
  );
}
