import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, PASSWORD, createTestApp, type TestContext } from '../../../test/app.js';

let t: TestContext;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('longwenbin', 'township_admin', BUCHOU);
  await t.createUser('guesser_target', 'cadre', BUCHOU);
});
afterAll(() => t.close());

describe('signing in', () => {
  it('sets an HttpOnly SameSite=Strict session cookie and returns who I am with a CSRF token', async () => {
    const res = await t.anonymous.post('/api/auth/login', { username: 'longwenbin', password: PASSWORD });
    expect(res.status).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/lianhu_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(res.body.user).toMatchObject({ username: 'longwenbin', role: 'township_admin', regionName: '补抽乡' });
    expect(res.body.csrfToken).toEqual(expect.any(String));
  });

  it('answers a wrong password and an unknown user alike, in Chinese', async () => {
    const wrong = await t.anonymous.post('/api/auth/login', { username: 'longwenbin', password: 'nope-nope-1' });
    const unknown = await t.anonymous.post('/api/auth/login', { username: 'nobody', password: 'nope-nope-1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe('用户名或密码错误');
    expect(unknown.body.error).toEqual(wrong.body.error);
  });

  it('answers in English when the request asks for it', async () => {
    const res = await t.anonymous.request({ method: 'POST', url: '/api/auth/login', headers: { 'accept-language': 'en-US' }, payload: { username: 'x', password: 'y' } });
    expect(res.body.error.message).toBe('Wrong username or password');
  });

  it('refuses an empty body with 400', async () => {
    const res = await t.anonymous.post('/api/auth/login', {});
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['body.username', 'body.password']));
  });

  it('limits login attempts per username with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await t.anonymous.post('/api/auth/login', { username: 'guesser_target', password: `guess-${i}x` })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[11]).toBe(429);
  });
});

describe('a signed-in session', () => {
  it('knows who I am', async () => {
    const c = await t.login('longwenbin');
    const me = await c.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe('longwenbin');
    expect(me.body.csrfToken).toBe(c.csrfToken);
  });

  it('refuses a write without the CSRF token (403) and accepts it with the token', async () => {
    const c = await t.login('longwenbin');
    const noToken = await c.request({ method: 'POST', url: '/api/regions', headers: { 'x-csrf-token': 'forged' }, payload: { parentCode: '433124213209', name: '五组' } });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('csrf_failed');
    const ok = await c.post('/api/regions', { parentCode: '433124213209', name: '五组' });
    expect(ok.status).toBe(201);
  });

  it('changes my own password, refusing a wrong current one and a weak new one', async () => {
    await t.createUser('changer', 'cadre', BUCHOU);
    const c = await t.login('changer');
    expect((await c.post('/api/auth/password', { currentPassword: 'wrong-1234', newPassword: 'new-pass-123' })).status).toBe(400);
    const weak = await c.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields[0].path).toBe('body.newPassword');
    expect((await c.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'new-pass-123' })).status).toBe(204);
    await expect(t.login('changer', 'new-pass-123')).resolves.toBeDefined();
  });

  it('tells the web which roles I may give', async () => {
    const c = await t.login('longwenbin');
    const me = await c.get('/api/auth/me');
    expect(me.body.user.permissions.assignableRoles).toContain('cadre');
    expect(me.body.user.permissions.assignableRoles).not.toContain('county_admin');
  });

  it('saves my language, and errors then come in it', async () => {
    const c = await t.login('longwenbin');
    const res = await c.patch('/api/auth/me', { locale: 'en' });
    expect(res.status).toBe(200);
    expect(res.body.user.locale).toBe('en');
    const again = await t.login('longwenbin');
    expect((await again.get('/api/users/not-a-uuid')).status).toBe(400);
    expect((await again.get('/api/audit')).body.error).toBeUndefined();
    expect((await again.post('/api/regions', { parentCode: '433124213000', name: 'x' })).body.error.message).toBe('Groups belong under villages');
    expect((await c.patch('/api/auth/me', { locale: 'fr' })).status).toBe(400);
    await c.patch('/api/auth/me', { locale: 'zh-CN' });
  });

  it('ends at logout: the cookie no longer works', async () => {
    const c = await t.login('longwenbin');
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('is unknown without a cookie (401)', async () => {
    expect((await t.anonymous.get('/api/auth/me')).status).toBe(401);
  });
});
