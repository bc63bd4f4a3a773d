import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, Popconfirm, Segmented, Space, Tag, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { useApiError } from '../../app/useApiError';
import { useVisits } from '../visits/api';
import { Missing } from '../visits/Missing';
import { statusColor, useEntry, usePublishEntry, useReviews, useSaveEntry, useSubmitEntry } from './api';
import { EntryBody } from './EntryBody';
import { EntryVisits } from './EntryVisits';
import { ReviewTrail } from './ReviewTrail';
import { htmlToText, textToHtml } from './richText';
import { visitParagraph, withVisits } from './visitText';

/** One of my diary entries: edit (draft or returned), submit, read the reviews, publish once accepted. */
export function DiaryPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const entry = useEntry(id);
  const reviews = useReviews(id);
  const save = useSaveEntry();
  const submit = useSubmitEntry();
  const publish = usePublishEntry();
  const [text, setText] = useState<string | null>(null);
  const [view, setView] = useState<'edit' | 'preview'>('edit');
  // Visits recorded after the entry was drafted, added to the text and cited on the next save.
  const [added, setAdded] = useState<string[]>([]);
  const monthVisits = useVisits({ cadreId: entry.data?.cadreId, month: entry.data?.month, pageSize: 100 }, !!entry.data);
  const loadedBody = entry.data?.body;
  // The text box starts from the entry as saved; it keeps what is typed across a failed save.
  useEffect(() => {
    if (loadedBody !== undefined) setText((cur) => cur ?? htmlToText(loadedBody));
  }, [loadedBody]);

  if (entry.isPending) return <Card loading />;
  if (!entry.data) return <Missing error={entry.error} back="/diaries" backLabel={t('diaries.title')} />;
  const e = entry.data;
  const editable = e.status === 'draft' || e.status === 'returned';
  const html = text === null ? e.body : textToHtml(text);
  const cited = new Set([...e.visitIds, ...added]);
  const uncited = editable ? (monthVisits.data?.items ?? []).filter((v) => v.status === 'recorded' && !cited.has(v.id)) : [];
  const dirty = editable && ((text !== null && html !== e.body) || added.some((v) => !e.visitIds.includes(v)));
  const lastReturn = [...(reviews.data ?? [])].reverse().find((r) => r.action === 'return');
  const onStale = () => void entry.refetch();

  const saveNow = async () => {
    if (!dirty) return e.version;
    const visitIds = added.length > 0 ? [...new Set([...e.visitIds, ...added])] : undefined;
    const fresh = await save.mutateAsync({ id: e.id, version: e.version, body: html, visitIds });
    return fresh.version;
  };
  const doSave = () =>
    void saveNow().then(
      () => void message.success(t('app.saved')),
      (err: unknown) => showError(err, { onStale }),
    );
  const doSubmit = async () => {
    try {
      const version = await saveNow();
      await submit.mutateAsync({ id: e.id, version });
      void message.success(t('diaries.submitted'));
    } catch (err) {
      showError(err, { onStale });
    }
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 820 }}>
      <Card
        title={
          <Space wrap>
            {t('diaries.title')} {e.month}
          </Space>
        }
        extra={
          <Space size={4}>
            <Tag color={statusColor[e.status]} data-testid="entry-status">
              {t(`diaries.status.${e.status}`)}
            </Tag>
            {e.published && <Tag color="purple">{t('diaries.published')}</Tag>}
          </Space>
        }
      >
        <Flex vertical gap={12}>
          {params.get('drafted') === '1' && e.status === 'draft' && <Alert type="info" showIcon title={t('diaries.drafted')} />}
          {e.status === 'returned' && lastReturn && (
            <Alert
              type="warning"
              showIcon
              title={t('diaries.returnedNotice', { comment: lastReturn.comment ?? '' })}
              data-testid="returned-notice"
            />
          )}
          {e.status === 'submitted' && <Alert type="info" showIcon title={t('diaries.submitted')} />}
          {e.status === 'accepted' && <Alert type="success" showIcon title={t('diaries.locked')} />}
          {uncited.length > 0 && (
            <Alert
              type="info"
              showIcon
              title={t('diaries.uncited', { n: uncited.length })}
              data-testid="uncited"
              action={
                <Button
                  size="small"
                  onClick={() => {
                    const lang = currentLanguage();
                    setText(
                      withVisits(
                        text ?? htmlToText(e.body),
                        [...uncited].sort((a, b) => a.visitedOn.localeCompare(b.visitedOn)).map((v) => visitParagraph(v, lang)),
                      ),
                    );
                    setAdded((a) => [...a, ...uncited.map((v) => v.id)]);
                    setView('edit');
                  }}
                >
                  {t('diaries.addVisits')}
                </Button>
              }
            />
          )}
          {editable ? (
            <>
              <Segmented
                value={view}
                onChange={(v) => setView(v as 'edit' | 'preview')}
                options={[
                  { value: 'edit', label: t('diaries.edit') },
                  { value: 'preview', label: t('diaries.preview') },
                ]}
              />
              {view === 'edit' ? (
                <>
                  <Input.TextArea
                    value={text ?? ''}
                    onChange={(ev) => setText(ev.target.value)}
                    autoSize={{ minRows: 10, maxRows: 30 }}
                    aria-label={t('diaries.body')}
                    data-testid="entry-text"
                  />
                  <Typography.Text type="secondary">{t('diaries.bodyHelp')}</Typography.Text>
                </>
              ) : (
                <EntryBody html={html} />
              )}
              <Flex gap={8} wrap>
                <Button onClick={doSave} loading={save.isPending} disabled={!dirty}>
                  {t('diaries.save')}
                </Button>
                <Button type="primary" onClick={() => void doSubmit()} loading={submit.isPending} data-testid="submit-entry">
                  {t('diaries.submit')}
                </Button>
              </Flex>
            </>
          ) : (
            <EntryBody html={e.body} />
          )}
          {e.status === 'accepted' && !e.published && (
            <Popconfirm
              title={t('diaries.publishConfirm')}
              onConfirm={() =>
                publish.mutate(
                  { id: e.id, version: e.version },
                  { onSuccess: () => void message.success(t('diaries.published')), onError: (err) => showError(err, { onStale }) },
                )
              }
            >
              <Button loading={publish.isPending}>{t('diaries.publish')}</Button>
            </Popconfirm>
          )}
        </Flex>
      </Card>
      <Card size="small">
        <EntryVisits entry={e} />
      </Card>
      <Card size="small" title={t('diaries.reviews')}>
        <ReviewTrail reviews={reviews.data ?? []} />
      </Card>
    </Flex>
  );
}
