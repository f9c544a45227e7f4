// PostgreSQL stops under a running `riza serve` process and comes back: readiness goes red, every
// request gets a prompt, localised 503 UNAVAILABLE (never a hang, never a 500 with a stack trace),
// and the same process serves again — live updates included — once the database is back.
// The shared test PostgreSQL must never stop, so this file runs its own embedded server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../server/src/modules/access/auth.ts';
import { createDb, type Db, migrateToLatest } from '../../server/src/platform/db/db.ts';
import {
  type EmbeddedServer,
  ensureDatabase,
  startEmbeddedPostgres,
} from '../../server/src/platform/db/embedded.ts';
import type { Locale } from '../../server/src/platform/i18n/locales.ts';
import { t } from '../../server/src/platform/i18n/translate.ts';
import { createOrg, khComplaint } from '../factories.ts';
import { freePort, type ServerProcess, serverProcess } from './server-process.ts';

const pgDir = mkdtempSync(path.join(tmpdir(), 'riza-outage-pg-'));
let pgPort: number;
let postgres: EmbeddedServer | null = null;
let db: Db;
let server: ServerProcess;
let auth: Record<string, string>;

const startPostgres = async () => {
  postgres = await startEmbeddedPostgres({ dir: pgDir, port: pgPort, durable: false, persistent: true });
};
const stopPostgres = async () => {
  await postgres?.stop();
  postgres = null;
};

beforeAll(async () => {
  pgPort = await freePort();
  await startPostgres();
  await ensureDatabase(postgres!.connectionString('postgres'), 'riza');
  const url = postgres!.connectionString('riza');
  db = createDb(url, 2);
  await migrateToLatest(db);
  const kh = await createOrg(db, 'kontakt-home');
  const { token } = await createApiToken(
    db,
    await kh.actor('administrator'),
    (await kh.actor('agent')).userId,
    'outage',
  );
  auth = { authorization: `Bearer ${token}` };
  server = await serverProcess(url);
  await server.start();
}, 120_000);

afterAll(async () => {
  await server?.kill('SIGKILL');
  await db?.destroy();
  await stopPostgres();
  rmSync(pgDir, { recursive: true, force: true });
}, 60_000);

/** One request with the time it took; a hang shows up as a client timeout error. */
async function timed(pathname: string, init: RequestInit & { lang?: Locale } = {}) {
  const started = Date.now();
  // probes and the public portal come without credentials
  const anonymous = !pathname.startsWith('/api/') || pathname.startsWith('/api/v1/portal/');
  const res = await fetch(`${server.url}${pathname}`, {
    ...init,
    headers: {
      ...(anonymous ? {} : auth),
      'accept-language': init.lang ?? 'en',
      ...(init.headers as object),
    },
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text), ms: Date.now() - started };
}

const postCase = (lang: Locale = 'en') =>
  timed('/api/v1/cases', {
    method: 'POST',
    lang,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(khComplaint()),
  });

/** Reads a server-sent event stream until a notice for this case arrives. */
async function liveNoticeFor(caseIdOf: () => Promise<string>): Promise<boolean> {
  const ac = new AbortController();
  const res = await fetch(`${server.url}/api/v1/live`, { headers: auth, signal: ac.signal });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let seen = '';
  // the stream's greeting first: from then on we are subscribed
  while (!seen.includes('riza live')) seen += decoder.decode((await reader.read()).value);
  const id = await caseIdOf();
  const timer = setTimeout(() => ac.abort(), 8_000);
  try {
    while (!seen.includes(`"caseId":"${id}"`)) {
      const chunk = await reader.read();
      if (chunk.done) return false;
      seen += decoder.decode(chunk.value);
    }
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    ac.abort();
  }
}

describe('PostgreSQL going away under a running server', () => {
  it('answers a prompt localised 503 while the database is down, and serves again by itself', async () => {
    expect((await postCase()).status).toBe(201);
    const pid = server.pid;

    await stopPostgres();

    const ready = await timed('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.json()).toEqual({ status: 'unavailable', database: 'down' });
    expect(ready.ms).toBeLessThan(3_000);
    // the process itself is alive
    expect((await timed('/healthz')).status).toBe(200);

    const attempts = await Promise.all([
      postCase('ru'),
      timed('/api/v1/cases?q=soyuducu', { lang: 'ar' }),
      timed('/api/v1/portal/kontakt-home', { lang: 'az' }),
      timed('/api/v1/auth/login', {
        method: 'POST',
        lang: 'kk',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ org: 'kontakt-home', email: 'agent@kontakt-home.demo', password: 'x' }),
      }),
      // more requests than the pool has connections: none may wait forever for one
      ...Array.from({ length: 16 }, () => timed('/api/v1/cases/counts')),
    ]);
    const langs: Locale[] = ['ru', 'ar', 'az', 'kk', ...Array.from({ length: 16 }, () => 'en' as const)];
    attempts.forEach((res, i) => {
      expect(res.status, res.text).toBe(503);
      expect(res.json()).toEqual({
        error: { code: 'UNAVAILABLE', message: t(langs[i]!, 'error.UNAVAILABLE') },
      });
      expect(res.text).not.toMatch(/stack|ECONNREFUSED|\bat .+\(/);
      expect(res.ms).toBeLessThan(7_000);
    });

    // a real restart takes a while: anything that retries once and gives up shows here
    await new Promise((r) => setTimeout(r, 3_000));
    expect((await timed('/readyz')).status).toBe(503);
    expect((await postCase()).status).toBe(503);

    await startPostgres();

    await expect
      .poll(async () => (await timed('/readyz')).status, { timeout: 20_000, interval: 250 })
      .toBe(200);
    expect(server.running).toBe(true);
    expect(server.pid).toBe(pid);
    expect((await postCase('az')).status).toBe(201);
    // live updates come back too: the LISTEN connection was re-established after the restart
    await expect
      .poll(() => liveNoticeFor(async () => (await postCase()).json().id as string), { timeout: 20_000 })
      .toBe(true);
  }, 90_000);
});
