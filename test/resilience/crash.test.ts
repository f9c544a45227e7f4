// kill -9 of a real `riza serve` process while clients register cases with Idempotency-Keys:
// after a restart, retrying every unanswered request (same key, same body) leaves each case
// exactly once, every answered case where it was, and case numbers unique and gapless. The server
// runs from the bundle `npm start` runs, so the test also shows that bundle serves.
import { once } from 'node:events';
import { connect } from 'node:net';
import { sql } from 'kysely';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../server/src/modules/access/auth.ts';
import type { Db } from '../../server/src/platform/db/db.ts';
import { createTestDatabase } from '../db.ts';
import { createOrg, khComplaint, type TestOrg } from '../factories.ts';
import {
  type CaseOutcome,
  caseRows as caseRowsOf,
  expectGaplessNumbers as expectGapless,
  type PlannedCase,
  registerCase,
  retryable,
  type ServerProcess,
  serverProcess,
} from './server-process.ts';

let db: Db;
let url: string;
let kh: TestOrg;
let server: ServerProcess;
let auth: Record<string, string>;

beforeAll(async () => {
  ({ db, url } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
  const admin = await kh.actor('administrator');
  const agent = await kh.actor('agent');
  const { token } = await createApiToken(db, admin, agent.userId, 'crash test');
  auth = { authorization: `Bearer ${token}` };
  server = await serverProcess(url, {}, 'serve', { bundle: true });
  await server.start();
}, 90_000);

type Planned = PlannedCase;
type Outcome = CaseOutcome;

let planCounter = 0;
function plan(label: string): Planned {
  planCounter += 1;
  return {
    key: `${label}-${planCounter}-${Math.random().toString(36).slice(2)}`,
    body: khComplaint({ description: `Sifariş ${label} #${planCounter}: soyuducu zədəli gəlib.` }),
  };
}

const register = (p: Planned) => registerCase(server.url, auth, p);

/** As a careful client does: a lost answer or a 503 is tried again, same key and body. */
async function registerUntilAnswered(p: Planned): Promise<Outcome> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await register(p);
    if (!retryable(outcome) || attempt === 6) return outcome;
    await new Promise((r) => setTimeout(r, 500 * attempt));
  }
}

const caseRows = () => caseRowsOf(db, kh.org.orgId);
const expectGaplessNumbers = () => expectGapless(db, kh.org.orgId);

/** Each key's request produced exactly one case, the one the client was (finally) answered with. */
async function expectExactlyOnce(requests: Planned[], answers: Map<string, Outcome>) {
  const rows = await caseRows();
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const p of requests) {
    const a = answers.get(p.key);
    expect(a?.answered && a.status, `${p.key}: ${JSON.stringify(a)}`).toBe(201);
    if (!a?.answered) continue;
    expect(byId.get(a.id)?.description).toBe(p.body.description);
    expect(byId.get(a.id)?.number).toBe(a.number);
    expect(rows.filter((r) => r.description === p.body.description)).toHaveLength(1);
  }
}

describe('a server killed with SIGKILL while registering cases', () => {
  it('keeps every answered case once, and retried requests replay or create exactly once', async () => {
    const clients = Array.from({ length: 8 }, (_, c) => Array.from({ length: 6 }, () => plan(`c${c}`)));
    const all = clients.flat();
    const answers = new Map<string, Outcome>();
    let answered = 0;
    let killed: Promise<void> | null = null;
    const pid = server.pid;
    await Promise.all(
      clients.map(async (requests) => {
        for (const p of requests) {
          // once the server is gone, the rest of this client's work waits for the restart
          if (killed) {
            answers.set(p.key, { answered: false, error: 'not sent' });
            continue;
          }
          const outcome = await register(p);
          answers.set(p.key, outcome);
          if (outcome.answered && outcome.status !== 503) {
            expect(outcome.status, JSON.stringify(outcome)).toBe(201);
            answered += 1;
            // with 8 clients busy, requests are in flight at this moment
            if (answered === 16) killed = server.kill('SIGKILL');
          }
        }
      }),
    );
    await killed;
    expect(server.running).toBe(false);
    const lost = all.filter((p) => retryable(answers.get(p.key)!));
    // the kill cut requests off in flight, not only before they were sent
    const cutOff = lost.filter((p) => {
      const o = answers.get(p.key)!;
      return !o.answered && o.error !== 'not sent';
    });
    expect(cutOff.length).toBeGreaterThan(0);
    expect(all.length - lost.length).toBeGreaterThanOrEqual(16);

    await server.start();
    expect(server.pid).not.toBe(pid);
    const firstAnswers = new Map(answers);
    // each client sends its lost requests again, same key and body, whether or not the first
    // attempt committed
    await Promise.all(
      clients.map(async (requests) => {
        for (const p of requests.filter((x) => lost.includes(x))) {
          answers.set(p.key, await registerUntilAnswered(p));
        }
      }),
    );
    await expectExactlyOnce(all, answers);
    // an answer the client already had is not changed by the crash: asking again replays it
    const again = all.filter((p) => !retryable(firstAnswers.get(p.key)!)).slice(0, 8);
    for (const p of again) {
      const before = firstAnswers.get(p.key) as Outcome & { answered: true };
      expect(await registerUntilAnswered(p)).toMatchObject({
        status: 201,
        id: before.id,
        number: before.number,
        replayed: true,
      });
    }
    const rows = await caseRows();
    expect(rows).toHaveLength(all.length);
    await expectGaplessNumbers();
  }, 60_000);

  it('rolls back registrations caught mid-transaction, so their retries create them once', async () => {
    const before = (await caseRows()).length;
    // hold the case-number counter: the next registrations stop inside their transactions
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('SELECT 1 FROM case_number_counters WHERE org_id = $1 FOR UPDATE', [kh.org.orgId]);
    const stuck = Array.from({ length: 4 }, () => plan('stuck'));
    const pending = stuck.map((p) => register(p));
    await expect
      .poll(
        async () =>
          Number(
            (
              await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(db)
            ).rows[0]?.n,
          ),
        { timeout: 10_000 },
      )
      .toBe(stuck.length);
    await server.kill('SIGKILL');
    for (const outcome of await Promise.all(pending)) expect(outcome.answered).toBe(false);
    await blocker.query('ROLLBACK');
    await blocker.end();
    await server.start();
    const answers = new Map<string, Outcome>();
    for (const p of stuck) {
      const outcome = await registerUntilAnswered(p);
      // nothing of the first attempt survived: the retry is a first registration
      expect(outcome).toMatchObject({ answered: true, status: 201, replayed: false });
      answers.set(p.key, outcome);
    }
    await expectExactlyOnce(stuck, answers);
    expect(await caseRows()).toHaveLength(before + stuck.length);
    await expectGaplessNumbers();
  }, 60_000);

  it('replays the committed case to a client whose answer was lost on the way', async () => {
    const p = plan('dropped');
    // write the whole request on a raw socket and never read the answer
    const payload = JSON.stringify(p.body);
    const socket = connect(server.port, '127.0.0.1');
    await once(socket, 'connect');
    const head = [
      'POST /api/v1/cases HTTP/1.1',
      `Host: 127.0.0.1:${server.port}`,
      `Authorization: ${auth.authorization}`,
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(payload)}`,
      `Idempotency-Key: ${p.key}`,
      '',
      '',
    ].join('\r\n');
    await new Promise((resolve) => socket.write(head + payload, resolve));
    const committed = () =>
      db
        .selectFrom('idempotency_keys')
        .select(['status_code', 'response'])
        .where('org_id', '=', kh.org.orgId)
        .where('key', '=', p.key)
        .executeTakeFirst();
    await expect.poll(async () => (await committed())?.status_code, { timeout: 10_000 }).toBe(201);
    // the connection breaks before the client read anything
    socket.destroy();
    const first = (await committed())!.response as { id: string; number: string };
    const retry = await registerUntilAnswered(p);
    expect(retry).toMatchObject({ status: 201, id: first.id, number: first.number, replayed: true });
    expect((await caseRows()).filter((r) => r.description === p.body.description)).toHaveLength(1);
  });
});
