import { useState } from 'react';
import { Badge, Button, Drawer, Empty, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import type { paths } from '../../api/schema';
import { RowItem, Rows } from '../visits/Rows';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type Notice = Json<paths['/api/notifications']['get']['responses'][200]>['items'][number];

/** Where a notice takes its reader. */
export function linkOf(n: Pick<Notice, 'kind' | 'subjectType' | 'subjectId'>): string {
  if (n.subjectType === 'diary_entry') return n.kind === 'review_waiting' ? `/reviews/${n.subjectId}` : `/diaries/${n.subjectId}`;
  if (n.kind === 'review_waiting') return '/reviews';
  if (n.kind === 'diary_due' || n.kind === 'diary_overdue') return '/diaries';
  return '/';
}

/** The bell in the top bar: unread count, the latest notices, mark read on open. */
export function NotificationBell() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const list = useQuery({
    queryKey: ['notifications'],
    queryFn: () => data(api.GET('/api/notifications', { params: { query: { pageSize: 20 } } })),
    refetchInterval: 5 * 60_000,
  });
  const read = useMutation({
    mutationFn: (id: string) => data(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const unread = list.data?.unread ?? 0;
  const [open, setOpen] = useState(false);
  const content = (
    <div data-testid="notifications">
      <Rows
        items={list.data?.items ?? []}
        empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />}
        rowKey={(n) => n.id}
        render={(n) => (
          <RowItem
            style={{ cursor: 'pointer', opacity: n.readAt ? 0.6 : 1 }}
            onClick={() => {
              if (!n.readAt) read.mutate(n.id);
              setOpen(false);
              void navigate(linkOf(n));
            }}
            extra={
              !n.readAt ? (
                <Button
                  size="small"
                  type="link"
                  onClick={(e) => {
                    e.stopPropagation();
                    read.mutate(n.id);
                  }}
                >
                  {t('notifications.markRead')}
                </Button>
              ) : null
            }
          >
            <div style={{ minWidth: 0 }}>
              <Typography.Text strong={!n.readAt}>{n.text}</Typography.Text>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {dayjs(n.createdAt).format('MM-DD HH:mm')}
                </Typography.Text>
              </div>
            </div>
          </RowItem>
        )}
      />
    </div>
  );
  return (
    <>
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button type="text" icon={<BellOutlined />} aria-label={t('notifications.open')} data-testid="bell" onClick={() => setOpen(true)} />
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="right"
        size={360}
        title={unread > 0 ? `${t('notifications.title')} · ${t('notifications.unread', { n: unread })}` : t('notifications.title')}
        styles={{ body: { padding: '0 16px' } }}
      >
        {content}
      </Drawer>
    </>
  );
}
