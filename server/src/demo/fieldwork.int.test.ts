import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../test/app.js';
import { diaryEntries } from '../features/diaries/tables.js';
import { visits } from '../features/visits/tables.js';
import { DEMO_PASSWORD } from './accounts.js';
import { generateDemo } from './generate.js';

let t: TestContext;
let first: Record<string, number>;

beforeAll(async () => {
  t = await createTestApp({ demo: true }); // the demo accounts keep their shared password
  first = await generateDemo(t.database.db, {});
});
afterAll(() => t.close());

describe('field work in the demo', () => {
  it('records visits and diary entries of every status, and adds nothing on a second run', async () => {
    expect(first.visits).toBeGreaterThan(300);
    expect(first.diaryEntries).toBeGreaterThan(50);
    const statuses = await t.database.db
      .select({ status: diaryEntries.status, n: count() })
      .from(diaryEntries)
      .groupBy(diaryEntries.status);
    expect(statuses.map((s) => s.status).sort()).toEqual(['accepted', 'draft', 'returned', 'submitted']);
    expect((await t.database.db.select({ n: count() }).from(diaryEntries).where(eq(diaryEntries.published, true)))[0]!.n).toBeGreaterThan(
      0,
    );
    const again = await generateDemo(t.database.db, {});
    expect([again.visits, again.diaryEntries]).toEqual([0, 0]);
    expect((await t.database.db.select({ n: count() }).from(visits))[0]!.n).toBe(first.visits);
  });

  it("gives the demo cadre a month's work to do and the public diary something to show", async () => {
    const cadre = await t.login('cadre', DEMO_PASSWORD);
    const res = await cadre.get('/api/worklists/cadre');
    expect(res.status).toBe(200);
    expect(res.body.visits.households).toBeGreaterThan(0);
    const pub = await t.anonymous.get('/api/public/diary');
    expect(pub.body.total).toBeGreaterThan(0);
    expect(JSON.stringify(pub.body)).not.toMatch(/1[3-9]\d{9}/);
    const admin = await t.login('township', DEMO_PASSWORD);
    const list = await admin.get('/api/worklists/admin');
    expect(list.body.totals.cadres).toBeGreaterThan(20);
  });
});
