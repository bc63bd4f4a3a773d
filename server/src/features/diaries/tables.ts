import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { entityColumns, regionOwnedColumns } from '../../platform/columns.js';
import { cadres } from '../cadres/tables.js';
import { entryStatuses } from './rules.js';

/**
 * Diary entries (民情日记): a cadre's entry for a month ('YYYY-MM', Asia/Shanghai), rich text
 * sanitised on the way in, linked to the visits and households it speaks of. region_code is the
 * cadre's. public_body is the published text with personal data taken out, made once at publication.
 */
export const diaryEntries = pgTable(
  'diary_entries',
  {
    ...entityColumns,
    ...regionOwnedColumns,
    cadreId: uuid('cadre_id')
      .notNull()
      .references(() => cadres.id),
    month: text('month').notNull(),
    body: text('body').notNull(),
    visitIds: uuid('visit_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    householdIds: uuid('household_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    status: text('status', { enum: entryStatuses }).notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    published: boolean('published').notNull().default(false),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publicBody: text('public_body'),
  },
  (t) => [
    index('diary_entries_cadre_month_idx').on(t.cadreId, t.month),
    index('diary_entries_region_idx').on(t.regionCode.op('text_pattern_ops'), t.month),
    index('diary_entries_published_idx')
      .on(t.publishedAt)
      .where(sql`published`),
  ],
);
