import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/pagination.js';
import { cadreListQuery } from '../cadres/schemas.js';
import { entryListQuery } from '../diaries/schemas.js';
import { householdFilterQuery } from '../households/schemas.js';
import { pairingListQuery } from '../pairings/schemas.js';
import { visitListQuery } from '../visits/schemas.js';
import { importKinds, importStatuses } from './tables.js';

export const importModes = ['all_or_nothing', 'valid_rows'] as const;

export const jobOut = z.object({
  id: z.uuid(),
  kind: z.enum(importKinds),
  status: z.enum(importStatuses).describe('validating → validated (dry run done) → importing → done; failed'),
  mode: z.enum(importModes).nullable(),
  fileName: z.string(),
  totalRows: z.number().int().describe('Data rows in the file; 0 until the dry run has read them all'),
  processedRows: z.number().int().describe('Rows read so far (validating) or written so far (importing): the progress bar'),
  errorRows: z.number().int().describe('Rows with at least one bad cell'),
  summary: z
    .record(z.string(), z.number())
    .nullable()
    .describe('Dry run: households/members (or cadres) to create, to update (they differ from the registry) and unchanged, rows to import, rows held back; after the apply: created, updated'),
  failure: z.string().nullable().describe('Why the job failed, in the request language'),
  problems: z
    .array(z.object({ sheet: z.string().nullable().describe('The sheet, when the workbook had several read'), row: z.number().int(), column: z.string().nullable(), message: z.string() }))
    .describe('The first problems found (at most 50); the report has them all'),
  changes: z
    .array(z.object({ sheet: z.string().nullable(), row: z.number().int(), what: z.string().describe('The household (head, 户编号) or member'), fields: z.array(z.string()).describe('The sheet columns whose values differ from the registry') }))
    .describe('Dry run of households: a few of the households and members the apply will change'),
  sheets: z.array(z.string()).describe('The sheets read (every sheet with the template’s header)'),
  skippedSheets: z.array(z.string()).describe('Visible sheets passed over: no template header in their first ten rows'),
  hasReport: z.boolean().describe('GET /api/imports/{id}/report.xlsx has the rows with errors'),
  regionCode: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  finishedAt: z.date().nullable(),
});
export type JobOut = z.infer<typeof jobOut>;

export const jobPage = pageOf(jobOut);
export const jobListQuery = z.object({ ...pageQuery, kind: z.enum(importKinds).optional() });
export const idParams = z.object({ id: z.uuid() });
export const uploadQuery = z.object({ kind: z.enum(importKinds).optional().describe('Or send it as the form field "kind"') });
export const applyBody = z.object({
  mode: z.enum(importModes).describe('all_or_nothing: refused while any row has errors; valid_rows: households whose rows are all valid'),
});

/** The households list's filter and sort (features/households householdFilterQuery), for its Excel export. */
export const householdExportQuery = householdFilterQuery;
export type HouseholdExportQuery = z.infer<typeof householdExportQuery>;

export const cadreExportQuery = cadreListQuery.omit({ page: true, pageSize: true });
export type CadreExportQuery = z.infer<typeof cadreExportQuery>;

/** The registers' list filters (GET /api/pairings, /api/visits, /api/diary-entries) for their exports. */
export const pairingExportQuery = pairingListQuery.omit({ page: true, pageSize: true });
export const visitExportQuery = visitListQuery.omit({ page: true, pageSize: true });
export const entryExportQuery = entryListQuery.omit({ page: true, pageSize: true });
