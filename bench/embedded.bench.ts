/**
 * The embedded default keeps serving while a clerk imports: the app as `npm start` runs it (a child
 * process, the demo township loaded on first start), 20 simulated clerks listing the township's
 * households and opening household pages in a closed loop (a short pause between requests), and
 * one clerk importing a 20,000-member .xlsx (--quick: 5,000) through the HTTP API: upload and dry
 * run, then apply (valid rows), polling the job as the wizard does.
 *
 * Figures: the clerks' latency before the import (the same load, no import) and during it
 * (p50/p95/p99/max), the import's rows/s (rows in the file / (apply done − upload start)), the
 * import's own poll latency (the wizard's progress must keep answering), and the server process's
 * peak RSS (VmHWM). Baseline, in the same run: the same app, file and load on the machine's
 * PostgreSQL server (DATABASE_URL, a scratch database). Targets (issue 10): clerks' p99 during the
 * import < 500 ms and < 3× their p99 before it; embedded import rate ≥ 0.8 of the server's.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { divisionsUnder } from '../server/src/features/regions/divisions.js';

const SERVER = process.env.LIANHU_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TOWNSHIP = '433124213000';
const CLERKS = 20;
const PAUSE_MS = 100;
const root = path.resolve(import.meta.dirname, '..');

interface Village {
  code: string;
  name: string;
}

function villagesOfBuchou(): Village[] {
  return (divisionsUnder(TOWNSHIP.slice(0, 9)) ?? []).filter((d) => d.code !== TOWNSHIP).sort((a, b) => a.code.localeCompare(b.code));
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

/** Peak resident memory of a process (Linux: VmHWM), in MB. */
function peakRssMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

class Session {
  cookie = '';
  csrf = '';
  constructor(readonly base: string) {}
  async login(username: string, password: string) {
    const res = await fetch(`${this.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    this.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    this.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  }
  async get<T>(url: string): Promise<T> {
    const res = await fetch(`${this.base}${url}`, { headers: { cookie: this.cookie } });
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
  async send<T>(method: string, url: string, body: FormData | object, json = true): Promise<T> {
    const res = await fetch(`${this.base}${url}`, {
      method,
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, ...(json ? { 'content-type': 'application/json' } : {}) },
      body: json ? JSON.stringify(body) : (body as FormData),
    });
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
}

interface Job {
  id: string;
  status: string;
  totalRows: number;
  errorRows: number;
  failure?: string | null;
}

async function startApp(env: Record<string, string>, port: number): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/src/main.ts'), 'serve', '--demo'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LIANHU_SCHEDULER: 'off', LIANHU_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the app exited: ${out}`);
    if (/is running at/.test(out)) return { child, base };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the app did not start in 150 s');
}

async function stopApp(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Clerks in a closed loop until stopped; latencies in ms of every answered request. */
function clerks(session: Session, householdIds: string[]) {
  const latencies: number[] = [];
  let errors = 0;
  let running = true;
  const one = async (i: number) => {
    let n = i;
    while (running) {
      const t0 = performance.now();
      try {
        if (n++ % 2 === 0) await session.get(`/api/households?regionCode=${TOWNSHIP}&page=${(n % 10) + 1}&pageSize=20`);
        else await session.get(`/api/households/${householdIds[n % householdIds.length]}`);
        latencies.push(performance.now() - t0);
      } catch {
        errors++;
      }
      await new Promise((r) => setTimeout(r, PAUSE_MS));
    }
  };
  const loops = Array.from({ length: CLERKS }, (_, i) => one(i));
  return {
    take: () => latencies.splice(0),
    errors: () => errors,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : 0);

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const r = (v: number) => Math.round(v * 10) / 10;
  return { n: s.length, p50: r(percentile(s, 0.5)), p95: r(percentile(s, 0.95)), p99: r(percentile(s, 0.99)), max: r(s.at(-1) ?? 0) };
};

async function measure(label: string, env: Record<string, string>, file: string, windowMs: number) {
  const port = await freePort();
  const t0 = performance.now();
  const { child, base } = await startApp(env, port);
  console.log(`${label}: app up with the demo township in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  try {
    const clerk = new Session(base);
    await clerk.login('township', 'lianhu2026');
    const importer = new Session(base);
    await importer.login('township', 'lianhu2026');
    const page = await clerk.get<{ items: { id: string }[] }>(`/api/households?regionCode=${TOWNSHIP}&pageSize=200`);
    const load = clerks(clerk, page.items.map((h) => h.id));
    await new Promise((r) => setTimeout(r, windowMs));
    const before = stats(load.take());

    const polls: number[] = [];
    const poll = async (id: string, until: (s: string) => boolean) => {
      for (;;) {
        const p0 = performance.now();
        const job = await importer.get<Job>(`/api/imports/${id}`);
        polls.push(performance.now() - p0);
        if (until(job.status)) return job;
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    const i0 = performance.now();
    const form = new FormData();
    form.append('kind', 'households');
    form.append('file', new Blob([fs.readFileSync(file)]), 'register.xlsx');
    const created = await importer.send<Job>('POST', '/api/imports', form, false);
    const checked = await poll(created.id, (s) => s !== 'validating');
    if (checked.status !== 'validated') throw new Error(`${label}: the check ended ${checked.status}: ${checked.failure}`);
    const i1 = performance.now();
    await importer.send('POST', `/api/imports/${created.id}/apply`, { mode: 'valid_rows' });
    const done = await poll(created.id, (s) => s !== 'importing');
    if (done.status !== 'done') throw new Error(`${label}: the apply ended ${done.status}: ${done.failure}`);
    const i2 = performance.now();
    const during = stats(load.take());
    await load.stop();
    const seconds = (i2 - i0) / 1000;
    const result = {
      rows: checked.totalRows,
      import_s: Number(seconds.toFixed(2)),
      check_s: Number(((i1 - i0) / 1000).toFixed(2)),
      apply_s: Number(((i2 - i1) / 1000).toFixed(2)),
      import_rows_per_s: Math.round(checked.totalRows / seconds),
      before,
      during,
      poll_max_ms: Math.round(Math.max(...polls)),
      clerk_errors: load.errors(),
      peak_rss_mb: peakRssMb(child.pid!),
    };
    console.log(`${label}: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await stopApp(child);
  }
}

export async function run({ quick }: { quick: boolean }) {
  const members = quick ? 5_000 : 20_000;
  const windowMs = quick ? 5_000 : 15_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianhu-embedded-bench-'));
  fs.chmodSync(dir, 0o711); // the embedded cluster runs as the postgres account when we are root
  const file = path.join(dir, 'register.xlsx');
  const gen = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./import.bench.ts', import.meta.url)), '--generate', file, String(members), JSON.stringify(villagesOfBuchou())], {
    stdio: 'inherit',
  });
  if (gen.status !== 0) throw new Error('generating the file failed');

  const dbName = `lianhu_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const serverUrl = new URL(SERVER);
  serverUrl.pathname = `/${dbName}`;
  try {
    const embedded = await measure('embedded', { LIANHU_DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '' }, file, windowMs);
    const server = await measure('postgres server', { DATABASE_URL: serverUrl.toString() }, file, windowMs);
    const result = {
      members,
      clerks: CLERKS,
      import_rows_per_s: embedded.import_rows_per_s,
      server_import_rows_per_s: server.import_rows_per_s,
      ratio_to_server: Number((embedded.import_rows_per_s / server.import_rows_per_s).toFixed(3)),
      p50_ms_before: embedded.before.p50,
      p99_ms_before: embedded.before.p99,
      p50_ms_during: embedded.during.p50,
      p95_ms_during: embedded.during.p95,
      p99_ms_during: embedded.during.p99,
      max_ms_during: embedded.during.max,
      p99_during_over_before: Number((embedded.during.p99 / embedded.before.p99).toFixed(2)),
      poll_max_ms: embedded.poll_max_ms,
      check_s: embedded.check_s,
      apply_s: embedded.apply_s,
      clerk_errors: embedded.clerk_errors,
      peak_rss_mb: embedded.peak_rss_mb,
      server_p99_ms_before: server.before.p99,
      server_p99_ms_during: server.during.p99,
      server_peak_rss_mb: server.peak_rss_mb,
    };
    console.table(result);
    return result;
  } finally {
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
