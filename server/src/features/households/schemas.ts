import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/pagination.js';
import { addressSchema, householdNoSchema, landMuSchema, personNameSchema, phoneSchema } from '../../platform/field-schemas.js';
import { codeSchema } from '../regions/schemas.js';
import {
  costCategories,
  educationLevels,
  healthStates,
  incomeCategories,
  householdStatuses,
  housingConditions,
  labourAbilities,
  memberStatuses,
  relations,
  schoolingStates,
} from './tables.js';

const sexes = ['male', 'female'] as const;
const day = z.iso.date();
/** A day in a household's life recorded now (moved, left, died): not before 1900, not after today. */
const eventDay = day.refine((d) => d >= '1900-01-01' && d <= new Date().toISOString().slice(0, 10), '日期须在 1900 年以后且不晚于今天');
/** A year in a path or query: four decimal digits (0x7e9 is not 2025), within the programme's years. */
const year = z
  .string()
  .regex(/^\d{4}$/, '年份为四位数字')
  .transform(Number)
  .pipe(z.number().int().min(1949).max(2100));
const phone = phoneSchema();
const catalogCodeSchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, '代码为小写字母、数字和下划线');
const codesList = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(,[a-z][a-z0-9_]*)*$/, '用逗号分隔的代码')
  .transform((v) => v.split(','));

export const idParams = z.object({ id: z.uuid() });

// ── members ─────────────────────────────────────────────────────────────────

export const memberOut = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  name: z.string(),
  sex: z.enum(sexes).nullable(),
  idNumber: z.string().nullable().describe('Masked (433124********1234) unless the role may see personal data'),
  relation: z.enum(relations),
  birthDate: z.string().nullable().describe('Null unless the role may see personal data (with the masked ID number it would complete it)'),
  birthYear: z.number().int().nullable().describe('The year of birth, for every role'),
  health: z.enum(healthStates).nullable(),
  disability: z.string().nullable(),
  education: z.enum(educationLevels).nullable(),
  schooling: z.enum(schoolingStates).nullable(),
  labourAbility: z.enum(labourAbilities).nullable(),
  isPartyMember: z.boolean(),
  phone: z.string().nullable().describe('Masked unless the role may see personal data'),
  status: z.enum(memberStatuses),
  statusChangedOn: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/**
 * The fields of a member a person types. Create, update and the Excel import of the registry all
 * build on this object. Birth date and sex are filled from the ID number when left out.
 */
export const memberFields = z.object({
  name: personNameSchema(),
  relation: z.enum(relations),
  idNumber: z.string().trim().min(1).max(30).nullable().optional().describe('GB 11643 resident ID number (18 characters)'),
  sex: z.enum(sexes).nullable().optional(),
  birthDate: day.nullable().optional(),
  health: z.enum(healthStates).nullable().optional(),
  disability: z.string().trim().max(50).nullable().optional().describe('e.g. 肢体二级'),
  education: z.enum(educationLevels).nullable().optional(),
  schooling: z.enum(schoolingStates).nullable().optional(),
  labourAbility: z.enum(labourAbilities).nullable().optional(),
  isPartyMember: z.boolean().optional(),
  phone: phone.nullable().optional(),
});
export type MemberInput = z.infer<typeof memberFields>;

const newMember = memberFields.extend({ id: z.uuid().optional().describe('Client-made UUIDv7 of the member') });

export const createMemberBody = newMember;

const notHead = z.enum(relations).exclude(['head']);

export const updateMemberBody = memberFields.partial().extend({
  version: z.number().int().positive(),
  formerHeadRelation: notHead.optional().describe("When this member becomes the head: the former head's relation to the new one"),
});

export const memberStatusBody = z.object({
  version: z.number().int().positive(),
  status: z.enum(memberStatuses).describe('left: moved out (married out, moved away); deceased; active: came back'),
  on: eventDay.describe('The day it happened'),
  newHeadId: z.uuid().optional().describe('When the head leaves or dies: the member who becomes head'),
});

// ── households ──────────────────────────────────────────────────────────────

const livestock = z.object({
  kind: z.string().trim().min(1).max(20).describe('羊, 牛, 猪, 鸡 …'),
  head: z.number().int().min(0).max(1_000_000),
});

/** The household's own fields (not its members); shared by create, update and the import. */
export const householdFields = z.object({
  regionCode: codeSchema.describe('The village (村/社区) or group (组/社) the household lives in'),
  householdNo: householdNoSchema().nullable().optional().describe('户编号 as the county numbers it; unique in the county'),
  address: addressSchema().nullable().optional(),
  phone: phone.nullable().optional(),
  categories: z.array(catalogCodeSchema).max(20).optional().describe('Catalogue codes (GET /api/households/catalog), several at once'),
  povertyCauses: z.array(catalogCodeSchema).max(20).optional(),
  landMu: landMuSchema().nullable().optional().describe('Land in 亩, to 0.01'),
  livestock: z.array(livestock).max(20).optional(),
  housing: z.enum(housingConditions).optional(),
  notes: z.string().trim().max(500).nullable().optional(),
});
export type HouseholdInput = z.infer<typeof householdFields>;

export const createHouseholdBody = householdFields.extend({
  id: z.uuid().optional().describe('Client-made UUIDv7; retrying with the same id returns the same household'),
  members: z.array(newMember).min(1).max(30).describe('The members, exactly one of them the head'),
});

export const updateHouseholdBody = householdFields.partial().extend({ version: z.number().int().positive() });

export const householdStatusBody = z.object({
  version: z.number().int().positive(),
  status: z.enum(householdStatuses).describe('moved, merged (into mergedIntoId), dissolved; active to restore. Households are never deleted'),
  on: eventDay.describe('The day it happened'),
  mergedIntoId: z.uuid().optional(),
});

const incomeBrief = z.object({ year: z.number().int(), perCapitaNetFen: z.number().int() }).nullable();

export const householdListItem = z.object({
  id: z.uuid(),
  householdNo: z.string().nullable(),
  regionCode: z.string(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  groupName: z.string().nullable(),
  headMemberId: z.uuid().nullable(),
  headName: z.string().nullable(),
  helpers: z.array(z.object({ cadreId: z.uuid(), name: z.string() })).describe('帮扶责任人: open cadre helpers, the lead first'),
  headIdNumber: z.string().nullable().describe('Masked unless the role may see personal data'),
  phone: z.string().nullable().describe("The household's phone, else the head's; masked unless the role may see personal data"),
  memberCount: z.number().int().describe('Active members'),
  categories: z.array(z.string()),
  povertyCauses: z.array(z.string()),
  status: z.enum(householdStatuses),
  income: incomeBrief.describe('Per-capita net income of the year asked for (incomeYear), else of the latest year'),
  version: z.number().int(),
  updatedAt: z.date(),
});

export const householdPage = pageOf(householdListItem).extend({
  masked: z.boolean().describe('ID numbers and phones are masked for this user'),
});

export const householdSorts = ['village', 'headName', 'income', 'updated'] as const;

/**
 * The one filter and sort contract of the households list and its Excel export
 * (GET /api/exports/households.xlsx): the same query answers the same rows in the same order.
 * A new filter (e.g. paired or not) is one field here and one line in repository.ts householdWhere.
 */
export const householdFilterQuery = z.object({
  regionCode: codeSchema.optional().describe('Households in this village or group (or any region) and below'),
  includePredecessors: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('With regionCode: also the households of the regions merged or split into it (they keep their own region)'),
  categories: codesList.optional().describe('Any of these category codes, comma-separated'),
  povertyCause: catalogCodeSchema.optional(),
  incomeYear: year.optional().describe('The year the income range (and the shown income) refers to; default the latest'),
  incomeMinFen: z.coerce.number().int().optional().describe('Per-capita net income at least this (fen)'),
  incomeMaxFen: z.coerce.number().int().optional().describe('Per-capita net income at most this (fen)'),
  status: z.enum(householdStatuses).optional(),
  q: z
    .string()
    .trim()
    .min(1)
    .max(30)
    .optional()
    .describe("Head's name or pinyin initials, a member's full ID number or phone start, the household number"),
  sort: z.enum(householdSorts).default('village'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type HouseholdFilterQuery = z.infer<typeof householdFilterQuery>;

export const householdListQuery = householdFilterQuery.extend(pageQuery);
export type HouseholdListQuery = z.infer<typeof householdListQuery>;

export const householdDetail = z.object({
  id: z.uuid(),
  householdNo: z.string().nullable(),
  regionCode: z.string(),
  countyCode: z.string(),
  townshipName: z.string().nullable(),
  villageName: z.string().nullable(),
  groupName: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  categories: z.array(z.string()),
  povertyCauses: z.array(z.string()),
  landMu: z.number().nullable(),
  livestock: z.array(livestock),
  housing: z.enum(housingConditions),
  status: z.enum(householdStatuses),
  statusChangedOn: z.string().nullable(),
  mergedIntoId: z.uuid().nullable(),
  notes: z.string().nullable(),
  members: z.array(memberOut).describe('Active members first, the head first among them'),
  income: incomeBrief.describe('The latest year recorded'),
  masked: z.boolean(),
  helpers: z
    .array(z.object({ cadreId: z.uuid(), name: z.string(), lead: z.boolean() }))
    .describe('Open cadre helpers, the lead (contact cadre) first'),
  helper: z.boolean().describe("The signed-in account's cadre is one of them"),
  personalView: z.boolean().describe('May open GET …/personal (administrators; the household’s own helper for phones), each view audited'),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const personalOut = z.object({
  householdId: z.uuid(),
  phone: z.string().nullable(),
  members: z.array(z.object({ id: z.uuid(), name: z.string(), idNumber: z.string().nullable(), phone: z.string().nullable() })),
});

// ── incomes ─────────────────────────────────────────────────────────────────

const amountFen = z.number().int().min(0).max(1_000_000_000_000).describe('Integer fen (分)');
const incomeItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('income'), category: z.enum(incomeCategories), label: z.string().trim().max(50).optional(), amountFen }),
  z.object({ kind: z.literal('cost'), category: z.enum(costCategories), label: z.string().trim().max(50).optional(), amountFen }),
]);

export const yearParams = z.object({ id: z.uuid(), year });

export const putIncomeBody = z.object({
  version: z.number().int().positive().optional().describe('The version read; required when the year is already recorded'),
  memberCount: z.number().int().min(1).max(50).optional().describe('Members the income is shared by; default the active members'),
  items: z.array(incomeItem).min(1).max(50),
});

export const incomeOut = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  year: z.number().int(),
  items: z.array(incomeItem),
  memberCount: z.number().int(),
  incomeFen: z.number().int(),
  costFen: z.number().int(),
  perCapitaNetFen: z.number().int().describe('人均纯收入: (income − costs) / members, rounded to the fen'),
  version: z.number().int(),
  updatedAt: z.date(),
});
export const incomeList = z.object({ items: z.array(incomeOut) });

// ── catalogue ───────────────────────────────────────────────────────────────

const catalogKinds = ['category', 'poverty_cause'] as const;

export const catalogEntryOut = z.object({
  id: z.uuid(),
  kind: z.enum(catalogKinds),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  regionCode: z.string().nullable().describe('null: built in'),
  builtIn: z.boolean(),
  active: z.boolean(),
  version: z.number().int(),
});
export const catalogList = z.object({ items: z.array(catalogEntryOut), total: z.number().int() });
export const catalogQuery = z.object({
  kind: z.enum(catalogKinds).optional(),
  regionCode: codeSchema.optional().describe('Only the entries added for this region and below (no built-ins)'),
});

export const createCatalogBody = z.object({
  id: z.uuid().optional().describe('Client-made UUIDv7; retrying with the same id returns the same entry'),
  kind: z.enum(catalogKinds),
  nameZh: z.string().trim().min(2).max(20),
  nameEn: z.string().trim().min(1).max(50).optional(),
  code: catalogCodeSchema.optional().describe('Made from the pinyin initials of the name when left out'),
  regionCode: codeSchema.optional().describe('Where the entry applies (and below); default my own region'),
});

// ── timeline ────────────────────────────────────────────────────────────────

export const timelineEvent = z.object({
  on: z.string().describe('The day it happened (Asia/Shanghai)'),
  at: z.date().describe('When it was recorded'),
  kind: z
    .string()
    .describe('household_created, member_added, member_left, income_recorded, status_changed … (later: visits, problems, assistance)'),
  summary: z.string(),
  actorName: z.string().nullable(),
  entityType: z.string(),
  entityId: z.string(),
});
export type TimelineEvent = z.infer<typeof timelineEvent>;
export const timelineOut = z.object({ items: z.array(timelineEvent) });
