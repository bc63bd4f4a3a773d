import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { entityColumns, regionOwnedColumns } from '../../platform/columns.js';
import { branches, units } from '../units/tables.js';
import { users } from '../users/tables.js';

export const cadreRanks = [
  'province_leader', // 省级领导
  'city_leader', // 市级领导 (市、州、盟)
  'county_leader', // 县级领导
  'section', // 科级干部
  'general', // 一般干部
  'township', // 乡干部
  'village', // 村社干部
  'party_member', // 党员
  'resident', // 驻村干部/第一书记
] as const;
export type CadreRank = (typeof cadreRanks)[number];

/** A cadre's place in their party branch; null when they are not a member of a branch we keep. */
export const branchRoles = [
  'secretary', // 书记
  'deputy_secretary', // 副书记
  'committee_member', // 支委委员
  'member', // 党员
] as const;
export type BranchRole = (typeof branchRoles)[number];

/**
 * Helpers (干部/帮扶责任人): whoever is paired with households, villages or branches.
 * region_code is where the cadre works (a resident cadre: the village they are posted to), unit_id
 * the unit that employs or sends them, branch_id the party branch they belong to. user_id links the
 * cadre to their login account, at most one cadre per account.
 */
export const cadres = pgTable(
  'cadres',
  {
    ...entityColumns,
    ...regionOwnedColumns,
    name: text('name').notNull(),
    /** Pinyin initials of the name (龙文斌 → lwb). */
    initials: text('initials').notNull().default(''),
    sex: text('sex', { enum: ['male', 'female'] }),
    rank: text('rank', { enum: cadreRanks }).notNull(),
    title: text('title'),
    /** GB 11643 resident ID number: the key that makes a re-import update rather than duplicate. */
    idNumber: text('id_number'),
    phone: text('phone'),
    unitId: uuid('unit_id').references(() => units.id),
    branchId: uuid('branch_id').references(() => branches.id),
    branchRole: text('branch_role', { enum: branchRoles }),
    userId: uuid('user_id').references(() => users.id),
    status: text('status', { enum: ['active', 'left'] }).notNull().default('active'),
  },
  (t) => [
    index('cadres_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('cadres_unit_idx').on(t.unitId),
    index('cadres_branch_idx').on(t.branchId),
    uniqueIndex('cadres_user_uq').on(t.userId),
    uniqueIndex('cadres_id_number_uq').on(t.idNumber),
  ],
);
