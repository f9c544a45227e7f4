// Scale-out: two `riza serve` and two `riza worker` processes against one PostgreSQL, the way a
// deployment behind a load balancer runs. One server is SIGKILLed while eight clients register
// cases on both, and the clients retry what was not answered on the other server; one worker is
// SIGKILLed in the middle of an SMTP delivery and replaced. Every case exists once with gapless
// numbers, every notification reaches the local SMTP / SMPP server exactly once, and every SLA
// breach and escalation is recorded once.
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../server/src/modules/access/auth.ts';
import type { Db } from '../../server/src/platform/db/db.ts';
import { createTestDatabase } from '../db.ts';
import { createOrg, khComplaint, registerAs, type TestOrg } from '../factories.ts';
import { LocalSmsc, LocalSmtp } from '../local-servers.ts';
import {
  type CaseOutcome,
  caseRows as caseRowsOf,
  expectGaplessNumbers,
  type PlannedCase,
  registerCase,
  retryable,
  type ServerProcess,
  serverProcess,
  workerProcess,
} from './server-process.ts';

let db: Db;
let url: string;
let kh: TestOrg;
let auth: Record<string, string>;
let smtp: LocalSmtp;
let smsc: LocalSmsc;
let apis: ServerProcess[];
let workers: ServerProcess[];
/** Cases registered in January: every SLA stage and both escalation levels are long overdue. */
const overdue: string[] = [];
const OVERDUE_CASES = 4;
const API_NAMES = ['riza-api-0', 'riza-api-1'];
const WORKER_NAMES = ['riza-worker-a', 'riza-worker-b'];

beforeAll(async () => {
  ({ db, url } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
  const admin = await kh.actor('administrator');
  const agent = await kh.actor('agent');
  const { token } = await createApiToken(db, admin, agent.userId, 'scale-out test');
  auth = { authorization: `Bearer ${token}` };
  smtp = await new LocalSmtp().start();
  smsc = await new LocalSmsc().start();
  // registered before the processes', so it runs after they are killed
  afterAll(async () => {
    await smtp.close();
    await smsc.close();
  });
  const providers = {
    email: { kind: 'smtp', host: '127.0.0.1', port: smtp.port, secure: false, from: 'care@kontakt.example' },
    sms: {
      kind: 'smpp',
      host: '127.0.0.1',
      port: smsc.port,
      systemId: smsc.systemId,
      password: smsc.password,
      sourceAddr: 'KontaktHome',
    },
  };
  for (const [channel, config] of Object.entries(providers)) {
    await db
      .insertInto('notification_providers')
      .values({ org_id: kh.org.orgId, channel, config: JSON.stringify(config) })
      .execute();
  }
  for (let i = 0; i < OVERDUE_CASES; i++) {
    const input = khComplaint({ customer: { email: `overdue${i}@example.az` } });
    overdue.push((await registerAs(db, kh, agent, input, new Date('2026-01-05T07:00:00Z'))).id);
  }
  // each process's own database connections carry its name, so a lock tells whose it is
  apis = await Promise.all(API_NAMES.map((name) => serverProcess(url, { PGAPPNAME: name })));
  workers = await Promise.all(
    WORKER_NAMES.map((name) => workerProcess(url, { PGAPPNAME: name, RIZA_SLA_SWEEP_SECONDS: '1' })),
  );
  // all four at once, on a database whose job queues do not exist yet
  await Promise.all([...apis, ...workers].map((p) => p.start(90_000)));
}, 180_000);

async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

type Outcome = CaseOutcome & { via: number };

let planCounter = 0;
function plan(label: string): PlannedCase {
  planCounter += 1;
  return {
    key: `${label}-${planCounter}-${Math.random().toString(36).slice(2)}`,
    body: khComplaint({
      description: `Sifariş ${label} #${planCounter}: paltaryuyan maşın işləmir.`,
      customer: { email: `customer${planCounter}@example.az` },
    }),
  };
}

async function register(via: number, p: PlannedCase): Promise<Outcome> {
  return { ...(await registerCase(apis[via]!.url, auth, p)), via };
}

/**
 * A client-side load balancer: the request goes to the client's own server first; a lost answer
 * or a 503 is sent again, same key and body, to the next server in turn.
 */
async function registerWithFailover(
  p: PlannedCase,
  first: number,
  attempts: Outcome[] = [],
): Promise<Outcome> {
  for (let attempt = 0; ; attempt++) {
    const outcome = await register((first + attempt) % apis.length, p);
    attempts.push(outcome);
    if (!retryable(outcome) || attempt === 7) return outcome;
    if (attempt > 0) await new Promise((r) => setTimeout(r, 250 * attempt));
  }
}

const caseRows = () => caseRowsOf(db, kh.org.orgId);

/** Backends of this process (by application name) waiting for a lock right now. */
async function lockWaiters(applicationName: string): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity
    WHERE datname = current_database() AND wait_event_type = 'Lock'
      AND application_name = ${applicationName}`.execute(db);
  return r.rows[0]?.n ?? 0;
}

/**
 * Kills server 0 while registrations on it are certainly inside their transactions: the org's
 * case-number counter is held, so they stop after claiming their idempotency keys; the kill
 * leaves their transactions to be rolled back by PostgreSQL once the counter is let go.
 */
async function killServerMidTransaction(): Promise<void> {
  const blocker = new pg.Client({ connectionString: url });
  await blocker.connect();
  await blocker.query('BEGIN');
  try {
    await blocker.query('SELECT 1 FROM case_number_counters WHERE org_id = $1 FOR UPDATE', [kh.org.orgId]);
    await waitFor(
      'registrations on server 0 to wait',
      async () => (await lockWaiters(API_NAMES[0]!)) >= 2,
      20_000,
    );
    await apis[0]!.kill('SIGKILL');
  } finally {
    // whatever happened, the other clients must not stay stuck behind the counter
    await blocker.query('ROLLBACK');
    await blocker.end();
  }
}

describe('two servers and two workers on one database', () => {
  it('keeps every case once when a server is SIGKILLed and its clients fail over to the other', async () => {
    const clients = Array.from({ length: 8 }, (_, c) => Array.from({ length: 6 }, () => plan(`c${c}`)));
    const all = clients.flat();
    const firstTries = new Map<string, Outcome>();
    const answers = new Map<string, Outcome>();
    let answered = 0;
    let killed: Promise<void> | null = null;
    await Promise.all(
      clients.map(async (requests, c) => {
        for (const p of requests) {
          const attempts: Outcome[] = [];
          const outcome = await registerWithFailover(p, c % apis.length, attempts);
          firstTries.set(p.key, attempts[0]!);
          answers.set(p.key, outcome);
          expect(outcome.answered && outcome.status, JSON.stringify(attempts)).toBe(201);
          answered += 1;
          // with eight clients busy on both servers, registrations are in flight at this moment
          if (answered === 16) {
            killed = killServerMidTransaction();
            killed.catch(() => {}); // awaited (and reported) after the clients are done
          }
        }
      }),
    );
    await killed;
    expect(apis[0]!.running).toBe(false);
    expect(apis[1]!.running).toBe(true);
    // both servers answered first tries, and the kill cut requests off in flight on server 0 (not
    // only refused connections afterwards); server 1 registered them anew, as their first
    // attempts had not committed
    const firsts = [...firstTries.values()];
    for (const via of [0, 1]) {
      expect(firsts.filter((o) => o.via === via && o.answered && o.status === 201).length).toBeGreaterThan(0);
    }
    const cutOff = all.filter((p) => {
      const o = firstTries.get(p.key)!;
      return !o.answered && o.via === 0 && !o.error.includes('ECONNREFUSED');
    });
    expect(cutOff.length, JSON.stringify(firsts.filter((o) => !o.answered))).toBeGreaterThanOrEqual(2);
    for (const p of cutOff)
      expect(answers.get(p.key)).toMatchObject({ via: 1, status: 201, replayed: false });

    // each key produced exactly one case: the one its client was finally answered with
    const rows = await caseRows();
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const p of all) {
      const a = answers.get(p.key) as Outcome & { answered: true };
      expect(byId.get(a.id)).toMatchObject({ number: a.number, description: p.body.description });
      expect(rows.filter((r) => r.description === p.body.description)).toHaveLength(1);
    }
    expect(rows).toHaveLength(all.length + OVERDUE_CASES);
    await expectGaplessNumbers(db, kh.org.orgId);

    // cases the killed server answered are replayed, unchanged, by the surviving one
    const fromKilled = all.filter((p) => {
      const o = firstTries.get(p.key)!;
      return o.answered && o.via === 0 && o.status === 201;
    });
    for (const p of fromKilled.slice(0, 8)) {
      const before = answers.get(p.key) as Outcome & { answered: true };
      expect(await registerWithFailover(p, 1)).toMatchObject({
        via: 1,
        status: 201,
        id: before.id,
        number: before.number,
        replayed: true,
      });
    }
    expect(await caseRows()).toHaveLength(all.length + OVERDUE_CASES);
  }, 90_000);

  it('delivers every notification once and records every SLA breach once when a worker is SIGKILLed mid-delivery', async () => {
    let seen = 0;
    let heldRaw: Buffer | null = null;
    // the third e-mail from now on is received but never answered: its worker is stuck sending it
    smtp.holdWhen = (raw) => {
      if (++seen !== 3) return false;
      heldRaw = raw;
      return true;
    };
    for (let i = 0; i < 8; i++) {
      expect(await registerWithFailover(plan('w'), 1)).toMatchObject({ status: 201 });
    }
    await waitFor('an e-mail to be held in flight', () => smtp.heldCount === 1, 60_000);
    const held = String(heldRaw).match(/^Message-ID:\s*<([^@>]+)@/im)?.[1];
    expect(held).toBeDefined();
    // the worker delivering it holds the notification's row lock: xmax is its transaction
    const holder = await sql<{ application_name: string }>`
      SELECT a.application_name FROM notifications n
        JOIN pg_locks l ON l.locktype = 'transactionid' AND l.transactionid = n.xmax AND l.granted
        JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE n.org_id = ${kh.org.orgId} AND n.id = ${held!}`.execute(db);
    expect(holder.rows).toHaveLength(1);
    const victim = workers[WORKER_NAMES.indexOf(holder.rows[0]!.application_name)]!;
    const survivor = workers.find((w) => w !== victim)!;
    const pid = victim.pid;
    await victim.kill('SIGKILL');
    smtp.dropHeld(); // the client is gone: a real server discards the unacknowledged message
    smtp.holdWhen = null;
    // a replacement takes the killed worker's place beside the one still running
    await victim.start(90_000);
    expect(victim.pid).not.toBe(pid);
    expect(survivor.running).toBe(true);

    const notifications = () =>
      db
        .selectFrom('notifications')
        .select(['id', 'channel', 'recipient', 'event', 'status', 'provider', 'attempts'])
        .where('org_id', '=', kh.org.orgId)
        .execute();
    const escalations = async () =>
      Number(
        (
          await db
            .selectFrom('case_events')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('org_id', '=', kh.org.orgId)
            .where('type', '=', 'escalated')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const delivered = async () => {
      const rows = await notifications();
      return (
        (await escalations()) >= OVERDUE_CASES * 2 &&
        rows.every((n) => n.status !== 'pending') &&
        smtp.accepted.length >= rows.filter((n) => n.channel === 'email').length &&
        smsc.accepted.length >= rows.filter((n) => n.channel === 'sms').length
      );
    };
    await waitFor('every escalation and every message', delivered, 120_000);
    // later passes of both jobs, on the workers now running, find nothing left to do
    const settled = new Date();
    const passesSince = async (name: string) =>
      Number(
        (
          await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job
            WHERE name = ${name} AND state = 'completed' AND started_on > ${settled}`.execute(db)
        ).rows[0]?.n,
      );
    await waitFor(
      'two more delivery passes and SLA sweeps',
      async () => (await passesSince('notifications')) >= 2 && (await passesSince('sla-sweep')) >= 2,
      60_000,
    );

    const rows = await notifications();
    // the outbox: every case's registration notice, by SMS and by e-mail, queued once
    const cases = await caseRows();
    expect(rows.filter((n) => n.event === 'registered')).toHaveLength(cases.length * 2);
    expect(rows.filter((n) => n.status !== 'sent' || !['smtp', 'smpp'].includes(n.provider ?? ''))).toEqual(
      [],
    );
    // the receiving servers: each e-mail exactly once (by its Message-ID, made from our id)
    const emails = rows.filter((n) => n.channel === 'email');
    const messageIds = smtp.accepted.map((m) => m.parsed.messageId ?? '');
    expect(messageIds.sort()).toEqual(emails.map((n) => `<${n.id}@kontakt.example>`).sort());
    expect(smtp.accepted.map((m) => m.to[0]).sort()).toEqual(emails.map((n) => n.recipient).sort());
    // … and each SMS exactly once, to its number
    const sms = rows.filter((n) => n.channel === 'sms');
    expect(smsc.accepted.map((m) => m.to).sort()).toEqual(
      sms.map((n) => n.recipient.replace(/^\+/, '')).sort(),
    );
    // the killed attempt left nothing behind: the held message went out on its first recorded attempt
    expect(rows.find((n) => n.id === held)).toMatchObject({ status: 'sent', attempts: 1 });

    // one breach per stage and one escalation per level for each overdue case, and none elsewhere
    const perCase = await sql<{ case_id: string; breached: number; escalated: number; records: number }>`
      SELECT c.id AS case_id,
        (SELECT count(*)::int FROM case_events e WHERE e.org_id = c.org_id AND e.case_id = c.id
          AND e.type = 'sla_breached') AS breached,
        (SELECT count(*)::int FROM case_events e WHERE e.org_id = c.org_id AND e.case_id = c.id
          AND e.type = 'escalated') AS escalated,
        (SELECT count(*)::int FROM sla_records r WHERE r.org_id = c.org_id AND r.case_id = c.id
          AND r.kind = 'breached') AS records
      FROM cases c WHERE c.org_id = ${kh.org.orgId}`.execute(db);
    for (const row of perCase.rows) {
      const late = overdue.includes(row.case_id);
      expect(row).toEqual({
        case_id: row.case_id,
        breached: late ? 3 : 0,
        escalated: late ? 2 : 0,
        records: late ? 3 : 0,
      });
    }
  }, 240_000);
});
