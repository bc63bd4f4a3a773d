import { z } from 'zod';
import { entryStatuses } from '../diaries/rules.js';
import { pageOf, pageQuery } from '../../platform/pagination.js';
import { codeSchema } from '../regions/schemas.js';
import { reviewActions } from '../diaries/rules.js';
import { isQuarter } from '../worklists/periods.js';

export const quarterSchema = z.string().refine(isQuarter, '季度格式应为 YYYY-Qn').describe("A calendar quarter 'YYYY-Qn' (Asia/Shanghai)");

export const reviewBody = z.object({
  version: z
    .number()
    .int()
    .positive()
    .describe('The entry version you read: a second reviewer acting at the same time gets 409 with the entry as it now is'),
  action: z
    .enum(reviewActions)
    .describe('comment (status unchanged), accept (locks the entry), return (for revision; a comment is required)'),
  comment: z.string().trim().max(2000).nullable().optional(),
  sampleId: z.uuid().nullable().optional().describe('The quarterly sample this review reads the entry for, if any'),
});

export const reviewOut = z.object({
  id: z.uuid(),
  entryId: z.uuid(),
  reviewerId: z.uuid(),
  reviewerName: z.string(),
  action: z.enum(reviewActions),
  comment: z.string().nullable(),
  sampleId: z.uuid().nullable(),
  at: z.date(),
});
export const reviewList = z.object({ items: z.array(reviewOut) });

export const drawSampleBody = z.object({
  id: z.uuid().optional().describe('Client-made UUIDv7'),
  quarter: quarterSchema,
  regionCode: codeSchema.optional().describe('The region whose entries are sampled; defaults to my own region'),
});

export const sampleOut = z.object({
  id: z.uuid(),
  quarter: z.string(),
  regionCode: z.string(),
  countyCode: z.string(),
  seed: z
    .string()
    .describe('The random seed, recorded before the draw: re-draw with reviews/rules.ts drawSample(populationIds, seed, size)'),
  populationSize: z.number().int(),
  populationDigest: z.string().describe('SHA-256 of the sorted population ids'),
  populationIds: z.array(z.uuid()),
  entryIds: z.array(z.uuid()).describe('The entries drawn'),
  entries: z
    .array(z.object({ id: z.uuid(), cadreId: z.uuid(), cadreName: z.string(), month: z.string(), status: z.enum(entryStatuses) }))
    .describe('The entries drawn, by cadre and month, in the order drawn'),
  drawnBy: z.uuid(),
  drawnByName: z.string(),
  drawnAt: z.date(),
  verified: z.boolean().describe('Re-drawing from the recorded seed and population gives the same entries'),
});
export const samplePage = pageOf(sampleOut);
export const sampleListQuery = z.object({ ...pageQuery, quarter: quarterSchema.optional() });
export const idParams = z.object({ id: z.uuid() });
