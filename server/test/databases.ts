import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/**
 * Which database the integration suite runs on: the embedded one (default), or the PostgreSQL
 * server in LIANHU_TEST_DATABASE_URL. Each test file gets its own fresh database cloned from a
 * migrated template, so files run in parallel and never see each other's rows.
 */
export const testServerUrl = process.env.LIANHU_TEST_DATABASE_URL || undefined;
/**
 * One template per run (named after the run's main process, which the global setup puts in the
 * environment its workers inherit), so two runs on one machine never drop each other's template.
 */
const run = (process.env.LIANHU_TEST_RUN ??= String(process.pid));
export const templateDbName = `lianhu_template_${run}`;
export const pgliteTemplate = path.resolve(import.meta.dirname, `../.test-data/template-${run}.tar.gz`);

export function urlWithDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

export async function adminQuery(sqlText: string) {
  const client = new pg.Client({ connectionString: testServerUrl });
  await client.connect();
  try {
    return await client.query(sqlText);
  } finally {
    await client.end();
  }
}

export const templateExists = () => fs.existsSync(pgliteTemplate);
