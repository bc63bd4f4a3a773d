import { useState } from 'react';
import { App, DatePicker, Form, InputNumber, Modal, Segmented, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../api/ids';
import { useEnrol, type EnrolBody, type Programme } from '../../api/programmes';
import type { CadreRank } from '../../api/types';
import { useApiError } from '../../app/useApiError';
import { cadreRanks } from '../cadres/useCadreFilters';
import { RegionPicker } from '../regions/RegionPicker';
import { UnitSelect } from '../units/UnitSelect';
import { CadreSelect } from './CadreSelect';

interface Values {
  ranks?: CadreRank[];
  unitId?: string;
  regionCode?: string;
  cadreIds?: string[];
  tags: string[];
  capacity?: number | null;
  roundNo?: number | null;
  startOn?: Dayjs;
}

/** The enrol body: chosen cadres one by one (a single one with the id made when the form opened), or a bulk selection. */
export function enrolBody(mode: 'bulk' | 'one', id: string, v: Values): EnrolBody {
  const common = {
    tags: v.tags ?? [],
    ...(v.capacity !== undefined && v.capacity !== null ? { capacity: v.capacity } : {}),
    ...(v.roundNo ? { roundNo: v.roundNo } : {}),
    ...(v.startOn ? { startOn: v.startOn.format('YYYY-MM-DD') } : {}),
  };
  if (mode === 'one') {
    const ids = v.cadreIds ?? [];
    return { ...(ids.length === 1 ? { id } : {}), subjects: ids.map((c) => ({ kind: 'cadre' as const, id: c })), ...common };
  }
  return {
    select: {
      kind: 'cadre',
      ...(v.ranks?.length ? { ranks: v.ranks } : {}),
      ...(v.unitId ? { unitId: v.unitId } : {}),
      ...(v.regionCode ? { regionCode: v.regionCode } : {}),
    },
    ...common,
  };
}

/** 登记参与: cadres in bulk by rank, unit or region, or one by one; with tags (capable …), capacity and round. */
export function EnrolModal({ programme, onClose }: { programme: Programme; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<'bulk' | 'one'>('one');
  const [id] = useState(() => uuidv7());
  const enrol = useEnrol();
  const showError = useApiError();

  const submit = async () => {
    const v = await form.validateFields();
    if (mode === 'one' && !v.cadreIds?.length) {
      form.setFields([{ name: 'cadreIds', errors: [t('programmes.enrol.needSubjects')] }]);
      return;
    }
    enrol.mutate(
      { programmeId: programme.id, ...enrolBody(mode, id, v) },
      {
        onSuccess: (r) => {
          void message.success(t('programmes.enrol.done', { enrolled: r.enrolled, already: r.alreadyEnrolled }));
          onClose();
        },
        onError: (e) => showError(e, { form }),
      },
    );
  };

  return (
    <Modal
      open
      title={t('programmes.enrol.title')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => {})}
      okText={t('common.confirm')}
      confirmLoading={enrol.isPending}
      destroyOnHidden
    >
      <Segmented
        block
        value={mode}
        onChange={(m) => setMode(m as 'bulk' | 'one')}
        options={[
          { value: 'one', label: t('programmes.enrol.oneByOne') },
          { value: 'bulk', label: t('programmes.enrol.bulk') },
        ]}
        style={{ marginBottom: 16 }}
      />
      <Form<Values> form={form} layout="vertical" initialValues={{ tags: [], regionCode: programme.regionCode }}>
        {mode === 'one' ? (
          <Form.Item name="cadreIds" label={t('programmes.enrol.cadres')}>
            <CadreSelect />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="ranks" label={t('programmes.enrol.ranks')}>
              <Select mode="multiple" options={cadreRanks.map((r) => ({ value: r, label: t(`cadres.ranks.${r}`) }))} />
            </Form.Item>
            <Form.Item name="unitId" label={t('programmes.enrol.unit')}>
              <UnitSelect />
            </Form.Item>
            <Form.Item name="regionCode" label={t('programmes.enrol.region')}>
              <RegionPicker allowClear />
            </Form.Item>
          </>
        )}
        <Form.Item name="tags" label={t('programmes.enrol.tags')} extra={t('programmes.enrol.tagsHelp')}>
          <Select
            mode="tags"
            options={(['capable', 'unit_head'] as const).map((tag) => ({
              value: tag,
              label: `${t(`programmes.tagNames.${tag}`)}（${tag}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="capacity" label={t('programmes.enrol.capacity')}>
          <InputNumber min={0} max={1000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        {programme.rounds.length > 0 && (
          <Form.Item name="roundNo" label={t('programmes.enrol.roundNo')}>
            <Select
              allowClear
              options={programme.rounds.map((r) => ({ value: r.no, label: `${t('programmes.rounds.noValue', { no: r.no })} · ${r.name}` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="startOn" label={t('programmes.startOn')}>
          <DatePicker style={{ width: '100%' }} placeholder={dayjs().format('YYYY-MM-DD')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
