import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll } from 'vitest';
import { type AppDeps, buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import type { Db } from '../server/src/platform/db/db.ts';
import { TEST_PASSWORD } from './factories.ts';

export async function createTestApp(
  db: Db,
  env: Record<string, string> = {},
  deps: Omit<AppDeps, 'db'> = {},
): Promise<FastifyInstance> {
  const dir = mkdtempSync(path.join(tmpdir(), 'riza-app-'));
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    RIZA_DATA_DIR: dir,
    DATABASE_URL: 'postgres://unused',
    ...env,
  });
  const app = await buildApp(config, { db, ...deps });
  await app.ready();
  afterAll(() => app.close());
  return app;
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

export async function signIn(
  app: FastifyInstance,
  org: string,
  email: string,
  password = TEST_PASSWORD,
): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { org, email, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${org}/${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'riza_session')!;
  const csrf = res.json().csrfToken as string;
  return {
    cookie: `riza_session=${cookie.value}`,
    csrf,
    headers: { cookie: `riza_session=${cookie.value}`, 'x-csrf-token': csrf },
  };
}
