import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { entityColumns, regionOwnedColumns } from '../../platform/columns.js';
import { programmes } from '../programmes/tables.js';
import { users } from '../users/tables.js';
import { helperKinds, pairingRoles, targetKinds } from './rules.js';

/** Why a pairing ended: handed over at a round's end, the programme or round ended, the target or helper went, or a correction. */
export const pairingEndReasons = [
  'handover',
  'round_end',
  'programme_end',
  'target_gone',
  'helper_left',
  'lifted',
  'mistake',
  'other',
] as const;
export type PairingEndReason = (typeof pairingEndReasons)[number];

/**
 * Pairings (结对): one dated record per helper ↔ target with a role (pairings/rules.ts). The period
 * is half-open [start_on, end_on); end_on null means open. Never deleted: ending sets end_on and
 * end_reason, a handover links the ended record to the one that continues it (replaced_by_id).
 * region_code and county_code are the target's (the village or group of a household, the region
 * of a township or village target, a branch's region): the scope key of the record.
 * target_id is a uuid for households, branches and persons, the region code for places.
 */
export const pairings = pgTable(
  'pairings',
  {
    ...entityColumns,
    ...regionOwnedColumns,
    programmeId: uuid('programme_id').references(() => programmes.id),
    role: text('role', { enum: pairingRoles }).notNull(),
    helperKind: text('helper_kind', { enum: helperKinds }).notNull(),
    helperId: uuid('helper_id').notNull(),
    targetKind: text('target_kind', { enum: targetKinds }).notNull(),
    targetId: text('target_id').notNull(),
    lead: boolean('lead').notNull().default(false),
    roundNo: integer('round_no'),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }),
    endReason: text('end_reason', { enum: pairingEndReasons }),
    /** The pairing that continued this one after a handover. */
    replacedById: uuid('replaced_by_id'),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    index('pairings_helper_open_idx')
      .on(t.helperKind, t.helperId)
      .where(sql`end_on is null`),
    index('pairings_helper_idx').on(t.helperId, t.startOn),
    index('pairings_target_idx').on(t.targetKind, t.targetId, t.startOn),
    index('pairings_programme_region_open_idx')
      .on(t.programmeId, t.regionCode.op('text_pattern_ops'))
      .where(sql`end_on is null`),
    index('pairings_programme_region_idx').on(t.programmeId, t.regionCode.op('text_pattern_ops'), t.startOn),
    index('pairings_region_idx').on(t.regionCode.op('text_pattern_ops'), t.startOn),
    /** One open pairing of a helper and a target per programme (a null programme counts as one). */
    uniqueIndex('pairings_open_uq')
      .on(t.helperKind, t.helperId, t.targetKind, t.targetId, sql`coalesce(programme_id, '00000000-0000-0000-0000-000000000000'::uuid)`)
      .where(sql`end_on is null`),
  ],
);
