import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/pagination.js';
import { codeSchema } from '../regions/schemas.js';
import { monthSchema } from '../visits/schemas.js';
import { entryStatuses } from './rules.js';

const bodySchema = z
  .string()
  .max(50_000, '日记不超过 5 万字')
  .describe('Rich text (HTML). Sanitised on save to p, br, strong/b, em/i, u, s, ul/ol/li, blockquote, h3, h4 without attributes');

export const createEntryBody = z.object({
  id: z.uuid().optional().describe('Client-made UUIDv7: a retried save answers the entry it already made'),
  month: monthSchema.describe('The month the entry is for'),
  body: bodySchema.optional().describe("Omit to have the entry drafted from the month's visits, which the cadre then edits"),
  visitIds: z.array(z.uuid()).max(200).optional().describe("The visits it speaks of; defaults to all the cadre's visits of the month"),
});

export const updateEntryBody = z.object({
  version: z.number().int().positive(),
  body: bodySchema.optional(),
  visitIds: z.array(z.uuid()).max(200).optional(),
});

export const versionBody = z.object({ version: z.number().int().positive() });

export const entryListQuery = z.object({
  ...pageQuery,
  cadreId: z.uuid().optional(),
  month: monthSchema.optional(),
  status: z.enum(entryStatuses).optional(),
  regionCode: codeSchema.optional().describe('Entries of cadres working in this region and below'),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe("Only the signed-in cadre's own entries"),
});

export const entryOut = z.object({
  id: z.uuid(),
  cadreId: z.uuid(),
  cadreName: z.string(),
  month: z.string(),
  body: z.string().describe('Sanitised HTML'),
  visitIds: z.array(z.uuid()),
  householdIds: z.array(z.uuid()),
  status: z.enum(entryStatuses).describe('draft → submitted → accepted (locked) or returned (edit and submit again)'),
  submittedAt: z.date().nullable(),
  reviewedAt: z.date().nullable(),
  published: z.boolean(),
  publishedAt: z.date().nullable(),
  publicBody: z.string().nullable().describe('What the public diary page shows: personal data taken out'),
  regionCode: z.string(),
  countyCode: z.string(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type EntryOut = z.infer<typeof entryOut>;
export const entryPage = pageOf(entryOut);

export const idParams = z.object({ id: z.uuid() });

export const publicListQuery = z.object({
  ...pageQuery,
  regionCode: codeSchema.optional().describe('Published entries of cadres in this region and below'),
});
export const publicEntryOut = z.object({
  id: z.uuid(),
  month: z.string(),
  cadreName: z.string(),
  regionName: z.string().nullable(),
  body: z.string().describe('Sanitised HTML with personal data taken out'),
  publishedAt: z.date(),
});
export const publicEntryPage = pageOf(publicEntryOut);
