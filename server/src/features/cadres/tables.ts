import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { entityColumns, regionOwnedColumns } from '../../platform/columns.js';
import { branches, units } from '../units/tables.js';
import { users } from '../users/tables.js';

export const cadreRanks = [
  'county_leader', // 县级领导
  'section', // 科级干部
  'general', // 一般干部
  'township', // 乡干部
  'village', // 村社干部
  'party_member', // 党员
  'resident', // 驻村干部/第一书记
] as const;
export type CadreRank = (typeof cadreRanks)[number];

/** Helpers (干部/帮扶责任人): whoever is paired with households, villages or branches. */
export const cadres = pgTable(
  'cadres',
  {
    ...entityColumns,
    ...regionOwnedColumns,
    name: text('name').notNull(),
    sex: text('sex', { enum: ['male', 'female'] }),
    rank: text('rank', { enum: cadreRanks }).notNull(),
    title: text('title'),
    phone: text('phone'),
    unitId: uuid('unit_id').references(() => units.id),
    branchId: uuid('branch_id').references(() => branches.id),
    userId: uuid('user_id').references(() => users.id),
    status: text('status', { enum: ['active', 'left'] }).notNull().default('active'),
  },
  (t) => [
    index('cadres_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('cadres_unit_idx').on(t.unitId),
  ],
);
