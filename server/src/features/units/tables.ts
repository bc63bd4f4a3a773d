import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { entityColumns, regionOwnedColumns } from '../../platform/columns.js';

/** Government levels a unit can sit at: the level of its region (groups have no units). */
export const unitLevels = ['province', 'city', 'county', 'township', 'village'] as const;
export type UnitLevel = (typeof unitLevels)[number];

export const unitKinds = [
  'department', // 党政机关 (县农业局, 县委组织部, 乡政府)
  'institution', // 事业单位 (县扶贫办, 乡卫生院, 中心学校)
  'enterprise', // 国有企业 (县供电公司, 县信用联社, 县烟草公司)
  'other', // 其他 (社会组织 …)
] as const;
export type UnitKind = (typeof unitKinds)[number];

/**
 * Departments and agencies (帮扶部门) that take on villages and townships, with their cadres.
 * region_code is where the unit sits (县农业局: the county; 乡政府: the township); a unit's name is
 * unique in its region, which is also how imports find a unit by name.
 */
export const units = pgTable(
  'units',
  {
    ...entityColumns,
    ...regionOwnedColumns,
    name: text('name').notNull(),
    /** Pinyin initials of the name, for search as users type (县农业局 → xnyj). */
    initials: text('initials').notNull().default(''),
    /** Government level the unit belongs to: always the level of region_code. */
    level: text('level', { enum: unitLevels }).notNull(),
    kind: text('kind', { enum: unitKinds }).notNull().default('department'),
    status: text('status', { enum: ['active', 'dissolved'] }).notNull().default('active'),
  },
  (t) => [
    index('units_region_idx').on(t.regionCode.op('text_pattern_ops')),
    uniqueIndex('units_region_name_uq').on(t.regionCode, t.name),
  ],
);

/**
 * Party branches (党支部): of a unit (县农业局党支部, 乡机关党支部; region = the unit's region), or of
 * a village (吉久村党支部; no unit, region = the village). Unique by name in a region.
 */
export const branches = pgTable(
  'branches',
  {
    ...entityColumns,
    ...regionOwnedColumns,
    name: text('name').notNull(),
    initials: text('initials').notNull().default(''),
    unitId: uuid('unit_id').references(() => units.id),
    status: text('status', { enum: ['active', 'dissolved'] }).notNull().default('active'),
  },
  (t) => [
    index('branches_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('branches_unit_idx').on(t.unitId),
    uniqueIndex('branches_region_name_uq').on(t.regionCode, t.name),
  ],
);
