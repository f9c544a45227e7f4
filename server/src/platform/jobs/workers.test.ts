// Two real `riza worker` processes on one database, one of them killed with SIGKILL half-way and a
// third started in its place: every SLA breach and escalation is still recorded exactly once.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db.ts';
import { createOrg, khComplaint, registerAs, type TestOrg } from '../../../../test/factories.ts';
import type { Db } from '../db/db.ts';

let db: Db;
let url: string;
let kh: TestOrg;
const ids: string[] = [];
const workers: ChildProcess[] = [];
const CASES = 40;

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', 'worker'], {
    cwd: path.resolve(import.meta.dirname, '../../../..'),
    env: {
      ...process.env,
      DATABASE_URL: url,
      RIZA_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'riza-worker-')),
      RIZA_SLA_SWEEP_SECONDS: '1',
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  workers.push(child);
  return child;
}

async function counts() {
  const rows = await db
    .selectFrom('case_events')
    .select(['case_id', 'type', (eb) => eb.fn.countAll<string>().as('n')])
    .where('org_id', '=', kh.org.orgId)
    .where('type', 'in', ['sla_breached', 'escalated'])
    .groupBy(['case_id', 'type'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

async function waitFor(check: () => Promise<boolean>, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('timed out');
}

beforeAll(async () => {
  ({ db, url } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
  const agent = await kh.actor('agent');
  // Registered in January: every stage is long overdue, and so is the manager escalation.
  for (let i = 0; i < CASES; i++) {
    ids.push((await registerAs(db, kh, agent, khComplaint(), new Date('2026-01-05T07:00:00Z'))).id);
  }
}, 120_000);

afterAll(() => {
  for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
});

describe('SLA timers across worker processes', () => {
  it('records one breach per stage and one escalation per level with two workers, one killed mid-run', async () => {
    const a = startWorker();
    startWorker();
    await waitFor(async () => (await counts()).some((c) => c.type === 'sla_breached'), 150_000);
    a.kill('SIGKILL');
    startWorker();
    await waitFor(async () => {
      const c = await counts();
      return c.filter((r) => r.type === 'escalated').reduce((n, r) => n + r.n, 0) >= CASES * 2;
    }, 180_000);
    await new Promise((r) => setTimeout(r, 3000)); // a few more sweeps by the surviving workers
    const c = await counts();
    for (const id of ids) {
      const n = (type: string) => c.find((r) => r.case_id === id && r.type === type)?.n ?? 0;
      expect(n('sla_breached'), id).toBe(3);
      expect(n('escalated'), id).toBe(2);
    }
    const records = await db
      .selectFrom('sla_records')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('org_id', '=', kh.org.orgId)
      .where('kind', '=', 'breached')
      .executeTakeFirstOrThrow();
    expect(Number(records.n)).toBe(CASES * 3);
  }, 400_000);
});
