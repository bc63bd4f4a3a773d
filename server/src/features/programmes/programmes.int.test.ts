import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, COUNTY, JIJIU, MAOER, createTestApp, type Client, type Res, type TestContext } from '../../../test/app.js';
import { newId } from '../../platform/ids.js';
import { auditLog } from '../audit/tables.js';
import { insertCadres } from '../cadres/repository.js';
import type { cadres } from '../cadres/tables.js';
import { initialsOf } from '../regions/rules.js';
import { eq } from 'drizzle-orm';

let t: TestContext;
let township: Client;
let county: Client;
let maoer: Client;
let cadreClient: Client;

const paths = (res: Res) => (res.body.error?.fields ?? []).map((f: { path: string }) => f.path);
const ids: Record<string, string> = {};
function cadre(
  name: string,
  rank: (typeof cadres.$inferInsert)['rank'],
  regionCode: string,
  more: Partial<typeof cadres.$inferInsert> = {},
) {
  ids[name] = newId();
  return { id: ids[name], name, initials: initialsOf(name), rank, regionCode, countyCode: '433124', ...more };
}

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('buchou_admin', 'township_admin', BUCHOU);
  await t.createUser('county_admin', 'county_admin', COUNTY);
  await t.createUser('maoer_admin', 'township_admin', MAOER);
  await t.createUser('buchou_cadre', 'cadre', BUCHOU);
  township = await t.login('buchou_admin');
  county = await t.login('county_admin');
  maoer = await t.login('maoer_admin');
  cadreClient = await t.login('buchou_cadre');
  await insertCadres(t.database.db, [
    cadre('彭益', 'county_leader', COUNTY),
    cadre('龙文斌', 'township', BUCHOU),
    cadre('麻春花', 'township', BUCHOU),
    cadre('张远行', 'township', BUCHOU, { status: 'left' }),
    cadre('石金', 'village', JIJIU),
    cadre('龙老五', 'party_member', JIJIU),
    cadre('田猫儿', 'township', MAOER),
  ]);
});
afterAll(() => t.close());

describe('programme templates', () => {
  it('lists the five seed programmes to everyone signed in', async () => {
    const res = await cadreClient.get('/api/programmes/templates');
    expect(res.status).toBe(200);
    expect(res.body.items.map((x: { key: string }) => x.key)).toContain('lian-hu-dai-chuang');
    expect(res.body.items).toHaveLength(5);
    expect((await t.anonymous.get('/api/programmes/templates')).status).toBe(401);
  });
});

describe('programmes', () => {
  let id: string;

  it('copies 联户带创 for 补抽乡, moved to start in 2025, idempotent on the client id, audited', async () => {
    id = newId();
    const body = { id, fromTemplate: 'lian-hu-dai-chuang', regionCode: BUCHOU, name: '补抽乡联户带创', startOn: '2025-01-01' };
    const res = await township.post('/api/programmes', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id,
      name: '补抽乡联户带创',
      templateKey: 'lian-hu-dai-chuang',
      regionCode: BUCHOU,
      regionName: '补抽乡',
      period: { startOn: '2025-01-01', endOn: null },
      status: 'active',
      version: 1,
      participantCount: 0,
    });
    expect(res.body.pairingRules.map((r: { id: string }) => r.id)).toEqual(['township-star', 'village-conservative', 'member-behind']);
    const again = await township.post('/api/programmes', body);
    expect(again.status).toBe(201);
    expect(again.body.version).toBe(1);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('refuses a template that does not exist, both or neither of template and definition, and a rule that cannot be', async () => {
    let res = await township.post('/api/programmes', { fromTemplate: 'nope', regionCode: BUCHOU });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['body.fromTemplate']);
    res = await township.post('/api/programmes', { regionCode: BUCHOU });
    expect(res.status).toBe(400);
    expect(paths(res)).toContain('body.fromTemplate');
    const def = (await township.get(`/api/programmes/${id}`)).body;
    const definition = {
      name: '乱填',
      regionCode: BUCHOU,
      period: def.period,
      rounds: [],
      requirements: def.requirements,
      coverage: [],
      capacities: [],
      pairingRules: [{ ...def.pairingRules[0], roles: ['unit_village'] }],
    };
    res = await township.post('/api/programmes', { definition });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['body.pairingRules.0.roles.0']);
    res = await township.post('/api/programmes', {
      definition: {
        ...definition,
        pairingRules: [{ ...def.pairingRules[0], target: { kind: 'household', categories: ['no_such_category'] } }],
      },
    });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['body.pairingRules.0.target.categories']);
    expect((await township.get('/api/programmes?q=乱填')).body.total).toBe(0);
  });

  it('keeps programmes to the scope: 猫儿乡 cannot read 补抽乡’s (404) nor create one there (403); a cadre cannot create', async () => {
    expect((await maoer.get(`/api/programmes/${id}`)).status).toBe(404);
    expect((await maoer.post('/api/programmes', { fromTemplate: 'lian-hu-dai-chuang', regionCode: BUCHOU })).status).toBe(403);
    expect((await maoer.patch(`/api/programmes/${id}`, { version: 1, name: '改名字' })).status).toBe(403);
    expect((await cadreClient.post('/api/programmes', { fromTemplate: 'lian-hu-dai-chuang', regionCode: BUCHOU })).status).toBe(403);
    // The county reads 补抽乡's; 补抽乡 reads the county's.
    const countyProg = await county.post('/api/programmes', { fromTemplate: 'gua-bao-bang', regionCode: COUNTY });
    expect(countyProg.status).toBe(201);
    expect((await township.get(`/api/programmes/${countyProg.body.id}`)).status).toBe(200);
    expect((await township.get(`/api/programmes?regionCode=${BUCHOU}`)).body.items.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining([id, countyProg.body.id]),
    );
    expect((await maoer.get(`/api/programmes?regionCode=${MAOER}`)).body.items.map((p: { id: string }) => p.id)).toEqual([
      countyProg.body.id,
    ]);
  });

  it('updates rules and capacities with the version, 409 with the current row when stale, 400 naming the field', async () => {
    const before = (await township.get(`/api/programmes/${id}`)).body;
    const capacities = [{ subject: { kind: 'cadre', ranks: ['township'] }, target: 'household', max: 10 }];
    const res = await township.patch(`/api/programmes/${id}`, { version: before.version, capacities, name: '补抽乡联户带创（2025）' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: before.version + 1, capacities, name: '补抽乡联户带创（2025）' });
    const stale = await township.patch(`/api/programmes/${id}`, { version: before.version, name: '旧版本' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    expect(stale.body.error.current).toMatchObject({ id, version: before.version + 1 });
    const bad = await township.patch(`/api/programmes/${id}`, {
      version: before.version + 1,
      period: { startOn: '2025-01-01', endOn: '2024-01-01' },
    });
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(['body.period.endOn']);
    const badShape = await township.patch(`/api/programmes/${id}`, { version: before.version + 1, status: 'finished' });
    expect(badShape.status).toBe(400);
    expect(paths(badShape)).toEqual(['body.status']);
  });

  it('adds rounds inside the period that do not overlap, and changes one with its version', async () => {
    const res = await township.post(`/api/programmes/${id}/rounds`, {
      no: 1,
      name: '第一轮',
      startOn: '2025-01-01',
      endOn: '2025-07-01',
      plannedCount: 12,
    });
    expect(res.status).toBe(201);
    expect(res.body.rounds).toMatchObject([{ no: 1, name: '第一轮', plannedCount: 12, version: 1 }]);
    const overlap = await township.post(`/api/programmes/${id}/rounds`, {
      no: 2,
      name: '第二轮',
      startOn: '2025-06-01',
      endOn: '2026-01-01',
    });
    expect(overlap.status).toBe(400);
    expect(paths(overlap)).toEqual(['body.startOn']);
    const dup = await township.post(`/api/programmes/${id}/rounds`, { no: 1, name: '又一轮', startOn: '2025-08-01', endOn: '2025-09-01' });
    expect(dup.status).toBe(409);
    expect(paths(dup)).toEqual(['body.no']);
    const roundId = res.body.rounds[0].id;
    const upd = await township.patch(`/api/programme-rounds/${roundId}`, { version: 1, endOn: '2025-06-01' });
    expect(upd.status).toBe(200);
    expect(upd.body.rounds[0]).toMatchObject({ endOn: '2025-06-01', version: 2 });
    expect((await township.patch(`/api/programme-rounds/${roundId}`, { version: 1, name: '旧' })).status).toBe(409);
    expect(paths(await township.patch(`/api/programme-rounds/${roundId}`, { version: 2, endOn: '2024-01-01' }))).toEqual(['body.endOn']);
    expect((await maoer.patch(`/api/programme-rounds/${roundId}`, { version: 2, name: '改' })).status).toBe(403);
    expect((await township.patch(`/api/programme-rounds/${newId()}`, { version: 2, name: '改' })).status).toBe(404);
  });

  it('enrols all active township cadres of 补抽乡 in bulk, then one party member as capable; the rest stay as they are', async () => {
    const bulk = await township.post(`/api/programmes/${id}/participants`, {
      select: { kind: 'cadre', ranks: ['township'] },
      capacity: 10,
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body).toMatchObject({ enrolled: 2, alreadyEnrolled: 0 });
    expect(bulk.body.items.map((p: { subjectName: string }) => p.subjectName).sort()).toEqual(['龙文斌', '麻春花'].sort());
    const again = await township.post(`/api/programmes/${id}/participants`, { select: { kind: 'cadre', ranks: ['township'] } });
    expect(again.body).toMatchObject({ enrolled: 0, alreadyEnrolled: 2 });
    const pid = newId();
    const one = await township.post(`/api/programmes/${id}/participants`, {
      id: pid,
      subjects: [{ kind: 'cadre', id: ids['龙老五'] }],
      tags: ['capable'],
      startOn: '2025-01-01',
    });
    expect(one.body).toMatchObject({
      enrolled: 1,
      items: [{ id: pid, tags: ['capable'], rank: 'party_member', regionCode: JIJIU, startOn: '2025-01-01' }],
    });
    const retry = await township.post(`/api/programmes/${id}/participants`, {
      id: pid,
      subjects: [{ kind: 'cadre', id: ids['龙老五'] }],
      tags: ['capable'],
    });
    expect(retry.body).toMatchObject({ enrolled: 0, alreadyEnrolled: 1, items: [{ id: pid }] });
    const list = await township.get(`/api/programmes/${id}/participants?tag=capable`);
    expect(list.body.total).toBe(1);
    expect((await township.get(`/api/programmes/${id}/participants?rank=township`)).body.total).toBe(2);
    expect((await township.get(`/api/programmes/${id}`)).body.participantCount).toBe(3);
  });

  it('refuses an unknown, departed or out-of-scope subject, and a round that does not exist', async () => {
    let res = await township.post(`/api/programmes/${id}/participants`, {
      subjects: [
        { kind: 'cadre', id: newId() },
        { kind: 'cadre', id: ids['张远行'] },
      ],
    });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['body.subjects.0.id', 'body.subjects.1.id']);
    res = await township.post(`/api/programmes/${id}/participants`, { subjects: [{ kind: 'cadre', id: ids['彭益'] }] });
    expect(res.status).toBe(403);
    res = await township.post(`/api/programmes/${id}/participants`, { subjects: [{ kind: 'cadre', id: ids['石金'] }], roundNo: 9 });
    expect(paths(res)).toEqual(['body.roundNo']);
    res = await township.post(`/api/programmes/${id}/participants`, { tags: ['BAD TAG'] });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(expect.arrayContaining(['body.tags.0']));
    expect((await maoer.post(`/api/programmes/${id}/participants`, { subjects: [{ kind: 'cadre', id: ids['田猫儿'] }] })).status).toBe(404);
    expect((await maoer.get(`/api/programmes/${id}/participants`)).status).toBe(404);
  });

  it('changes an enrolment’s tags with its version and lets a participant leave on a day', async () => {
    const p = (await township.get(`/api/programmes/${id}/participants?tag=capable`)).body.items[0];
    const res = await township.patch(`/api/programme-participants/${p.id}`, {
      version: p.version,
      tags: ['capable', 'unit_head'],
      capacity: 3,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tags: ['capable', 'unit_head'], capacity: 3, version: p.version + 1 });
    expect((await township.patch(`/api/programme-participants/${p.id}`, { version: p.version, capacity: 4 })).status).toBe(409);
    expect(paths(await township.post(`/api/programme-participants/${p.id}/leave`, { version: p.version + 1, on: '2020-01-01' }))).toEqual([
      'body.on',
    ]);
    const left = await township.post(`/api/programme-participants/${p.id}/leave`, { version: p.version + 1, on: '2025-09-01' });
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({ endOn: '2025-09-01' });
    expect((await township.get(`/api/programmes/${id}/participants?current=false`)).body.total).toBe(1);
    expect((await maoer.patch(`/api/programme-participants/${p.id}`, { version: 3, capacity: 1 })).status).toBe(403);
    expect((await township.post(`/api/programme-participants/${newId()}/leave`, { version: 1, on: '2025-09-01' })).status).toBe(404);
  });
});
