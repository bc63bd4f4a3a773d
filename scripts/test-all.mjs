#!/usr/bin/env node
// Every test of the project, in one command (npm test): types and lint, the committed OpenAPI
// document against the server's, server unit and integration tests on the embedded database
// (the PostgreSQL that Lianhu starts itself), the same integration suite on a PostgreSQL server,
// web unit tests, and browser journeys in Chromium. Prints one closing line "N passed, N failed",
// and how many distinct tests ran (the integration tests run twice, once per database).
// A suite whose prerequisite is missing (no PostgreSQL server, no Chromium) is skipped with a
// clear message on a developer's machine, and fails under CI=true, where nothing may be skipped:
// neither a suite nor a single test (it.skip, skipIf) unless it is in `allowedSkips` below.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'server/.test-data');
fs.mkdirSync(out, { recursive: true });
const ci = process.env.CI === 'true' || process.env.CI === '1';
const pgUrl = process.env.LIANHU_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Tests that may be skipped under CI, each with the reason (none today). */
const allowedSkips = new Map([]);
const distinct = new Set();

const totals = { passed: 0, failed: 0, skipped: 0 };
const notes = [];

function run(title, cmd, args, env = {}) {
  console.log(`\n━━ ${title} ━━`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function vitest(title, args, env = {}) {
  const report = path.join(out, `${title.replace(/\W+/g, '-')}.json`);
  fs.rmSync(report, { force: true });
  const ok = run(title, 'npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile=${report}`], env);
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    for (const file of r.testResults ?? []) {
      for (const t of file.assertionResults ?? []) {
        const name = `${path.relative(root, file.name)} › ${t.fullName}`;
        distinct.add(name);
        if ((t.status === 'pending' || t.status === 'skipped' || t.status === 'todo') && ci && !allowedSkips.has(name)) {
          totals.failed += 1;
          notes.push(`${title}: skipped under CI: ${name}`);
        }
      }
    }
    if (r.numTotalTests === 0) {
      totals.failed += 1;
      notes.push(`${title}: ran no test`);
    }
    if (!ok && r.numFailedTests === 0) {
      totals.failed += 1;
      notes.push(`${title}: the runner failed outside any test`);
    }
  } else {
    totals.failed += 1;
    notes.push(`${title}: no report (the runner crashed)`);
  }
}

function step(title, cmd, args) {
  if (run(title, cmd, args)) totals.passed += 1;
  else {
    totals.failed += 1;
    notes.push(`${title} failed`);
  }
}

function skipOrFail(title, why) {
  if (ci) {
    totals.failed += 1;
    notes.push(`${title}: ${why} — under CI nothing may be skipped`);
    console.log(`\n━━ ${title} ━━\nFAILED: ${why}`);
  } else {
    notes.push(`SKIPPED ${title}: ${why}`);
    console.log(`\n━━ ${title} ━━\nSKIPPED: ${why}`);
  }
}

const reachable = (url) =>
  new Promise((resolve) => {
    const u = new URL(url);
    const s = net.connect({ host: u.hostname, port: Number(u.port || 5432) });
    s.setTimeout(2000);
    s.on('connect', () => (s.destroy(), resolve(true)));
    s.on('error', () => resolve(false));
    s.on('timeout', () => (s.destroy(), resolve(false)));
  });

const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

if (want('static')) {
  step('types: server', 'npx', ['tsc', '-p', 'server']);
  step('types: web', 'npx', ['tsc', '-p', 'web']);
  step('types: bench', 'npx', ['tsc', '-p', 'bench']);
  step('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
  step('OpenAPI document committed as the server publishes it', 'node', ['scripts/check-openapi.mjs']);
}
// LIANHU_TEST_DATABASE_URL would turn the embedded run into a second run on that server.
if (want('server')) vitest('server on the embedded PostgreSQL', ['--root', 'server'], { LIANHU_TEST_DATABASE_URL: '' });
if (want('postgres')) {
  if (await reachable(pgUrl)) {
    vitest('server integration on PostgreSQL', ['--root', 'server', 'int.test'], { LIANHU_TEST_DATABASE_URL: pgUrl });
  } else {
    skipOrFail('server integration on PostgreSQL', `no PostgreSQL server at ${pgUrl} (set LIANHU_TEST_DATABASE_URL, or start one)`);
  }
}
if (want('web')) vitest('web', ['--config', 'web/vitest.config.ts']);
if (want('e2e')) {
  if (fs.existsSync(chromium)) vitest('browser journeys', ['--config', 'e2e/vitest.config.ts']);
  else skipOrFail('browser journeys', `no Chromium at ${chromium} (Debian: apt-get install chromium fonts-noto-cjk)`);
}

console.log('\n━━ summary ━━');
for (const n of notes) console.log(`- ${n}`);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped} (${distinct.size} distinct tests; the integration tests count once per database)`);
process.exit(totals.failed > 0 ? 1 : 0);
