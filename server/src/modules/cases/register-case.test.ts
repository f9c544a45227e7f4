import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db.ts';
import { createOrg, khComplaint, registerAs, type TestOrg } from '../../../../test/factories.ts';
import { errorBody } from '../../http/error-handler.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { getTimeline } from './case.repository.ts';
import { applyCaseAction } from './case-actions.ts';

let db: Db;
let url: string;
let kh: TestOrg;

beforeAll(async () => {
  ({ db, url } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
});

const count = async (table: 'cases' | 'customers' | 'case_events' | 'audit_log') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('registering a case', () => {
  it('refuses a Kontakt Home complaint without a patronymic, in Azerbaijani, and writes nothing', async () => {
    const before = await Promise.all([
      count('cases'),
      count('customers'),
      count('case_events'),
      count('audit_log'),
    ]);
    const agent = await kh.actor('agent');
    const input = khComplaint({ customer: { patronymic: '' } });
    const err = await registerAs(db, kh, agent, input).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.fields.map((f: { field: string }) => f.field)).toEqual(['customer.patronymic']);
    const body = errorBody(err, 'az');
    expect(body.error.fields?.[0]?.message).toBe('«Atasının adı» sahəsi mütləqdir.');
    expect(body.error.message).toMatch(/düzəltmək/);
    const after = await Promise.all([
      count('cases'),
      count('customers'),
      count('case_events'),
      count('audit_log'),
    ]);
    expect(after).toEqual(before);
  });

  it('numbers a complete Kontakt Home complaint KH-<year>-<n> and records who registered it', async () => {
    const agent = await kh.actor('agent');
    const { id, number } = await registerAs(db, kh, agent, khComplaint());
    expect(number).toMatch(new RegExp(`^KH-${new Date().getFullYear()}-\\d{6}$`));
    const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('received');
    expect(row.created_by).toBe(agent.userId);
    expect(row.tracking_token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(row.owner_id).toBeTruthy();
  });

  it('gives 50 concurrent registrations 50 distinct consecutive numbers', async () => {
    const agent = await kh.actor('agent');
    const results = await Promise.all(
      Array.from({ length: 50 }, () => registerAs(db, kh, agent, khComplaint())),
    );
    const numbers = results.map((r) => r.number);
    expect(new Set(numbers).size).toBe(50);
    const seqs = numbers.map((n) => Number(n.split('-')[2])).sort((a, b) => a - b);
    expect(seqs[seqs.length - 1]! - seqs[0]!).toBe(49);
  });

  it('finds the existing customer by phone instead of creating a second one', async () => {
    const agent = await kh.actor('agent');
    const phone = '+994 50 777 66 55';
    const a = await registerAs(db, kh, agent, khComplaint({ customer: { phone } }));
    const b = await registerAs(db, kh, agent, khComplaint({ customer: { phone: '0507776655' } }));
    const rows = await db.selectFrom('cases').select('customer_id').where('id', 'in', [a.id, b.id]).execute();
    expect(rows[0]!.customer_id).toBe(rows[1]!.customer_id);
  });

  it('creates one customer when the same new caller registers twice at the same moment', async () => {
    const agent = await kh.actor('agent');
    const phone = '+994517770011';
    const [a, b] = await Promise.all([
      registerAs(db, kh, agent, khComplaint({ customer: { phone } })),
      registerAs(db, kh, agent, khComplaint({ customer: { phone } })),
    ]);
    const rows = await db.selectFrom('cases').select('customer_id').where('id', 'in', [a.id, b.id]).execute();
    expect(new Set(rows.map((r) => r.customer_id)).size).toBe(1);
  });

  it('routes by category to the department queue and makes its lead the owner', async () => {
    const agent = await kh.actor('agent');
    const cat =
      kh.profile.categories.find((c) => c.department !== kh.profile.departments[0]!.code) ??
      kh.profile.categories[0]!;
    const { id } = await registerAs(db, kh, agent, khComplaint({ category: cat.code }));
    const row = await db
      .selectFrom('cases as c')
      .innerJoin('departments as d', (j) =>
        j.onRef('d.org_id', '=', 'c.org_id').onRef('d.id', '=', 'c.department_id'),
      )
      .select(['d.code', 'd.lead_user_id', 'c.owner_id'])
      .where('c.id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.code).toBe(cat.department);
    if (row.lead_user_id && agent.departmentId !== (await deptId(cat.department)))
      expect(row.owner_id).toBe(row.lead_user_id);
  });

  it('records first-contact resolution when registered and resolved in one step', async () => {
    const agent = await kh.actor('agent');
    const { id } = await db.transaction().execute((trx) =>
      import('./register-case.ts').then((m) =>
        m.registerCase(
          trx,
          kh.org,
          { userId: agent.userId, departmentId: agent.departmentId },
          khComplaint(),
          {
            resolveNow: { response: 'Problem yerindəcə həll olundu.' },
          },
        ),
      ),
    );
    const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('response_communicated');
    expect(row.first_contact_resolution).toBe(true);
    expect(row.owner_id).toBe(agent.userId);
    const timeline = await getTimeline(db, kh.org.orgId, id);
    expect(timeline.map((e) => e.type)).toEqual(['registered', 'responded']);
  });
});

async function deptId(code: string) {
  return (
    await db
      .selectFrom('departments')
      .select('id')
      .where('org_id', '=', kh.org.orgId)
      .where('code', '=', code)
      .executeTakeFirstOrThrow()
  ).id;
}

describe('working a case', () => {
  it('shows transfer → response → close on the timeline in order, with actor and reason', async () => {
    const agent = await kh.actor('agent');
    const manager = await kh.actor('cs_manager');
    const { id } = await registerAs(db, kh, agent, khComplaint());
    const target = kh.profile.departments.find((d) => d.kind === 'specialised')!.code;
    await db.transaction().execute((trx) => applyCaseAction(trx, agent, id, 'acknowledge', {}));
    await db.transaction().execute((trx) =>
      applyCaseAction(trx, agent, id, 'transfer', {
        department: target,
        reason: 'Zəmanət şöbəsi yoxlamalıdır',
      }),
    );
    await db.transaction().execute((trx) =>
      applyCaseAction(trx, manager, id, 'respond', {
        message: 'Soyuducu dəyişdiriləcək.',
        steps: ['Anbar yoxlanıldı'],
      }),
    );
    await db.transaction().execute((trx) => applyCaseAction(trx, manager, id, 'close', {}));
    const timeline = await getTimeline(db, kh.org.orgId, id);
    expect(timeline.map((e) => e.type)).toEqual([
      'registered',
      'acknowledged',
      'transferred',
      'responded',
      'closed',
    ]);
    const transfer = timeline[2]!;
    expect(transfer.reason).toBe('Zəmanət şöbəsi yoxlamalıdır');
    expect(transfer.actor.id).toBe(agent.userId);
    expect(transfer.toStatus).toBe('waiting_on_department');
    const seqs = timeline.map((e) => e.seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5]);
    const row = await db
      .selectFrom('cases')
      .select(['department_id', 'owner_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.department_id).toBe(await deptId(target));
  });

  it('refuses to close a case before a response was communicated', async () => {
    const agent = await kh.actor('agent');
    const manager = await kh.actor('cs_manager');
    const { id } = await registerAs(db, kh, agent, khComplaint());
    const err = await db
      .transaction()
      .execute((trx) => applyCaseAction(trx, manager, id, 'close', {}))
      .catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('RESPONSE_REQUIRED');
    const row = await db.selectFrom('cases').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('received');
  });

  it('allows closing without a response only after rejecting as spam/duplicate with a reason', async () => {
    const agent = await kh.actor('agent');
    const manager = await kh.actor('cs_manager');
    const { id } = await registerAs(db, kh, agent, khComplaint());
    const noReason = await db
      .transaction()
      .execute((trx) => applyCaseAction(trx, manager, id, 'reject', { rejection: 'spam' }))
      .catch((e) => e);
    expect(noReason.code).toBe('VALIDATION_FAILED');
    await db.transaction().execute((trx) =>
      applyCaseAction(trx, manager, id, 'reject', {
        rejection: 'duplicate',
        reason: 'KH-2026-000001 ilə eynidir',
      }),
    );
    await db.transaction().execute((trx) => applyCaseAction(trx, manager, id, 'close', {}));
    const row = await db
      .selectFrom('cases')
      .select(['status', 'rejection_reason'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'closed', rejection_reason: 'duplicate' });
  });

  it("does not let an agent close a case (a manager's action)", async () => {
    const agent = await kh.actor('agent');
    const { id } = await registerAs(db, kh, agent, khComplaint());
    const err = await db
      .transaction()
      .execute((trx) => applyCaseAction(trx, agent, id, 'close', {}))
      .catch((e) => e);
    expect(err.code).toBe('FORBIDDEN');
  });

  it('sets priority from the initial assessment, urgent for health or safety', async () => {
    const agent = await kh.actor('agent');
    const { id } = await registerAs(db, kh, agent, khComplaint());
    await db.transaction().execute((trx) =>
      applyCaseAction(trx, agent, id, 'assess', {
        assessment: { severity: 1, complexity: 1, impact: 1, urgency: 1, healthOrSafety: true },
      }),
    );
    const row = await db
      .selectFrom('cases')
      .select(['priority', 'status'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ priority: 'urgent', status: 'assessment' });
  });

  it('keeps the case timeline append-only', async () => {
    await expect(db.updateTable('case_events').set({ reason: 'x' }).execute()).rejects.toThrow(/append-only/);
  });
});

describe('what one registration asks of PostgreSQL', () => {
  // The org's number counter and audit head stay locked from the moment they are taken until
  // commit, so the org's next registration waits for everything after them: only writes belong
  // there. Under load each statement is a round trip through a busy event loop.
  const statements: string[] = [];
  let logged: Db;
  beforeAll(() => {
    logged = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }),
      log: (e) => {
        if (e.level === 'query') statements.push(e.query.sql);
      },
    });
  });
  afterAll(() => logged.destroy());

  it('reads first, then takes the number and writes, and locks the audit head last', async () => {
    const agent = await kh.actor('agent');
    statements.length = 0;
    const { id } = await registerAs(logged, kh, agent, khComplaint());
    expect(await db.selectFrom('cases').select('id').where('id', '=', id).executeTakeFirst()).toBeTruthy();
    const sqls = statements.filter((q) => !/^(begin|commit)/i.test(q));
    expect(sqls.length).toBeLessThanOrEqual(16);
    const counter = sqls.findIndex((q) => q.includes('"case_number_counters"'));
    expect(counter).toBeGreaterThan(0);
    const afterCounter = sqls.slice(counter + 1);
    const reads = afterCounter.filter((q) => /^select/i.test(q));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatch(/from "audit_heads" .*for update$/);
    expect(afterCounter.at(-1)).toMatch(/"audit_log"/);
    expect(afterCounter.filter((q) => /^(insert|with)/i.test(q)).length).toBe(afterCounter.length - 1);
  });
});
