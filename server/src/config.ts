import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Uploaded and generated files (imports, reports, photos): platform/storage.ts. */
  filesDir: string;
  databaseUrl: string | undefined;
  /** Session lifetime; idle sessions also expire after sessionIdleMinutes. */
  sessionHours: number;
  sessionIdleMinutes: number;
  /** Serve the built web client from this folder when it exists. */
  webDist: string;
  version: string;
  /**
   * Proxies whose X-Forwarded-For is believed (LIANHU_TRUST_PROXY: their addresses or CIDRs,
   * comma-separated). Unset: none, the client's own address counts, so a client cannot name its
   * address in a header to dodge the sign-in limits.
   */
  trustProxy: string[] | false;
  /**
   * Demo mode (LIANHU_DEMO=1, or `serve --demo` as `npm start` runs it): the demo accounts keep their shared password.
   * Outside it, an account signing in with a password the policy refuses must change it first.
   */
  demo: boolean;
  /** Where the server log goes when not stdout (tests collect it to scan it). */
  logStream?: NodeJS.WritableStream;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  const dataDir = path.resolve(env.LIANHU_DATA_DIR ?? './data');
  return {
    port,
    // Only this machine unless told otherwise: a reverse proxy in front is the usual setup.
    host: env.HOST || '127.0.0.1',
    dataDir,
    filesDir: path.resolve(env.LIANHU_FILES_DIR ?? path.join(dataDir, 'files')),
    databaseUrl: env.DATABASE_URL || undefined,
    sessionHours: Number(env.LIANHU_SESSION_HOURS ?? 12),
    sessionIdleMinutes: Number(env.LIANHU_SESSION_IDLE_MINUTES ?? 120),
    webDist: path.resolve(import.meta.dirname, '../../web/dist'),
    version: env.npm_package_version ?? '0.1.0',
    trustProxy: trustedProxies(env.LIANHU_TRUST_PROXY),
    demo: env.LIANHU_DEMO === '1' || env.LIANHU_DEMO === 'true',
  };
}

/** LIANHU_TRUST_PROXY: "127.0.0.1" or "10.0.0.2, 192.168.1.0/24"; "true" or "*" is refused (it would trust anyone). */
export function trustedProxies(raw: string | undefined): string[] | false {
  const list = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length === 0) return false;
  for (const a of list) {
    if (!/^[0-9a-f.:]+(\/\d{1,3})?$/i.test(a)) throw new Error(`LIANHU_TRUST_PROXY lists proxy addresses (e.g. 127.0.0.1 or 10.0.0.0/8), got "${a}"`);
  }
  return list;
}
