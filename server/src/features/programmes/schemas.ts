/**
 * The zod contract of a programme definition: its shape here, its meaning (dates, rounds, rule
 * ids, roles that fit) checked by rules.ts programmeProblems, reported as field issues.
 */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/pagination.js';
import { cadreRanks } from '../cadres/tables.js';
import { pairingRoles, targetKinds } from '../pairings/rules.js';
import { codeSchema } from '../regions/schemas.js';
import { unitLevels } from '../units/tables.js';
import { quotaPeriods, type ProgrammeDefinition } from './model.js';
import { programmeProblems } from './rules.js';
import { participantKinds, programmeStatuses } from './tables.js';

const day = z.iso.date();
const text = z.string().trim().min(1).max(200);
const category = z.string().trim().min(1).max(50).describe('Household category code of the catalogue (prosperity_star, poor …)');

export const quotaSchema = z.object({
  atLeast: z.number().int().min(1).max(1000),
  per: z.enum(quotaPeriods),
});

export const roundSchema = z.object({
  no: z.number().int().min(1).max(999),
  name: text,
  startOn: day,
  endOn: day.describe('First day after the round (half-open)'),
  plannedCount: z.number().int().min(0).nullish(),
});

export const subjectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cadre'), ranks: z.array(z.enum(cadreRanks)).min(1), tag: z.string().trim().min(1).max(50).nullish() }),
  z.object({ kind: z.literal('unit'), levels: z.array(z.enum(unitLevels)).nullish() }),
  z.object({ kind: z.literal('branch'), of: z.enum(['unit', 'village']).nullish() }),
]);

export const targetSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('household'), categories: z.array(category).max(20).describe('Any of these; empty: any household') }),
  z.object({ kind: z.literal('township') }),
  z.object({ kind: z.literal('village') }),
  z.object({ kind: z.literal('branch'), of: z.enum(['unit', 'village']).nullish() }),
  z.object({ kind: z.literal('person') }),
]);

const ruleId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,49}$/, '规则编号为小写字母、数字和连字符');

export const pairingRuleSchema = z.object({
  id: ruleId,
  subject: subjectSchema,
  target: targetSpecSchema,
  roles: z.array(z.enum(pairingRoles)).nullish(),
  min: z.number().int().min(0).max(1000),
  max: z.number().int().min(0).max(10000).nullish(),
  zh: text,
  en: text,
});

export const coverageRuleSchema = z.object({
  id: ruleId,
  target: targetSpecSchema,
  roles: z.array(z.enum(pairingRoles)).nullish(),
  zh: text,
  en: text,
});

export const capacitySchema = z.object({
  subject: subjectSchema,
  target: z.enum(targetKinds),
  max: z.number().int().min(0).max(10000),
});

export const requirementsSchema = z.object({
  visitsPerHousehold: quotaSchema.nullable(),
  diaryPerCadre: quotaSchema.nullable(),
  problemsPerHousehold: quotaSchema.nullable(),
  difficultiesPerCadre: quotaSchema.nullable(),
  learning: z.object({ techniquesPerCadre: z.number().int().min(1).max(10) }).nullable(),
  mustVisit: z.object({ categories: z.array(category).min(1).max(20), coveredByResident: z.boolean() }).nullable(),
  duties: z.array(z.object({ zh: z.string().trim().min(1).max(500), en: z.string().trim().max(500) })).max(50),
});

const definitionShape = z.object({
  name: z.string().trim().min(2, '名称至少 2 个字').max(100),
  regionCode: codeSchema,
  period: z.object({ startOn: day, endOn: day.nullable() }),
  rounds: z.array(roundSchema).max(100),
  requirements: requirementsSchema,
  pairingRules: z.array(pairingRuleSchema).max(100),
  coverage: z.array(coverageRuleSchema).max(50),
  capacities: z.array(capacitySchema).max(50),
});

/** A programme definition as typed by an administrator or copied from a template. */
export const programmeDefinitionSchema = definitionShape.superRefine((def, ctx) => {
  for (const p of programmeProblems(def)) ctx.addIssue({ code: 'custom', path: p.path, message: p.zh });
});

// The contract and the domain type stay one: these lines fail to compile when they drift apart
// (what the schema yields must be a definition, and every definition must be accepted input).
const _yieldsDefinition: z.ZodType<ProgrammeDefinition> = programmeDefinitionSchema;
type AcceptsDefinition = ProgrammeDefinition extends z.input<typeof programmeDefinitionSchema> ? true : never;
const _acceptsDefinition: AcceptsDefinition = true;

// ── the API ─────────────────────────────────────────────────────────────────

const version = z.number().int().positive().describe('The version you read; a stale one answers 409 with the current row');
const clientId = z.uuid().optional().describe('Client-made UUIDv7; retrying with the same id returns the same record');

export const templateOut = z.object({
  key: z.string().describe('Template key, e.g. lian-hu-dai-chuang'),
  seed: z.string().describe('The seed report it follows: 000 … 004'),
  name: z.string(),
  definition: definitionShape.describe('The definition a copy starts from (its regionCode and dates are the seed’s)'),
});
export const templateListOut = z.object({ items: z.array(templateOut) });

export const roundOut = roundSchema.extend({
  id: z.uuid(),
  programmeId: z.uuid(),
  plannedCount: z.number().int().nullable(),
  version: z.number().int(),
});

export const programmeOut = definitionShape.extend({
  id: z.uuid(),
  templateKey: z.string().nullable().describe('The template it was copied from'),
  regionName: z.string().nullable(),
  countyCode: z.string(),
  status: z.enum(programmeStatuses).describe('draft: being set up; active: running; closed: kept for history'),
  rounds: z.array(roundOut).describe('Rounds (轮次) by start date'),
  participantCount: z.number().int().describe('Open enrolments'),
  pairingCount: z.number().int().describe('Open pairings of the programme'),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ProgrammeOut = z.infer<typeof programmeOut>;

export const programmeSummary = programmeOut.pick({
  id: true,
  name: true,
  templateKey: true,
  regionCode: true,
  regionName: true,
  countyCode: true,
  period: true,
  status: true,
  version: true,
  createdAt: true,
  updatedAt: true,
});
export const programmePage = pageOf(programmeSummary);

export const programmeListQuery = z.object({
  ...pageQuery,
  q: z.string().trim().min(1).max(50).optional().describe('Part of the name'),
  regionCode: codeSchema
    .optional()
    .describe('Programmes running in this region, below it or above it (a county programme shows for its townships)'),
  status: z.enum(programmeStatuses).optional(),
});

export const createProgrammeBody = z
  .object({
    id: clientId,
    fromTemplate: z
      .string()
      .trim()
      .min(1)
      .max(60)
      .optional()
      .describe('Copy this template (GET /api/programmes/templates); then adjust with PATCH'),
    definition: definitionShape.optional().describe('A whole definition typed by hand instead of a template'),
    regionCode: codeSchema.optional().describe('Where the copy runs (default: the definition’s, else my own region)'),
    name: z.string().trim().min(2).max(100).optional().describe('Name of the copy (default: the template’s)'),
    startOn: day.optional().describe('Move the copied period and rounds to start on this day'),
    status: z.enum(programmeStatuses).optional().describe('Default active'),
  })
  .refine((b) => (b.fromTemplate === undefined) !== (b.definition === undefined), {
    message: '请选择模板或填写活动定义（二选一）',
    path: ['fromTemplate'],
  });

export const updateProgrammeBody = z.object({
  version,
  name: definitionShape.shape.name.optional(),
  period: definitionShape.shape.period.optional(),
  requirements: requirementsSchema.optional(),
  pairingRules: z.array(pairingRuleSchema).max(100).optional(),
  coverage: z.array(coverageRuleSchema).max(50).optional(),
  capacities: z.array(capacitySchema).max(50).optional(),
  status: z.enum(programmeStatuses).optional(),
});

export const createRoundBody = roundSchema.extend({ id: clientId });
export const updateRoundBody = z.object({
  version,
  name: roundSchema.shape.name.optional(),
  startOn: day.optional(),
  endOn: day.optional().describe('First day after the round (half-open)'),
  plannedCount: z.number().int().min(0).nullable().optional(),
});

const tag = z
  .string()
  .trim()
  .regex(/^[a-z0-9_]{1,30}$/, '标签为小写字母、数字和下划线');

export const participantOut = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  subjectKind: z.enum(participantKinds),
  subjectId: z.uuid(),
  subjectName: z.string().nullable(),
  rank: z.string().nullable().describe('The cadre’s rank (cadres only)'),
  unitId: z.uuid().nullable().describe('The cadre’s unit, or a branch’s unit'),
  regionCode: z.string().describe('The participant’s own region'),
  regionName: z.string().nullable(),
  tags: z.array(z.string()).describe('What the rules select on: capable (致富能力较强), unit_head (单位负责人) …'),
  capacity: z.number().int().nullable().describe('Most household pairings they take in this programme'),
  roundNo: z.number().int().nullable(),
  startOn: z.string(),
  endOn: z.string().nullable().describe('First day no longer taking part; null: taking part'),
  note: z.string().nullable(),
  activeHouseholds: z.number().int().describe('Open household pairings in this programme'),
  version: z.number().int(),
});
export const participantPage = pageOf(participantOut);

export const participantListQuery = z.object({
  ...pageQuery,
  subjectKind: z.enum(participantKinds).optional(),
  tag: tag.optional(),
  regionCode: codeSchema.optional().describe('Participants of this region and below'),
  rank: z.enum(cadreRanks).optional(),
  current: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .describe('true: still taking part; false: left'),
});

export const enrolBody = z
  .object({
    id: clientId.describe('Client-made UUIDv7 for a single subject; retrying returns the same enrolment'),
    subjects: z
      .array(z.object({ kind: z.enum(participantKinds), id: z.uuid() }))
      .max(5000)
      .optional()
      .describe('Chosen cadres, units or branches'),
    select: z
      .object({
        kind: z.enum(participantKinds).describe('Enrol every active one of this kind'),
        ranks: z.array(z.enum(cadreRanks)).min(1).optional().describe('Cadres of these ranks'),
        unitId: z.uuid().optional().describe('Cadres of this unit, or branches of it'),
        regionCode: codeSchema.optional().describe('Working in this region and below (default: the programme’s region within my scope)'),
        unitLevels: z.array(z.enum(unitLevels)).min(1).optional().describe('Units at these levels'),
      })
      .optional()
      .describe('Bulk: every active cadre (unit, branch) matching, e.g. all township cadres of 补抽乡'),
    tags: z.array(tag).max(10).default([]),
    capacity: z.number().int().min(0).max(1000).nullable().optional(),
    roundNo: z.number().int().min(1).nullable().optional().describe('The round a resident cadre is enrolled for'),
    startOn: day.optional().describe('Default: the round’s start, else today'),
    note: z.string().trim().max(200).nullable().optional(),
  })
  .refine((b) => (b.subjects === undefined) !== (b.select === undefined), {
    message: '请选择干部/单位/支部，或给出批量条件（二选一）',
    path: ['subjects'],
  })
  .refine((b) => !b.id || (b.subjects?.length ?? 0) === 1, { message: '指定编号时只能登记一个', path: ['id'] });

export const enrolOut = z.object({
  enrolled: z.number().int().describe('New enrolments'),
  alreadyEnrolled: z.number().int().describe('Subjects already taking part (left unchanged)'),
  items: z.array(participantOut).describe('The enrolments of the subjects asked for (at most 500)'),
});

export const updateParticipantBody = z.object({
  version,
  tags: z.array(tag).max(10).optional(),
  capacity: z.number().int().min(0).max(1000).nullable().optional(),
  roundNo: z.number().int().min(1).nullable().optional(),
  note: z.string().trim().max(200).nullable().optional(),
});

export const leaveBody = z.object({
  version,
  on: day.describe('First day no longer taking part'),
  note: z.string().trim().max(200).nullable().optional(),
});

export const idParams = z.object({ id: z.uuid() });
