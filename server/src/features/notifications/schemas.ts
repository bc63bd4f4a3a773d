import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/pagination.js';
import { notificationKinds } from './tables.js';

export const notificationOut = z.object({
  id: z.uuid(),
  kind: z.enum(notificationKinds).describe('visits_due, visits_overdue, diary_due, diary_overdue, entry_returned, review_waiting'),
  text: z.string().describe('What to show, in the request language'),
  subjectType: z.string().describe('cadre, diary_entry or user: what the notice is about'),
  subjectId: z.string(),
  dueOn: z.string(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});
export const notificationPage = pageOf(notificationOut).extend({ unread: z.number().int() });
export const notificationListQuery = z.object({
  ...pageQuery,
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export const idParams = z.object({ id: z.uuid() });
