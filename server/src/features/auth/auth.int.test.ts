import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { BUCHOU, PASSWORD, createTestApp, type TestContext } from '../../../test/app.js';
import { hashPassword } from '../../platform/password.js';
import { users } from '../users/tables.js';

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

  it('backs off an account after five wrong passwords (429 with Retry-After), whatever address the client claims', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await t.anonymous.request({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-for': `10.0.${i}.1` }, payload: { username: 'guesser_target', password: `guess-${i}x` } });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    // The right password waits too (the guesser cannot tell), and no other account is slowed.
    expect((await t.anonymous.post('/api/auth/login', { username: 'guesser_target', password: PASSWORD })).status).toBe(429);
    expect((await t.anonymous.post('/api/auth/login', { username: 'longwenbin', password: PASSWORD })).status).toBe(200);
  });
  it('limits wrong passwords per address across usernames', async () => {
    const spray = await createTestApp();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 22; i++) statuses.push((await spray.anonymous.post('/api/auth/login', { username: `user${i}`, password: 'guess-guess-1' })).status);
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(20)).toEqual([429, 429]);
    } finally {
      await spray.close();
    }
  });
  it('refuses a NUL in the username with 400 naming the field, not 500', async () => {
    const res = await t.anonymous.post('/api/auth/login', { username: 'a\u0000b', password: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.fields).toEqual([{ path: 'body.username', message: '含有不允许的控制字符或不可见字符' }]);
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

  it('changes my own password, refusing a wrong current one, a weak new one and the same one again', async () => {
    await t.createUser('changer', 'cadre', BUCHOU);
    const c = await t.login('changer');
    expect((await c.post('/api/auth/password', { currentPassword: 'wrong-1234', newPassword: 'new-pass-123' })).status).toBe(400);
    for (const weak of ['short', 'password1', 'Passw0rd', '12345678a', 'A1        ', 'password123', 'changer2026']) {
      const res = await c.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: weak });
      expect(res.status, weak).toBe(400);
      expect(res.body.error.fields[0].path).toBe('body.newPassword');
    }
    const same = await c.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: PASSWORD });
    expect(same.status).toBe(400);
    expect(same.body.error.fields).toEqual([{ path: 'body.newPassword', message: '新密码不能与当前密码相同' }]);
    expect((await c.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'new-pass-123' })).status).toBe(204);
    await expect(t.login('changer', 'new-pass-123')).resolves.toBeDefined();
  });
  it('ends my other sessions when I change my password, and keeps the one I used', async () => {
    await t.createUser('two.devices', 'cadre', BUCHOU);
    const phone = await t.login('two.devices');
    const office = await t.login('two.devices');
    expect((await office.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'river-stone-77' })).status).toBe(204);
    expect((await phone.get('/api/auth/me')).status).toBe(401);
    expect((await office.get('/api/auth/me')).status).toBe(200);
  });
  it('lets an account that must change its password do nothing else until it has (server-side)', async () => {
    const id = await t.createUser('must.change', 'township_admin', BUCHOU);
    await t.database.db.update(users).set({ mustChangePassword: true }).where(eq(users.id, id));
    const c = await t.login('must.change');
    const refused = await c.post('/api/regions', { parentCode: '433124213209', name: '六组' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('password_change_required');
    expect((await c.get('/api/households')).body.error.code).toBe('password_change_required');
    expect((await c.get('/api/auth/me')).status).toBe(200);
    expect((await c.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'river-stone-77' })).status).toBe(204);
    expect((await c.post('/api/regions', { parentCode: '433124213209', name: '六组' })).status).toBe(201);
  });
  it('outside demo mode, makes an account signing in with a weak (demo) password change it first; demo mode lets it be', async () => {
    const id = await t.createUser('demo.like', 'cadre', BUCHOU);
    await t.database.db.update(users).set({ passwordHash: await hashPassword('lianhu2026') }).where(eq(users.id, id));
    const res = await t.anonymous.post('/api/auth/login', { username: 'demo.like', password: 'lianhu2026' });
    expect(res.status).toBe(200);
    expect(res.body.user.mustChangePassword).toBe(true);
    const demo = await createTestApp({ demo: true });
    try {
      const did = await demo.createUser('demo.like', 'cadre', BUCHOU);
      await demo.database.db.update(users).set({ passwordHash: await hashPassword('lianhu2026') }).where(eq(users.id, did));
      const ok = await demo.anonymous.post('/api/auth/login', { username: 'demo.like', password: 'lianhu2026' });
      expect(ok.status).toBe(200);
      expect(ok.body.user.mustChangePassword).toBe(false);
    } finally {
      await demo.close();
    }
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
