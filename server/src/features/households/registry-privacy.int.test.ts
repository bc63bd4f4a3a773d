import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, JIJIU, MAOER, createTestApp, type Client, type TestContext } from '../../../test/app.js';
import { householdBody, idNumber, nextSeq } from './fixtures.js';

let t: TestContext;
let clerk: Client;
let cadre: Client;
let maoerAdmin: Client;
const MAOER_VILLAGE = '433124206201';
const headPhone = '13907435678';

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('privacy_admin', 'township_admin', BUCHOU);
  await t.createUser('privacy_cadre', 'cadre', BUCHOU);
  await t.createUser('privacy_maoer', 'township_admin', MAOER);
  clerk = await t.login('privacy_admin');
  cadre = await t.login('privacy_cadre');
  maoerAdmin = await t.login('privacy_maoer');
  expect((await clerk.post('/api/households', householdBody(JIJIU, '石金林'))).status).toBe(201);
});
afterAll(() => t.close());

describe('searching by phone or ID number (issue 12 #4)', () => {
  it('matches a phone by its start for an administrator only; a masked role must give it whole', async () => {
    expect((await clerk.get(`/api/households?q=${headPhone.slice(0, 5)}`)).body.total).toBe(1);
    expect((await cadre.get(`/api/households?q=${headPhone.slice(0, 5)}`)).body.total).toBe(0);
    expect((await cadre.get(`/api/households?q=${headPhone.slice(0, 10)}`)).body.total).toBe(0);
    expect((await cadre.get(`/api/households?q=${headPhone}`)).body.total).toBe(1);
  });
  it('audits a masked role’s searches by number and limits them to 10 in 10 minutes', async () => {
    const searcher = await t.createUser('privacy_searcher', 'cadre', BUCHOU);
    const c = await t.login('privacy_searcher');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await c.get(`/api/households?q=1390743${String(i).padStart(4, '0')}`)).status);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses[10]).toBe(429);
    // A name search is not limited.
    expect((await c.get('/api/households?q=石')).status).toBe(200);
    const audit = (await clerk.get('/api/audit?action=search_personal')).body.items.filter((e: { actorId: string }) => e.actorId === searcher);
    expect(audit).toHaveLength(10);
    expect(audit.map((e: { after: { q: string } }) => e.after.q)).toContain('13907430009');
  });
});

describe('an ID number registered in another township (issue 12 #7)', () => {
  it('names only the township to contact, and audits the attempt there; in scope the household is named', async () => {
    const n = nextSeq();
    const theirs = idNumber('19700101', n, 'male');
    const created = await maoerAdmin.post('/api/households', { regionCode: MAOER_VILLAGE, members: [{ name: '王琴春', relation: 'head', idNumber: theirs }] });
    expect(created.status).toBe(201);
    const ours = (await clerk.get('/api/households?q=石金林')).body.items[0].id;
    const res = await clerk.post(`/api/households/${ours}/members`, { name: '王琴春', relation: 'other', idNumber: theirs });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('duplicate');
    expect(res.body.error.fields).toEqual([{ path: 'body.idNumber', message: '该身份证号已在其他乡镇登记为在册成员，请联系猫儿乡党委办理迁出' }]);
    expect(JSON.stringify(res.body)).not.toContain('王琴春');
    const audit = (await maoerAdmin.get('/api/audit?action=id_number_elsewhere')).body.items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorName: 'privacy_admin', regionCode: MAOER_VILLAGE });
    // The owner of the person gets the household named, as before.
    const mine = (await maoerAdmin.get('/api/households?q=王琴春')).body.items[0].id;
    const again = await maoerAdmin.post('/api/households', { regionCode: MAOER_VILLAGE, members: [{ name: '王琴春', relation: 'head', idNumber: theirs }] });
    expect(again.status).toBe(409);
    expect(again.body.error.fields[0].message).toContain('王琴春');
    expect(mine).toEqual(created.body.id);
  });
});
