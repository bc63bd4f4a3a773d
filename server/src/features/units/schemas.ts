import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/pagination.js';
import { codeSchema } from '../regions/schemas.js';
import { unitKinds, unitLevels } from './tables.js';

const statuses = ['active', 'dissolved'] as const;
const name = z.string().trim().min(2, '名称至少 2 个字').max(50, '名称不超过 50 个字');
const q = z.string().trim().min(1).max(50).optional().describe('Name, pinyin initials (xnyj) or the start of the region code');

export const unitOut = z.object({
  id: z.uuid(),
  name: z.string(),
  level: z.enum(unitLevels),
  kind: z.enum(unitKinds),
  status: z.enum(statuses),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  countyCode: z.string(),
  cadreCount: z.number().int().describe('Active cadres of the unit'),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type UnitOut = z.infer<typeof unitOut>;
export const unitPage = pageOf(unitOut);

export const unitListQuery = z.object({
  ...pageQuery,
  q,
  level: z.enum(unitLevels).optional(),
  kind: z.enum(unitKinds).optional(),
  status: z.enum(statuses).optional(),
  regionCode: codeSchema.optional().describe('Units in this region and below'),
});

/** The fields of a unit a person types; create and (later) import rows share them. */
export const unitFields = z.object({
  name,
  kind: z.enum(unitKinds).default('department'),
  regionCode: codeSchema.describe('Where the unit sits: the county for 县农业局, the township for 乡政府; the level follows from it'),
});

export const createUnitBody = unitFields.extend({
  id: z.uuid().optional().describe('Client-made UUIDv7; retrying with the same id returns the same unit'),
});

export const updateUnitBody = z.object({
  version: z.number().int().positive(),
  name: name.optional(),
  kind: z.enum(unitKinds).optional(),
  status: z.enum(statuses).optional().describe('dissolved: merged or abolished; its records stay'),
});

export const branchOut = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(['unit', 'village']).describe("unit: a unit's branch (机关/部门党支部); village: a village's"),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  status: z.enum(statuses),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  countyCode: z.string(),
  memberCount: z.number().int().describe('Active cadres and party members of the branch'),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type BranchOut = z.infer<typeof branchOut>;
export const branchPage = pageOf(branchOut);

export const branchListQuery = z.object({
  ...pageQuery,
  q,
  unitId: z.uuid().optional(),
  regionCode: codeSchema.optional().describe('Branches in this region and below'),
  status: z.enum(statuses).optional(),
});

export const createBranchBody = z
  .object({
    id: z.uuid().optional().describe('Client-made UUIDv7; retrying with the same id returns the same branch'),
    name,
    unitId: z.uuid().optional().describe("The unit whose branch this is; the branch sits in the unit's region"),
    regionCode: codeSchema.optional().describe('The village of a village branch'),
  })
  .refine((b) => b.unitId !== undefined || b.regionCode !== undefined, { message: '请选择所属单位或所在村', path: ['regionCode'] });

export const idParams = z.object({ id: z.uuid() });
