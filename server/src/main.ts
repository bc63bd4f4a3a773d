import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { migrate } from './db/migrate.js';
import { upgradeFromPglite } from './db/upgrade-pglite.js';
import { buildApp } from './app.js';
import { ensureDemo, printDemoAccounts } from './demo/index.js';
import { startScheduler } from './features/notifications/jobs.js';

/** lianhu serve | migrate | demo [--size N] | upgrade-data */
async function main() {
  const [command = 'serve', ...args] = process.argv.slice(2);
  const config = loadConfig();
  if (command === 'upgrade-data') {
    if (config.databaseUrl) throw new Error('upgrade-data moves the embedded database of LIANHU_DATA_DIR; unset DATABASE_URL');
    const copied = await upgradeFromPglite(config.dataDir);
    const rows = Object.values(copied).reduce((a, b) => a + b, 0);
    console.log(`upgraded ${config.dataDir}: ${rows} rows in ${Object.keys(copied).length} tables copied into the embedded PostgreSQL; the old files are in ${config.dataDir}/pglite-old`);
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
      console.error(`unknown command "${command}"; use serve, migrate or demo`);
      process.exit(2);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
