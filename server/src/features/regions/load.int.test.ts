import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestContext } from '../../../test/app.js';

/** Loading the shipped national extract: 临泽县 (620723, Gansu) twice, 宁夏 (64) whole, and who may. */
let t: TestContext;
let system: Client;
let huayuan: Client;
let township: Client;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('root', 'system_admin', '433124000000');
  await t.createUser('huayuan_admin', 'county_admin', '433124000000');
  await t.createUser('buchou_admin', 'township_admin', '433124213000');
  system = await t.login('root');
  huayuan = await t.login('huayuan_admin');
  township = await t.login('buchou_admin');
});
afterAll(() => t.close());

const countUnder = async (prefix: string) => (await system.get(`/api/regions?under=${prefix.padEnd(12, '0')}&pageSize=1`)).body.total as number;

describe('loading 临泽县 from the extract', () => {
  it('adds the county with its province, city, 13 townships and 82 villages, and says so', async () => {
    const res = await system.post('/api/regions/load', { code: '620723' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: '620723000000', name: '临泽县', level: 'county', total: 98, inserted: 98 });
    expect(res.body.levels).toEqual([
      { level: 'province', total: 1, inserted: 1 },
      { level: 'city', total: 1, inserted: 1 },
      { level: 'county', total: 1, inserted: 1 },
      { level: 'township', total: 13, inserted: 13 },
      { level: 'village', total: 82, inserted: 82 },
    ]);
    const njy = await system.get('/api/regions/620723107000');
    expect(njy.body.path.map((p: { name: string }) => p.name)).toEqual(['甘肃省', '张掖市', '临泽县']);
    expect(njy.body.childCount).toBe(8);
    const audit = await system.get('/api/audit?entityType=region&entityId=620723000000');
    expect(audit.body.items[0]).toMatchObject({ action: 'load' });
  });

  it('finds 倪家营镇 and its villages by pinyin initials', async () => {
    const res = await system.get('/api/regions?q=ntc&under=620723107000');
    expect(res.body.items.map((r: { name: string }) => r.name)).toEqual(['南台村村民委员会']);
    const njy = await system.get('/api/regions?q=njy&under=620723000000');
    expect(njy.body.items.map((r: { code: string }) => r.code)).toEqual(['620723107000', '620723107206']);
  });

  it('changes nothing the second time', async () => {
    const before = await countUnder('62');
    const again = await system.post('/api/regions/load', { code: '620723000000' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ name: '临泽县', total: 98, inserted: 0 });
    expect(await countUnder('62')).toBe(before);
    expect(before).toBe(98);
  });

  it('offers the county as loaded in the choices', async () => {
    const provinces = await system.get('/api/regions/divisions');
    expect(provinces.body.items).toHaveLength(31);
    expect(provinces.body.items.find((p: { code: string }) => p.code === '62')).toEqual({ code: '62', name: '甘肃省', level: 'province', isLeaf: false, loaded: true });
    const counties = await system.get('/api/regions/divisions?under=6207');
    expect(counties.body.items.map((c: { name: string }) => c.name)).toEqual(['甘州区', '肃南裕固族自治县', '民乐县', '临泽县', '高台县', '山丹县']);
    expect(counties.body.items.filter((c: { loaded: boolean }) => c.loaded).map((c: { code: string }) => c.code)).toEqual(['620723']);
  });
});

describe('loading a province', () => {
  it('adds 宁夏 whole: 5 cities, 22 counties, 259 townships, 2,912 villages', async () => {
    const res = await system.post('/api/regions/load', { code: '64' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: '640000000000', name: '宁夏回族自治区', level: 'province', total: 3199, inserted: 3199 });
    expect(res.body.levels.map((l: { inserted: number }) => l.inserted)).toEqual([1, 5, 22, 259, 2912]);
    expect(await countUnder('64')).toBe(3199);
  });
});

describe('who may load', () => {
  it('lets a county administrator load their own county again (nothing new)', async () => {
    const res = await huayuan.post('/api/regions/load', { code: '433124' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: '花垣县', inserted: 0 });
  });

  it('refuses a county administrator another county: 403 out_of_scope, nothing written', async () => {
    const res = await huayuan.post('/api/regions/load', { code: '620524' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('out_of_scope');
    expect((await system.get('/api/regions/620524000000')).status).toBe(404);
  });

  it('refuses a township administrator: 403 forbidden', async () => {
    const res = await township.post('/api/regions/load', { code: '433124' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect((await township.get('/api/regions/divisions')).status).toBe(403);
  });

  it('answers an unknown or malformed code with 400 on body.code', async () => {
    for (const code of ['629999', '6207231', '620723107000']) {
      const res = await system.post('/api/regions/load', { code });
      expect(res.status, code).toBe(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path), code).toEqual(['body.code']);
    }
  });
});
