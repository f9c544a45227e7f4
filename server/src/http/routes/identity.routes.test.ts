// R-REC-3 over HTTP against real PostgreSQL (HRDF): a caller's personal data stays masked until the
// agent records at least two identifying questions the caller answered, and then only for that
// agent, on that case, for four hours.
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db.ts';
import { createOrg, type TestOrg } from '../../../../test/factories.ts';
import { createTestApp, type Session, signIn } from '../../../../test/http.ts';
import { recordIdentityCheck } from '../../modules/cases/identity-check.ts';
import type { Db } from '../../platform/db/db.ts';

let db: Db;
let app: FastifyInstance;
let hr: TestOrg;
let reem: Session;
let majed: Session;

let phoneCounter = 0;
function caller() {
  phoneCounter += 1;
  return {
    firstName: 'عبدالله',
    lastName: 'القحطاني',
    phone: `+96650${String(1000000 + phoneCounter).slice(-7)}`,
    email: `abdullah.${phoneCounter}@example.sa`,
    nationalId: `10${String(12345670 + phoneCounter)}`,
  };
}

async function register(s: Session, customer = caller()) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: s.headers,
    payload: {
      type: 'complaint',
      channel: 'call_centre',
      category: 'disbursement_delay',
      description: 'لم يُصرف دعم التوظيف منذ شهرين رغم اعتماد المنشأة في البرنامج.',
      locale: 'ar',
      customer,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id as string, customer };
}

const getCustomer = (s: Session, id: string) =>
  app.inject({ method: 'GET', url: `/api/v1/cases/${id}/customer`, headers: s.headers });
const check = (s: Session, id: string, questions: string[], lang = 'en') =>
  app.inject({
    method: 'POST',
    url: `/api/v1/cases/${id}/identity-check`,
    headers: { ...s.headers, 'accept-language': lang },
    payload: { questions },
  });

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  hr = await createOrg(db, 'hrdf');
  app = await createTestApp(db);
  reem = await signIn(app, 'hrdf', hr.userEmail('agent', 0));
  majed = await signIn(app, 'hrdf', hr.userEmail('agent', 1));
});

describe('customer details without an identity check required', () => {
  it('shows the customer unmasked to any agent who may read the case', async () => {
    const { id, customer } = await register(reem);
    const res = await getCustomer(majed, id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      verified: true,
      identityCheckRequired: false,
      verifiedUntil: null,
      firstName: customer.firstName,
      lastName: customer.lastName,
      phones: [customer.phone],
      emails: [customer.email],
      nationalId: customer.nationalId,
    });
  });
});

describe('identity check required (HRDF)', () => {
  beforeAll(async () => {
    const admin = await signIn(app, 'hrdf', hr.userEmail('administrator'));
    const res = await app.inject({
      method: 'PATCH',
      url: '/api/v1/admin/org',
      headers: admin.headers,
      payload: { requireIdentityCheck: true },
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('masks names, phones, e-mail and national id until the caller is identified', async () => {
    const { id, customer } = await register(reem);
    const res = await getCustomer(reem, id);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ verified: false, identityCheckRequired: true, verifiedUntil: null });
    expect(body.firstName).toBe('ع•••');
    expect(body.lastName).toBe('ا•••');
    expect(body.phones).toEqual([`${customer.phone.slice(0, 6)}•••••${customer.phone.slice(-2)}`]);
    expect(body.emails).toEqual(['a•••@e•••.sa']);
    expect(body.nationalId).toBe(`••••••••${customer.nationalId.slice(-2)}`);
    expect(JSON.stringify(body)).not.toContain(customer.phone);
    expect(JSON.stringify(body)).not.toContain(customer.nationalId);
    expect(JSON.stringify(body)).not.toContain(customer.firstName);
  });

  it('refuses fewer than two questions, or a question not on the list, in the agent’s language', async () => {
    const { id } = await register(reem);
    const one = await check(reem, id, ['national_id'], 'ar');
    expect(one.statusCode).toBe(400);
    expect(one.json().error.fields).toEqual([
      expect.objectContaining({
        field: 'questions',
        reason: 'out_of_range',
        message: expect.stringContaining('أسئلة التحقق التي أجاب عنها المتصل'),
      }),
    ]);
    // the same question twice is still one question
    expect((await check(reem, id, ['national_id', 'national_id'])).statusCode).toBe(400);
    const unknown = await check(reem, id, ['national_id', 'mother_maiden_name']);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0]).toMatchObject({ field: 'questions', reason: 'invalid_value' });
    const events = await db
      .selectFrom('case_events')
      .select('type')
      .where('case_id', '=', id)
      .where('type', '=', 'identity_verified')
      .execute();
    expect(events).toEqual([]);
  });

  it('unmasks for the agent who checked, on that case only, and records the questions on the timeline and in the audit', async () => {
    const { id, customer } = await register(reem);
    const other = await register(reem, { ...caller(), phone: customer.phone });
    const res = await check(reem, id, ['registered_phone', 'national_id']);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().customer).toMatchObject({
      verified: true,
      firstName: customer.firstName,
      phones: [customer.phone],
      nationalId: customer.nationalId,
    });
    const until = new Date(res.json().verifiedUntil).getTime();
    expect(until - Date.now()).toBeGreaterThan(4 * 3600_000 - 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(4 * 3600_000);

    expect((await getCustomer(reem, id)).json()).toMatchObject({
      verified: true,
      lastName: customer.lastName,
    });
    // another agent, or the same agent on another case of the same customer, still sees it masked
    expect((await getCustomer(majed, id)).json()).toMatchObject({ verified: false, firstName: 'ع•••' });
    expect((await getCustomer(reem, other.id)).json()).toMatchObject({ verified: false });

    const timeline = (
      await app.inject({ method: 'GET', url: `/api/v1/cases/${id}/timeline`, headers: reem.headers })
    ).json().items as { type: string; data: { questions?: string[] }; actor: { id: string } }[];
    const event = timeline.find((e) => e.type === 'identity_verified');
    // listed in the fixed order, whatever order they were ticked in
    expect(event?.data.questions).toEqual(['national_id', 'registered_phone']);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'data'])
      .where('org_id', '=', hr.org.orgId)
      .where('entity_id', '=', id)
      .where('action', '=', 'case.identity_verified')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.data).toMatchObject({ questions: ['national_id', 'registered_phone'] });
  });

  it('masks again once the check is more than four hours old', async () => {
    const { id } = await register(reem);
    const agent = await hr.actor('agent', 0);
    await db
      .transaction()
      .execute((trx) =>
        recordIdentityCheck(
          trx,
          agent,
          id,
          ['date_of_birth', 'address'],
          new Date(Date.now() - 4 * 3600_000 - 60_000),
        ),
      );
    expect((await getCustomer(reem, id)).json()).toMatchObject({ verified: false, verifiedUntil: null });
    expect((await check(reem, id, ['date_of_birth', 'address'])).statusCode).toBe(201);
    expect((await getCustomer(reem, id)).json()).toMatchObject({ verified: true });
  });

  it('does not let a user of a department that cannot see the case check or read its customer', async () => {
    const { id } = await register(reem);
    const staff = await signIn(app, 'hrdf', hr.userEmail('department_staff', 1));
    expect((await check(staff, id, ['national_id', 'address'])).statusCode).toBe(404);
    expect((await getCustomer(staff, id)).statusCode).toBe(404);
  });
});
