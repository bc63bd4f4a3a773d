/**
 * Sign-in and an authenticated read, through the whole HTTP stack on the embedded database:
 * argon2id dominates login by design; the read shows the per-request cost of session lookup.
 * Baseline: GET /api/health in the same run (no session, no query).
 */
import { buildApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/config.js';
import { openDatabase } from '../server/src/db/client.js';
import { migrate } from '../server/src/db/migrate.js';
import { generateDemo } from '../server/src/demo/index.js';
import { DEMO_PASSWORD } from '../server/src/demo/accounts.js';

function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return Number(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!.toFixed(2));
}

async function time(n: number, f: () => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await f();
    ms.push(performance.now() - t0);
  }
  return ms;
}

export async function run({ quick }: { quick: boolean }) {
  const database = await openDatabase({});
  await migrate(database);
  await generateDemo(database.db, {});
  const app = await buildApp(database, { ...loadConfig({}), webDist: '/nonexistent', demo: true }); // the demo accounts sign in with the shared password
  const n = quick ? 20 : 100;
  let cookie = '';
  let i = 0;
  const login = await time(n, async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'township', password: DEMO_PASSWORD }, remoteAddress: `10.0.${i >> 8}.${i++ & 255}` });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode}`);
    cookie = String(res.headers['set-cookie']).split(';')[0]!;
  });
  const reads = await time(n * 5, () => app.inject({ method: 'GET', url: '/api/regions/433124213000/children', headers: { cookie } }));
  const health = await time(n * 5, () => app.inject({ method: 'GET', url: '/api/health' }));
  await app.close();
  await database.close();
  const result = {
    login_p50_ms: pct(login, 50),
    login_p95_ms: pct(login, 95),
    read_p50_ms: pct(reads, 50),
    read_p95_ms: pct(reads, 95),
    baseline_health_p50_ms: pct(health, 50),
  };
  console.table(result);
  return result;
}
