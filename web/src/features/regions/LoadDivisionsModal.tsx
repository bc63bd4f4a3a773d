import { useEffect, useState } from 'react';
import { Alert, App, Cascader, Form, Modal, Table, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchDivisionChoices, useLoadDivisions } from '../../api/regions';
import type { DivisionChoice, LoadReport } from '../../api/types';
import { useApiError } from '../../app/useApiError';

interface Option {
  value: string;
  label: React.ReactNode;
  name: string;
  isLeaf: boolean;
  children?: Option[];
}

const toOption = (d: DivisionChoice, loadedText: string): Option => ({
  value: d.code,
  name: d.name,
  label: d.loaded ? (
    <span>
      {d.name} <Tag style={{ marginInlineStart: 4 }}>{loadedText}</Tag>
    </span>
  ) : (
    d.name
  ),
  isLeaf: d.isLeaf,
});

/**
 * 加载区划数据: choose a province, city or county of the national extract shipped with the app
 * (a cascader that opens level by level) and load it; the counts loaded are shown afterwards.
 */
export function LoadDivisionsModal({ open, onClose, onLoaded }: { open: boolean; onClose: () => void; onLoaded: (code: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ code: string[] }>();
  const [options, setOptions] = useState<Option[]>([]);
  const [report, setReport] = useState<LoadReport | null>(null);
  const load = useLoadDivisions();
  const showError = useApiError();
  const loadedText = t('regionHistory.alreadyLoaded');

  useEffect(() => {
    if (!open) return;
    setReport(null);
    void fetchDivisionChoices(qc, '').then((items) => setOptions(items.map((d) => toOption(d, loadedText))));
  }, [open, qc, loadedText]);

  const loadData = async (selected: Option[]) => {
    const target = selected[selected.length - 1]!;
    const items = await fetchDivisionChoices(qc, target.value);
    target.children = items.map((d) => toOption(d, loadedText));
    if (items.length === 0) target.isLeaf = true;
    setOptions((prev) => [...prev]);
  };

  const submit = async () => {
    const { code } = await form.validateFields();
    load.mutate(code[code.length - 1]!, {
      onSuccess: (r) => {
        setReport(r);
        void message.success(t('regionHistory.loadDone', { name: r.name, inserted: r.inserted, total: r.total, seconds: (r.ms / 1000).toFixed(1) }));
        onLoaded(r.code);
      },
      onError: (e) => showError(e, { form }),
    });
  };

  return (
    <Modal
      title={t('regionHistory.loadTitle')}
      open={open}
      onOk={() => (report ? onClose() : void submit().catch(() => {}))}
      onCancel={onClose}
      okText={report ? t('common.confirm') : t('regionHistory.loadButton')}
      confirmLoading={load.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('regionHistory.loadHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="code" label={t('regionHistory.choose')} rules={[{ required: true, message: t('regionHistory.chooseRequired') }]}>
          <Cascader<Option>
            options={options}
            loadData={(s) => void loadData(s)}
            changeOnSelect
            displayRender={(labels, selected) => (selected ?? []).map((o) => (o as Option).name).join(' / ') || labels.join(' / ')}
            placeholder={t('regionHistory.choose')}
            disabled={!!report}
          />
        </Form.Item>
      </Form>
      {report && (
        <div data-testid="load-report">
          <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('regionHistory.loadDone', { name: report.name, inserted: report.inserted, total: report.total, seconds: (report.ms / 1000).toFixed(1) })} />
          <Table
            size="small"
            pagination={false}
            rowKey="level"
            dataSource={report.levels}
            columns={[
              { title: t('regions.level'), dataIndex: 'level', render: (l: string) => t(`levels.${l}` as 'levels.village') },
              { title: t('regionHistory.levelTotal'), dataIndex: 'total', align: 'right' },
              { title: t('regionHistory.levelInserted'), dataIndex: 'inserted', align: 'right' },
            ]}
          />
        </div>
      )}
    </Modal>
  );
}
