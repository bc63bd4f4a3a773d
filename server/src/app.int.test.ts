import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../test/app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the system', () => {
  it('says it is healthy and which database it runs on', async () => {
    const res = await t.anonymous.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', version: expect.any(String) });
    expect(res.body.database).toBe(process.env.LIANHU_TEST_DATABASE_URL ? 'postgres' : 'embedded');
    expect(res.body.engine).toMatch(/^PostgreSQL \d+/);
  });

  it('publishes its OpenAPI document with every route', async () => {
    const res = await t.anonymous.get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/users', '/api/regions/{code}', '/api/audit', '/api/auth/login']));
  });

  it('serves browsable API docs', async () => {
    const res = await t.anonymous.get('/api/docs/');
    expect(res.status).toBe(200);
    expect(String(res.body)).toContain('swagger');
  });

  it('sends security headers', async () => {
    const res = await t.anonymous.get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('answers an unknown API path with the JSON error shape', async () => {
    const res = await t.anonymous.get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await t.anonymous.request({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });
});

describe('the web client', () => {
  let web: TestContext;
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'lianhu-dist-'));
  beforeAll(async () => {
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>联户</title>');
    fs.mkdirSync(path.join(dist, 'assets'));
    web = await createTestApp({ webDist: dist });
  });
  afterAll(() => web.close());

  it('serves index.html for client-side routes', async () => {
    const res = await web.anonymous.get('/regions/433124213000');
    expect(res.status).toBe(200);
    expect(String(res.body)).toContain('<title>联户</title>');
  });

  it('serves an asset added after start-up (a rebuild needs no restart)', async () => {
    fs.writeFileSync(path.join(dist, 'assets', 'later.js'), 'console.log(1)');
    const res = await web.anonymous.get('/assets/later.js');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('javascript');
  });

  it('answers a missing asset with 404, not the page', async () => {
    expect((await web.anonymous.get('/assets/missing-abc.js')).status).toBe(404);
  });
});
