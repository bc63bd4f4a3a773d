import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { regionOwnedColumns } from '../../platform/columns.js';
import { diaryEntries } from '../diaries/tables.js';
import { users } from '../users/tables.js';
import { reviewActions } from '../diaries/rules.js';

/** Reviews of diary entries (查阅 / 调阅): append-only, one row per comment, acceptance or return. */
export const diaryReviews = pgTable(
  'diary_reviews',
  {
    id: uuid('id').primaryKey(),
    ...regionOwnedColumns,
    entryId: uuid('entry_id')
      .notNull()
      .references(() => diaryEntries.id),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id),
    reviewerName: text('reviewer_name').notNull(),
    action: text('action', { enum: reviewActions }).notNull(),
    comment: text('comment'),
    /** Set when the review was of an entry drawn in a quarterly sample. */
    sampleId: uuid('sample_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('diary_reviews_entry_idx').on(t.entryId, t.at)],
);

/**
 * Quarterly samples (日记调阅): the population read (ids and digest), the recorded seed and the
 * entries drawn, so anyone can re-draw and audit it (reviews/rules.ts drawSample). One per region
 * and quarter: a second draw would let someone choose the sample they like.
 */
export const diarySamples = pgTable(
  'diary_samples',
  {
    id: uuid('id').primaryKey(),
    ...regionOwnedColumns,
    quarter: text('quarter').notNull(),
    seed: text('seed').notNull(),
    populationSize: integer('population_size').notNull(),
    populationDigest: text('population_digest').notNull(),
    populationIds: uuid('population_ids').array().notNull(),
    entryIds: uuid('entry_ids').array().notNull(),
    drawnBy: uuid('drawn_by')
      .notNull()
      .references(() => users.id),
    drawnByName: text('drawn_by_name').notNull(),
    drawnAt: timestamp('drawn_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('diary_samples_region_quarter_uq').on(t.regionCode, t.quarter)],
);
