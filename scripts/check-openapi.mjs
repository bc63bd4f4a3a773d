#!/usr/bin/env node
// Fails when web/src/api/openapi.json (from which the web client's types are generated) is not
// the document the server publishes: a route changed without `npm run gen:api`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const committed = path.join(root, 'web/src/api/openapi.json');
const before = fs.readFileSync(committed, 'utf8');
const r = spawnSync('npx', ['tsx', 'server/scripts/openapi.ts'], { cwd: root, encoding: 'utf8' });
const now = fs.readFileSync(committed, 'utf8');
if (now !== before) {
  const copy = path.join(os.tmpdir(), 'openapi.published.json');
  fs.writeFileSync(copy, now);
  fs.writeFileSync(committed, before);
  console.error(`web/src/api/openapi.json differs from what the server publishes (${copy}): run npm run gen:api and commit the result`);
  process.exit(1);
}
if (r.status !== 0) {
  console.error(r.stderr);
  process.exit(1);
}
console.log('web/src/api/openapi.json is what the server publishes');
