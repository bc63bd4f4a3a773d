import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, JIJIU, MAOER, createTestApp, type Client, type TestContext } from '../../../test/app.js';
import { householdBody } from '../households/fixtures.js';
import { newId } from '../../platform/ids.js';

/**
 * Seed 000: in 2012 补抽乡 had 18 villages, among them 兴中村 and 渔龙村; today's codes show 12.
 * Here they are added as villages that no longer exist and merged into 吉久村 on 2016-01-01.
 */
let t: TestContext;
let township: Client;
let maoer: Client;
let cadre: Client;
let xingzhong: string;
let yulong: string;
let householdId: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('buchou_admin', 'township_admin', BUCHOU);
  await t.createUser('maoer_admin', 'township_admin', MAOER);
  await t.createUser('buchou_cadre', 'cadre', BUCHOU);
  township = await t.login('buchou_admin');
  maoer = await t.login('maoer_admin');
  cadre = await t.login('buchou_cadre');
});
afterAll(() => t.close());

const codes = (res: { body: { items: { code: string }[] } }) => res.body.items.map((r) => r.code);

describe('regions that no longer exist', () => {
  it('adds 兴中村 and 渔龙村 under 补抽乡 with local codes 901 and 902, ended on 2016-01-01', async () => {
    const a = await township.post('/api/regions/historic', { parentCode: BUCHOU, name: '兴中村', validTo: '2016-01-01' });
    const b = await township.post('/api/regions/historic', { parentCode: BUCHOU, name: '渔龙村', validFrom: '1984-01-01', validTo: '2016-01-01' });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ code: '433124213901', name: '兴中村', level: 'village', validTo: '2016-01-01', countyCode: '433124' });
    expect(b.body).toMatchObject({ code: '433124213902', validFrom: '1984-01-01' });
    xingzhong = a.body.code;
    yulong = b.body.code;
    expect(codes(await township.get(`/api/regions/${BUCHOU}/children`))).not.toContain(xingzhong);
    expect(codes(await township.get(`/api/regions/${BUCHOU}/children?includeExpired=true`))).toHaveLength(14);
    expect(codes(await township.get('/api/regions?q=xzc'))).toEqual([xingzhong]);
  });

  it('takes a known national code, and is idempotent on the client id', async () => {
    const id = newId();
    const body = { id, parentCode: BUCHOU, name: '老寨村', code: '433124213230', validTo: '2005-01-01' };
    const first = await township.post('/api/regions/historic', body);
    const again = await township.post('/api/regions/historic', body);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.code).toBe('433124213230');
  });

  it('refuses a code of another level or township (400) and one that exists (409), on body.code', async () => {
    for (const code of ['433124213000', '433124206230']) {
      const res = await township.post('/api/regions/historic', { parentCode: BUCHOU, name: '某村', code, validTo: '2005-01-01' });
      expect(res.status, code).toBe(400);
      expect(res.body.error.fields[0].path).toBe('body.code');
    }
    const taken = await township.post('/api/regions/historic', { parentCode: BUCHOU, name: '某村', code: JIJIU, validTo: '2005-01-01' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields[0].path).toBe('body.code');
  });

  it('refuses a validity that ends before it starts, on body.validTo', async () => {
    const res = await township.post('/api/regions/historic', { parentCode: BUCHOU, name: '某村', validFrom: '2010-01-01', validTo: '2005-01-01' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('body.validTo');
  });

  it('keeps a household registered in 兴中村 there', async () => {
    const res = await township.post('/api/households', householdBody(xingzhong, '杨兴中'));
    expect(res.status).toBe(201);
    householdId = res.body.id;
  });
});

describe('a merge', () => {
  it('is refused outside the scope (403) and to a cadre (403 forbidden)', async () => {
    const body = { kind: 'merge', on: '2016-01-01', predecessorCodes: [xingzhong, yulong], successorCodes: [JIJIU] };
    const out = await maoer.post('/api/regions/events', body);
    expect(out.status).toBe(403);
    expect(out.body.error.code).toBe('out_of_scope');
    const byCadre = await cadre.post('/api/regions/events', body);
    expect(byCadre.status).toBe(403);
    expect(byCadre.body.error.code).toBe('forbidden');
  });

  it('records 兴中村 and 渔龙村 into 吉久村, with the successor links', async () => {
    const res = await township.post('/api/regions/events', { kind: 'merge', on: '2016-01-01', predecessorCodes: [xingzhong, yulong], successorCodes: [JIJIU], note: '撤并建村' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'merge', on: '2016-01-01', regionCode: JIJIU, note: '撤并建村' });
    expect(res.body.predecessors.map((r: { name: string }) => r.name)).toEqual(['兴中村', '渔龙村']);
    expect(res.body.successors).toEqual([{ code: JIJIU, name: '吉久村', validTo: null }]);
  });

  it("lists 兴中村's household under 吉久村 only when asked, where it keeps its own village", async () => {
    const plain = await township.get(`/api/households?regionCode=${JIJIU}`);
    expect(plain.body.items.map((h: { id: string }) => h.id)).not.toContain(householdId);
    const withOld = await township.get(`/api/households?regionCode=${JIJIU}&includePredecessors=true`);
    expect(withOld.status).toBe(200);
    const found = withOld.body.items.find((h: { id: string }) => h.id === householdId);
    expect(found).toMatchObject({ regionCode: xingzhong, villageName: '兴中村' });
    expect(withOld.body.total).toBe(plain.body.total + 1);
  });

  it("shows 吉久村's predecessors and the merge in its history", async () => {
    const res = await township.get(`/api/regions/${JIJIU}/history`);
    expect(res.status).toBe(200);
    expect(res.body.predecessors.map((r: { code: string }) => r.code)).toEqual([xingzhong, yulong]);
    expect(res.body.events.map((e: { kind: string }) => e.kind)).toEqual(['merge']);
    const old = await township.get(`/api/regions/${xingzhong}/history`);
    expect(old.body.successors).toEqual([{ code: JIJIU, name: '吉久村', validTo: null }]);
  });

  it("lists 兴中村's groups among 吉久村's when asked", async () => {
    const group = await township.post('/api/regions', { parentCode: xingzhong, name: '一组' });
    expect(group.status).toBe(201);
    expect(codes(await township.get(`/api/regions/${JIJIU}/children`))).not.toContain(group.body.code);
    expect(codes(await township.get(`/api/regions/${JIJIU}/children?includePredecessors=true`))).toContain(group.body.code);
  });

  it('ends a current village merged into its neighbour on the day (南台村 and 梨园村 into 梨园村 style)', async () => {
    const res = await township.post('/api/regions/events', { kind: 'merge', on: '2020-01-01', predecessorCodes: ['433124213201', '433124213202'], successorCodes: ['433124213202'] });
    expect(res.status).toBe(201);
    expect(res.body.predecessors.map((r: { code: string; validTo: string }) => [r.code, r.validTo])).toEqual([['433124213201', '2020-01-01']]);
    expect((await township.get('/api/regions/433124213202')).body.validTo).toBeNull();
  });

  it('refuses the same merge twice (409 on the region) and an unknown code (400 naming it)', async () => {
    const again = await township.post('/api/regions/events', { kind: 'merge', on: '2016-01-01', predecessorCodes: [xingzhong], successorCodes: [JIJIU] });
    expect(again.status).toBe(409);
    expect(again.body.error.fields[0].path).toBe('body.predecessorCodes.0');
    const unknown = await township.post('/api/regions/events', { kind: 'merge', on: '2016-01-01', predecessorCodes: ['433124213299'], successorCodes: [JIJIU] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0].path).toBe('body.predecessorCodes.0');
  });

  it('records a split of one village into two', async () => {
    const old = await township.post('/api/regions/historic', { parentCode: BUCHOU, name: '大寨村', validTo: '2010-01-01' });
    const res = await township.post('/api/regions/events', { kind: 'split', on: '2010-01-01', predecessorCodes: [old.body.code], successorCodes: ['433124213203', '433124213204'] });
    expect(res.status).toBe(201);
    expect(res.body.successors.map((r: { code: string }) => r.code)).toEqual(['433124213203', '433124213204']);
  });
});

describe('a rename', () => {
  it('keeps the code and the old name with its validity', async () => {
    const v = (await township.get(`/api/regions/${JIJIU}`)).body;
    const res = await township.post(`/api/regions/${JIJIU}/rename`, { version: v.version, on: '1984-01-01', oldName: '吉久大队' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: JIJIU, name: '吉久村', version: v.version + 1 });
    const h = await township.get(`/api/regions/${JIJIU}/history`);
    expect(h.body.names).toEqual([
      { name: '吉久大队', validFrom: null, validTo: '1984-01-01' },
      { name: '吉久村', validFrom: '1984-01-01', validTo: null },
    ]);
  });

  it('answers a stale version with 409', async () => {
    const res = await township.post(`/api/regions/${JIJIU}/rename`, { version: 1, on: '1990-01-01', oldName: '吉久村', newName: '吉久新村' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('stale_version');
  });

  it('refuses another township (403)', async () => {
    const res = await maoer.post(`/api/regions/${JIJIU}/rename`, { version: 2, on: '1990-01-01', oldName: '吉久村' });
    expect(res.status).toBe(403);
  });
});
