import { z } from 'zod';
import { fieldRules } from '../../platform/field-rules.js';
import { pageOf, pageQuery } from '../../platform/pagination.js';
import { codeSchema } from '../regions/schemas.js';
import { breachKinds } from './check.js';
import { nearnessLevels } from './nearness.js';
import { helperKinds, pairingRoles, targetKinds } from './rules.js';
import { pairingEndReasons } from './tables.js';

const day = z.iso.date();
const version = z.number().int().positive().describe('The version you read; a stale one answers 409 with the current row');
const note = z.string().trim().max(fieldRules.note.max, fieldRules.note.tooLong.zh);
const targetId = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .describe('Household, branch or person id (UUID); the region code for a township or village');

export const pairingOut = z.object({
  id: z.uuid(),
  programmeId: z.uuid().nullable(),
  programmeName: z.string().nullable(),
  role: z
    .enum(pairingRoles)
    .describe(
      '一帮一 one_to_one, 几帮一 several_to_one, 支部帮 branch_helps, 领导挂点 leader_point, 部门包村 unit_village, 部门帮乡 unit_township, 单位联户 unit_household, 支部结对 branch_pair, 驻村 resident, 人帮人 person_to_person',
    ),
  helperKind: z.enum(helperKinds),
  helperId: z.uuid(),
  helperName: z.string().nullable(),
  helperRank: z.string().nullable().describe('The cadre’s rank (cadre helpers)'),
  targetKind: z.enum(targetKinds),
  targetId: z.string(),
  targetName: z.string().nullable().describe('The household head’s name, the place’s or the branch’s name'),
  lead: z.boolean().describe('The lead contact (联系人) of the household'),
  roundNo: z.number().int().nullable(),
  startOn: z.string(),
  endOn: z.string().nullable().describe('First day the pairing no longer holds; null: open'),
  endReason: z.enum(pairingEndReasons).nullable(),
  replacedById: z.uuid().nullable().describe('The pairing that continued this one after a handover'),
  note: z.string().nullable(),
  regionCode: z.string().describe('The target’s region: the scope key'),
  regionName: z.string().nullable(),
  countyCode: z.string(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type PairingOut = z.infer<typeof pairingOut>;
export const pairingPage = pageOf(pairingOut);

export const pairingListQuery = z.object({
  ...pageQuery,
  programmeId: z.uuid().optional(),
  helperKind: z.enum(helperKinds).optional(),
  helperId: z.uuid().optional().describe('Pairings of this cadre, unit or branch'),
  targetKind: z.enum(targetKinds).optional(),
  targetId: z.string().trim().min(1).max(40).optional().describe('Pairings of this household, branch, person or place'),
  regionCode: codeSchema.optional().describe('Targets in this region and below'),
  role: z.enum(pairingRoles).optional(),
  activeOn: day.optional().describe('Only pairings that hold on this day'),
  open: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .describe('true: not ended; false: ended'),
});

export const createPairingBody = z.object({
  id: z.uuid().optional().describe('Client-made UUIDv7; retrying with the same id returns the same pairing'),
  programmeId: z.uuid().nullable().optional().describe('The programme whose rules it serves; null for a standing pairing'),
  role: z.enum(pairingRoles),
  helperKind: z.enum(helperKinds),
  helperId: z.uuid(),
  targetKind: z.enum(targetKinds),
  targetId,
  lead: z.boolean().optional().describe('几帮一: exactly one lead per household; default: the first helper of a household is its lead'),
  roundNo: z.number().int().min(1).nullable().optional().describe('The round (resident postings)'),
  startOn: day,
  endOn: day.nullable().optional().describe('First day no longer holding (half-open); usually left open'),
  note: note.nullable().optional(),
  personRegionCode: codeSchema.optional().describe('Person targets only: the village or group the person lives in (the scope key)'),
});

export const endPairingBody = z.object({
  version,
  on: day.describe('First day the pairing no longer holds'),
  reason: z.enum(pairingEndReasons),
  note: note.nullable().optional(),
});

export const handoverBody = z.object({
  programmeId: z.uuid().nullable().optional().describe('Only pairings of this programme (null: standing pairings; absent: any)'),
  on: day.describe('The handover day: old pairings end on it, new ones start on it'),
  note: note.min(1).describe('Why, e.g. 第二轮驻村干部轮换'),
  roundNo: z.number().int().min(1).nullable().optional().describe('The round the new pairings belong to (default: unchanged)'),
  moves: z
    .array(
      z.object({
        fromCadreId: z.uuid(),
        toCadreId: z.uuid(),
        pairingIds: z
          .array(z.uuid())
          .min(1)
          .max(1000)
          .optional()
          .describe('Only these of the old cadre’s pairings (default: all open ones)'),
      }),
    )
    .min(1)
    .max(2000)
    .describe('One old → new cadre, or a whole round’s set'),
});

export const handoverOut = z.object({
  ended: z.array(pairingOut),
  started: z.array(pairingOut),
});

export const checkQuery = z.object({
  ...pageQuery,
  regionCode: codeSchema.optional().describe('Check this part of the programme’s region (default: the programme’s region within my scope)'),
  on: day.optional().describe('The day checked (default today, Asia/Shanghai)'),
  kind: z.enum(breachKinds).optional().describe('Only breaches of this kind in items (counts stay complete)'),
});

export const breachOut = z.object({
  kind: z
    .enum(breachKinds)
    .describe(
      'missing_pairing, over_capacity, uncovered (must-visit or coverage target without helper), outside_region, outside_period, outside_round, inactive_target, inactive_helper, no_lead, several_leads',
    ),
  subject: z.object({ kind: z.string(), id: z.string() }).describe('Who must act: the helper, or the household/place'),
  pairingId: z.string().nullable(),
  ruleId: z.string().nullable().describe('The pairing or coverage rule; must-visit for 五必访'),
  detail: z.object({
    required: z.number().optional(),
    have: z.number().optional(),
    missing: z.number().optional(),
    max: z.number().optional(),
  }),
  message: z.string().describe('In the request language'),
  zh: z.string(),
  en: z.string(),
});

export const checkOut = z.object({
  programmeId: z.uuid(),
  regionCode: z.string(),
  on: z.string(),
  counts: z.record(z.enum(breachKinds), z.number().int()),
  total: z.number().int().describe('All breaches'),
  checked: z.object({ cadres: z.number().int(), households: z.number().int(), pairings: z.number().int() }),
  items: z.array(breachOut),
  filteredTotal: z.number().int().describe('Breaches of the kind asked for (all when no kind)'),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const checkExportQuery = checkQuery.omit({ page: true, pageSize: true });

export const proposalsQuery = z.object({
  regionCode: codeSchema
    .optional()
    .describe('Propose inside this part of the programme’s region (default: the programme’s region within my scope)'),
  on: day.optional().describe('Start day of the proposed pairings (default today)'),
});

const proposalShape = z.object({
  role: z.enum(pairingRoles),
  helperKind: z.enum(helperKinds),
  helperId: z.uuid(),
  targetKind: z.enum(targetKinds),
  targetId,
  lead: z.boolean(),
  roundNo: z.number().int().nullable(),
  startOn: day,
});

export const proposalOut = proposalShape.extend({
  key: z.string().describe('helperKind:helperId→targetKind:targetId, stable for review'),
  regionCode: z.string(),
  helperName: z.string().nullable(),
  targetName: z.string().nullable(),
  because: z.object({ kind: z.enum(['rule', 'coverage']), ruleId: z.string() }),
  nearness: z.enum(nearnessLevels).describe('How near the helper works to the target in the region tree'),
  message: z.string(),
});

export const proposalsOut = z.object({
  programmeId: z.uuid(),
  regionCode: z.string(),
  on: z.string(),
  proposals: z.array(proposalOut),
  unfilled: z.array(
    z.object({
      ruleId: z.string(),
      subject: z.object({ kind: z.string(), id: z.string() }),
      missing: z.number().int(),
      reason: z.enum(['no_candidates', 'capacity', 'no_helpers']),
      message: z.string(),
    }),
  ),
  breachesBefore: z.number().int().describe('Breaches on the day before accepting anything'),
});

export const acceptBody = z.object({
  items: z
    .array(
      proposalShape.extend({
        id: z.uuid().describe('Client-made UUIDv7 of the new pairing: a retry does not pair twice'),
        note: note.nullable().optional(),
      }),
    )
    .min(1)
    .max(5000)
    .describe('The proposals chosen, as received (adjustments allowed)'),
});

export const acceptOut = z.object({
  created: z.number().int(),
  alreadyThere: z.number().int().describe('Items whose id was accepted before (retries)'),
  breachesBefore: z.number().int(),
  breachesAfter: z.number().int(),
  items: z.array(pairingOut),
});

export const myHouseholdsQuery = z.object({
  ...pageQuery,
  programmeId: z.uuid().optional(),
});

export const myHouseholdOut = z.object({
  pairingId: z.uuid(),
  householdId: z.uuid(),
  headName: z.string().nullable(),
  regionCode: z.string(),
  villageName: z.string().nullable(),
  groupName: z.string().nullable(),
  categories: z.array(z.string()),
  categoryNames: z.array(z.string()).describe('In the request language'),
  phone: z.string().nullable().describe('Masked unless my role may see personal data'),
  role: z.enum(pairingRoles),
  lead: z.boolean(),
  programmeId: z.uuid().nullable(),
  programmeName: z.string().nullable(),
  startOn: z.string(),
  lastContactOn: z.string().nullable().describe('Last visit or contact: filled once visits are recorded (null for now)'),
});
export const myHouseholdsOut = pageOf(myHouseholdOut).extend({
  cadreId: z.uuid().nullable().describe('My linked cadre; null: my account has none'),
});

export const myVillagesOut = z.object({
  cadreId: z.uuid().nullable(),
  items: z.array(
    z.object({
      villageCode: z.string(),
      villageName: z.string().nullable(),
      townshipName: z.string().nullable(),
      households: z.number().int().describe('My open household pairings there'),
      postings: z
        .array(
          z.object({
            pairingId: z.uuid(),
            role: z.enum(pairingRoles),
            roundNo: z.number().int().nullable(),
            startOn: z.string(),
            programmeName: z.string().nullable(),
          }),
        )
        .describe('My village pairings there: resident postings, leader links'),
    }),
  ),
});

export const helpersOut = z.object({
  items: z.array(pairingOut).describe('Open ones first, then the past by end date'),
});

export const idParams = z.object({ id: z.uuid() });
