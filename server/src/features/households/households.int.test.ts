import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, COUNTY, JIJIU, MAOER, createTestApp, type Client, type TestContext } from '../../../test/app.js';
import { idProblemText } from '../../platform/personal-data.js';
import { newId } from '../../platform/ids.js';
import { auditLog } from '../audit/tables.js';
import { householdBody, withBadCheck } from './fixtures.js';
import { households, members } from './tables.js';

let t: TestContext;
let township: Client;
let county: Client;
let cadre: Client;
let secretary: Client;
let maoer: Client;
let group1: string;
let group2: string;

const MAOER_VILLAGE = '433124206201';
const OTHER_VILLAGE = '433124213201';
const paths = (res: { body: { error: { fields?: { path: string }[] } } }) => (res.body.error.fields ?? []).map((f) => f.path);
const rows = async () => {
  const db = t.database.db;
  const [[h], [m], [a]] = await Promise.all([
    db.select({ n: count() }).from(households),
    db.select({ n: count() }).from(members),
    db.select({ n: count() }).from(auditLog),
  ]);
  return [h!.n, m!.n, a!.n];
};

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('buchou_admin', 'township_admin', BUCHOU);
  await t.createUser('county_admin', 'county_admin', COUNTY);
  await t.createUser('buchou_cadre', 'cadre', BUCHOU);
  await t.createUser('jijiu_secretary', 'branch_secretary', JIJIU);
  await t.createUser('maoer_admin', 'township_admin', MAOER);
  township = await t.login('buchou_admin');
  county = await t.login('county_admin');
  cadre = await t.login('buchou_cadre');
  secretary = await t.login('jijiu_secretary');
  maoer = await t.login('maoer_admin');
  group1 = (await township.post('/api/regions', { parentCode: JIJIU, name: '一组' })).body.code;
  group2 = (await township.post('/api/regions', { parentCode: JIJIU, name: '二组' })).body.code;
});
afterAll(() => t.close());

describe('the township administrator registers a household with its members', () => {
  let shi: { id: string; version: number; members: { id: string; idNumber: string }[] };

  it('creates 石金林 of 吉久村一组 with four members, birth dates and sexes read from the ID numbers', async () => {
    const res = await township.post('/api/households', householdBody(group1, '石金林', { householdNo: 'JJ-001' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      regionCode: group1,
      townshipName: '补抽乡',
      villageName: '吉久村',
      groupName: '一组',
      householdNo: 'JJ-001',
      landMu: 3.5,
      housing: 'dilapidated_c',
      status: 'active',
      masked: false,
      version: 1,
    });
    expect(res.body.livestock).toEqual([{ kind: '羊', head: 48 }]);
    expect(res.body.members.map((m: { name: string; relation: string }) => [m.name, m.relation])).toEqual([
      ['石金林', 'head'],
      ['龙春花', 'spouse'],
      ['石文斌', 'son'],
      ['石秀梅', 'daughter'],
    ]);
    expect(res.body.members[0]).toMatchObject({ sex: 'male', birthDate: '1965-03-12', status: 'active' });
    expect(res.body.members[1]).toMatchObject({ sex: 'female', birthDate: '1968-05-20' });
    expect(res.body.members[0].idNumber).toMatch(/^433124196503\d{5}[\dX]$/);
    shi = res.body;
  });

  it('records the creation, with its members, in the audit log', async () => {
    const audit = await township.get(`/api/audit?entityType=household&entityId=${shi.id}`);
    expect(audit.body.items[0]).toMatchObject({ action: 'create', regionCode: group1, actorName: 'buchou_admin' });
    expect(audit.body.items[0].after.members).toHaveLength(4);
  });

  it('is idempotent on the client id', async () => {
    const id = newId();
    const body = { ...householdBody(group2, '麻永成'), id };
    const a = await township.post('/api/households', body);
    const b = await township.post('/api/households', body);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).toBe(id);
    expect((await township.get(`/api/households?q=${encodeURIComponent('麻永成')}`)).body.total).toBe(1);
    expect((await township.get(`/api/audit?entityType=household&entityId=${id}`)).body.total).toBe(1);
  });

  it('answers a bad ID checksum with 400 on the member field and the GB 11643 message, writing nothing', async () => {
    const before = await rows();
    const body = householdBody(group1, '吴光明');
    body.members[1]!.idNumber = withBadCheck(body.members[1]!.idNumber);
    const res = await township.post('/api/households', body);
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['body.members.1.idNumber']);
    expect(res.body.error.fields[0].message).toBe(idProblemText.checksum.zh);
    expect(await rows()).toEqual(before);
  });

  it('answers an unknown village, a township and wrong types with 400 naming the fields', async () => {
    const unknown = await township.post('/api/households', householdBody('433124213999'));
    expect(unknown.status).toBe(400);
    expect(paths(unknown)).toEqual(['body.regionCode']);
    const atTownship = await township.post('/api/households', householdBody(BUCHOU));
    expect(atTownship.status).toBe(400);
    expect(paths(atTownship)).toEqual(['body.regionCode']);
    const types = await township.post('/api/households', {
      ...householdBody(group1),
      landMu: '三亩',
      members: [{ name: '龙', relation: 'boss', isPartyMember: 'yes' }],
    });
    expect(types.status).toBe(400);
    expect(paths(types)).toEqual(
      expect.arrayContaining(['body.landMu', 'body.members.0.name', 'body.members.0.relation', 'body.members.0.isPartyMember']),
    );
    const en = await township.request({
      method: 'POST',
      url: '/api/households',
      payload: householdBody('433124213999'),
      headers: { 'x-lang': 'en' },
    });
    expect(en.body.error.message).toBe('No region with code 433124213999');
  });

  it('wants exactly one head, birth date and sex agreeing with the ID number, and known categories', async () => {
    const noHead = householdBody(group1);
    noHead.members[0]!.relation = 'spouse';
    expect(paths(await township.post('/api/households', noHead))).toContain('body.members');
    const twoHeads = householdBody(group1);
    twoHeads.members[1]!.relation = 'head';
    expect(paths(await township.post('/api/households', twoHeads))).toContain('body.members');
    const disagree = householdBody(group1);
    Object.assign(disagree.members[0]!, { birthDate: '1966-03-12', sex: 'female' });
    const res = await township.post('/api/households', disagree);
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['body.members.0.birthDate', 'body.members.0.sex']);
    const category = await township.post(
      '/api/households',
      householdBody(group1, '石光明', { categories: ['poor', 'millionaire'], povertyCauses: ['laziness'] }),
    );
    expect(category.status).toBe(400);
    expect(paths(category)).toEqual(['body.categories.1', 'body.povertyCauses.0']);
  });

  it('refuses an ID number already held by an active member elsewhere with 409 naming that household', async () => {
    const before = await rows();
    const body = householdBody(group2, '杨光明');
    body.members[2]!.idNumber = shi.members[2]!.idNumber;
    const res = await township.post('/api/households', body);
    expect(res.status).toBe(409);
    expect(paths(res)).toEqual(['body.members.2.idNumber']);
    expect(res.body.error.message).toContain('吉久村一组石金林户');
    const twice = householdBody(group2, '杨光明');
    twice.members[3]!.idNumber = twice.members[2]!.idNumber;
    const inRequest = await township.post('/api/households', twice);
    expect(inRequest.status).toBe(400);
    expect(paths(inRequest)).toEqual(['body.members.3.idNumber']);
    expect(await rows()).toEqual(before);
  });

  it('refuses a household number used in the county with 409', async () => {
    const res = await township.post('/api/households', householdBody(group2, '田光明', { householdNo: 'JJ-001' }));
    expect(res.status).toBe(409);
    expect(paths(res)).toEqual(['body.householdNo']);
  });

  it('keeps writes inside the scope: 403 in 猫儿乡, 409 on an id taken there', async () => {
    expect((await township.post('/api/households', householdBody(MAOER_VILLAGE))).status).toBe(403);
    const theirs = await maoer.post('/api/households', householdBody(MAOER_VILLAGE, '田猫儿'));
    expect(theirs.status).toBe(201);
    const taken = await township.post('/api/households', { ...householdBody(group1), id: theirs.body.id });
    expect(taken.status).toBe(409);
    expect(paths(taken)).toEqual(['body.id']);
    expect((await township.get(`/api/households/${theirs.body.id}`)).status).toBe(404);
  });

  it('lets the village secretary register in their village only, and cadres not at all', async () => {
    expect((await secretary.post('/api/households', householdBody(group1, '施明发'))).status).toBe(201);
    expect((await secretary.post('/api/households', householdBody(OTHER_VILLAGE, '施明光'))).status).toBe(403);
    expect((await cadre.post('/api/households', householdBody(group1, '施明亮'))).status).toBe(403);
  });

  it('changes the household with the version read, and answers a stale one with 409 and the current household', async () => {
    const ok = await township.patch(`/api/households/${shi.id}`, {
      version: shi.version,
      categories: ['poor', 'party_member_hardship'],
      landMu: 4.25,
      livestock: [{ kind: '羊', head: 60 }],
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: shi.version + 1, landMu: 4.25, categories: ['poor', 'party_member_hardship'] });
    const stale = await township.patch(`/api/households/${shi.id}`, { version: shi.version, landMu: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    expect(stale.body.error.current.landMu).toBe(4.25);
    const bad = await township.patch(`/api/households/${shi.id}`, { version: ok.body.version, housing: 'palace', landMu: -1 });
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(['body.landMu', 'body.housing']);
    const unknown = await township.patch(`/api/households/${shi.id}`, { version: ok.body.version, categories: ['poor', 'nope'] });
    expect(unknown.status).toBe(400);
    expect(paths(unknown)).toEqual(['body.categories.1']);
    shi = ok.body;
  });

  it('moves the household to another group with its members', async () => {
    const res = await township.patch(`/api/households/${shi.id}`, { version: shi.version, regionCode: group2 });
    expect(res.status).toBe(200);
    expect(res.body.groupName).toBe('二组');
    const moved = await t.database.db.select({ regionCode: members.regionCode }).from(members).where(eq(members.householdId, shi.id));
    expect(moved.map((m) => m.regionCode)).toEqual([group2, group2, group2, group2]);
    expect((await township.patch(`/api/households/${shi.id}`, { version: res.body.version, regionCode: MAOER_VILLAGE })).status).toBe(403);
    shi = res.body;
  });
});

describe('who sees ID numbers and phones', () => {
  let id: string;
  let full: string;

  beforeAll(async () => {
    const res = await township.post('/api/households', householdBody(group1, '龙文光'));
    id = res.body.id;
    full = res.body.members[0].idNumber;
  });

  it('shows the administrator full ID numbers and phones in the list and on the page', async () => {
    const list = await county.get(`/api/households?q=${encodeURIComponent('龙文光')}`);
    expect(list.body).toMatchObject({ total: 1, masked: false });
    expect(list.body.items[0]).toMatchObject({
      headName: '龙文光',
      headIdNumber: full,
      phone: '13907431234',
      villageName: '吉久村',
      groupName: '一组',
      memberCount: 4,
    });
  });

  it('masks them for a cadre, in the list and on the page', async () => {
    const list = await cadre.get(`/api/households?q=${encodeURIComponent('龙文光')}`);
    expect(list.body.masked).toBe(true);
    expect(list.body.items[0].headIdNumber).toBe(`${full.slice(0, 6)}********${full.slice(-4)}`);
    expect(list.body.items[0].phone).toBe('139****1234');
    const page = await cadre.get(`/api/households/${id}`);
    expect(page.status).toBe(200);
    expect(page.body.masked).toBe(true);
    expect(page.body.phone).toBe('139****1234');
    for (const m of page.body.members) expect(m.idNumber).toMatch(/^433124\*{8}\d{3}[\dX]$/);
    expect(page.body.members[0].phone).toBe('139****5678');
  });

  it('gives the full view to administrators only, auditing each call', async () => {
    expect((await cadre.get(`/api/households/${id}/personal`)).status).toBe(403);
    const a = await township.get(`/api/households/${id}/personal`);
    expect(a.status).toBe(200);
    expect(a.body.members[0]).toMatchObject({ name: '龙文光', idNumber: full, phone: '13907435678' });
    await township.get(`/api/households/${id}/personal`);
    const audit = await township.get(`/api/audit?entityType=household&entityId=${id}&action=view_personal`);
    expect(audit.body.total).toBe(2);
    expect(audit.body.items[0].actorName).toBe('buchou_admin');
    expect((await maoer.get(`/api/households/${id}/personal`)).status).toBe(404);
  });
});

describe('finding households', () => {
  it('needs a login, and answers bad filters with 400', async () => {
    expect((await t.anonymous.get('/api/households')).status).toBe(401);
    const res = await township.get('/api/households?status=gone&sort=age&regionCode=12&incomeMinFen=abc&categories=Poor!');
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(
      expect.arrayContaining(['query.status', 'query.sort', 'query.regionCode', 'query.incomeMinFen', 'query.categories']),
    );
    expect((await township.get('/api/households/not-an-id')).status).toBe(400);
    expect((await township.get(`/api/households/${newId()}`)).status).toBe(404);
  });

  it('filters by village or group, categories (any of), poverty cause and status', async () => {
    const inGroup2 = await township.get(`/api/households?regionCode=${group2}&pageSize=100`);
    expect(inGroup2.body.items.every((h: { groupName: string }) => h.groupName === '二组')).toBe(true);
    const village = await township.get(`/api/households?regionCode=${JIJIU}&pageSize=100`);
    expect(village.body.total).toBeGreaterThan(inGroup2.body.total);
    const star = await township.post(
      '/api/households',
      householdBody(group1, '麻富贵', { categories: ['prosperity_star', 'large_breeder'], povertyCauses: [] }),
    );
    expect(star.status).toBe(201);
    const anyOf = await township.get('/api/households?categories=large_breeder,conservative');
    expect(anyOf.body.items.map((h: { headName: string }) => h.headName)).toEqual(['麻富贵']);
    const cause = await township.get('/api/households?povertyCause=no_skills&pageSize=100');
    expect(cause.body.items.map((h: { headName: string }) => h.headName)).not.toContain('麻富贵');
    expect((await township.get('/api/households?status=dissolved')).body.total).toBe(0);
    expect((await township.get('/api/households?status=active')).body.total).toBe((await township.get('/api/households')).body.total);
  });

  it('finds by head name, pinyin initials, full ID number, whole phone (a masked role) and household number', async () => {
    const h = (await township.post('/api/households', householdBody(group1, '滕清云', { householdNo: 'JJ-088', phone: '18874300088' }))).body;
    const full = h.members[2].idNumber;
    expect((await cadre.get('/api/households?q=1887430')).body.total).toBe(0);
    for (const q of ['滕清', 'tqy', full, '18874300088', 'JJ-088']) {
      const res = await cadre.get(`/api/households?q=${encodeURIComponent(q)}`);
      expect(
        res.body.items.map((x: { id: string }) => x.id),
        q,
      ).toEqual([h.id]);
    }
    expect((await cadre.get(`/api/households?q=${full.slice(0, 10)}`)).body.total).toBe(0);
  });

  it('sorts by head name and pages', async () => {
    const byName = await township.get('/api/households?sort=headName&pageSize=100');
    const initials = byName.body.items.map((h: { headName: string }) => h.headName);
    expect(initials.length).toBeGreaterThan(5);
    expect(initials[0]).toBe('龙文光');
    const desc = await township.get('/api/households?sort=headName&order=desc&pageSize=100');
    expect(desc.body.items[0].headName).not.toBe('龙文光');
    const page = await township.get('/api/households?pageSize=2&page=2&sort=updated&order=desc');
    expect(page.body).toMatchObject({ page: 2, pageSize: 2 });
    expect(page.body.items).toHaveLength(2);
  });

  it('shows a leader the households masked, and each township nothing of the other', async () => {
    await t.createUser('county_leader', 'leader', COUNTY);
    const leader = await t.login('county_leader');
    const list = await leader.get(`/api/households?regionCode=${JIJIU}`);
    expect(list.body.total).toBeGreaterThan(0);
    expect(list.body.masked).toBe(true);
    expect((await maoer.get(`/api/households?regionCode=${JIJIU}`)).body.total).toBe(0);
    expect((await township.get(`/api/households?regionCode=${MAOER_VILLAGE}`)).body.total).toBe(0);
  });
});
