import { useEffect, useRef, useState } from 'react';
import { Alert, App, Checkbox, Empty, Modal, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../api/ids';
import { useAcceptProposals, useProposals } from '../../api/pairings';
import { useApiError } from '../../app/useApiError';
import { acceptItems, initialSelection, toggle, toggleAll } from './proposalSelection';

/** 结对助手: 生成建议 → the proposals with checkboxes (all ticked) → 接受所选 → pairings made, the rule check refreshed. */
export function AssistantModal({ programmeId, regionCode, onClose }: { programmeId: string; regionCode?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const proposals = useProposals(programmeId, regionCode ? { regionCode } : {}, true);
  const accept = useAcceptProposals();
  const showError = useApiError();
  const [selection, setSelection] = useState<Set<string>>(new Set());
  const ids = useRef(new Map<string, string>());
  const items = proposals.data?.proposals ?? [];
  useEffect(() => {
    if (proposals.data) setSelection(initialSelection(proposals.data.proposals));
  }, [proposals.data]);
  const idOf = (key: string) => {
    let id = ids.current.get(key);
    if (!id) ids.current.set(key, (id = uuidv7()));
    return id;
  };

  const submit = () =>
    accept.mutate(
      { programmeId, items: acceptItems(items, selection, idOf) },
      {
        onSuccess: (r) => {
          void message.success(
            t('pairings.assistant.accepted', { created: r.created + r.alreadyThere, before: r.breachesBefore, after: r.breachesAfter }),
          );
          onClose();
        },
        onError: (e) => showError(e),
      },
    );

  return (
    <Modal
      open
      title={t('pairings.assistant.title')}
      onCancel={onClose}
      onOk={submit}
      okText={t('pairings.assistant.accept', { count: selection.size })}
      okButtonProps={{ disabled: selection.size === 0 }}
      confirmLoading={accept.isPending}
      destroyOnHidden
      width={720}
    >
      <Typography.Paragraph type="secondary">{t('pairings.assistant.intro')}</Typography.Paragraph>
      {proposals.isPending ? (
        <Spin />
      ) : items.length === 0 ? (
        <Empty description={t('pairings.assistant.none')} />
      ) : (
        <>
          <Space wrap style={{ marginBottom: 8 }}>
            <Checkbox
              checked={selection.size === items.length}
              indeterminate={selection.size > 0 && selection.size < items.length}
              onChange={(e) => setSelection(toggleAll(items, e.target.checked))}
            >
              {t('pairings.assistant.selectAll')}
            </Checkbox>
            {proposals.data && (
              <Typography.Text type="secondary">{t('pairings.assistant.before', { count: proposals.data.breachesBefore })}</Typography.Text>
            )}
          </Space>
          <div style={{ maxHeight: 420, overflowY: 'auto' }}>
            {items.map((p) => (
              <div key={p.key} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
                <Checkbox
                  checked={selection.has(p.key)}
                  onChange={(e) => setSelection(toggle(selection, p.key, e.target.checked))}
                  data-testid="proposal"
                >
                  <Space size={4} wrap>
                    <Typography.Text strong>{p.helperName ?? '—'}</Typography.Text>→
                    <Typography.Text strong>{p.targetName ?? '—'}</Typography.Text>
                    <Tag>{t(`pairings.roles.${p.role}`)}</Tag>
                    <Tag color="blue">{t(`pairings.assistant.nearness.${p.nearness}`)}</Tag>
                  </Space>
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {p.message}
                  </Typography.Text>
                </Checkbox>
              </div>
            ))}
          </div>
        </>
      )}
      {proposals.data && proposals.data.unfilled.length > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          title={t('pairings.assistant.unfilled', { count: proposals.data.unfilled.length })}
          description={proposals.data.unfilled.slice(0, 5).map((u) => (
            <div key={`${u.ruleId}-${u.subject.id}`}>{u.message}</div>
          ))}
        />
      )}
    </Modal>
  );
}
