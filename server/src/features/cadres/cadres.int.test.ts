import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, COUNTY, JIJIU, MAOER, createTestApp, type Client, type TestContext } from '../../../test/app.js';
import { newId } from '../../platform/ids.js';
import { withCheckChar } from '../../platform/personal-data.js';
import { withBadCheck } from '../households/fixtures.js';
import { initialsOf } from '../regions/rules.js';
import { users } from '../users/tables.js';
import { insertCadres } from './repository.js';
import type { cadres } from './tables.js';

let t: TestContext;
let township: Client;
let county: Client;
let cadreClient: Client;
let unitHead: Client;
let maoerUserId: string;
let buchouCadreUserId: string;

const MAOER_VILLAGE = '433124206201';
const paths = (res: { body: { error: { fields?: { path: string }[] } } }) => (res.body.error.fields ?? []).map((f) => f.path);
const names = (res: { body: { items: { name: string }[] } }) => res.body.items.map((c) => c.name);

/** The people of the story, by name → id. */
const ids: Record<string, string> = {};
let agri: { id: string };
let agriBranch: { id: string };
let jijiuBranch: { id: string };

function cadre(name: string, rank: (typeof cadres.$inferInsert)['rank'], regionCode: string, more: Partial<typeof cadres.$inferInsert> = {}) {
  ids[name] = newId();
  return { id: ids[name], name, initials: initialsOf(name), rank, regionCode, countyCode: '433124', ...more };
}

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('buchou_admin', 'township_admin', BUCHOU);
  await t.createUser('maoer_admin', 'township_admin', MAOER);
  await t.createUser('county_admin', 'county_admin', COUNTY);
  buchouCadreUserId = await t.createUser('buchou_cadre', 'cadre', BUCHOU);
  maoerUserId = await t.createUser('maoer_cadre', 'cadre', MAOER);
  const unitHeadId = await t.createUser('agri_head', 'unit_head', COUNTY);
  township = await t.login('buchou_admin');
  county = await t.login('county_admin');
  cadreClient = await t.login('buchou_cadre');
  const maoer = await t.login('maoer_admin');

  agri = (await county.post('/api/units', { name: '县农业局', regionCode: COUNTY })).body;
  agriBranch = (await county.post('/api/branches', { name: '县农业局党支部', unitId: agri.id })).body;
  jijiuBranch = (await township.post('/api/branches', { name: '吉久村党支部', regionCode: JIJIU })).body;
  const maoerBranch = (await maoer.post('/api/branches', { name: '猫儿村党支部', regionCode: MAOER_VILLAGE })).body;
  await t.database.db.update(users).set({ unitId: agri.id }).where(eq(users.id, unitHeadId));
  unitHead = await t.login('agri_head');

  // The registry import is a later feature: the cast goes straight into the table.
  await insertCadres(t.database.db, [
    cadre('彭益', 'county_leader', COUNTY, { title: '县委书记', sex: 'male' }),
    cadre('杨光明', 'section', COUNTY, { title: '局长', unitId: agri.id, branchId: agriBranch.id, branchRole: 'secretary' }),
    cadre('吴春生', 'resident', JIJIU, { title: '驻村第一书记', unitId: agri.id, branchId: agriBranch.id, branchRole: 'member' }),
    cadre('龙文斌', 'township', BUCHOU, { title: '乡党委书记', phone: '13907431234' }),
    cadre('麻春花', 'township', BUCHOU, { sex: 'female', phone: '15874300001' }),
    cadre('张远行', 'township', BUCHOU, { status: 'left' }),
    cadre('施明发', 'village', JIJIU, { title: '村党支部书记', branchId: jijiuBranch.id, branchRole: 'secretary' }),
    cadre('石金林', 'party_member', JIJIU, { branchId: jijiuBranch.id, branchRole: 'member' }),
    cadre('田猫儿', 'village', MAOER_VILLAGE, { branchId: maoerBranch.id, branchRole: 'secretary' }),
  ]);
});
afterAll(() => t.close());

describe('the township administrator browses the cadres of 补抽乡', () => {
  it('lists the township and village cadres, the county cadres who serve it, county leaders first', async () => {
    const res = await township.get('/api/cadres?pageSize=50');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(8);
    expect(res.body.items[0]).toMatchObject({ name: '彭益', rank: 'county_leader', regionName: '花垣县' });
    expect(names(res)).not.toContain('田猫儿');
  });

  it('shows one cadre with unit, branch and region names', async () => {
    const res = await township.get(`/api/cadres/${ids['吴春生']}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rank: 'resident', unitName: '县农业局', branchName: '县农业局党支部', branchRole: 'member', regionName: '吉久村', userId: null });
  });

  it('filters by rank, unit, branch, region, status and account', async () => {
    expect(names(await township.get('/api/cadres?rank=village'))).toEqual(['施明发']);
    expect(names(await township.get(`/api/cadres?unitId=${agri.id}`))).toEqual(['杨光明', '吴春生']);
    expect(names(await township.get(`/api/cadres?branchId=${jijiuBranch.id}`))).toEqual(['施明发', '石金林']);
    expect((await township.get(`/api/cadres?regionCode=${JIJIU}`)).body.total).toBe(3);
    expect(names(await township.get('/api/cadres?status=left'))).toEqual(['张远行']);
    expect((await township.get('/api/cadres?hasAccount=true')).body.total).toBe(0);
  });

  it('finds a cadre by name, pinyin initials or phone', async () => {
    for (const q of ['龙文', 'lwb', '1390743']) {
      expect(names(await township.get(`/api/cadres?q=${encodeURIComponent(q)}`)), q).toEqual(['龙文斌']);
    }
  });

  it('pages', async () => {
    const res = await township.get('/api/cadres?page=2&pageSize=3');
    expect(res.body).toMatchObject({ page: 2, pageSize: 3, total: 8 });
    expect(res.body.items).toHaveLength(3);
  });

  it('does not see the cadres of 猫儿乡: 404', async () => {
    expect((await township.get(`/api/cadres/${ids['田猫儿']}`)).status).toBe(404);
    expect((await township.get(`/api/cadres/${newId()}`)).status).toBe(404);
  });

  it('answers bad filters with 400 naming the field', async () => {
    const res = await township.get('/api/cadres?rank=mayor&regionCode=12&pageSize=0');
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(expect.arrayContaining(['query.rank', 'query.regionCode', 'query.pageSize']));
    const bad = await township.get('/api/cadres/123');
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(['params.id']);
  });
});

describe('who reads which cadres', () => {
  it('lets a cadre read the cadres of the township', async () => {
    const res = await cadreClient.get('/api/cadres?pageSize=50');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(8);
  });

  it("shows a unit head only their own unit's cadres", async () => {
    const res = await unitHead.get('/api/cadres');
    expect(names(res)).toEqual(['杨光明', '吴春生']);
    expect((await unitHead.get(`/api/cadres/${ids['龙文斌']}`)).status).toBe(404);
  });

  it('shows the county administrator the whole county', async () => {
    expect((await county.get('/api/cadres?pageSize=50')).body.total).toBe(9);
  });

  it('asks for a login first', async () => {
    expect((await t.anonymous.get('/api/cadres')).status).toBe(401);
  });
});

describe('changing a cadre and linking their account', () => {
  it('links 麻春花 to her login account, audited', async () => {
    const before = (await township.get(`/api/cadres/${ids['麻春花']}`)).body;
    const res = await township.patch(`/api/cadres/${ids['麻春花']}`, { version: before.version, userId: buchouCadreUserId, title: '扶贫专干' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ userId: buchouCadreUserId, title: '扶贫专干', version: before.version + 1 });
    const audit = await township.get(`/api/audit?entityType=cadre&entityId=${ids['麻春花']}`);
    expect(audit.body.items[0]).toMatchObject({ action: 'update', after: { userId: buchouCadreUserId, title: '扶贫专干' } });
    expect((await township.get('/api/cadres?hasAccount=true')).body.items[0].name).toBe('麻春花');
  });

  it("names the linked cadre in the account's own /api/auth/me, and null for an account without one", async () => {
    expect((await cadreClient.get('/api/auth/me')).body.user.cadreId).toBe(ids['麻春花']);
    expect((await township.get('/api/auth/me')).body.user.cadreId).toBeNull();
  });

  it('refuses to link one account to two cadres with 409', async () => {
    const res = await township.patch(`/api/cadres/${ids['龙文斌']}`, { version: 1, userId: buchouCadreUserId });
    expect(res.status).toBe(409);
    expect(paths(res)).toEqual(['body.userId']);
  });

  it('refuses an account outside the scope with 400', async () => {
    const res = await township.patch(`/api/cadres/${ids['龙文斌']}`, { version: 1, userId: maoerUserId });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['body.userId']);
  });

  it('answers a stale version with 409 and the current cadre', async () => {
    const res = await township.patch(`/api/cadres/${ids['麻春花']}`, { version: 1, phone: '18907430000' });
    expect(res.status).toBe(409);
    expect(res.body.error.current.title).toBe('扶贫专干');
  });

  it('makes a party member a committee member of his branch', async () => {
    const res = await township.patch(`/api/cadres/${ids['石金林']}`, { version: 1, branchRole: 'committee_member', phone: '13574300002' });
    expect(res.status).toBe(200);
    expect(res.body.branchRole).toBe('committee_member');
  });

  it('refuses what breaks the rules with 400 naming the field', async () => {
    const wrongPlace = await township.patch(`/api/cadres/${ids['龙文斌']}`, { version: 1, regionCode: JIJIU });
    expect(wrongPlace.status).toBe(400);
    expect(paths(wrongPlace)).toEqual(['body.regionCode']);
    expect(wrongPlace.body.error.message).toContain('乡干部');
    const wrongRank = await township.patch(`/api/cadres/${ids['龙文斌']}`, { version: 1, rank: 'party_member' });
    expect(paths(wrongRank)).toEqual(['body.rank']);
    const roleWithoutBranch = await township.patch(`/api/cadres/${ids['龙文斌']}`, { version: 1, branchRole: 'secretary' });
    expect(paths(roleWithoutBranch)).toEqual(['body.branchRole']);
    const noBranch = await township.patch(`/api/cadres/${ids['龙文斌']}`, { version: 1, branchId: newId() });
    expect(paths(noBranch)).toEqual(['body.branchId']);
    const malformed = await township.patch(`/api/cadres/${ids['龙文斌']}`, { version: 1, phone: '123', name: '', sex: 'x' });
    expect(malformed.status).toBe(400);
    expect(paths(malformed)).toEqual(expect.arrayContaining(['body.phone', 'body.name', 'body.sex']));
    expect((await township.get(`/api/cadres/${ids['龙文斌']}`)).body.version).toBe(1);
  });

  it('keeps writes inside the scope: 猫儿乡 and county cadres answer 403', async () => {
    expect((await township.patch(`/api/cadres/${ids['田猫儿']}`, { version: 1, title: '村主任' })).status).toBe(403);
    expect((await township.patch(`/api/cadres/${ids['杨光明']}`, { version: 1, title: '副局长' })).status).toBe(403);
    expect((await township.patch(`/api/cadres/${ids['龙文斌']}`, { version: 1, regionCode: '433124206000' })).status).toBe(403);
    expect((await township.patch(`/api/cadres/${newId()}`, { version: 1, title: '无' })).status).toBe(404);
  });

  it('lets a resident cadre be sent by a county unit the township can see', async () => {
    const res = await township.patch(`/api/cadres/${ids['施明发']}`, { version: 1, unitId: agri.id });
    expect(res.status).toBe(200);
    expect(res.body.unitName).toBe('县农业局');
  });

  it('refuses changes by a cadre', async () => {
    expect((await cadreClient.patch(`/api/cadres/${ids['龙文斌']}`, { version: 1, title: '乡长' })).status).toBe(403);
  });
});

describe('registering a cadre by hand', () => {
  const idOf = (seq: number, sex: 'male' | 'female') => withCheckChar(`43312419880101${String(seq * 2 + (sex === 'male' ? 1 : 0)).padStart(3, '0')}`);
  const body = (more: Record<string, unknown> = {}) => ({ name: '石秀英', rank: 'village', regionCode: JIJIU, phone: '13574301234', branchId: jijiuBranch.id, branchRole: 'member', ...more });

  it('registers 石秀英 of 吉久村 with her branch, sex from the ID number, audited', async () => {
    const id = newId();
    const res = await township.post('/api/cadres', body({ id, idNumber: idOf(1, 'female'), title: '妇女主任', unitId: agri.id }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id, name: '石秀英', sex: 'female', rank: 'village', regionName: '吉久村', countyCode: '433124', branchName: '吉久村党支部', branchRole: 'member', unitName: '县农业局', title: '妇女主任', status: 'active', version: 1 });
    const audit = await township.get(`/api/audit?entityType=cadre&entityId=${id}`);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ action: 'create', regionCode: JIJIU, after: { name: '石秀英', rank: 'village' } });
    expect(names(await township.get('/api/cadres?q=sxy'))).toEqual(['石秀英']);
  });

  it('is idempotent on the client id: a retry answers the same cadre and writes nothing more', async () => {
    const id = newId();
    const a = await township.post('/api/cadres', body({ id, name: '龙秀兰' }));
    const b = await township.post('/api/cadres', body({ id, name: '龙秀兰' }));
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body).toEqual(a.body);
    expect((await township.get('/api/cadres?q=lxl')).body.total).toBe(1);
    expect((await township.get(`/api/audit?entityType=cadre&entityId=${id}`)).body.total).toBe(1);
  });

  it('refuses an id taken by a cadre out of sight, and an ID number already registered, with 409', async () => {
    const taken = await township.post('/api/cadres', body({ id: ids['田猫儿'] }));
    expect(taken.status).toBe(409);
    expect(paths(taken)).toEqual(['body.id']);
    const twice = await township.post('/api/cadres', body({ name: '石秀芳', idNumber: idOf(1, 'female') }));
    expect(twice.status).toBe(409);
    expect(paths(twice)).toEqual(['body.idNumber']);
  });

  it('refuses what breaks the rules with 400 naming the field, and writes nothing', async () => {
    const before = (await county.get('/api/cadres?pageSize=1')).body.total;
    const cases: [Record<string, unknown>, string][] = [
      [{ rank: 'township' }, 'body.regionCode'],
      [{ rank: 'mayor' }, 'body.rank'],
      [{ regionCode: '4331' }, 'body.regionCode'],
      [{ regionCode: '433124213299' }, 'body.regionCode'],
      [{ unitId: newId() }, 'body.unitId'],
      [{ branchId: null }, 'body.branchRole'],
      [{ phone: '123' }, 'body.phone'],
      [{ name: '石' }, 'body.name'],
      [{ idNumber: withBadCheck(idOf(2, 'male')) }, 'body.idNumber'],
      [{ idNumber: idOf(3, 'male'), sex: 'female' }, 'body.sex'],
      [{ id: 'not-a-uuid' }, 'body.id'],
    ];
    for (const [more, field] of cases) {
      const res = await township.post('/api/cadres', body(more));
      expect(res.status, JSON.stringify(more)).toBe(400);
      expect(paths(res), JSON.stringify(more)).toContain(field);
    }
    const missing = await township.post('/api/cadres', { name: '无名' });
    expect(missing.status).toBe(400);
    expect(paths(missing)).toEqual(expect.arrayContaining(['body.rank', 'body.regionCode']));
    expect((await county.get('/api/cadres?pageSize=1')).body.total).toBe(before);
  });

  it('keeps creates inside the scope: a village of 猫儿乡 answers 403', async () => {
    const res = await township.post('/api/cadres', body({ regionCode: MAOER_VILLAGE, branchId: null, branchRole: null }));
    expect(res.status).toBe(403);
  });

  it('lets only administrators register cadres', async () => {
    expect((await cadreClient.post('/api/cadres', body({ name: '吴小龙' }))).status).toBe(403);
    expect((await unitHead.post('/api/cadres', body({ name: '吴小龙' }))).status).toBe(403);
  });
});
