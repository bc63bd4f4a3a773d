import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { entityColumns, regionOwnedColumns } from '../../platform/columns.js';
import { users } from '../users/tables.js';
import type { Capacity, CoverageRule, PairingRule, Requirements } from './model.js';

export const programmeStatuses = [
  'draft', // 草稿: being set up, rules not yet binding
  'active', // 进行中
  'closed', // 已结束: kept for history, no new pairings
] as const;
export type ProgrammeStatus = (typeof programmeStatuses)[number];

/**
 * Programmes (活动): 联户带创, 挂包帮 … copied from a template (template_key) or typed. region_code
 * is where the programme runs (pairings' targets lie in its subtree). The requirements, pairing
 * rules, coverage rules and capacities are the zod-validated parts of programmes/schemas.ts
 * programmeDefinitionSchema, stored as JSON; rounds have their own table.
 */
export const programmes = pgTable(
  'programmes',
  {
    ...entityColumns,
    ...regionOwnedColumns,
    name: text('name').notNull(),
    templateKey: text('template_key'),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    /** First day after the programme (half-open); null: open-ended. */
    endOn: date('end_on', { mode: 'string' }),
    requirements: jsonb('requirements').$type<Requirements>().notNull(),
    pairingRules: jsonb('pairing_rules').$type<PairingRule[]>().notNull().default([]),
    coverage: jsonb('coverage').$type<CoverageRule[]>().notNull().default([]),
    capacities: jsonb('capacities').$type<Capacity[]>().notNull().default([]),
    status: text('status', { enum: programmeStatuses }).notNull().default('active'),
    createdBy: uuid('created_by').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [index('programmes_region_idx').on(t.regionCode.op('text_pattern_ops'))],
);

/** Rounds (轮次) of a programme: Guiyang's second round of 1,170 resident cadres [004]. */
export const programmeRounds = pgTable(
  'programme_rounds',
  {
    ...entityColumns,
    ...regionOwnedColumns,
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    no: integer('no').notNull(),
    name: text('name').notNull(),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    /** First day after the round (half-open). */
    endOn: date('end_on', { mode: 'string' }).notNull(),
    plannedCount: integer('planned_count'),
  },
  (t) => [uniqueIndex('programme_rounds_no_uq').on(t.programmeId, t.no)],
);

export const participantKinds = ['cadre', 'unit', 'branch'] as const;
export type ParticipantKind = (typeof participantKinds)[number];

/**
 * Who takes part in a programme: a cadre, unit or branch, with tags the rules select on
 * ('capable' 致富能力较强的党员 [001], 'unit_head' 单位负责人 [002]) and an optional capacity (most
 * households they take). region_code is the participant's own region. Leaving sets end_on; an
 * enrolment is never deleted, and a participant has at most one open enrolment per programme.
 */
export const programmeParticipants = pgTable(
  'programme_participants',
  {
    ...entityColumns,
    ...regionOwnedColumns,
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    subjectKind: text('subject_kind', { enum: participantKinds }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Most active household pairings this participant takes in the programme; null: the programme's capacity rules. */
    capacity: integer('capacity'),
    /** The round a resident cadre is enrolled for, by number. */
    roundNo: integer('round_no'),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    /** First day no longer taking part (half-open); null: still taking part. */
    endOn: date('end_on', { mode: 'string' }),
    note: text('note'),
  },
  (t) => [
    index('programme_participants_programme_region_idx').on(t.programmeId, t.regionCode.op('text_pattern_ops')),
    index('programme_participants_subject_idx').on(t.subjectKind, t.subjectId),
    uniqueIndex('programme_participants_open_uq')
      .on(t.programmeId, t.subjectKind, t.subjectId)
      .where(sql`end_on is null`),
  ],
);
