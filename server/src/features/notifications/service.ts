import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { notFound } from '../../platform/errors.js';
import * as repo from './repository.js';
import { notificationText } from './rules.js';
import type { notificationListQuery } from './schemas.js';

const present = (actor: Actor, r: repo.NotificationRow) => {
  const t = notificationText(r.kind, r.data, r.dueOn);
  return {
    id: r.id,
    kind: r.kind,
    text: actor.lang === 'en' ? t.en : t.zh,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    dueOn: r.dueOn,
    data: r.data,
    createdAt: r.createdAt,
    readAt: r.readAt,
  };
};

/** My notifications, newest first: each user reads only their own. */
export async function listNotifications(db: Db, actor: Actor, q: z.infer<typeof notificationListQuery>) {
  const { items, total, unread } = await repo.listOf(db, actor.id, q);
  return { items: items.map((r) => present(actor, r)), total, unread };
}

export async function markRead(db: Db, actor: Actor, id: string) {
  const row = await repo.getOne(db, id);
  // Someone else's notification does not exist as far as this user is concerned.
  if (!row || row.userId !== actor.id) throw notFound({ zh: '通知', en: 'Notification' });
  await repo.markRead(db, id);
  return present(actor, (await repo.getOne(db, id))!);
}
