import { useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Row, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { useApiError } from '../../app/useApiError';
import { type Entry, diaryKeys, statusColor, useEntry, useReviews } from '../diaries/api';
import { EntryBody } from '../diaries/EntryBody';
import { EntryVisits } from '../diaries/EntryVisits';
import { ReviewTrail } from '../diaries/ReviewTrail';
import { Missing } from '../visits/Missing';
import { type ReviewBody, useReview } from './api';

/**
 * 查阅: an entry beside the visits it cites; comment, accept or return with a comment. When another
 * reviewer acted first (409), the entry is shown as it now is and the comment typed stays.
 */
export function ReviewPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const qc = useQueryClient();
  const entry = useEntry(id);
  const reviews = useReviews(id);
  const review = useReview();
  const [form] = Form.useForm<{ comment?: string }>();
  const [conflict, setConflict] = useState(false);

  if (entry.isPending) return <Card loading />;
  if (!entry.data) return <Missing error={entry.error} back="/reviews" backLabel={t('reviews.title')} />;
  const e = entry.data;

  const act = async (action: ReviewBody['action']) => {
    const comment = (form.getFieldValue('comment') as string | undefined)?.trim() || null;
    if (action !== 'accept' && !comment) {
      form.setFields([{ name: 'comment', errors: [t('reviews.commentRequired')] }]);
      return;
    }
    try {
      await review.mutateAsync({ id: e.id, version: e.version, action, comment, sampleId: params.get('sample') || null });
      setConflict(false);
      form.resetFields();
      void message.success(
        t(action === 'accept' ? 'reviews.acceptedDone' : action === 'return' ? 'reviews.returnedDone' : 'reviews.commentedDone'),
      );
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.current && typeof err.current === 'object') {
        qc.setQueryData(diaryKeys.detail(e.id), err.current as Entry);
        void qc.invalidateQueries({ queryKey: diaryKeys.reviews(e.id) });
        void qc.invalidateQueries({ queryKey: ['worklists'] });
        setConflict(true);
        return;
      }
      showError(err, { form });
    }
  };
  const open = e.status === 'submitted';

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card
          title={`${e.cadreName} · ${e.month}`}
          extra={
            <Tag color={statusColor[e.status]} data-testid="entry-status">
              {t(`diaries.status.${e.status}`)}
            </Tag>
          }
        >
          {conflict && (
            <Alert type="warning" showIcon title={t('reviews.conflict')} style={{ marginBottom: 12 }} data-testid="review-conflict" />
          )}
          <EntryBody html={e.body} />
          <Form form={form} layout="vertical" style={{ marginTop: 16 }}>
            <Form.Item name="comment" label={t('reviews.comment')}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} placeholder={t('reviews.commentPlaceholder')} />
            </Form.Item>
            <Flex gap={8} wrap>
              {open && (
                <Button type="primary" onClick={() => void act('accept')} loading={review.isPending} data-testid="review-accept">
                  {t('reviews.accept')}
                </Button>
              )}
              {open && (
                <Button danger onClick={() => void act('return')} loading={review.isPending} data-testid="review-return">
                  {t('reviews.return')}
                </Button>
              )}
              <Button onClick={() => void act('comment')} loading={review.isPending}>
                {t('reviews.doComment')}
              </Button>
            </Flex>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Flex vertical gap={16}>
          <Card size="small">
            <EntryVisits entry={e} />
          </Card>
          <Card size="small" title={t('diaries.reviews')}>
            <ReviewTrail reviews={reviews.data ?? []} />
          </Card>
          <Link to="/reviews">{t('reviews.queue')}</Link>
        </Flex>
      </Col>
    </Row>
  );
}
