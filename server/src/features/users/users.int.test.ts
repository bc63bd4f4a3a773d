import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, COUNTY, JIJIU, MAOER, createTestApp, type Client, type TestContext } from '../../../test/app.js';
import { newId } from '../../platform/ids.js';

let t: TestContext;
let township: Client;
let countyAdmin: Client;
let cadre: Client;
let maoerUserId: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('buchou_admin', 'township_admin', BUCHOU);
  await t.createUser('county_admin', 'county_admin', COUNTY);
  await t.createUser('buchou_cadre', 'cadre', BUCHOU);
  maoerUserId = await t.createUser('maoer_cadre', 'cadre', '433124206201');
  township = await t.login('buchou_admin');
  countyAdmin = await t.login('county_admin');
  cadre = await t.login('buchou_cadre');
});
afterAll(() => t.close());

const newCadre = (over: Record<string, unknown> = {}) => ({
  username: 'shi.minghui',
  displayName: '施明辉',
  role: 'cadre',
  regionCode: JIJIU,
  phone: '13907431234',
  password: 'first-pass-1',
  ...over,
});

describe('Longwenbin, the township administrator, manages accounts in 补抽乡', () => {
  let created: { id: string; version: number };

  it('creates a cadre account in 吉久村, which must change the password at first login', async () => {
    const res = await township.post('/api/users', newCadre());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: 'shi.minghui', role: 'cadre', regionName: '吉久村', mustChangePassword: true, status: 'active' });
    expect(res.body.passwordHash).toBeUndefined();
    created = res.body;
  });

  it('records the creation in the audit log without the password hash', async () => {
    const res = await township.get(`/api/audit?entityType=user&entityId=${created.id}`);
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ action: 'create', actorName: 'buchou_admin' });
    expect(JSON.stringify(res.body.items[0].after)).not.toContain('argon2');
  });

  it('lets the new user log in with the given password', async () => {
    const c = await t.login('shi.minghui', 'first-pass-1');
    const me = await c.get('/api/auth/me');
    expect(me.body.user.mustChangePassword).toBe(true);
  });

  it('is idempotent on a client id: a retried create returns the same user', async () => {
    const id = newId();
    const body = newCadre({ id, username: 'wu.laoer', displayName: '吴老二' });
    const a = await township.post('/api/users', body);
    const b = await township.post('/api/users', body);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(id);
  });

  it('refuses a taken username with 409 naming the field', async () => {
    const res = await township.post('/api/users', newCadre());
    expect(res.status).toBe(409);
    expect(res.body.error.fields[0].path).toBe('body.username');
    expect(res.body.error.message).toContain('已被使用');
  });

  it('refuses bad input with 400 and the fields named, in Chinese', async () => {
    const res = await township.post('/api/users', newCadre({ username: 'A B', phone: '123', regionCode: '12' }));
    expect(res.status).toBe(400);
    const paths = res.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.username', 'body.phone', 'body.regionCode']));
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('refuses a weak password with 400', async () => {
    const res = await township.post('/api/users', newCadre({ username: 'weak.one', password: '12345678' }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('body.password');
  });

  it('refuses an unknown region code with 400', async () => {
    const res = await township.post('/api/users', newCadre({ username: 'nowhere', regionCode: '433124213999' }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('body.regionCode');
  });

  it('may not create a county administrator (403)', async () => {
    expect((await township.post('/api/users', newCadre({ username: 'boss', role: 'county_admin' }))).status).toBe(403);
  });

  it('may not create a user in 猫儿乡 (403)', async () => {
    expect((await township.post('/api/users', newCadre({ username: 'elsewhere', regionCode: '433124206201' }))).status).toBe(403);
  });

  it('lists and filters users of the township only', async () => {
    const res = await township.get('/api/users?role=cadre&pageSize=100');
    expect(res.status).toBe(200);
    const names = res.body.items.map((u: { username: string }) => u.username);
    expect(names).toContain('shi.minghui');
    expect(names).not.toContain('maoer_cadre');
    const search = await township.get('/api/users?q=' + encodeURIComponent('施明'));
    expect(search.body.items.map((u: { username: string }) => u.username)).toEqual(['shi.minghui']);
  });

  it('cannot read a 猫儿乡 user (404) nor change it (403)', async () => {
    expect((await township.get(`/api/users/${maoerUserId}`)).status).toBe(404);
    expect((await township.patch(`/api/users/${maoerUserId}`, { version: 1, displayName: 'x' })).status).toBe(403);
    expect((await township.post(`/api/users/${maoerUserId}/status`, { version: 1, status: 'disabled' })).status).toBe(403);
    expect((await township.post(`/api/users/${maoerUserId}/password`, { newPassword: 'another-pass-2' })).status).toBe(403);
  });

  it('answers 404 for a user that does not exist', async () => {
    expect((await township.patch(`/api/users/${newId()}`, { version: 1, displayName: 'x' })).status).toBe(404);
  });

  it('edits a user with the version read, and a stale version gets 409 with the current row', async () => {
    const cur = (await township.get(`/api/users/${created.id}`)).body;
    const ok = await township.patch(`/api/users/${created.id}`, { version: cur.version, displayName: '施明辉（组长）' });
    expect(ok.status).toBe(200);
    expect(ok.body.displayName).toBe('施明辉（组长）');
    const stale = await township.patch(`/api/users/${created.id}`, { version: cur.version, displayName: '别的' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    expect(stale.body.error.current.displayName).toBe('施明辉（组长）');
  });

  it('resets a password: old sessions end, the new password works and must be changed', async () => {
    const session = await t.login('shi.minghui', 'first-pass-1');
    const res = await township.post(`/api/users/${created.id}/password`, { newPassword: 'reset-pass-9' });
    expect(res.status).toBe(200);
    expect((await session.get('/api/auth/me')).status).toBe(401);
    const again = await t.login('shi.minghui', 'reset-pass-9');
    expect((await again.get('/api/auth/me')).body.user.mustChangePassword).toBe(true);
  });

  it('disables an account: its sessions end and it cannot log in; enabling restores it', async () => {
    const session = await t.login('shi.minghui', 'reset-pass-9');
    const cur = (await township.get(`/api/users/${created.id}`)).body;
    const off = await township.post(`/api/users/${created.id}/status`, { version: cur.version, status: 'disabled' });
    expect(off.status).toBe(200);
    expect(off.body.status).toBe('disabled');
    expect((await session.get('/api/auth/me')).status).toBe(401);
    const login = await t.anonymous.post('/api/auth/login', { username: 'shi.minghui', password: 'reset-pass-9' });
    expect(login.status).toBe(403);
    expect(login.body.error.code).toBe('account_disabled');
    const on = await township.post(`/api/users/${created.id}/status`, { version: off.body.version, status: 'active' });
    expect(on.body.status).toBe('active');
    const audit = await township.get(`/api/audit?entityId=${created.id}&action=disable`);
    expect(audit.body.total).toBe(1);
  });
});

describe('who else may manage accounts', () => {
  it('lets the county administrator see users of every township', async () => {
    const res = await countyAdmin.get(`/api/users/${maoerUserId}`);
    expect(res.status).toBe(200);
    expect(res.body.regionCode).toBe('433124206201');
  });

  it('does not let a cadre list or create users (403)', async () => {
    expect((await cadre.get('/api/users')).status).toBe(403);
    expect((await cadre.post('/api/users', newCadre({ username: 'sneaky' }))).status).toBe(403);
  });

  it('filters by region subtree', async () => {
    const res = await countyAdmin.get(`/api/users?regionCode=${MAOER}`);
    expect(res.body.items.map((u: { username: string }) => u.username)).toEqual(['maoer_cadre']);
  });
});

describe('ids and units', () => {
  it('refuses a client id that another township already used, with 409 and nothing written', async () => {
    const maoerAdminId = await t.createUser('maoer_admin2', 'township_admin', MAOER);
    const res = await township.post('/api/users', newCadre({ id: maoerAdminId, username: 'id.thief' }));
    expect(res.status).toBe(409);
    expect(res.body.error.fields[0].path).toBe('body.id');
    expect((await countyAdmin.get('/api/users?q=id.thief')).body.total).toBe(0);
  });

  it('refuses an unknown unit with 400 naming the field', async () => {
    const res = await township.post('/api/users', newCadre({ username: 'no.unit', unitId: newId() }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('body.unitId');
  });
});
