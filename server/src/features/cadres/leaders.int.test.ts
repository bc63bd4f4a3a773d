import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JIJIU, createTestApp, type Client, type Res, type TestContext } from '../../../test/app.js';
import { householdBody } from '../households/fixtures.js';
import { loadDivisions } from '../regions/service.js';

/**
 * Seed 002: 孙建军, 常务副市长 of 雅安市 (5118), links 新宝村 of 宝兴县 (511827). Leaders above the
 * county are registered with their city or province and paired with places below it.
 */
const YAAN = '511800000000';
const SICHUAN = '510000000000';
const BAOXING = '511827000000';
const XINBAO = '511827100200'; // 新宝村, 穆坪镇

let t: TestContext;
let root: Client;
let yaan: Client;
let baoxing: Client;
let sunId: string;

const paths = (res: Res) => (res.body.error?.fields ?? []).map((f: { path: string }) => f.path);
const sun = { name: '孙建军', rank: 'city_leader', title: '常务副市长', regionCode: YAAN };
const leaderPoint = (helperId: string, targetKind: string, targetId: string) => ({ role: 'leader_point', helperKind: 'cadre', helperId, targetKind, targetId, startOn: '2025-03-01' });

beforeAll(async () => {
  t = await createTestApp();
  await loadDivisions(t.database.db, '511827');
  await t.createUser('root', 'system_admin', '433124000000');
  await t.createUser('yaan_admin', 'county_admin', YAAN);
  await t.createUser('baoxing_admin', 'county_admin', BAOXING);
  root = await t.login('root');
  yaan = await t.login('yaan_admin');
  baoxing = await t.login('baoxing_admin');
});
afterAll(() => t.close());

describe('registering leaders above the county', () => {
  it('registers 孙建军 as a city leader of 雅安市, keyed by six digits no county has', async () => {
    const res = await yaan.post('/api/cadres', sun);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '孙建军', rank: 'city_leader', regionCode: YAAN, regionName: '雅安市', countyCode: '511800' });
    sunId = res.body.id;
    const list = await yaan.get('/api/cadres?rank=city_leader');
    expect(list.body.items.map((c: { name: string }) => c.name)).toEqual(['孙建军']);
  });

  it('registers a provincial leader with the province', async () => {
    const res = await root.post('/api/cadres', { name: '王省长', rank: 'province_leader', regionCode: SICHUAN });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ rank: 'province_leader', regionName: '四川省', countyCode: '510000' });
  });

  it('refuses a city leader with a village as region, on body.regionCode', async () => {
    const res = await yaan.post('/api/cadres', { ...sun, name: '孙建国', regionCode: XINBAO });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['body.regionCode']);
    expect(res.body.error.message).toBe('市级领导的所在地应为市（州）');
  });

  it('keeps county leaders at the county: a city region is refused on body.regionCode', async () => {
    const res = await yaan.post('/api/cadres', { name: '彭县长', rank: 'county_leader', regionCode: YAAN });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['body.regionCode']);
  });

  it('does not let a county administrator register a leader of the city above (403)', async () => {
    const res = await baoxing.post('/api/cadres', { ...sun, name: '孙建民' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('out_of_scope');
  });
});

describe('pairing a city leader below the city', () => {
  it('links 孙建军 with 新宝村 of 宝兴县, made by the county administrator', async () => {
    const res = await baoxing.post('/api/pairings', leaderPoint(sunId, 'village', XINBAO));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ role: 'leader_point', helperId: sunId, targetId: XINBAO, regionCode: XINBAO });
  });

  it('links him with a household of 新宝村', async () => {
    const household = await baoxing.post('/api/households', householdBody(XINBAO, '杨新宝'));
    expect(household.status).toBe(201);
    const res = await baoxing.post('/api/pairings', leaderPoint(sunId, 'household', household.body.id));
    expect(res.status).toBe(201);
    expect(res.body.regionCode).toBe(XINBAO);
  });

  it("refuses a village of another city (花垣县's 吉久村) on body.targetId, whoever asks", async () => {
    const res = await root.post('/api/pairings', leaderPoint(sunId, 'village', JIJIU));
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['body.targetId']);
    expect(res.body.error.message).toBe('市级领导只能联系本市（州）的乡镇、村和农户');
  });
});
