import { useMemo, useRef, useState } from 'react';
import { App, Button, Card, DatePicker, Flex, Form, Input, Select, Space, Typography } from 'antd';
import { AimOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { uuidv7 } from '../../api/ids';
import { useApiError } from '../../app/useApiError';
import { type CreateVisitBody, type Visit, visitKinds, useCreateVisit, useMyHouseholds, useVisitChanged } from './api';
import { PhotoPicker, type PickedPhoto } from './PhotoPicker';
import { uploadPhoto, useUploadSession } from './upload';
import { clearDraft, loadDraft, saveDraft, type VisitDraft } from './visitDraft';

type Location = NonNullable<CreateVisitBody['location']>;

/** 记录走访: one short phone form; a failed save keeps what was typed (also across a reload). */
export function RecordVisitPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useUploadSession();
  const [form] = Form.useForm<VisitDraft>();
  const mine = useMyHouseholds();
  const create = useCreateVisit();
  const changed = useVisitChanged();
  const [search, setSearch] = useState('');
  const others = useQuery({
    queryKey: ['visits', 'household-search', search],
    queryFn: async () => (await data(api.GET('/api/households', { params: { query: { q: search || undefined, pageSize: 20 } } }))).items,
    staleTime: 60_000,
  });
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [location, setLocation] = useState<Location | null>(null);
  const [busy, setBusy] = useState(false);
  // One id per visit being typed: a retried save answers the visit it already made.
  const id = useRef(uuidv7());
  const today = dayjs().format('YYYY-MM-DD');
  const [initial] = useState<VisitDraft>(() => {
    const draft = loadDraft();
    const preset = params.get('household');
    return {
      visitedOn: today,
      kind: 'home_visit',
      ...draft,
      householdIds: draft?.householdIds?.length ? draft.householdIds : preset ? [preset] : [],
    };
  });
  const [restored] = useState(() => loadDraft() !== null);

  const options = useMemo(() => {
    const mineIds = new Set((mine.data ?? []).map((h) => h.householdId));
    const label = (name: string | null, place: string | null) => [name ?? '—', place].filter(Boolean).join(' · ');
    return [
      {
        label: t('menu.myHouseholds'),
        options: (mine.data ?? []).map((h) => ({ value: h.householdId, label: label(h.headName, [h.villageName, h.groupName].filter(Boolean).join('')) })),
      },
      {
        label: t('visits.otherHouseholds'),
        options: (others.data ?? [])
          .filter((h) => !mineIds.has(h.id))
          .map((h) => ({ value: h.id, label: label(h.headName, [h.villageName, h.groupName].filter(Boolean).join('')) })),
      },
    ].filter((g) => g.options.length > 0);
  }, [mine.data, others.data, t]);

  const locate = () => {
    if (!navigator.geolocation) return void message.info(t('visits.locationFailed'));
    navigator.geolocation.getCurrentPosition(
      (p) => setLocation({ lat: p.coords.latitude, lng: p.coords.longitude, accuracyM: Math.round(p.coords.accuracy) }),
      () => void message.info(t('visits.locationFailed')),
      { timeout: 10_000, maximumAge: 60_000 },
    );
  };

  const setPhoto = (key: string, patch: Partial<PickedPhoto>) => setPhotos((ps) => ps.map((p) => (p.key === key ? { ...p, ...patch } : p)));

  const save = async (values: VisitDraft) => {
    setBusy(true);
    let visit: Visit;
    try {
      visit = await create.mutateAsync({
        id: id.current,
        householdIds: values.householdIds ?? [],
        visitedOn: values.visitedOn,
        kind: values.kind,
        discussed: values.discussed || null,
        production: values.production || null,
        life: values.life || null,
        mood: values.mood || null,
        location,
      });
    } catch (e) {
      setBusy(false);
      showError(e, { form });
      void message.warning(t('visits.saveFailed'));
      return;
    }
    clearDraft();
    let failed = 0;
    for (const p of photos) {
      if (p.state === 'done') continue;
      setPhoto(p.key, { state: 'uploading', progress: 0 });
      try {
        visit = await uploadPhoto(visit.id, p.file, session, (progress) => setPhoto(p.key, { progress }));
        setPhoto(p.key, { state: 'done', progress: 100 });
      } catch (e) {
        failed++;
        setPhoto(p.key, { state: 'failed' });
        showError(e);
      }
    }
    await changed(visit);
    setBusy(false);
    void message.success(t('visits.saved'));
    if (failed) void message.warning(t('visits.photosFailed', { n: failed }));
    void navigate(`/visits/${visit.id}?confirm=1`);
  };

  return (
    <Card
      title={t('visits.record')}
      extra={
        <Link to="/visits">
          <UnorderedListOutlined /> {t('visits.mine')}
        </Link>
      }
      style={{ maxWidth: 720 }}
    >
      {restored && (
        <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('visits.draftRestored')}</Typography.Text>
          <Button
            size="small"
            onClick={() => {
              clearDraft();
              form.resetFields();
              form.setFieldsValue({
                visitedOn: today,
                kind: 'home_visit',
                householdIds: [],
                discussed: '',
                production: '',
                life: '',
                mood: '',
              });
            }}
          >
            {t('visits.discardDraft')}
          </Button>
        </Flex>
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={(_, all) => saveDraft(all)}
        onFinish={(v) => void save(v)}
        disabled={busy}
      >
        <Form.Item name="householdIds" label={t('visits.households')} rules={[{ required: true, message: t('visits.householdsRequired') }]}>
          <Select
            mode="multiple"
            options={options}
            placeholder={t('visits.householdsPlaceholder')}
            filterOption={false}
            showSearch={{ onSearch: setSearch }}
            loading={mine.isLoading || others.isFetching}
            data-testid="visit-households"
          />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            name="visitedOn"
            label={t('visits.visitedOn')}
            rules={[{ required: true }]}
            style={{ flex: '1 1 140px' }}
            // The form keeps the day as 'YYYY-MM-DD' (saved as typed until the save succeeds); the picker shows it.
            getValueProps={(v: string | undefined) => ({ value: v ? dayjs(v) : null })}
            normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined)}
          >
            <DatePicker allowClear={false} inputReadOnly disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="kind" label={t('visits.kind')} rules={[{ required: true }]} style={{ flex: '1 1 140px' }}>
            <Select options={visitKinds.map((k) => ({ value: k, label: t(`visits.kinds.${k}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="discussed" label={t('visits.discussed')}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={4000} placeholder={t('visits.discussedPlaceholder')} />
        </Form.Item>
        <Typography.Text strong>{t('visits.situation')}</Typography.Text>
        <Form.Item name="production" label={t('visits.production')} style={{ marginTop: 8 }}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="life" label={t('visits.life')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="mood" label={t('visits.mood')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t('visits.photos')}>
          <PhotoPicker photos={photos} onChange={setPhotos} onProblem={(m) => void message.error(m)} disabled={busy} />
        </Form.Item>
        <Form.Item label={t('visits.location')}>
          {location ? (
            <Space wrap>
              <Typography.Text>{t('visits.locationAdded', { m: location.accuracyM ?? '?' })}</Typography.Text>
              <Button size="small" onClick={() => setLocation(null)}>
                {t('visits.removeLocation')}
              </Button>
            </Space>
          ) : (
            <Button icon={<AimOutlined />} onClick={locate}>
              {t('visits.addLocation')}
            </Button>
          )}
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={busy}>
          {t('visits.save')}
        </Button>
      </Form>
    </Card>
  );
}
