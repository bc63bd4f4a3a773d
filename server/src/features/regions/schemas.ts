import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/pagination.js';

export const regionLevels = ['province', 'city', 'county', 'township', 'village', 'group'] as const;
export const codeSchema = z.string().regex(/^\d{12}(\d{3})?$/, '行政区划代码应为 12 位（组为 15 位）数字');
const day = z.iso.date();

export const regionOut = z.object({
  id: z.uuid(),
  code: z.string(),
  parentCode: z.string().nullable(),
  name: z.string(),
  level: z.enum(regionLevels),
  countyCode: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  version: z.number().int(),
  childCount: z.number().int(),
});

export const regionDetail = regionOut.extend({
  path: z.array(z.object({ code: z.string(), name: z.string(), level: z.enum(regionLevels) })),
});

export const regionList = z.object({ items: z.array(regionOut) });
export const regionPage = pageOf(regionOut);

export const codeParams = z.object({ code: codeSchema });
const flag = z.enum(['true', 'false']).default('false').transform((v) => v === 'true');
export const childrenQuery = z.object({
  includeExpired: flag,
  includePredecessors: flag.describe("Also the children of the regions that went into this one (a merged village's groups)"),
});
export const searchQuery = z.object({
  ...pageQuery,
  q: z.string().trim().min(1).max(30).optional(),
  level: z.enum(regionLevels).optional(),
  under: codeSchema.optional(),
});

export const createGroupBody = z.object({
  id: z.uuid().optional().describe('Client-made UUIDv7; retrying with the same id returns the same group'),
  parentCode: codeSchema.describe('The village the group belongs to'),
  name: z.string().trim().min(1).max(30),
});

export const updateRegionBody = z
  .object({
    version: z.number().int().positive(),
    name: z.string().trim().min(1).max(50).optional(),
    validFrom: day.nullable().optional(),
    validTo: day.nullable().optional().describe('The day from which the region no longer exists (merged, split)'),
  })
  .refine((b) => !b.validFrom || !b.validTo || b.validFrom < b.validTo, { message: '失效日期须晚于生效日期', path: ['validTo'] });

export const loadBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{2}(\d{2}(\d{2})?)?$|^\d{12}$/, '请填写省（2 位）、市（4 位）或县（6 位）区划代码')
    .describe('A province (62), city (6207) or county (620723) of the national extract, or its 12-digit code'),
});

export const loadReport = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(regionLevels),
  total: z.number().int().describe('Regions of the extract in and under the code, with its province and city'),
  inserted: z.number().int().describe('Of these, how many were not loaded before'),
  levels: z.array(z.object({ level: z.enum(regionLevels), total: z.number().int(), inserted: z.number().int() })),
  ms: z.number().int(),
});

export const divisionsQuery = z.object({
  under: z
    .string()
    .regex(/^(\d{2}){0,2}$/, '应为空、省（2 位）或市（4 位）代码')
    .default('')
    .describe('Empty for the provinces, a province for its cities, a city for its counties'),
});

export const divisionChoiceList = z.object({
  items: z.array(
    z.object({
      code: z.string().describe('2, 4 or 6 digits'),
      name: z.string(),
      level: z.enum(regionLevels),
      isLeaf: z.boolean(),
      loaded: z.boolean().describe('Already in the region tree'),
    }),
  ),
});

const historicCodeSchema = z.string().regex(/^\d{12}(\d{3})?$/, '行政区划代码应为 12 位（组为 15 位）数字');

export const historicRegionBody = z
  .object({
    id: z.uuid().optional().describe('Client-made UUIDv7; retrying with the same id returns the same region'),
    parentCode: codeSchema.describe('The county (for a township), township (for a village) or village (for a group) it belonged to'),
    name: z.string().trim().min(1).max(50),
    code: historicCodeSchema.optional().describe('Its national code if known; else a local one is given (9xx block, decisions §14)'),
    validFrom: day.nullable().optional(),
    validTo: day.describe('The first day it no longer existed'),
  })
  .refine((b) => !b.validFrom || b.validFrom < b.validTo, { message: '撤销日期须晚于设立日期', path: ['validTo'] });

export const successionBody = z.object({
  id: z.uuid().optional().describe('Client-made UUIDv7; retrying with the same id returns the same event'),
  kind: z.enum(['merge', 'split']),
  on: day.describe('The first day of the new division'),
  predecessorCodes: z.array(codeSchema).min(1).max(30).describe('Merge: the regions merged (the one they became may be among them). Split: the region split'),
  successorCodes: z.array(codeSchema).min(1).max(30).describe('Merge: the one region they became. Split: the regions it became (itself if it continues)'),
  note: z.string().trim().max(200).nullable().optional(),
});

export const renameBody = z.object({
  id: z.uuid().optional(),
  version: z.number().int().positive(),
  on: day.describe('The first day of the new name'),
  oldName: z.string().trim().min(1).max(50).describe('The name before that day'),
  newName: z.string().trim().min(1).max(50).optional().describe('The name from that day; default the current name (the statistics office has it already)'),
  note: z.string().trim().max(200).nullable().optional(),
});

const regionRef = z.object({ code: z.string(), name: z.string(), validTo: z.string().nullable() });

export const regionEventOut = z.object({
  id: z.uuid(),
  kind: z.enum(['merge', 'split', 'rename']),
  on: z.string(),
  regionCode: z.string(),
  oldName: z.string().nullable(),
  newName: z.string().nullable(),
  note: z.string().nullable(),
  predecessors: z.array(regionRef),
  successors: z.array(regionRef),
  createdAt: z.date(),
});

export const regionHistory = z.object({
  code: z.string(),
  names: z.array(z.object({ name: z.string(), validFrom: z.string().nullable(), validTo: z.string().nullable() })).describe('Oldest first'),
  predecessors: z.array(regionRef).describe('Every region that went into this one, directly or through others'),
  successors: z.array(regionRef).describe('Every region this one went into'),
  events: z.array(regionEventOut),
});
