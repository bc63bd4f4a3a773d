import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { adminQuery, pgliteTemplate, templateDbName, testServerUrl, urlWithDatabase } from './databases.js';

/** Migrates one template database per run; test files clone it (≈0.5 s) instead of migrating. */
export default async function setup() {
  if (testServerUrl) {
    await adminQuery(`drop database if exists ${templateDbName} with (force)`);
    await adminQuery(`create database ${templateDbName}`);
    const database = await openDatabase({ databaseUrl: urlWithDatabase(testServerUrl, templateDbName) });
    await migrate(database);
    await database.close();
    return () => adminQuery(`drop database if exists ${templateDbName} with (force)`).then(() => undefined);
  }
  const database = await openDatabase({});
  await migrate(database);
  const dump = await database.pglite!.dumpDataDir('gzip');
  fs.mkdirSync(path.dirname(pgliteTemplate), { recursive: true });
  fs.writeFileSync(pgliteTemplate, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  return () => fs.rmSync(pgliteTemplate, { force: true });
}
