import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { entityColumns, regionOwnedColumns } from '../../platform/columns.js';
import { users } from '../users/tables.js';
import { visitKinds } from './rules.js';

export const visitStatuses = ['recorded', 'void'] as const;
export const confirmMethods = ['qr', 'code'] as const;

/** Where the cadre was, when the phone offered it and the cadre agreed: never required (no forced 打卡). */
export interface VisitLocation {
  lat: number;
  lng: number;
  accuracyM?: number | null;
}

/**
 * Visits (走访): entered once, read by the diary, the household timeline, the work lists and the
 * statistics. To households (household_ids) or to a village as a whole (village_code: 座谈, 宣讲,
 * 义务劳动), by one or more cadres. region_code is the first household's village or group, else
 * the village. Never deleted: a visit recorded by mistake is voided.
 *
 * Problems found and help given on a visit (a later issue) hang off the visit: their tables carry
 * a nullable visit_id referencing visits.id, so nothing is added here.
 *
 * Household confirmation: only SHA-256 hashes of the one-time QR token and of the short code are
 * kept, with their expiry and the wrong-code count (visits/rules.ts, docs/decisions.md).
 */
export const visits = pgTable(
  'visits',
  {
    ...entityColumns,
    ...regionOwnedColumns,
    kind: text('kind', { enum: visitKinds }).notNull(),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    cadreIds: uuid('cadre_ids').array().notNull(),
    householdIds: uuid('household_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    villageCode: text('village_code'),
    discussed: text('discussed'),
    production: text('production'),
    life: text('life'),
    mood: text('mood'),
    location: jsonb('location').$type<VisitLocation>(),
    status: text('status', { enum: visitStatuses }).notNull().default('recorded'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmMethod: text('confirm_method', { enum: confirmMethods }),
    confirmedByName: text('confirmed_by_name'),
    confirmTokenHash: text('confirm_token_hash'),
    confirmCodeHash: text('confirm_code_hash'),
    confirmExpiresAt: timestamp('confirm_expires_at', { withTimezone: true }),
    confirmAttempts: integer('confirm_attempts').notNull().default(0),
  },
  (t) => [
    index('visits_region_idx').on(t.regionCode.op('text_pattern_ops'), t.visitedOn),
    // fastupdate off: month-end inserts piled up in GIN's pending list, which every lookup then
    // scans whole (a cadre's visits of the month: ~5 ms with it full, 0.3 ms without).
    index('visits_households_idx').using('gin', t.householdIds).with({ fastupdate: false }),
    index('visits_cadres_idx').using('gin', t.cadreIds).with({ fastupdate: false }),
    uniqueIndex('visits_confirm_token_uq').on(t.confirmTokenHash),
  ],
);

/** Photos of a visit: the stored image (EXIF stripped, re-encoded) and a thumbnail, in file storage. */
export const visitPhotos = pgTable(
  'visit_photos',
  {
    id: uuid('id').primaryKey(),
    ...regionOwnedColumns,
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id),
    storageKey: text('storage_key').notNull(),
    thumbKey: text('thumb_key').notNull(),
    contentType: text('content_type').notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('visit_photos_visit_idx').on(t.visitId)],
);
