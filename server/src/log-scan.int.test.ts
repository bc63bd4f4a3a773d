/**
 * The server log must never hold an ID number, a mobile number or a password hash (issue 12 #6):
 * the suite sends them in bodies and queries, makes requests fail with them in the database
 * error's text, and scans every line the server wrote, at the most verbose level.
 */
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, JIJIU, createTestApp, type Client, type TestContext } from '../test/app.js';
import { householdBody } from './features/households/fixtures.js';

const lines: string[] = [];
const logStream = new Writable({
  write(chunk: Buffer, _enc, done) {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  },
});

const idNumberPattern = /(?<!\d)\d{17}[\dXx](?!\d)/;
const mobilePattern = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const hashPattern = /\$argon2/;
const secretId = '433124196503120036';
const secretPhone = '13907435678';

let t: TestContext;
let clerk: Client;
let cadre: Client;

beforeAll(async () => {
  t = await createTestApp({ logStream });
  // A route that fails the way a driver does: its message holds the statement's parameters.
  t.app.get('/api/test-only/failing-query', async () => {
    const cause = Object.assign(new Error(`invalid byte sequence; Key (id_number)=(${secretId})`), { code: '23514' });
    throw Object.assign(new Error(`Failed query: insert into users values ($1, $2, $3)\nparams: ${secretId},${secretPhone},$argon2id$v=19$m=19456,t=2,p=1$abc`), { cause });
  });
  await t.createUser('log_admin', 'township_admin', BUCHOU);
  await t.createUser('log_cadre', 'cadre', BUCHOU);
  clerk = await t.login('log_admin');
  cadre = await t.login('log_cadre');
});
afterAll(() => t.close());

describe('the test app', () => {
  it('writes uploads and reports to a temporary folder of its own, not ./data/files', () => {
    expect(t.app.config.filesDir.startsWith(os.tmpdir())).toBe(true);
    expect(t.app.config.filesDir).not.toBe(path.resolve('./data/files'));
  });
});

describe('the server log', () => {
  it('holds no ID number, phone or password hash after requests full of them', async () => {
    const body = householdBody(JIJIU, '石金林');
    expect((await clerk.post('/api/households', body)).status).toBe(201);
    expect((await clerk.get(`/api/households?q=${secretId}`)).status).toBe(200);
    expect((await cadre.get(`/api/households?q=${secretPhone}`)).status).toBe(200);
    expect((await t.anonymous.post('/api/auth/login', { username: `a\u0000${secretId}`, password: secretPhone })).status).toBe(400);
    expect((await clerk.post('/api/users', { username: 'nul.user', displayName: `a\u0000b`, role: 'cadre', regionCode: JIJIU, password: 'river-stone-77', phone: secretPhone })).status).toBe(400);
    expect((await clerk.post('/api/users', { username: 'ok.user', displayName: '石花', role: 'cadre', regionCode: JIJIU, password: 'river-stone-77', phone: secretPhone })).status).toBe(201);
    expect((await clerk.get(`/api/test-only/failing-query?id=${secretId}&phone=${secretPhone}`)).status).toBe(500);

    expect(lines.length).toBeGreaterThan(10);
    expect(lines.some((l) => l.includes('request failed'))).toBe(true);
    for (const line of lines) {
      expect(line).not.toMatch(idNumberPattern);
      expect(line).not.toMatch(mobilePattern);
      expect(line).not.toMatch(hashPattern);
    }
  });
});
