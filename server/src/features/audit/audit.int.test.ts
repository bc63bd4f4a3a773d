import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, COUNTY, MAOER, createTestApp, type Client, type TestContext } from '../../../test/app.js';

let t: TestContext;
let buchou: Client;
let maoer: Client;
let county: Client;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('buchou_admin', 'township_admin', BUCHOU);
  await t.createUser('maoer_admin', 'township_admin', MAOER);
  await t.createUser('county_admin', 'county_admin', COUNTY);
  await t.createUser('a_cadre', 'cadre', BUCHOU);
  buchou = await t.login('buchou_admin');
  maoer = await t.login('maoer_admin');
  county = await t.login('county_admin');
  await buchou.post('/api/regions', { parentCode: '433124213209', name: '一组' });
  await maoer.post('/api/regions', { parentCode: '433124206201', name: '一组' });
});
afterAll(() => t.close());

describe('the audit log', () => {
  it('shows each administrator the writes in their own township only', async () => {
    const mine = await buchou.get('/api/audit?entityType=region');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((e: { entityId: string }) => e.entityId)).toEqual(['433124213209001']);
    const theirs = await maoer.get('/api/audit?entityType=region');
    expect(theirs.body.items.map((e: { entityId: string }) => e.entityId)).toEqual(['433124206201001']);
  });

  it('shows the county both, newest first, with who and what', async () => {
    const res = await county.get('/api/audit?entityType=region');
    expect(res.body.total).toBe(2);
    expect(res.body.items[0]).toMatchObject({ action: 'create', actorName: 'maoer_admin', after: { name: '一组' } });
  });

  it('filters by action and by day (Asia/Shanghai)', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect((await county.get(`/api/audit?action=create&from=${today}&to=${today}`)).body.total).toBe(2);
    expect((await county.get('/api/audit?action=create&to=2020-01-01')).body.total).toBe(0);
    expect((await county.get('/api/audit?action=login')).body.total).toBeGreaterThanOrEqual(3);
  });

  it('rejects a malformed date with 400', async () => {
    const res = await county.get('/api/audit?from=yesterday');
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toContain('from');
  });

  it('is for administrators only', async () => {
    const c = await t.login('a_cadre');
    expect((await c.get('/api/audit')).status).toBe(403);
  });

  it('keeps a failed write out of the log: nothing is half-written', async () => {
    const before = (await buchou.get('/api/audit')).body.total;
    const dup = await buchou.post('/api/regions', { parentCode: '433124213209', name: '一组' });
    expect(dup.status).toBe(409);
    expect((await buchou.get('/api/audit')).body.total).toBe(before);
  });
});
