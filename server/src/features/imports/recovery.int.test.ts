/** Issue 12 #12: at start-up a server recovers the import jobs it was running, and only those. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, createTestApp, type TestContext } from '../../../test/app.js';
import { newId } from '../../platform/ids.js';
import { recoverJobsOfThisRunner } from './service.js';
import { thisRunner } from './runner.js';
import { importJobs } from './tables.js';

let t: TestContext;
const job = (status: 'validating' | 'importing', runner: string) => ({
  id: newId(),
  kind: 'households' as const,
  status,
  fileName: 'a.xlsx',
  fileKey: 'imports/x/upload.xlsx',
  regionCode: BUCHOU,
  countyCode: '433124',
  totalRows: 10,
  processedRows: 3,
  runner,
});

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('import jobs after a crash', () => {
  it('fails a check and re-validates an apply this server was running, at once; leaves another server’s alone', async () => {
    const checking = job('validating', thisRunner);
    const applying = job('importing', thisRunner);
    const theirs = job('importing', 'other-host:3000');
    await t.database.db.insert(importJobs).values([checking, applying, theirs]);
    expect(await recoverJobsOfThisRunner(t.database.db, () => undefined)).toBe(2);
    const statusOf = async (id: string) => (await t.database.db.select().from(importJobs).where(eq(importJobs.id, id)))[0]!;
    expect((await statusOf(checking.id)).status).toBe('failed');
    expect((await statusOf(checking.id)).summary?.failure?.zh).toBe('核对被中断（服务重启），请重新上传');
    expect(await statusOf(applying.id)).toMatchObject({ status: 'validated', processedRows: 10 });
    expect((await statusOf(theirs.id)).status).toBe('importing');
  });
  it('runs when the server starts (onReady)', async () => {
    const fresh = await createTestApp();
    try {
      const checking = job('validating', thisRunner);
      await fresh.database.db.insert(importJobs).values([checking]);
      await fresh.app.ready();
      expect((await fresh.database.db.select().from(importJobs).where(eq(importJobs.id, checking.id)))[0]!.status).toBe('failed');
    } finally {
      await fresh.close();
    }
  });
});
