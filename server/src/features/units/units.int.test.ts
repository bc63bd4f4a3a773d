import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, COUNTY, JIJIU, MAOER, createTestApp, type Client, type TestContext } from '../../../test/app.js';
import { newId } from '../../platform/ids.js';

let t: TestContext;
let township: Client;
let maoer: Client;
let county: Client;
let cadre: Client;

const MAOER_VILLAGE = '433124206201';
const paths = (res: { body: { error: { fields?: { path: string }[] } } }) => (res.body.error.fields ?? []).map((f) => f.path);

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('buchou_admin', 'township_admin', BUCHOU);
  await t.createUser('maoer_admin', 'township_admin', MAOER);
  await t.createUser('county_admin', 'county_admin', COUNTY);
  await t.createUser('buchou_cadre', 'cadre', BUCHOU);
  township = await t.login('buchou_admin');
  maoer = await t.login('maoer_admin');
  county = await t.login('county_admin');
  cadre = await t.login('buchou_cadre');
});
afterAll(() => t.close());

describe('the county organisation department registers the units that take on villages', () => {
  let agriculture: { id: string; version: number };

  it('creates 县农业局 at the county, its level following from the region', async () => {
    const res = await county.post('/api/units', { name: '县农业局', regionCode: COUNTY });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '县农业局', level: 'county', kind: 'department', status: 'active', regionName: '花垣县', cadreCount: 0, version: 1 });
    agriculture = res.body;
  });

  it('records the creation in the audit log', async () => {
    const res = await county.get(`/api/audit?entityType=unit&entityId=${agriculture.id}`);
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ action: 'create', entityType: 'unit', actorName: 'county_admin' });
    expect(res.body.items[0].after.name).toBe('县农业局');
  });

  it('is idempotent on the client id: a retried create returns the same unit', async () => {
    const id = newId();
    const body = { id, name: '县供电公司', kind: 'enterprise', regionCode: COUNTY };
    const a = await county.post('/api/units', body);
    const b = await county.post('/api/units', body);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(id);
    const list = await county.get(`/api/units?q=${encodeURIComponent('供电')}`);
    expect(list.body.total).toBe(1);
    const audit = await county.get(`/api/audit?entityType=unit&entityId=${id}`);
    expect(audit.body.total).toBe(1);
  });

  it('refuses a second unit of the same name in the same region with 409 naming the field', async () => {
    const res = await county.post('/api/units', { name: '县农业局', regionCode: COUNTY });
    expect(res.status).toBe(409);
    expect(paths(res)).toEqual(['body.name']);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('refuses bad input with 400 and the fields named', async () => {
    const res = await county.post('/api/units', { name: '', kind: 'ministry', regionCode: '4331' });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(expect.arrayContaining(['body.name', 'body.kind', 'body.regionCode']));
    const group = await county.post('/api/units', { name: '一组合作社', regionCode: `${JIJIU}001` });
    expect(group.status).toBe(400);
    expect(paths(group)).toEqual(['body.regionCode']);
    const unknown = await county.post('/api/units', { name: '县某局', regionCode: '433124999000' });
    expect(unknown.status).toBe(400);
    expect(paths(unknown)).toEqual(['body.regionCode']);
  });

  it('renames with the version read, and answers a stale version with 409 and the current unit', async () => {
    const ok = await county.patch(`/api/units/${agriculture.id}`, { version: agriculture.version, name: '县农业农村局' });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(agriculture.version + 1);
    const stale = await county.patch(`/api/units/${agriculture.id}`, { version: agriculture.version, name: '县农业局' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    expect(stale.body.error.current.name).toBe('县农业农村局');
    const audit = await county.get(`/api/audit?entityType=unit&entityId=${agriculture.id}&action=update`);
    expect(audit.body.items[0].after).toEqual({ name: '县农业农村局' });
  });

  it('refuses a bad update with 400', async () => {
    const res = await county.patch(`/api/units/${agriculture.id}`, { version: 'two', status: 'closed' });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(expect.arrayContaining(['body.version', 'body.status']));
  });
});

describe('a township administrator and the units of their township', () => {
  let clinic: { id: string; version: number };
  let maoerOffice: { id: string; version: number };
  let countyUnit: { id: string; version: number };

  beforeAll(async () => {
    countyUnit = (await county.post('/api/units', { name: '县交通局', regionCode: COUNTY })).body;
    maoerOffice = (await maoer.post('/api/units', { name: '猫儿乡人民政府', regionCode: MAOER })).body;
  });

  it('creates the township clinic in 补抽乡', async () => {
    const res = await township.post('/api/units', { name: '补抽乡卫生院', kind: 'institution', regionCode: BUCHOU });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ level: 'township', kind: 'institution', regionName: '补抽乡' });
    clinic = res.body;
  });

  it('reads the county units above the township, but may not change them (403)', async () => {
    const read = await township.get(`/api/units/${countyUnit.id}`);
    expect(read.status).toBe(200);
    expect((await township.patch(`/api/units/${countyUnit.id}`, { version: countyUnit.version, name: '改名' })).status).toBe(403);
    expect((await township.post('/api/units', { name: '县水利局', regionCode: COUNTY })).status).toBe(403);
  });

  it('does not see the units of 猫儿乡: read 404, write 403', async () => {
    expect((await township.get(`/api/units/${maoerOffice.id}`)).status).toBe(404);
    const list = await township.get('/api/units?pageSize=100');
    expect(list.body.items.map((u: { id: string }) => u.id)).not.toContain(maoerOffice.id);
    const write = await township.patch(`/api/units/${maoerOffice.id}`, { version: maoerOffice.version, status: 'dissolved' });
    expect(write.status).toBe(403);
    expect((await township.post('/api/units', { name: '猫儿乡卫生院', regionCode: MAOER })).status).toBe(403);
    expect((await maoer.get(`/api/units/${maoerOffice.id}`)).body.status).toBe('active');
  });

  it('answers an unknown unit with 404 and a malformed id with 400', async () => {
    expect((await township.get(`/api/units/${newId()}`)).status).toBe(404);
    expect((await township.patch(`/api/units/${newId()}`, { version: 1, name: '无此单位' })).status).toBe(404);
    const bad = await township.get('/api/units/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(['params.id']);
  });

  it('filters by name, pinyin initials, level and status, and pages', async () => {
    const byName = await township.get(`/api/units?q=${encodeURIComponent('卫生')}`);
    expect(byName.body.items.map((u: { name: string }) => u.name)).toEqual(['补抽乡卫生院']);
    const byInitials = await township.get('/api/units?q=xjtj');
    expect(byInitials.body.items.map((u: { name: string }) => u.name)).toEqual(['县交通局']);
    const townshipLevel = await township.get('/api/units?level=township');
    expect(townshipLevel.body.items.map((u: { id: string }) => u.id)).toEqual([clinic.id]);
    const inBuchou = await township.get(`/api/units?regionCode=${BUCHOU}`);
    expect(inBuchou.body.total).toBe(1);
    const page = await township.get('/api/units?pageSize=1&page=2');
    expect(page.body).toMatchObject({ page: 2, pageSize: 1 });
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThanOrEqual(3);
  });

  it('marks a unit dissolved; the active list leaves it out', async () => {
    const res = await township.patch(`/api/units/${clinic.id}`, { version: clinic.version, status: 'dissolved' });
    expect(res.status).toBe(200);
    const active = await township.get('/api/units?status=active&level=township');
    expect(active.body.total).toBe(0);
    const dissolved = await township.get('/api/units?status=dissolved');
    expect(dissolved.body.items.map((u: { id: string }) => u.id)).toEqual([clinic.id]);
  });

  it('lets a cadre read units but not create or change them', async () => {
    expect((await cadre.get('/api/units')).status).toBe(200);
    expect((await cadre.get(`/api/units/${countyUnit.id}`)).status).toBe(200);
    expect((await cadre.post('/api/units', { name: '补抽乡中心学校', regionCode: BUCHOU })).status).toBe(403);
    expect((await cadre.patch(`/api/units/${clinic.id}`, { version: 2, name: '改名' })).status).toBe(403);
  });

  it('asks for a login first', async () => {
    expect((await t.anonymous.get('/api/units')).status).toBe(401);
  });
});

describe('party branches of villages and of units', () => {
  let agri: { id: string };
  let jijiu: { id: string; version: number };
  let maoerBranch: { id: string };

  beforeAll(async () => {
    agri = (await county.post('/api/units', { name: '县扶贫办', kind: 'institution', regionCode: COUNTY })).body;
    maoerBranch = (await maoer.post('/api/branches', { name: '猫儿村党支部', regionCode: MAOER_VILLAGE })).body;
  });

  it('creates 吉久村党支部 in the village, audited', async () => {
    const res = await township.post('/api/branches', { name: '吉久村党支部', regionCode: JIJIU });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '吉久村党支部', kind: 'village', unitId: null, regionName: '吉久村', memberCount: 0 });
    jijiu = res.body;
    const audit = await township.get(`/api/audit?entityType=branch&entityId=${jijiu.id}`);
    expect(audit.body.items[0]).toMatchObject({ action: 'create', regionCode: JIJIU });
  });

  it("creates a unit's branch where the unit sits", async () => {
    const res = await county.post('/api/branches', { name: '县扶贫办党支部', unitId: agri.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'unit', unitId: agri.id, unitName: '县扶贫办', regionCode: COUNTY });
  });

  it('is idempotent on the client id', async () => {
    const id = newId();
    const a = await township.post('/api/branches', { id, name: '吉久村第二党支部', regionCode: JIJIU });
    const b = await township.post('/api/branches', { id, name: '吉久村第二党支部', regionCode: JIJIU });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(id);
    expect((await township.get(`/api/branches?q=${encodeURIComponent('第二')}`)).body.total).toBe(1);
  });

  it('refuses a duplicate name in the village with 409', async () => {
    const res = await township.post('/api/branches', { name: '吉久村党支部', regionCode: JIJIU });
    expect(res.status).toBe(409);
    expect(paths(res)).toEqual(['body.name']);
  });

  it('refuses a branch placed wrongly with 400 naming the field', async () => {
    const noPlace = await township.post('/api/branches', { name: '无处党支部' });
    expect(noPlace.status).toBe(400);
    expect(paths(noPlace)).toEqual(['body.regionCode']);
    const atTownship = await township.post('/api/branches', { name: '乡直党支部', regionCode: BUCHOU });
    expect(atTownship.status).toBe(400);
    expect(paths(atTownship)).toEqual(['body.regionCode']);
    const unitElsewhere = await county.post('/api/branches', { name: '县扶贫办驻村党支部', unitId: agri.id, regionCode: JIJIU });
    expect(unitElsewhere.status).toBe(400);
    expect(paths(unitElsewhere)).toEqual(['body.regionCode']);
    const noUnit = await township.post('/api/branches', { name: '某党支部', unitId: newId() });
    expect(noUnit.status).toBe(400);
    expect(paths(noUnit)).toEqual(['body.unitId']);
  });

  it('keeps writes inside the scope (403) and hides 猫儿乡 branches (404)', async () => {
    expect((await township.post('/api/branches', { name: '猫儿村第二党支部', regionCode: MAOER_VILLAGE })).status).toBe(403);
    expect((await township.post('/api/branches', { name: '县扶贫办第二党支部', unitId: agri.id })).status).toBe(403);
    expect((await township.get(`/api/branches/${maoerBranch.id}`)).status).toBe(404);
    const all = await township.get('/api/branches?pageSize=100');
    expect(all.body.items.map((b: { id: string }) => b.id)).not.toContain(maoerBranch.id);
  });

  it('lists branches by unit, by region and by name', async () => {
    const byUnit = await township.get(`/api/branches?unitId=${agri.id}`);
    expect(byUnit.body.items.map((b: { name: string }) => b.name)).toEqual(['县扶贫办党支部']);
    const byRegion = await township.get(`/api/branches?regionCode=${JIJIU}`);
    expect(byRegion.body.total).toBe(2);
    const byInitials = await township.get('/api/branches?q=jjcdzb');
    expect(byInitials.body.items.map((b: { id: string }) => b.id)).toEqual([jijiu.id]);
    const one = await cadre.get(`/api/branches/${jijiu.id}`);
    expect(one.status).toBe(200);
    expect(one.body.regionName).toBe('吉久村');
  });

  it('lets a cadre read branches but not create them', async () => {
    expect((await cadre.post('/api/branches', { name: '吉久村第三党支部', regionCode: JIJIU })).status).toBe(403);
    expect((await t.anonymous.get('/api/branches')).status).toBe(401);
  });
});
