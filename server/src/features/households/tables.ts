import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { entityColumns, regionOwnedColumns } from '../../platform/columns.js';

export const householdStatuses = ['active', 'moved', 'merged', 'dissolved'] as const;
export const housingConditions = ['safe', 'dilapidated_c', 'dilapidated_d', 'none', 'unknown'] as const;
export const relations = [
  'head',
  'spouse',
  'son',
  'daughter',
  'son_in_law',
  'daughter_in_law',
  'grandchild',
  'parent',
  'grandparent',
  'sibling',
  'other',
] as const;
export const healthStates = ['healthy', 'chronic', 'serious_illness', 'disabled'] as const;
export const educationLevels = ['none', 'primary', 'junior', 'senior', 'vocational', 'college', 'preschool'] as const;
export const schoolingStates = ['not_school_age', 'in_school', 'dropped_out', 'graduated'] as const;
export const labourAbilities = ['full', 'partial', 'none', 'not_working_age'] as const;
export const memberStatuses = ['active', 'left', 'deceased'] as const;

export interface Livestock {
  kind: string; // 羊, 牛, 猪, 鸡 … free text from the catalogue or typed
  head: number;
}

/**
 * Rural households (农户). region_code is the village or group (组) they live in. Categories and
 * poverty causes are codes of the household catalogue (built-in ones plus those an administrator
 * adds). Never deleted: status records moves, merges and dissolution.
 */
export const households = pgTable(
  'households',
  {
    ...entityColumns,
    ...regionOwnedColumns,
    /** 户编号 as the county's own records number it; unique within a county when given. */
    householdNo: text('household_no'),
    address: text('address'),
    phone: text('phone'),
    categories: text('categories')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    povertyCauses: text('poverty_causes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    landMu: numeric('land_mu', { precision: 10, scale: 2 }),
    livestock: jsonb('livestock').$type<Livestock[]>().notNull().default([]),
    housing: text('housing', { enum: housingConditions }).notNull().default('unknown'),
    status: text('status', { enum: householdStatuses }).notNull().default('active'),
    statusChangedOn: date('status_changed_on', { mode: 'string' }),
    mergedIntoId: uuid('merged_into_id'),
    notes: text('notes'),
  },
  (t) => [
    index('households_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('households_categories_idx').using('gin', t.categories),
    uniqueIndex('households_no_uq').on(t.countyCode, t.householdNo),
  ],
);

/** Members (成员) of a household, the head among them (relation = head). */
export const members = pgTable(
  'members',
  {
    ...entityColumns,
    ...regionOwnedColumns,
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    name: text('name').notNull(),
    initials: text('initials').notNull().default(''),
    sex: text('sex', { enum: ['male', 'female'] }),
    /** GB 11643 resident ID number; a person is an active member of one household at a time. */
    idNumber: text('id_number'),
    relation: text('relation', { enum: relations }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    health: text('health', { enum: healthStates }),
    disability: text('disability'),
    education: text('education', { enum: educationLevels }),
    schooling: text('schooling', { enum: schoolingStates }),
    labourAbility: text('labour_ability', { enum: labourAbilities }),
    isPartyMember: boolean('is_party_member').notNull().default(false),
    phone: text('phone'),
    status: text('status', { enum: memberStatuses }).notNull().default('active'),
    /** The day the member left or died (or came back). */
    statusChangedOn: date('status_changed_on', { mode: 'string' }),
  },
  (t) => [
    index('members_household_idx').on(t.householdId),
    index('members_region_idx').on(t.regionCode.op('text_pattern_ops')),
    /**
     * A person is an active member of one household at a time. A daughter who marries out stays in
     * her parents' household as "left" and is added, with the same ID number, to her new one.
     */
    uniqueIndex('members_id_number_active_uq')
      .on(t.idNumber)
      .where(sql`status = 'active'`),
    uniqueIndex('members_one_head_uq')
      .on(t.householdId)
      .where(sql`relation = 'head' and status = 'active'`),
  ],
);

/** 工资性, 生产经营性, 转移性, 财产性 and other income; production and other costs. */
export const incomeCategories = ['wages', 'production', 'transfer', 'property', 'other'] as const;
export const costCategories = ['production_cost', 'other_cost'] as const;

/** One line of a year's income: an income of one of incomeCategories, or a cost of one of costCategories. */
export type IncomeItem =
  | { kind: 'income'; category: (typeof incomeCategories)[number]; label?: string; amountFen: number }
  | { kind: 'cost'; category: (typeof costCategories)[number]; label?: string; amountFen: number };

/**
 * A household's income for one year (seed 001: 人均纯收入 2500 → 3500 元). The totals and the
 * per-capita net income are computed by households/rules.ts when written, and stored so that
 * reports over a county sum columns instead of unpacking JSON.
 */
export const householdIncomes = pgTable(
  'household_incomes',
  {
    ...entityColumns,
    ...regionOwnedColumns,
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    year: integer('year').notNull(),
    items: jsonb('items').$type<IncomeItem[]>().notNull().default([]),
    memberCount: integer('member_count').notNull(),
    incomeFen: bigint('income_fen', { mode: 'number' }).notNull(),
    costFen: bigint('cost_fen', { mode: 'number' }).notNull(),
    perCapitaNetFen: bigint('per_capita_net_fen', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('household_incomes_year_uq').on(t.householdId, t.year),
    index('household_incomes_region_idx').on(t.regionCode.op('text_pattern_ops'), t.year),
  ],
);

/**
 * The household catalogue: categories (致富明星户, 贫困户 …) and poverty causes (因病, 缺技术 …).
 * Built-in entries have no region; an administrator's additions belong to their region.
 */
export const householdCatalog = pgTable(
  'household_catalog',
  {
    ...entityColumns,
    kind: text('kind', { enum: ['category', 'poverty_cause'] }).notNull(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    regionCode: text('region_code'),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('household_catalog_code_uq').on(t.kind, t.code)],
);
