import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, createTestApp, type Client, type TestContext } from '../../../test/app.js';
import { generateDemo } from '../../demo/generate.js';
import { folderStorage } from '../../platform/storage.js';
import { households, members } from '../households/tables.js';
import { multipart } from './testing.js';

/**
 * The demo township (as issue 11 found it: one round trip rewrote 283 of 357 households): its
 * households exported and imported again unchanged change nothing.
 */
let t: TestContext;
let clerk: Client;
const jobs: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await generateDemo(t.database.db, { households: 80 });
  await t.createUser('roundtrip_admin', 'township_admin', BUCHOU);
  clerk = await t.login('roundtrip_admin');
}, 180_000);
afterAll(async () => {
  const storage = folderStorage(t.app.config.filesDir);
  for (const id of jobs) await storage.remove(`imports/${id}`);
  await t.close();
});

const versions = async () => ({
  households: (await t.database.db.select({ id: households.id, v: households.version }).from(households)).map((r) => `${r.id}:${r.v}`).sort(),
  members: (await t.database.db.select({ id: members.id, v: members.version }).from(members)).map((r) => `${r.id}:${r.v}`).sort(),
});

describe('the demo households, exported and imported again', () => {
  it('change nothing: no update counted, none made, no version moved', { timeout: 180_000 }, async () => {
    const before = await versions();
    const exported = await clerk.get('/api/exports/households.xlsx');
    expect(exported.status).toBe(200);
    const m = multipart(exported.raw, '导出.xlsx', { kind: 'households' });
    const check = await clerk.request({ method: 'POST', url: '/api/imports', payload: m.payload, headers: m.headers });
    jobs.push(check.body.id);
    expect(check.body.problems).toEqual([]);
    expect(check.body.changes).toEqual([]);
    expect(check.body.summary).toMatchObject({ householdsToCreate: 0, householdsToUpdate: 0, membersToCreate: 0, membersToUpdate: 0 });
    expect(check.body.summary.householdsUnchanged).toBeGreaterThan(50);
    const applied = await clerk.post(`/api/imports/${check.body.id}/apply`, { mode: 'all_or_nothing' });
    expect(applied.body.summary).toMatchObject({ householdsCreated: 0, householdsUpdated: 0, membersCreated: 0, membersUpdated: 0 });
    expect(await versions()).toEqual(before);
  });
});
