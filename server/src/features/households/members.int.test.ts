import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, JIJIU, MAOER, createTestApp, type Client, type TestContext } from '../../../test/app.js';
import { idProblemText } from '../../platform/personal-data.js';
import { newId } from '../../platform/ids.js';
import { auditLog } from '../audit/tables.js';
import { householdBody, idNumber, nextSeq, withBadCheck } from './fixtures.js';
import { members } from './tables.js';

let t: TestContext;
let township: Client;
let cadre: Client;
let maoer: Client;

type Member = { id: string; name: string; relation: string; version: number; idNumber: string; status: string };
type Household = { id: string; version: number; members: Member[] };
const paths = (res: { body: { error: { fields?: { path: string }[] } } }) => (res.body.error.fields ?? []).map((f) => f.path);
const byName = (h: Household, name: string) => h.members.find((m) => m.name === name)!;
const reload = async (id: string): Promise<Household> => (await township.get(`/api/households/${id}`)).body;
const written = async () => {
  const [[m], [a]] = await Promise.all([
    t.database.db.select({ n: count() }).from(members),
    t.database.db.select({ n: count() }).from(auditLog),
  ]);
  return [m!.n, a!.n];
};

let shi: Household;
let maoerHousehold: Household;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('buchou_admin', 'township_admin', BUCHOU);
  await t.createUser('buchou_cadre', 'cadre', BUCHOU);
  await t.createUser('maoer_admin', 'township_admin', MAOER);
  township = await t.login('buchou_admin');
  cadre = await t.login('buchou_cadre');
  maoer = await t.login('maoer_admin');
  shi = (await township.post('/api/households', householdBody(JIJIU, '石金林'))).body;
  maoerHousehold = (await maoer.post('/api/households', householdBody('433124206201', '田猫儿'))).body;
});
afterAll(() => t.close());

describe('members come and go', () => {
  it('adds a grandchild, birth date and sex read from the ID number', async () => {
    const id = newId();
    const body = { id, name: '石小龙', relation: 'grandchild', idNumber: idNumber('20180906', nextSeq(), 'male'), schooling: 'in_school' };
    const res = await township.post(`/api/households/${shi.id}/members`, body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id,
      householdId: shi.id,
      sex: 'male',
      birthDate: '2018-09-06',
      relation: 'grandchild',
      status: 'active',
      version: 1,
    });
    const again = await township.post(`/api/households/${shi.id}/members`, body);
    expect(again.status).toBe(201);
    expect((await reload(shi.id)).members).toHaveLength(5);
    const audit = await township.get(`/api/audit?entityType=member&entityId=${id}`);
    expect(audit.body.items[0]).toMatchObject({ action: 'create', regionCode: JIJIU });
  });

  it('answers a bad member with 400 naming the field, writing nothing', async () => {
    const before = await written();
    const bad = await township.post(`/api/households/${shi.id}/members`, {
      name: '石小凤',
      relation: 'grandchild',
      idNumber: withBadCheck(idNumber('20200101', nextSeq(), 'female')),
    });
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(['body.idNumber']);
    expect(bad.body.error.message).toBe(idProblemText.checksum.zh);
    const wrongDay = await township.post(`/api/households/${shi.id}/members`, {
      name: '石小凤',
      relation: 'grandchild',
      idNumber: '433124202002300011',
    });
    expect(wrongDay.body.error.fields[0]).toEqual({ path: 'body.idNumber', message: idProblemText.birth_date.zh });
    const types = await township.post(`/api/households/${shi.id}/members`, { name: 7, relation: 'cousin', birthDate: 'yesterday' });
    expect(paths(types)).toEqual(expect.arrayContaining(['body.name', 'body.relation', 'body.birthDate']));
    const secondHead = await township.post(`/api/households/${shi.id}/members`, { name: '石大林', relation: 'head' });
    expect(secondHead.status).toBe(409);
    expect(paths(secondHead)).toEqual(['body.relation']);
    const held = await township.post(`/api/households/${shi.id}/members`, {
      name: '田猫儿',
      relation: 'other',
      idNumber: maoerHousehold.members[0]!.idNumber,
    });
    expect(held.status).toBe(409);
    // Held in another township: only the township to contact is named (issue 12 #7).
    expect(held.body.error.message).toBe('该身份证号已在其他乡镇登记为在册成员，请联系猫儿乡党委办理迁出');
    // No member written; the attempt itself is audited.
    expect(await written()).toEqual([before[0], before[1]! + 1]);
  });

  it('keeps members of 猫儿乡 out of reach: 403 on writes', async () => {
    expect((await township.post(`/api/households/${maoerHousehold.id}/members`, { name: '田小猫', relation: 'son' })).status).toBe(403);
    const theirs = maoerHousehold.members[1]!;
    expect((await township.patch(`/api/members/${theirs.id}`, { version: theirs.version, name: '改名字' })).status).toBe(403);
    expect(
      (await township.post(`/api/members/${theirs.id}/status`, { version: theirs.version, status: 'left', on: '2025-01-01' })).status,
    ).toBe(403);
    expect((await township.patch(`/api/members/${newId()}`, { version: 1, name: '无此人' })).status).toBe(404);
    expect((await cadre.patch(`/api/members/${byName(shi, '龙春花').id}`, { version: 1, name: '龙春梅' })).status).toBe(403);
  });

  it('corrects a member with the version read; a stale version answers 409 with the member as it is', async () => {
    const spouse = byName(shi, '龙春花');
    const ok = await township.patch(`/api/members/${spouse.id}`, {
      version: spouse.version,
      health: 'chronic',
      isPartyMember: true,
      phone: '15874300001',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ health: 'chronic', isPartyMember: true, version: spouse.version + 1 });
    const stale = await township.patch(`/api/members/${spouse.id}`, { version: spouse.version, health: 'healthy' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.health).toBe('chronic');
    const masked = await cadre.get(`/api/households/${shi.id}`);
    expect(byName(masked.body, '龙春花').idNumber).toContain('********');
  });

  it('checks a new ID number, filling birth date and sex from it', async () => {
    const daughter = byName(await reload(shi.id), '石秀梅');
    const wrong = await township.patch(`/api/members/${daughter.id}`, { version: daughter.version, sex: 'male' });
    expect(paths(wrong)).toEqual(['body.sex']);
    const fixed = idNumber('19960704', nextSeq(), 'female');
    const res = await township.patch(`/api/members/${daughter.id}`, { version: daughter.version, idNumber: fixed });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ idNumber: fixed, birthDate: '1996-07-04', sex: 'female' });
  });

  it('changes the head: the new head named, the former head given a relation', async () => {
    const son = byName(await reload(shi.id), '石文斌');
    const missing = await township.patch(`/api/members/${son.id}`, { version: son.version, relation: 'head' });
    expect(missing.status).toBe(400);
    expect(paths(missing)).toEqual(['body.formerHeadRelation']);
    const head = byName(await reload(shi.id), '石金林');
    const demote = await township.patch(`/api/members/${head.id}`, { version: head.version, relation: 'parent' });
    expect(paths(demote)).toEqual(['body.relation']);
    const res = await township.patch(`/api/members/${son.id}`, { version: son.version, relation: 'head', formerHeadRelation: 'parent' });
    expect(res.status).toBe(200);
    const h = await reload(shi.id);
    expect(h.members[0]).toMatchObject({ name: '石文斌', relation: 'head' });
    expect(byName(h, '石金林').relation).toBe('parent');
    const list = await township.get(`/api/households?q=${encodeURIComponent('石文斌')}`);
    expect(list.body.items[0].headName).toBe('石文斌');
  });

  it('a member dies; a departing head names a successor', async () => {
    let h = await reload(shi.id);
    const father = byName(h, '石金林');
    const died = await township.post(`/api/members/${father.id}/status`, { version: father.version, status: 'deceased', on: '2025-02-10' });
    expect(died.status).toBe(200);
    expect(died.body).toMatchObject({ status: 'deceased', statusChangedOn: '2025-02-10' });
    h = await reload(shi.id);
    const head = byName(h, '石文斌');
    const noSuccessor = await township.post(`/api/members/${head.id}/status`, { version: head.version, status: 'left', on: '2025-04-01' });
    expect(noSuccessor.status).toBe(400);
    expect(paths(noSuccessor)).toEqual(['body.newHeadId']);
    const mother = byName(h, '龙春花');
    const left = await township.post(`/api/members/${head.id}/status`, {
      version: head.version,
      status: 'left',
      on: '2025-04-01',
      newHeadId: mother.id,
    });
    expect(left.status).toBe(200);
    h = await reload(shi.id);
    expect(h.members[0]).toMatchObject({ name: '龙春花', relation: 'head', status: 'active' });
    const same = await township.post(`/api/members/${mother.id}/status`, {
      version: h.members[0]!.version,
      status: 'active',
      on: '2025-04-01',
    });
    expect(paths(same)).toEqual(['body.status']);
  });

  it('a daughter marries out: left in her parents’ household, then added with the same ID number to her new one', async () => {
    let h = await reload(shi.id);
    const daughter = byName(h, '石秀梅');
    const taken = await township.post('/api/households', {
      ...householdBody(JIJIU, '吴国建'),
      members: [...householdBody(JIJIU, '吴国建').members.slice(0, 1), { name: '石秀梅', relation: 'spouse', idNumber: daughter.idNumber }],
    });
    expect(taken.status).toBe(409);
    const left = await township.post(`/api/members/${daughter.id}/status`, { version: daughter.version, status: 'left', on: '2025-10-01' });
    expect(left.status).toBe(200);
    const married = await township.post('/api/households', {
      ...householdBody(JIJIU, '吴国建'),
      members: [...householdBody(JIJIU, '吴国建').members.slice(0, 1), { name: '石秀梅', relation: 'spouse', idNumber: daughter.idNumber }],
    });
    expect(married.status).toBe(201);
    h = await reload(shi.id);
    const back = await township.post(`/api/members/${daughter.id}/status`, {
      version: byName(h, '石秀梅').version,
      status: 'active',
      on: '2025-12-01',
    });
    expect(back.status).toBe(409);
    expect(back.body.error.message).toContain('吴国建户');
  });
});
