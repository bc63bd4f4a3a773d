/**
 * The working tables of a household import: its dry run streams the rows into UNLOGGED tables of
 * its own (schema import_staging, named after the job) with COPY, the checks across rows and
 * against the registry run there as SQL, and the apply writes the registry from them with
 * INSERT … SELECT and drops them in its transaction. They are not the registry: the dry run still
 * changes nothing in it. The rows stream through one COPY FROM STDIN on a connection of the pool.
 */
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db, Executor } from '../../db/client.js';

export interface StagingTables {
  /** One line per data row of the sheet. */
  rows: string;
  /** One line per household the rows name. */
  households: string;
}

export function stagingTables(jobId: string): StagingTables {
  const hex = jobId.replaceAll('-', '');
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new Error(`bad job id ${jobId}`);
  return { rows: `import_staging."r_${hex}"`, households: `import_staging."h_${hex}"` };
}

/** Columns of the rows table, in the order of the COPY lines. */
export const rowColumns = [
  'row int not null',
  // the household the row belongs to (HouseholdTracker key)
  'hh_key text not null',
  // a well-formed ID number, even on a bad row (duplicates and the registry are matched on it)
  'id_number text',
  // the row's own problems (JSON), null when it has none
  'problems text',
  // the cells as typed (JSON), for the error report
  'cells text not null',
  // what is written to members, null on a bad row
  'id uuid',
  'name text',
  'initials text',
  'relation text',
  'sex text',
  'birth_date date',
  'health text',
  'education text',
  'schooling text',
  'labour_ability text',
  'is_party_member boolean',
  'phone text',
] as const;

export const householdColumns = [
  'key text not null',
  'id uuid not null',
  // matched to a household of the registry (else new)
  'existing boolean not null',
  // a row of the household is bad: held back whole
  'held boolean not null',
  'region_code text',
  'county_code text',
  'household_no text',
  'address text',
  'phone text',
  'categories text[]',
  'poverty_causes text[]',
  'land_mu numeric',
  'housing text',
] as const;

const names = (cols: readonly string[]) => cols.map((c) => c.split(' ')[0]).join(', ');

export async function createStaging(db: Db, t: StagingTables): Promise<void> {
  await db.execute(sql.raw(`drop table if exists ${t.rows}, ${t.households}`));
  // existing: the person is already a member of the household matched (set after the match)
  await db.execute(sql.raw(`create unlogged table ${t.rows} (${rowColumns.join(', ')}, existing boolean not null default false)`));
  await db.execute(sql.raw(`create unlogged table ${t.households} (${householdColumns.join(', ')}, primary key (key))`));
}

/** Drops a job's working tables (any kind of job: there may be none). */
export async function dropStaging(db: Executor, jobId: string): Promise<void> {
  const t = stagingTables(jobId);
  await db.execute(sql.raw(`drop table if exists ${t.rows}, ${t.households}`));
}

/** Whether a job's working tables are there (an UNLOGGED table survives no crash of the server). */
export async function stagingExists(db: Executor, t: StagingTables): Promise<boolean> {
  const res = (await db.execute(sql.raw(`select to_regclass('${t.rows}') is not null and to_regclass('${t.households}') is not null as ok`))) as unknown as { rows: { ok: boolean }[] };
  return res.rows[0]?.ok === true;
}

// ── COPY text format ──

const special = /[\\\t\n\r]/;
const specialAll = /[\\\t\n\r]/g;
const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
/** A text value as a COPY field (null as \N). */
export const copyText = (v: string | null | undefined): string => (v == null ? '\\N' : special.test(v) ? v.replace(specialAll, (c) => escapes[c]!) : v);
export const copyBool = (v: boolean | null | undefined): string => (v == null ? '\\N' : v ? 't' : 'f');
/** A text[] value as a COPY field. */
export const copyArray = (a: string[] | null | undefined): string => (a == null ? '\\N' : copyText(`{${a.map((s) => `"${s.replace(/["\\]/g, (c) => '\\' + c)}"`).join(',')}}`));

/** Lines into a table, buffered: write answers a promise only when the caller must wait. */
export interface CopyIn {
  /** One line: its fields joined by tabs, no newline. */
  write(line: string): Promise<void> | undefined;
  /** Sends the rest; answers the rows copied. */
  close(): Promise<number>;
  /** Gives up (the table is dropped by the caller). */
  abort(): void;
}

export async function copyIn(db: Db, table: string, columns: readonly string[]): Promise<CopyIn> {
  const client = (db as unknown as { $client: pg.Pool }).$client;
  const target = `${table} (${names(columns)})`;
  let parts: string[] = [];
  let size = 0;
  const take = () => {
    const chunk = parts.join('');
    parts = [];
    size = 0;
    return chunk;
  };
  {
    const conn = await client.connect();
    const stream = conn.query(copyFrom(`copy ${target} from stdin`));
    let failed: Error | null = null;
    stream.on('error', (err: Error) => (failed ??= err));
    let released = false;
    const release = (err?: Error) => {
      if (released) return;
      released = true;
      conn.release(err);
    };
    const flush = async () => {
      if (failed) throw failed;
      if (!stream.write(take())) await once(stream, 'drain');
    };
    return {
      write(line) {
        parts.push(line, '\n');
        size += line.length + 1;
        return size >= 256 * 1024 ? flush() : undefined;
      },
      async close() {
        try {
          if (size) await flush();
          stream.end();
          await finished(stream);
          if (failed) throw failed;
          release();
          return stream.rowCount;
        } catch (err) {
          release(err as Error);
          throw err;
        }
      },
      abort() {
        stream.destroy();
        // the connection is mid-COPY: the pool closes it rather than handing it out again
        release(new Error('copy aborted'));
      },
    };
  }
}
