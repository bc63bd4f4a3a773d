import { date, index, pgTable, text } from 'drizzle-orm/pg-core';
import { entityColumns } from '../../platform/columns.js';

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
