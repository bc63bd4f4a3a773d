import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/pagination.js';
import { codeSchema } from '../regions/schemas.js';
import { personNameSchema, phoneSchema, titleSchema } from '../../platform/field-schemas.js';
import { branchRoles, cadreRanks } from './tables.js';

const statuses = ['active', 'left'] as const;
const sexes = ['male', 'female'] as const;

export const cadreOut = z.object({
  id: z.uuid(),
  name: z.string(),
  sex: z.enum(sexes).nullable(),
  rank: z.enum(cadreRanks),
  title: z.string().nullable().describe('Post, e.g. 乡党委书记, 村委会主任, 驻村第一书记'),
  phone: z.string().nullable(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  branchId: z.uuid().nullable(),
  branchName: z.string().nullable(),
  branchRole: z.enum(branchRoles).nullable(),
  regionCode: z.string().describe('Where the cadre works; for a resident cadre, the village they are posted to'),
  regionName: z.string().nullable(),
  countyCode: z.string(),
  userId: z.uuid().nullable().describe('The login account of this cadre, if any'),
  status: z.enum(statuses),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type CadreOut = z.infer<typeof cadreOut>;
export const cadrePage = pageOf(cadreOut);

export const cadreListQuery = z.object({
  ...pageQuery,
  q: z.string().trim().min(1).max(50).optional().describe('Name, pinyin initials (lwb) or the start of the phone number'),
  rank: z.enum(cadreRanks).optional(),
  unitId: z.uuid().optional(),
  branchId: z.uuid().optional(),
  regionCode: codeSchema.optional().describe('Cadres working in this region and below'),
  status: z.enum(statuses).optional(),
  hasAccount: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')).describe('Only cadres with (true) or without (false) a login account'),
});


/**
 * The fields of a cadre a person types. Create, update and the Excel import of the cadre registry
 * (a later feature) all build on this one object, so a new column is added in one place.
 */
export const cadreFields = z.object({
  name: personNameSchema(),
  sex: z.enum(sexes).nullable().optional(),
  rank: z.enum(cadreRanks),
  title: titleSchema().nullable().optional(),
  phone: phoneSchema().nullable().optional(),
  regionCode: codeSchema,
  unitId: z.uuid().nullable().optional(),
  branchId: z.uuid().nullable().optional(),
  branchRole: z.enum(branchRoles).nullable().optional(),
});

export const createCadreBody = cadreFields.extend({
  id: z.uuid().optional().describe('Client-made UUIDv7; retrying with the same id returns the same cadre'),
  idNumber: z.string().trim().min(1).max(30).nullable().optional().describe('GB 11643 resident ID number: how a later Excel import of the cadre register recognises the person'),
});

export const updateCadreBody = cadreFields.partial().extend({
  version: z.number().int().positive(),
  userId: z.uuid().nullable().optional().describe('Link the cadre to a login account (null unlinks)'),
  status: z.enum(statuses).optional().describe('left: transferred, retired; pairings and history stay'),
});

export const idParams = z.object({ id: z.uuid() });
