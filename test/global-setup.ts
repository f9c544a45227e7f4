// One PostgreSQL server per test run: migrate a template database once; every test file then
// gets its own copy (CREATE DATABASE … TEMPLATE …), so files run in parallel without sharing rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDb, migrateToLatest } from '../server/src/platform/db/db.ts';
import { ensureDatabase, startEmbeddedPostgres } from '../server/src/platform/db/embedded.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  let baseUrl: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'riza-test-'));
  if (external) {
    baseUrl = external;
  } else {
    const port = 55000 + Math.floor(Math.random() * 5000);
    const server = await startEmbeddedPostgres({ dir, port, durable: false, persistent: false });
    baseUrl = server.connectionString('postgres');
    stop = () => server.stop();
  }
  const template = 'riza_template';
  const url = new URL(baseUrl);
  url.pathname = `/${template}`;
  const maintenance = new URL(baseUrl);
  maintenance.pathname = '/postgres';
  await ensureDatabase(maintenance.toString(), template);
  const db = createDb(url.toString(), 2);
  await migrateToLatest(db);
  await db.destroy();
  project.provide('pgUrl', maintenance.toString());
  project.provide('pgTemplate', template);
  return async () => {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
