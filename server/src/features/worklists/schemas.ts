import { z } from 'zod';
import { codeSchema } from '../regions/schemas.js';
import { entryStatuses } from '../diaries/rules.js';
import { daySchema, monthSchema } from '../visits/schemas.js';
import { quotaPeriods } from '../programmes/model.js';

const quota = z.object({ atLeast: z.number().int(), per: z.enum(quotaPeriods) });
const quotaStatus = z.object({
  period: z.object({ key: z.string(), from: z.string(), to: z.string(), dueOn: z.string() }),
  required: z.number().int(),
  done: z.number().int(),
  state: z.enum(['met', 'due', 'overdue']),
  daysLeft: z.number().int(),
});
const entryRef = z.object({
  id: z.uuid(),
  month: z.string(),
  status: z.enum(entryStatuses),
  version: z.number().int(),
  updatedAt: z.date(),
});

export const cadreWorklistQuery = z.object({
  cadreId: z.uuid().optional().describe("Another cadre's list (administrators, in scope); default: my own"),
  on: daySchema.optional().describe('As of this day (default today in Asia/Shanghai)'),
});

export const cadreWorklistOut = z.object({
  cadreId: z.uuid(),
  cadreName: z.string(),
  on: z.string(),
  visits: z.object({
    quota: quota.describe("The strictest visit quota of the cadre's programmes; at least monthly by default"),
    households: z.number().int().describe('Paired households (一帮一 and 几帮一), and the must-visit households left to a resident cadre'),
    done: z.number().int().describe('Of them, visited enough this period'),
    toVisit: z
      .array(
        z.object({
          householdId: z.uuid(),
          headName: z.string().nullable(),
          regionCode: z.string(),
          regionName: z.string().nullable(),
          lastVisitOn: z.string().nullable(),
          daysSinceLastVisit: z.number().int().nullable().describe('null: never visited'),
          visitsThisPeriod: z.number().int(),
          required: z.number().int(),
          mustVisit: z.boolean().describe('五必访 of the village the cadre is posted to (驻村) that no helper is paired with'),
        }),
      )
      .describe('Not yet visited enough this period, never-visited first, then longest since the last visit'),
    dueOn: z.string(),
  }),
  diary: z.object({ quota, current: quotaStatus, overdue: quotaStatus.nullable() }),
  returned: z.array(entryRef).describe('Entries returned for revision'),
  drafts: z.array(entryRef),
});

export const reviewerWorklistOut = z.object({
  awaiting: z
    .array(
      z.object({
        id: z.uuid(),
        cadreId: z.uuid(),
        cadreName: z.string(),
        month: z.string(),
        submittedAt: z.date().nullable(),
        version: z.number().int(),
      }),
    )
    .describe('Submitted entries I may review, oldest month first'),
  quarter: z.string(),
  samples: z
    .array(
      z.object({
        id: z.uuid(),
        regionCode: z.string(),
        quarter: z.string(),
        entries: z.array(z.object({ id: z.uuid(), reviewed: z.boolean() })),
      }),
    )
    .describe("This quarter's samples in my scope, with the entries already read"),
});

export const cadenceStateSchema = z
  .enum(['met', 'on_track', 'due_soon', 'overdue'])
  .describe('met; on_track: time left; due_soon: the last week before the due day; overdue: the due day passed short');

export const adminWorklistQuery = z.object({
  regionCode: codeSchema.optional().describe('Cadres working in this region and below (default: my region)'),
  month: monthSchema.optional().describe('Default: the month of `on`'),
  on: daySchema.optional().describe('Seen on this day (default today in Asia/Shanghai): what is due soon or overdue'),
  onlyBehind: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

const counts = z.object({
  cadres: z.number().int(),
  behindVisits: z.number().int().describe('Cadres whose visits are due soon or overdue'),
  behindDiary: z.number().int().describe('Cadres whose diary entries are due soon or overdue'),
  householdsNotVisited: z.number().int(),
});
export const adminWorklistOut = z.object({
  month: z.string(),
  regionCode: z.string(),
  cadres: z.array(
    z.object({
      cadreId: z.uuid(),
      cadreName: z.string(),
      villageCode: z.string(),
      villageName: z.string().nullable(),
      unitId: z.uuid().nullable(),
      unitName: z.string().nullable(),
      branchName: z.string().nullable(),
      paired: z.number().int(),
      visited: z.number().int(),
      notVisited: z.number().int(),
      diaries: z.number().int(),
      diaryRequired: z.number().int(),
      visitRequired: z.number().int().describe('Visits owed to each paired household in the period'),
      visitPer: z.enum(quotaPeriods),
      visitDueOn: z.string().nullable(),
      visitState: cadenceStateSchema,
      diaryPer: z.enum(quotaPeriods).describe("The programme's diary cadence: month, quarter, year, or over the round or programme"),
      diaryFrom: z.string().describe('First day of the period the entries are counted in'),
      diaryDueOn: z.string().nullable().describe('null: the programme has no end'),
      diaryState: cadenceStateSchema,
      behindVisits: z.boolean().describe('Visits due soon or overdue'),
      behindDiary: z.boolean().describe('Diary due soon or overdue'),
    }),
  ),
  byVillage: z.array(counts.extend({ villageCode: z.string(), villageName: z.string().nullable() })),
  byUnit: z.array(counts.extend({ unitId: z.uuid().nullable(), unitName: z.string().nullable() })),
  totals: counts,
});
export type AdminWorklist = z.infer<typeof adminWorklistOut>;
