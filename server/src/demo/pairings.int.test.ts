import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestContext } from '../../test/app.js';
import { pairings } from '../features/pairings/tables.js';
import { DEMO_PASSWORD } from './accounts.js';
import { generateDemo } from './generate.js';

let t: TestContext;
let first: Record<string, number>;
let township: Client;

beforeAll(async () => {
  t = await createTestApp({ demo: true }); // the demo accounts keep their shared password
  first = await generateDemo(t.database.db, {});
  township = await t.login('township', DEMO_PASSWORD);
});
afterAll(() => t.close());

describe('the demo’s 联户带创', () => {
  it('copies the template for 补抽乡 and pairs most households, once', async () => {
    expect(first).toMatchObject({ programmes: 1 });
    expect(first.pairings).toBeGreaterThan(250);
    const again = await generateDemo(t.database.db, {});
    expect(again).toMatchObject({ programmes: 0, participants: 0, pairings: 0 });
    expect((await t.database.db.select({ n: count() }).from(pairings))[0]!.n).toBe(first.pairings);
    const list = (await township.get('/api/programmes')).body;
    expect(list.items).toMatchObject([{ name: '补抽乡联户带创', templateKey: 'lian-hu-dai-chuang' }]);
  });

  it('shows the cadre account several households of its own', async () => {
    const cadre = await t.login('cadre', DEMO_PASSWORD);
    const mine = await cadre.get('/api/me/households');
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBeGreaterThanOrEqual(5);
    expect(mine.body.items[0].headName).toBeTruthy();
  });

  it('leaves a few breaches for the rule check and the assistant to show', async () => {
    const id = (await township.get('/api/programmes')).body.items[0].id;
    const check = await township.get(`/api/programmes/${id}/check`);
    expect(check.status).toBe(200);
    expect(check.body.counts.missing_pairing).toBeGreaterThanOrEqual(3);
    expect(check.body.total).toBeLessThan(60);
    const proposals = await township.get(`/api/programmes/${id}/proposals`);
    expect(proposals.body.proposals.length).toBeGreaterThan(0);
  });
});
