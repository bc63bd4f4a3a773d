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
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  const dataDir = path.resolve(env.LIANHU_DATA_DIR ?? './data');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    filesDir: path.resolve(env.LIANHU_FILES_DIR ?? path.join(dataDir, 'files')),
    databaseUrl: env.DATABASE_URL || undefined,
    sessionHours: Number(env.LIANHU_SESSION_HOURS ?? 12),
    sessionIdleMinutes: Number(env.LIANHU_SESSION_IDLE_MINUTES ?? 120),
    webDist: path.resolve(import.meta.dirname, '../../web/dist'),
    version: env.npm_package_version ?? '0.1.0',
  };
}
