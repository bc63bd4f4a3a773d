import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { loadDivisions } from '../src/features/regions/service.js';
import { users } from '../src/features/users/tables.js';
import { newId } from '../src/platform/ids.js';
import { hashPassword } from '../src/platform/password.js';
import type { Role } from '../src/platform/roles.js';
import { countyOf } from '../src/platform/scope.js';
import { adminQuery, templateDbName, testDatabaseKind, testServerUrl, urlWithDatabase } from './databases.js';

export const PASSWORD = 'test-pass-1';
/** 花垣县 and two of its townships: 补抽乡 (ours in most tests) and 猫儿乡 (someone else's). */
export const COUNTY = '433124000000';
export const BUCHOU = '433124213000';
export const JIJIU = '433124213209';
export const MAOER = '433124206000';

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
  /** Creates an account directly in the database (no audit): the cast of a test story. */
  createUser(username: string, role: Role, regionCode: string): Promise<string>;
  /** Logs in and returns a client that sends the session cookie and CSRF token. */
  login(username: string, password?: string): Promise<Client>;
  anonymous: Client;
}

export interface Client {
  get(url: string): Promise<Res>;
  post(url: string, body?: unknown): Promise<Res>;
  patch(url: string, body?: unknown): Promise<Res>;
  request(opts: InjectOptions): Promise<Res>;
  csrfToken: string;
}

export interface Res {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  headers: Record<string, unknown>;
  /** The bytes as sent (downloads: .xlsx, PDF). */
  raw: Buffer;
}

async function openTestDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const name = `lianhu_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name} template ${templateDbName}`);
  const database = await openDatabase({ databaseUrl: urlWithDatabase(testServerUrl(), name), kind: testDatabaseKind });
  return { database, drop: () => adminQuery(`drop database if exists ${name} with (force)`).then(() => undefined) };
}

export async function createTestApp(configOverrides: Partial<Config> = {}): Promise<TestContext> {
  const { database, drop } = await openTestDatabase();
  await loadDivisions(database.db, '433124');
  // Uploads and reports go to a folder of this test app's own, never the developer's ./data/files.
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianhu-test-files-'));
  const config = { ...loadConfig({}), webDist: '/nonexistent', filesDir, ...configOverrides };
  const app = await buildApp(database, config);
  const passwordHash = await hashPassword(PASSWORD);

  const makeClient = (cookie: string | null, csrfToken: string): Client => {
    const request = async (opts: InjectOptions): Promise<Res> => {
      const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
      if (cookie) headers.cookie = cookie;
      if (csrfToken && !('x-csrf-token' in headers)) headers['x-csrf-token'] = csrfToken;
      const res = await app.inject({ ...opts, headers });
      let body: unknown = res.body;
      try {
        body = res.json();
      } catch {
        /* not JSON */
      }
      return { status: res.statusCode, body, headers: res.headers, raw: res.rawPayload };
    };
    return {
      csrfToken,
      request,
      get: (url) => request({ method: 'GET', url }),
      post: (url, body) => request({ method: 'POST', url, payload: body as InjectOptions['payload'] }),
      patch: (url, body) => request({ method: 'PATCH', url, payload: body as InjectOptions['payload'] }),
    };
  };

  return {
    app,
    database,
    anonymous: makeClient(null, ''),
    async close() {
      await app.close();
      await database.close();
      await drop();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
    async createUser(username, role, regionCode) {
      const id = newId();
      await database.db.insert(users).values({
        id,
        username,
        displayName: username,
        role,
        regionCode,
        countyCode: countyOf(regionCode) ?? regionCode.slice(0, 6),
        passwordHash,
      });
      return id;
    },
    async login(username, password = PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const setCookie = res.headers['set-cookie'];
      const raw = Array.isArray(setCookie) ? setCookie[0]! : String(setCookie);
      return makeClient(raw.split(';')[0]!, (res.json() as { csrfToken: string }).csrfToken);
    },
  };
}
