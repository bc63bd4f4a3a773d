/**
 * The zod contract of a programme definition: its shape here, its meaning (dates, rounds, rule
 * ids, roles that fit) checked by rules.ts programmeProblems, reported as field issues.
 */
import { z } from 'zod';
import { cadreRanks } from '../cadres/tables.js';
import { pairingRoles, targetKinds } from '../pairings/rules.js';
import { codeSchema } from '../regions/schemas.js';
import { unitLevels } from '../units/tables.js';
import { quotaPeriods, type ProgrammeDefinition } from './model.js';
import { programmeProblems } from './rules.js';

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
