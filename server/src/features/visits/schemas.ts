import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/pagination.js';
import { codeSchema } from '../regions/schemas.js';
import { isDay, isMonth } from '../worklists/periods.js';
import { visitKinds } from './rules.js';
import { confirmMethods, visitStatuses } from './tables.js';

export const daySchema = z.string().refine(isDay, '日期应为 YYYY-MM-DD，年份在 2000–2099 之间').describe("A calendar day 'YYYY-MM-DD' (Asia/Shanghai)");
export const monthSchema = z.string().refine(isMonth, '月份应为 YYYY-MM，年份在 2000–2099 之间').describe("A calendar month 'YYYY-MM' (Asia/Shanghai)");

const note = (max: number) => z.string().trim().max(max).nullable().optional();

export const locationSchema = z
  .object({
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
    accuracyM: z.number().min(0).max(100_000).nullable().optional(),
  })
  .describe('Where the cadre was, if they chose to share it. Never required (no forced check-ins).');

const visitFields = {
  kind: z
    .enum(visitKinds)
    .describe('home_visit 入户走访, meeting 座谈, condolence 慰问, farm_help 帮耕帮畜, volunteer_labour 义务劳动, lecture 宣讲, other'),
  visitedOn: daySchema.describe('The day of the visit; not in the future'),
  discussed: note(4000).describe('What was talked about (one large text area; voice input friendly)'),
  production: note(2000).describe("The household's production this month (生产)"),
  life: note(2000).describe('Their living conditions (生活)'),
  mood: note(2000).describe('Their mood and thinking (思想)'),
  location: locationSchema.nullable().optional(),
};

export const createVisitBody = z.object({
  id: z.uuid().optional().describe('Client-made UUIDv7: a retried save answers the visit it already made'),
  ...visitFields,
  householdIds: z.array(z.uuid()).max(50).default([]).describe('The households visited (empty for a village-wide 座谈/宣讲/义务劳动)'),
  villageCode: codeSchema.nullable().optional().describe('The village (or group) visited as a whole, when no household is named'),
  cadreIds: z.array(z.uuid()).max(20).optional().describe("The cadres who visited; defaults to the signed-in user's own cadre record"),
});

export const updateVisitBody = z.object({
  version: z.number().int().positive(),
  kind: visitFields.kind.optional(),
  visitedOn: visitFields.visitedOn.optional(),
  discussed: visitFields.discussed,
  production: visitFields.production,
  life: visitFields.life,
  mood: visitFields.mood,
  location: visitFields.location,
  status: z.enum(visitStatuses).optional().describe('void: recorded by mistake (visits are never deleted)'),
});

export const visitListQuery = z.object({
  ...pageQuery,
  cadreId: z.uuid().optional(),
  householdId: z.uuid().optional(),
  month: monthSchema.optional(),
  from: daySchema.optional().describe('Visits on or after this day'),
  to: daySchema.optional().describe('Visits before this day'),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe("Only the signed-in cadre's own visits"),
  includeVoid: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const photoOut = z.object({
  id: z.uuid(),
  contentType: z.string(),
  bytes: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  url: z.string().describe('GET this for the photo'),
  thumbUrl: z.string().describe('GET this for a 320-px thumbnail'),
  createdAt: z.date(),
});

export const visitOut = z.object({
  id: z.uuid(),
  kind: z.enum(visitKinds),
  kindName: z.string(),
  visitedOn: z.string(),
  cadres: z.array(z.object({ id: z.uuid(), name: z.string() })),
  households: z.array(z.object({ id: z.uuid(), headName: z.string().nullable(), regionCode: z.string() })),
  villageCode: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  countyCode: z.string(),
  discussed: z.string().nullable(),
  production: z.string().nullable(),
  life: z.string().nullable(),
  mood: z.string().nullable(),
  location: locationSchema.nullable(),
  status: z.enum(visitStatuses),
  confirmed: z.boolean().describe('The household confirmed the visit'),
  confirmedAt: z.date().nullable(),
  confirmMethod: z
    .enum(confirmMethods)
    .nullable()
    .describe('qr: a family member scanned the code; code: the code sent to the household was read aloud'),
  confirmedByName: z.string().nullable(),
  photos: z.array(photoOut),
  recordedBy: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type VisitOut = z.infer<typeof visitOut>;
export const visitPage = pageOf(visitOut);

export const idParams = z.object({ id: z.uuid() });
export const photoParams = z.object({ id: z.uuid(), photoId: z.uuid() });
export const photoQuery = z.object({ size: z.enum(['full', 'thumb']).default('full') });

export const confirmationOut = z.object({
  confirmUrl: z.string().describe('Show this as a QR code on the cadre’s phone; the family scans it and confirms'),
  token: z.string(),
  expiresAt: z.date(),
  codeSentTo: z
    .string()
    .nullable()
    .describe('The household phone (masked) the 6-digit code was sent to; null when it has no phone or no text sender is set up'),
});
export const confirmCodeBody = z.object({
  code: z
    .string()
    .regex(/^\d{6}$/, '确认码为 6 位数字')
    .describe('The code the family read aloud'),
  confirmedByName: z.string().trim().min(1).max(20).nullable().optional().describe('Who in the family confirmed'),
});
export const tokenParams = z.object({ token: z.string().min(20).max(100) });
export const publicConfirmBody = z.object({ confirmedByName: z.string().trim().min(1).max(20).nullable().optional() });
export const publicVisitOut = z.object({
  visitedOn: z.string(),
  kindName: z.string(),
  cadreNames: z.array(z.string()),
  confirmed: z.boolean(),
  expiresAt: z.date().nullable(),
});
