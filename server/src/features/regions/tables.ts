import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { entityColumns, regionOwnedColumns } from '../../platform/columns.js';
import { users } from '../users/tables.js';

/**
 * Administrative divisions by their national 12-digit statistical codes; groups (组/社) are local
 * children of a village with 15-digit codes (village code + 3 digits). Regions are never deleted:
 * when villages merge or split the old one gets valid_to and old records keep pointing at it.
 */
export const regions = pgTable(
  'regions',
  {
    ...entityColumns,
    code: text('code').notNull().unique(),
    parentCode: text('parent_code'),
    name: text('name').notNull(),
    level: text('level', {
      enum: ['province', 'city', 'county', 'township', 'village', 'group'],
    }).notNull(),
    /** Pinyin initials of the name, for search as users type (吉久村 → jjc). */
    initials: text('initials').notNull().default(''),
    countyCode: text('county_code'),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
  },
  (t) => [
    index('regions_parent_idx').on(t.parentCode),
    index('regions_code_prefix_idx').on(t.code.op('text_pattern_ops')),
  ],
);

export const regionEventKinds = ['merge', 'split', 'rename'] as const;
export type RegionEventKind = (typeof regionEventKinds)[number];

/**
 * A change of the division recorded by an administrator: a merge (A and B into C), a split (A into
 * B and C) or a rename (old_name → new_name, the code kept). effective_on is the first day of the
 * new state, as valid_to is the first day a region no longer holds. region_code is the scope key:
 * the successor of a merge, the region split or renamed.
 */
export const regionEvents = pgTable(
  'region_events',
  {
    ...entityColumns,
    ...regionOwnedColumns,
    kind: text('kind', { enum: regionEventKinds }).notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    oldName: text('old_name'),
    newName: text('new_name'),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    index('region_events_region_idx').on(t.regionCode.op('text_pattern_ops')),
    check('region_events_kind_check', sql`${t.kind} in ('merge', 'split', 'rename')`),
  ],
);

/** Which region continued which: one row per predecessor and successor of a merge or split. */
export const regionSuccessions = pgTable(
  'region_successions',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => regionEvents.id),
    predecessorCode: text('predecessor_code')
      .notNull()
      .references(() => regions.code),
    successorCode: text('successor_code')
      .notNull()
      .references(() => regions.code),
  },
  (t) => [
    primaryKey({ name: 'region_successions_pk', columns: [t.predecessorCode, t.successorCode] }),
    index('region_successions_successor_idx').on(t.successorCode),
    index('region_successions_event_idx').on(t.eventId),
    check('region_successions_distinct_check', sql`${t.predecessorCode} <> ${t.successorCode}`),
  ],
);
