import fs from 'node:fs';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { migrate } from './db/migrate.js';
import { upgradeFromPglite } from './db/upgrade-pglite.js';
import { backup, restore } from './db/backup.js';
import { lianhuServing, runningEmbeddedUrl, startEmbedded } from './db/embedded.js';
import { buildApp } from './app.js';
import { ensureDemo, printDemoAccounts } from './demo/index.js';
import { startScheduler } from './features/notifications/jobs.js';
import { loadRegionTree } from './features/regions/load-service.js';

/** lianhu serve | migrate | demo [--size N] | regions load <code> | upgrade-data | backup [file] | restore <file> */
async function main() {
  const [command = 'serve', ...args] = process.argv.slice(2);
  const config = loadConfig();
  // `serve --demo` (npm start): the demo accounts keep their shared password (config.demo).
  if (args.includes('--demo')) config.demo = true;
  if (command === 'upgrade-data') {
    if (config.databaseUrl) throw new Error('upgrade-data moves the embedded database of LIANHU_DATA_DIR; unset DATABASE_URL');
    const copied = await upgradeFromPglite(config.dataDir);
    const rows = Object.values(copied).reduce((a, b) => a + b, 0);
    console.log(`upgraded ${config.dataDir}: ${rows} rows in ${Object.keys(copied).length} tables copied into the embedded PostgreSQL; the old files are in ${config.dataDir}/pglite-old`);
    return;
  }
  if (command === 'backup' || command === 'restore') {
    await maintenance(command, args[0], config.databaseUrl, config.dataDir);
    return;
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(database);
  switch (command) {
    case 'migrate':
      console.log('migrations applied');
      await database.close();
      return;
    case 'demo': {
      const sizeArg = args.indexOf('--size');
      const households = sizeArg >= 0 ? Number(args[sizeArg + 1]) : undefined;
      await ensureDemo(database.db, { households, force: true });
      printDemoAccounts(`http://localhost:${config.port}`);
      await database.close();
      return;
    }
    case 'regions': {
      // lianhu regions load 620524: a province, city or county of the shipped national extract.
      if (args[0] !== 'load' || !args[1]) throw new Error('usage: regions load <province, city or county code, e.g. 620524>');
      const r = await loadRegionTree(database.db, args[1]);
      const levels = r.levels.map((l) => `${l.level} ${l.inserted}/${l.total}`).join(', ');
      console.log(`${r.name} (${r.code}): ${r.inserted} of ${r.total} regions added (${levels}) in ${(r.ms / 1000).toFixed(1)} s`);
      await database.close();
      return;
    }
    case 'serve': {
      const loaded = await ensureDemo(database.db, {});
      const app = await buildApp(database, config, { logLevel: process.env.LIANHU_LOG_LEVEL ?? 'warn' });
      await app.listen({ port: config.port, host: config.host });
      const stopScheduler = process.env.LIANHU_SCHEDULER === 'off' ? () => undefined : startScheduler(database.db, { log: (msg) => app.log.error(msg) });
      const where = database.kind === 'embedded' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
      console.log(`\nLianhu 联户 is running at http://localhost:${config.port}  (database: ${where})`);
      if (loaded) printDemoAccounts(`http://localhost:${config.port}`);
      const stop = async () => {
        stopScheduler();
        await app.close();
        await database.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop());
      process.on('SIGTERM', () => void stop());
      return;
    }
    default:
      console.error(`unknown command "${command}"; use serve, migrate, demo or regions`);
      process.exit(2);
  }
}

/** Backup from, or restore into, DATABASE_URL or the embedded database (running or not). */
async function maintenance(command: 'backup' | 'restore', file: string | undefined, databaseUrl: string | undefined, dataDir: string) {
  const running = databaseUrl ?? runningEmbeddedUrl(dataDir);
  if (command === 'restore' && !databaseUrl && lianhuServing(dataDir)) {
    throw new Error(`stop Lianhu before restoring into ${dataDir} (or restore into a new folder: LIANHU_DATA_DIR=…)`);
  }
  const started = running ? undefined : await startEmbedded(dataDir);
  const url = running ?? started!.url;
  try {
    if (command === 'backup') {
      const out = file ?? `lianhu-backup-${new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '')}.gz`;
      const manifest = await backup(url, fs.createWriteStream(out));
      const rows = manifest.tables.reduce((a, t) => a + t.rows, 0);
      console.log(`backed up ${rows} rows of ${manifest.tables.length} tables to ${out} (${(fs.statSync(out).size / 1e6).toFixed(1)} MB)`);
    } else {
      if (!file) throw new Error('restore <file>: name the backup file');
      const manifest = await restore(url, fs.createReadStream(file));
      const rows = manifest.tables.reduce((a, t) => a + t.rows, 0);
      console.log(`restored ${rows} rows of ${manifest.tables.length} tables from ${file} (made ${manifest.createdAt})`);
    }
  } finally {
    await started?.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
