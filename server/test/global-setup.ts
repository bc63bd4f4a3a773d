import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../src/db/client.js';
import { startEmbedded } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { adminQuery, templateDbName, testServerUrl, urlWithDatabase } from './databases.js';

/**
 * Starts the run's embedded PostgreSQL (unless LIANHU_TEST_DATABASE_URL names a server) and
 * migrates one template database; test files clone it (CREATE DATABASE … TEMPLATE) instead of migrating.
 */
export default async function setup() {
  let stopEmbedded = async () => undefined as void;
  if (!process.env.LIANHU_TEST_DATABASE_URL) {
    const dir = path.resolve(import.meta.dirname, `../.test-data/pg-${process.env.LIANHU_TEST_RUN}`);
    fs.rmSync(dir, { recursive: true, force: true });
    const server = await startEmbedded(dir, { throwaway: true });
    process.env.LIANHU_TEST_EMBEDDED_URL = server.url;
    stopEmbedded = async () => {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  await adminQuery(`drop database if exists ${templateDbName} with (force)`);
  await adminQuery(`create database ${templateDbName}`);
  const database = await openDatabase({ databaseUrl: urlWithDatabase(testServerUrl(), templateDbName) });
  await migrate(database);
  await database.close();
  return async () => {
    await adminQuery(`drop database if exists ${templateDbName} with (force)`);
    await stopEmbedded();
  };
}
