import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, JIJIU, MAOER, createTestApp, type Client, type TestContext } from '../../../test/app.js';
import { newId } from '../../platform/ids.js';

let t: TestContext;
let township: Client;
let cadre: Client;
let county: Client;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('buchou_admin', 'township_admin', BUCHOU);
  await t.createUser('buchou_cadre', 'cadre', BUCHOU);
  await t.createUser('county_admin', 'county_admin', '433124000000');
  township = await t.login('buchou_admin');
  cadre = await t.login('buchou_cadre');
  county = await t.login('county_admin');
});
afterAll(() => t.close());

describe('browsing the region tree', () => {
  it('starts a township administrator at their township', async () => {
    const res = await township.get('/api/regions/roots');
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { name: string }) => r.name)).toEqual(['补抽乡']);
    expect(res.body.items[0].childCount).toBe(12);
  });

  it('lists the 12 villages of 补抽乡 with national codes, 吉久村 among them', async () => {
    const res = await township.get(`/api/regions/${BUCHOU}/children`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(12);
    expect(res.body.items.find((r: { code: string }) => r.code === JIJIU).name).toBe('吉久村');
  });

  it('shows a village with its path up to the province', async () => {
    const res = await cadre.get(`/api/regions/${JIJIU}`);
    expect(res.status).toBe(200);
    expect(res.body.path.map((p: { name: string }) => p.name)).toEqual(['湖南省', '湘西土家族苗族自治州', '花垣县', '补抽乡']);
  });

  it('finds a village by pinyin initials, name or code', async () => {
    for (const q of ['jjc', '吉久', '433124213209']) {
      const res = await township.get(`/api/regions?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      expect(res.body.items.map((r: { code: string }) => r.code), q).toContain(JIJIU);
    }
  });

  it('does not let a township see another township: read answers 404', async () => {
    expect((await township.get(`/api/regions/${MAOER}`)).status).toBe(404);
    expect((await township.get(`/api/regions/${MAOER}/children`)).status).toBe(404);
    const search = await township.get(`/api/regions?q=${encodeURIComponent('猫儿')}`);
    expect(search.body.total).toBe(0);
  });

  it('lets the county administrator see every township', async () => {
    const res = await county.get('/api/regions/433124000000/children');
    expect(res.body.items).toHaveLength(12);
  });

  it('answers a malformed code with 400 naming the field', async () => {
    const res = await township.get('/api/regions/12345');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.fields[0].path).toContain('code');
  });

  it('asks for a login first', async () => {
    expect((await t.anonymous.get('/api/regions/roots')).status).toBe(401);
  });
});

describe('groups under villages', () => {
  it('adds 一组 and 二组 under 吉久村 with 15-digit codes, audited', async () => {
    const a = await township.post('/api/regions', { parentCode: JIJIU, name: '一组' });
    const b = await township.post('/api/regions', { parentCode: JIJIU, name: '二组' });
    expect(a.status).toBe(201);
    expect(a.body.code).toBe(`${JIJIU}001`);
    expect(b.body.code).toBe(`${JIJIU}002`);
    expect((await township.get(`/api/regions/${JIJIU}`)).body.childCount).toBe(2);
    const audit = await township.get(`/api/audit?entityType=region&entityId=${JIJIU}001`);
    expect(audit.body.items[0].action).toBe('create');
  });

  it('is idempotent on the client id', async () => {
    const id = newId();
    const first = await township.post('/api/regions', { id, parentCode: JIJIU, name: '三组' });
    const again = await township.post('/api/regions', { id, parentCode: JIJIU, name: '三组' });
    expect(again.status).toBe(201);
    expect(again.body.code).toBe(first.body.code);
    const kids = await township.get(`/api/regions/${JIJIU}/children`);
    expect(kids.body.items.filter((r: { name: string }) => r.name === '三组')).toHaveLength(1);
  });

  it('refuses a duplicate name in the same village with 409', async () => {
    const res = await township.post('/api/regions', { parentCode: JIJIU, name: '一组' });
    expect(res.status).toBe(409);
  });

  it('refuses a group under a township with 400', async () => {
    const res = await township.post('/api/regions', { parentCode: BUCHOU, name: '一组' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('body.parentCode');
  });

  it('refuses to write outside the scope with 403', async () => {
    const res = await township.post('/api/regions', { parentCode: '433124206201', name: '一组' });
    expect(res.status).toBe(403);
    expect((await township.patch('/api/regions/433124206201', { version: 1, validTo: '2026-01-01' })).status).toBe(403);
  });

  it('refuses group creation by a cadre', async () => {
    expect((await cadre.post('/api/regions', { parentCode: JIJIU, name: '九组' })).status).toBe(403);
  });

  it('renames a group with its version, and answers a stale version with 409 and the current row', async () => {
    const g = (await township.get(`/api/regions/${JIJIU}001`)).body;
    const ok = await township.patch(`/api/regions/${JIJIU}001`, { version: g.version, name: '一组（兴旺组）' });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(g.version + 1);
    const stale = await township.patch(`/api/regions/${JIJIU}001`, { version: g.version, name: '又改了' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.name).toBe('一组（兴旺组）');
  });

  it('keeps national names: renaming a village is forbidden, ending its validity is allowed', async () => {
    const v = (await county.get('/api/regions/433124213216')).body;
    expect((await county.patch('/api/regions/433124213216', { version: v.version, name: '新村' })).status).toBe(403);
    const ended = await county.patch('/api/regions/433124213216', { version: v.version, validTo: '2025-01-01' });
    expect(ended.status).toBe(200);
    const current = await county.get(`/api/regions/${BUCHOU}/children`);
    expect(current.body.items.map((r: { code: string }) => r.code)).not.toContain('433124213216');
    const all = await county.get(`/api/regions/${BUCHOU}/children?includeExpired=true`);
    expect(all.body.items.map((r: { code: string }) => r.code)).toContain('433124213216');
  });
});
