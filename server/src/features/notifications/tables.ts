import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { regionOwnedColumns } from '../../platform/columns.js';
import { users } from '../users/tables.js';

export const notificationKinds = [
  'visits_due',
  'visits_overdue',
  'diary_due',
  'diary_overdue',
  'entry_returned',
  'review_waiting',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/**
 * In-app notifications, raised by the scheduler (notifications/jobs.ts). One per user, kind,
 * subject and due day, so a job run twice raises nothing new. region_code is the user's.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    ...regionOwnedColumns,
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_once_uq').on(t.userId, t.kind, t.subjectId, t.dueOn),
    index('notifications_user_idx').on(t.userId, t.createdAt),
  ],
);
