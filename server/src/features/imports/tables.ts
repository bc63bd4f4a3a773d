import { integer, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { entityColumns, regionOwnedColumns } from '../../platform/columns.js';
import { users } from '../users/tables.js';

export const importKinds = ['households', 'cadres', 'pairings'] as const;
export const importStatuses = ['validating', 'validated', 'importing', 'done', 'failed', 'cancelled'] as const;

/** Counts (households/members to create and update …), or why the job failed, and the first problems. */
export interface ImportSummary {
  counts: Record<string, number>;
  failure?: { zh: string; en: string };
  sample?: { row: number; column: string | null; zh: string; en: string }[];
  /** A few of the records the apply will change, with the sheet columns that differ. */
  changes?: { row: number; what: string; fields: string[] }[];
  /** The sheets read, and those passed over for want of the template's header. */
  sheets?: string[];
  skippedSheets?: string[];
}

/**
 * An Excel import: validated first (a dry run writes nothing), then applied all-or-nothing or
 * valid rows only, inside one transaction, so a killed import leaves nothing half-written.
 * region_code is the scope the import was run in.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    ...entityColumns,
    ...regionOwnedColumns,
    kind: text('kind', { enum: importKinds }).notNull(),
    status: text('status', { enum: importStatuses }).notNull().default('validating'),
    mode: text('mode', { enum: ['all_or_nothing', 'valid_rows'] }),
    fileName: text('file_name').notNull(),
    /** Where the uploaded file and the error report live in file storage. */
    fileKey: text('file_key').notNull(),
    reportKey: text('report_key'),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    errorRows: integer('error_rows').notNull().default(0),
    summary: jsonb('summary').$type<ImportSummary>(),
    createdBy: uuid('created_by').references(() => users.id),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** The server (imports/runner.ts) running its check or apply: it recovers its own jobs at start-up. */
    runner: text('runner'),
  },
  (t) => [index('import_jobs_region_idx').on(t.regionCode.op('text_pattern_ops'))],
);
