import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { entityColumns, regionOwnedColumns } from '../../platform/columns.js';

/** Departments and agencies (帮扶部门) that take on villages and townships, with their cadres. */
export const units = pgTable(
  'units',
  {
    ...entityColumns,
    ...regionOwnedColumns,
    name: text('name').notNull(),
    /** Government level the unit belongs to. */
    level: text('level', { enum: ['province', 'city', 'county', 'township', 'village'] }).notNull(),
    kind: text('kind').notNull().default('department'),
    status: text('status', { enum: ['active', 'dissolved'] }).notNull().default('active'),
  },
  (t) => [index('units_region_idx').on(t.regionCode.op('text_pattern_ops'))],
);

/** Party branches (党支部): of a unit, or of a village. */
export const branches = pgTable(
  'branches',
  {
    ...entityColumns,
    ...regionOwnedColumns,
    name: text('name').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    status: text('status', { enum: ['active', 'dissolved'] }).notNull().default('active'),
  },
  (t) => [index('branches_region_idx').on(t.regionCode.op('text_pattern_ops'))],
);
