/**
 * Month-end surge: N cadres at once submitting visits and diary entries, against PostgreSQL,
 * through the real server in a child process (loopback only, bounded in time).
 *
 * A scratch database (dropped at the end) gets 补抽乡's regions, 200 cadres with accounts, and each
 * cadre two paired households. The cadres log in; then each cadre, on a connection of its own,
 * cycles: record a visit, record another, start the month's diary entry (cites the month's
 * visits), submit it — for 30 s (8 s with --quick), in two runs:
 * - the month-end run (the headline figures): every one of the 200 cadres sends a request each
 *   second, all at once — far above any person's pace (a visit form takes minutes to fill), so
 *   this is 200 cadres' month-end rush compressed. Latencies are corrected for coordinated
 *   omission (a request that could not be sent on time counts from when it should have been);
 * - the saturation run: the same 200 connections sending back to back with no pause at all, to
 *   find the most the machine can take (saturation_rps) and what waiting in line then costs.
 * Baseline in the same run: GET /api/health at the same concurrency, back to back.
 *
 * LIANHU_BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) is the server to use.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { newId } from '../server/src/platform/ids.js';
import { openLoad, type User } from './open-load.js';
import { CADRES, OTHER_HOUSEHOLDS, PASSWORD, PAST_VISITS, seed } from './surge-seed.js';

/** Requests a second each cadre sends in the month-end run. */
const PER_CADRE_RATE = 1;

const adminUrl = process.env.LIANHU_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const withDb = (url: string, db: string) => {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
};
async function admin(sqlText: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sqlText);
  } finally {
    await c.end();
  }
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

function pct(sorted: number[], p: number) {
  if (sorted.length === 0) return 0;
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1));
}

async function startServer(url: string, port: number, dataDir: string): Promise<ChildProcess> {
  // LIANHU_BENCH_SERVER_FLAGS: extra node flags for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it.
  const flags = (process.env.LIANHU_BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', 'server/src/main.ts', 'serve'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      LIANHU_DATA_DIR: dataDir,
      LIANHU_SCHEDULER: 'off',
      LIANHU_LOG_LEVEL: 'error',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (d: Buffer) => process.stderr.write(`[server] ${d}`));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return child;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGTERM');
  throw new Error('server did not start within 60 s');
}

async function login(base: string, username: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

interface Session {
  cookie: string;
  csrfToken: string;
  households: string[];
}

const headersOf = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken, 'content-type': 'application/json' });

/** A cadre's month-end, over and over: two visits, the month's diary entry written, then submitted. */
function cadreAtMonthEnd(s: Session, today: string, month: string): User {
  let step = 0;
  let entry: { id: string; version: number } | null = null;
  return {
    next() {
      const k = step++ % 4;
      if (k < 2 || (k === 3 && !entry)) {
        return {
          method: 'POST',
          path: '/api/visits',
          headers: headersOf(s),
          body: {
            id: newId(),
            kind: 'home_visit',
            visitedOn: today,
            householdIds: [s.households[step % s.households.length]],
            discussed: '月底走访，了解生产生活情况',
            production: '玉米已收',
            mood: '稳定',
          },
        };
      }
      if (k === 2) {
        entry = null;
        return {
          method: 'POST',
          path: '/api/diary-entries',
          headers: headersOf(s),
          body: { id: newId(), month, body: '<p>本月走访联系户，了解生产生活情况，帮助解决实际困难。</p>' },
        };
      }
      const submit = { method: 'POST' as const, path: `/api/diary-entries/${entry!.id}/submit`, headers: headersOf(s), body: { version: entry!.version } };
      return submit;
    },
    answer(status, body) {
      if (step % 4 === 3 && status < 300) entry = JSON.parse(body) as { id: string; version: number };
    },
  };
}

/** CPU time (user + system) a process has used, from /proc. */
function cpuMsOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** CPU time of each PostgreSQL backend connected to a database (same machine: /proc). */
async function backendCpuMs(dbName: string): Promise<Map<number, number>> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [dbName]);
    const out = new Map<number, number>();
    for (const { pid } of rows) {
      try {
        out.set(pid, cpuMsOf(pid));
      } catch {
        /* gone meanwhile */
      }
    }
    return out;
  } finally {
    await c.end();
  }
}

function cannon(opts: autocannon.Options): Promise<{ result: autocannon.Result; latencies: number[] }> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (err, result) => (err ? reject(err) : resolve({ result, latencies })));
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
}

export async function run({ quick }: { quick: boolean }) {
  const dbName = `lianhu_surge_${randomBytes(4).toString('hex')}`;
  const url = withDb(adminUrl, dbName);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianhu-surge-'));
  await admin(`create database ${dbName}`);
  // LIANHU_BENCH_LOG_STATEMENTS=1: PostgreSQL logs every statement of the run with its duration (to find the costly ones).
  if (process.env.LIANHU_BENCH_LOG_STATEMENTS) await admin(`alter database ${dbName} set log_min_duration_statement = 0`);
  let server: ChildProcess | null = null;
  try {
    const t0 = performance.now();
    const cast = await seed(url);
    console.log(`seeded ${CADRES} cadres, ${CADRES * 2} paired households, ${OTHER_HOUSEHOLDS} more and ${PAST_VISITS} past visits in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const port = await freePort();
    server = await startServer(url, port, dataDir);
    const base = `http://127.0.0.1:${port}`;
    const sessions: Session[] = [];
    for (let i = 0; i < cast.length; i += 8) {
      const batch = cast.slice(i, i + 8);
      sessions.push(...(await Promise.all(batch.map(async (c) => ({ ...(await login(base, c.username)), households: c.households })))));
    }
    console.log(`${sessions.length} cadres logged in`);
    const duration = quick ? 8 : 30;
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const month = today.slice(0, 7);

    // Baseline: the cheapest route at the same concurrency.
    const health = await cannon({ url: `${base}/api/health`, connections: CADRES, duration: Math.min(5, duration) });

    let next = 0;
    type Ctx = { s?: Session; entryId?: string; version?: number; n?: number };
    const session = (ctx: Ctx) => (ctx.s ??= sessions[next++ % sessions.length]!);
    const headers = headersOf;
    const visit = {
      method: 'POST' as const,
      path: '/api/visits',
      setupRequest: (req: autocannon.Request, ctx: Ctx) => {
        const s = session(ctx);
        ctx.n = (ctx.n ?? 0) + 1;
        const householdId = s.households[ctx.n % s.households.length]!;
        return {
          ...req,
          headers: headers(s),
          body: JSON.stringify({
            id: newId(),
            kind: 'home_visit',
            visitedOn: today,
            householdIds: [householdId],
            discussed: '月底走访，了解生产生活情况',
            production: '玉米已收',
            mood: '稳定',
          }),
        };
      },
    };
    const requests: autocannon.Request[] = [
      visit,
      visit,
      {
        method: 'POST',
        path: '/api/diary-entries',
        setupRequest: (req, ctx: Ctx) => {
          const s = session(ctx);
          return {
            ...req,
            headers: headers(s),
            body: JSON.stringify({ id: newId(), month, body: '<p>本月走访联系户，了解生产生活情况，帮助解决实际困难。</p>' }),
          };
        },
        onResponse: (status, body, ctx: Ctx) => {
          if (status < 300) {
            const e = JSON.parse(body) as { id: string; version: number };
            ctx.entryId = e.id;
            ctx.version = e.version;
          }
        },
      },
      {
        method: 'POST',
        setupRequest: (req, ctx: Ctx) => {
          const s = session(ctx);
          return {
            ...req,
            path: `/api/diary-entries/${ctx.entryId}/submit`,
            headers: headers(s),
            body: JSON.stringify({ version: ctx.version }),
          };
        },
      },
    ];
    // Warm-up (not measured): the server's first requests compile code paths and open pool connections.
    await cannon({ url: base, connections: 20, duration: 3, initialContext: {}, requests });
    const paced = await openLoad(base, sessions.map((s) => cadreAtMonthEnd(s, today, month)), PER_CADRE_RATE, duration);
    const backends0 = await backendCpuMs(dbName);
    const cpu0 = cpuMsOf(server.pid!);
    const { result, latencies } = await cannon({ url: base, connections: CADRES, duration, initialContext: {}, requests });
    const serverCpuMsPerRequest = (cpuMsOf(server.pid!) - cpu0) / result.requests.total;
    const backends1 = await backendCpuMs(dbName);
    let dbCpuMs = 0;
    for (const [pid, ms] of backends1) dbCpuMs += ms - (backends0.get(pid) ?? 0);
    latencies.sort((a, b) => a - b);
    paced.latencies.sort((a, b) => a - b);
    const out = {
      rps: Math.round(paced.requests / paced.seconds),
      p50_ms: pct(paced.latencies, 50),
      p95_ms: pct(paced.latencies, 95),
      p99_ms: pct(paced.latencies, 99),
      max_ms: pct(paced.latencies, 100),
      errors: paced.errors + result.errors + result.timeouts + result.non2xx,
      concurrency: CADRES,
      requests_per_cadre_per_s: PER_CADRE_RATE,
      duration_s: duration,
      requests: paced.requests,
      saturation_rps: Math.round(result.requests.average),
      // The server process's CPU time per request at saturation: steadier than rates on a shared machine.
      server_cpu_ms_per_request: Number(serverCpuMsPerRequest.toFixed(2)),
      // …and the PostgreSQL backends' serving the scratch database (same machine).
      db_cpu_ms_per_request: Number((dbCpuMs / result.requests.total).toFixed(2)),
      saturation_p50_ms: pct(latencies, 50),
      saturation_p99_ms: pct(latencies, 99),
      baseline_health_rps: Math.round(health.result.requests.average),
      baseline_health_p99_ms: pct(
        health.latencies.sort((a, b) => a - b),
        99,
      ),
    };
    console.log('status codes', JSON.stringify(paced.statuses), JSON.stringify(result.statusCodeStats));
    console.table(out);
    return out;
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    // LIANHU_BENCH_KEEP_DB=1 keeps the scratch database to look into afterwards.
    if (process.env.LIANHU_BENCH_KEEP_DB) console.log(`kept database ${dbName}`);
    else await admin(`drop database if exists ${dbName} with (force)`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
