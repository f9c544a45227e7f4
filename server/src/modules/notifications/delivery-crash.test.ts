// A `riza worker` killed with SIGKILL in the middle of an SMTP delivery, then restarted: every
// message reaches the (real, local) SMTP server exactly once.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db.ts';
import { createOrg, khComplaint, registerAs, type TestOrg } from '../../../../test/factories.ts';
import { LocalSmtp } from '../../../../test/local-servers.ts';
import type { Db } from '../../platform/db/db.ts';

let db: Db;
let url: string;
let kh: TestOrg;
let smtp: LocalSmtp;
const workers: ChildProcess[] = [];
const CASES = 8;

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', 'worker'], {
    cwd: path.resolve(import.meta.dirname, '../../../..'),
    env: {
      ...process.env,
      DATABASE_URL: url,
      RIZA_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'riza-worker-')),
      LOG_LEVEL: 'silent',
    },
    stdio: 'ignore',
  });
  workers.push(child);
  return child;
}

async function waitFor(check: () => boolean | Promise<boolean>, ms: number, what: string) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  ({ db, url } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
  smtp = await new LocalSmtp().start();
  await db
    .insertInto('notification_providers')
    .values({
      org_id: kh.org.orgId,
      channel: 'email',
      config: JSON.stringify({
        kind: 'smtp',
        host: '127.0.0.1',
        port: smtp.port,
        secure: false,
        from: 'care@kontakt.example',
      }),
    })
    .execute();
  const agent = await kh.actor('agent');
  for (let i = 0; i < CASES; i++) {
    await registerAs(db, kh, agent, khComplaint({ customer: { email: `customer${i}@example.az` } }));
  }
}, 60_000);

afterAll(async () => {
  for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
  await smtp.close();
});

describe('notification delivery across a crash', () => {
  it('sends each message exactly once when the worker is killed mid-delivery and restarted', async () => {
    let seen = 0;
    smtp.holdWhen = () => ++seen === 3; // the third message's DATA is never answered
    const first = startWorker();
    await waitFor(() => smtp.heldCount === 1, 60_000, 'the third message to be in flight');
    first.kill('SIGKILL');
    smtp.dropHeld(); // the client is gone: a real server discards the unacknowledged message
    smtp.holdWhen = null;
    startWorker();
    await waitFor(() => smtp.accepted.length >= CASES, 60_000, 'every message');
    await new Promise((r) => setTimeout(r, 3000)); // more delivery passes find nothing left
    const recipients = smtp.accepted.map((m) => m.to[0]).sort();
    expect(recipients).toEqual(Array.from({ length: CASES }, (_, i) => `customer${i}@example.az`).sort());
    expect(new Set(smtp.accepted.map((m) => m.parsed.messageId)).size).toBe(CASES);
    const rows = await db
      .selectFrom('notifications')
      .select(['status', 'attempts'])
      .where('org_id', '=', kh.org.orgId)
      .where('channel', '=', 'email')
      .execute();
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
  }, 150_000);
});
