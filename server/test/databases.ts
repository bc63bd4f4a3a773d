import pg from 'pg';
import type { DatabaseKind } from '../src/db/client.js';

/**
 * Which database the integration suite runs on: the embedded PostgreSQL that the global setup
 * starts for the run (default), or the PostgreSQL server in LIANHU_TEST_DATABASE_URL. Each test
 * file gets its own fresh database cloned from a migrated template, so files run in parallel and
 * never see each other's rows.
 */
export const testDatabaseKind: DatabaseKind = process.env.LIANHU_TEST_DATABASE_URL ? 'postgres' : 'embedded';
/** The server's address; for the embedded run the global setup puts it in the environment its workers inherit. */
export const testServerUrl = (): string => {
  const url = process.env.LIANHU_TEST_DATABASE_URL || process.env.LIANHU_TEST_EMBEDDED_URL;
  if (!url) throw new Error('no test database: the global setup (server/test/global-setup.ts) did not run');
  return url;
};
/**
 * One template per run (named after the run's main process, which the global setup puts in the
 * environment its workers inherit), so two runs on one machine never drop each other's template.
 */
const run = (process.env.LIANHU_TEST_RUN ??= String(process.pid));
export const templateDbName = `lianhu_template_${run}`;

export function urlWithDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

export async function adminQuery(sqlText: string) {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return await client.query(sqlText);
  } finally {
    await client.end();
  }
}
