/**
 * Writes the OpenAPI document the server serves to web/src/api/openapi.json, from which the web
 * client's types are generated (npm run gen:api). No database is touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/client.js';

const fake = { db: {} as Database['db'], kind: 'embedded', close: async () => undefined } satisfies Database;
const app = await buildApp(fake, { ...loadConfig({}), webDist: '/nonexistent' }, { recoverJobs: false });
await app.ready();
const out = path.resolve(import.meta.dirname, '../../web/src/api/openapi.json');
fs.writeFileSync(out, JSON.stringify(app.swagger(), null, 1) + '\n');
await app.close();
console.log(`wrote ${out}`);
