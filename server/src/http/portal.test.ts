// The public portal and mobile-app API over HTTP, against a real PostgreSQL: intake through the
// approved form, one-time codes, the customer's view of a case, replies, files, the answer letter,
// surveys and the CSAT report — and the abuse protections around them.
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { createOrg, registerAs, type TestOrg } from '../../../test/factories.ts';
import { createTestApp, type Session, signIn } from '../../../test/http.ts';
import { hashToken } from '../modules/notifications/case-notices.ts';
import { PORTAL_LIMITS } from '../modules/portal/portal-limits.ts';
import { verifyTrackingCode } from '../modules/portal/tracking-code.ts';
import type { Db } from '../platform/db/db.ts';

let db: Db;
let app: FastifyInstance;
let um: TestOrg;
let hr: TestOrg;
let agent: Session;
let manager: Session;

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e20000000049454e44ae426082',
  'hex',
);

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  um = await createOrg(db, 'umniah');
  hr = await createOrg(db, 'hrdf');
  app = await createTestApp(db);
  agent = await signIn(app, 'umniah', um.userEmail('agent'));
  manager = await signIn(app, 'umniah', um.userEmail('cs_manager'));
});

// every test speaks from its own address, so one test's rate limits never touch another's
let ipCounter = 0;
const newIp = () => {
  ipCounter += 1;
  return `198.51.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
};
let phoneCounter = 0;
/** A valid, unique Jordanian mobile number per call. */
const joPhone = () => {
  phoneCounter += 1;
  return `+96279${String(1_000_000 + phoneCounter).slice(-7)}`;
};

function complaint(overrides: Record<string, unknown> = {}) {
  return {
    type: 'complaint',
    channel: 'web_form',
    service: 'postpaid',
    category: 'bill_dispute',
    description: 'تم خصم مبلغ من فاتورتي لخدمة لم أطلبها.',
    remedySought: 'إرجاع المبلغ',
    locale: 'ar',
    consent: true,
    ...overrides,
    customer: {
      firstName: 'سارة',
      lastName: 'العلي',
      phone: joPhone(),
      ...((overrides.customer as object | undefined) ?? {}),
    },
  };
}

async function submit(body: object, ip = newIp(), headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/portal/umniah/cases',
    headers: { 'x-forwarded-for': ip, ...headers },
    payload: body,
  });
}

async function caseByNumber(number: string) {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('org_id', '=', um.org.orgId)
    .where('number', '=', number)
    .executeTakeFirstOrThrow();
}

const countCases = async (orgId = um.org.orgId) =>
  Number(
    (
      await db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('org_id', '=', orgId)
        .executeTakeFirstOrThrow()
    ).n,
  );

async function otpNotices(caseId: string) {
  return db
    .selectFrom('notifications')
    .select(['channel', 'variables', 'dedupe_key'])
    .where('case_id', '=', caseId)
    .where('event', '=', 'otp')
    .orderBy('id', 'desc')
    .execute();
}

/** The code as the SMS would carry it: read from the queued notification's variables. */
async function latestCode(caseId: string): Promise<string> {
  const [n] = await otpNotices(caseId);
  if (!n) throw new Error('no code queued');
  return (n.variables as { code: string }).code;
}

async function track(number: string, org = 'umniah', ip = newIp(), lang = 'en') {
  return app.inject({
    method: 'POST',
    url: `/api/v1/portal/${org}/track`,
    headers: { 'x-forwarded-for': ip, 'accept-language': lang },
    payload: { number },
  });
}

async function verify(number: string, code: string, org = 'umniah', lang = 'en') {
  return app.inject({
    method: 'POST',
    url: `/api/v1/portal/${org}/track/verify`,
    headers: { 'x-forwarded-for': newIp(), 'accept-language': lang },
    payload: { number, code },
  });
}

/** Registers through the portal, then opens a portal session with the texted code. */
async function openCase(overrides: Record<string, unknown> = {}) {
  const res = await submit(complaint(overrides));
  expect(res.statusCode, res.body).toBe(201);
  const number = res.json().number as string;
  const row = await caseByNumber(number);
  await track(number);
  const v = await verify(number, await latestCode(row.id));
  expect(v.statusCode, v.body).toBe(200);
  const token = v.json().token as string;
  return { number, id: row.id, token, headers: { 'x-portal-session': token } };
}

async function staffAction(id: string, action: string, payload: object = {}, s = agent) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/cases/${id}/actions/${action}`,
    headers: s.headers,
    payload,
  });
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json();
}

describe('what the portal needs', () => {
  it("describes the org's approved form, categories and services in the reader's language", async () => {
    const ar = (await app.inject({ url: '/api/v1/portal/umniah' })).json();
    expect(ar.locale).toBe('ar');
    expect(ar.direction).toBe('rtl');
    expect(ar.org.name).toBe('أمنية');
    expect(ar.languages).toEqual(['ar', 'en']);
    expect(ar.channels).toEqual(['web_form', 'mobile_app']);
    expect(ar.hijri).toBe(false);
    expect(ar.caseTypes.map((t: { code: string }) => t.code)).toEqual([
      'complaint',
      'suggestion',
      'inquiry',
      'compliment',
    ]);
    const phone = ar.form.fields.find((f: { key: string }) => f.key === 'phone');
    expect(phone).toMatchObject({ field: 'customer.phone', label: 'رقم الهاتف للتواصل', required: true });
    expect(ar.form.fields.find((f: { key: string }) => f.key === 'email').required).toBe(false);
    expect(ar.categories).toContainEqual(expect.objectContaining({ code: 'bill_dispute' }));
    expect(ar.services.find((s: { code: string }) => s.code === 'postpaid').name).toBe(
      'خدمة الخطوط المفوترة',
    );
    expect(ar.privacyNotice).toContain('أمنية');

    const en = (
      await app.inject({ url: '/api/v1/portal/umniah', headers: { 'accept-language': 'en-GB,en;q=0.9' } })
    ).json();
    expect(en.direction).toBe('ltr');
    expect(en.form.fields.find((f: { key: string }) => f.key === 'phone').label).toBe('Contact phone number');
    expect(en.privacyNotice).toMatch(/^Umniah uses the details/);
    expect(en.caseTypes[0]).toEqual({ code: 'complaint', name: 'Complaint' });
  });

  it('says when the org shows Hijri dates and which public channels it takes', async () => {
    const res = (await app.inject({ url: '/api/v1/portal/hrdf' })).json();
    expect(res.hijri).toBe(true);
    expect(res.channels).toEqual([]);
  });

  it('answers 404 for an org that does not exist', async () => {
    const res = await app.inject({ url: '/api/v1/portal/nobody', headers: { 'accept-language': 'ar' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('غير موجود.');
  });
});

describe('submitting a case', () => {
  it('registers it from the web form, records the consent and queues the registered SMS', async () => {
    const before = await countCases();
    const res = await submit(complaint());
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.number).toMatch(/^UM-\d{4}-\d{6}$/);
    expect(Date.parse(body.expectedResolutionAt)).toBeGreaterThan(Date.now());
    expect(body.expectedResolution.gregorian).toMatch(/[٠-٩]/); // Arabic-Indic digits for an Arabic reader
    expect(await countCases()).toBe(before + 1);

    const row = await caseByNumber(body.number);
    expect(row.channel).toBe('web_form');
    expect(row.created_by).toBeNull();
    expect(row.privacy_consent_at).toBeInstanceOf(Date);
    const sms = await db
      .selectFrom('notifications')
      .select(['channel', 'recipient', 'variables'])
      .where('case_id', '=', row.id)
      .where('event', '=', 'registered')
      .execute();
    expect(sms).toEqual([
      expect.objectContaining({ channel: 'sms', variables: { caseNumber: body.number } }),
    ]);
    const [registered] = await db
      .selectFrom('case_events')
      .select(['type', 'actor_kind', 'actor_id'])
      .where('case_id', '=', row.id)
      .execute();
    expect(registered).toEqual({ type: 'registered', actor_kind: 'customer', actor_id: null });
  });

  it('takes cases from the mobile app through the same API', async () => {
    const res = await submit(complaint({ channel: 'mobile_app' }));
    expect(res.statusCode, res.body).toBe(201);
    expect((await caseByNumber(res.json().number)).channel).toBe('mobile_app');
  });

  it('refuses a channel that is not the web form or the app', async () => {
    const res = await submit(complaint({ channel: 'call_centre' }), newIp(), { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['channel']);
  });

  it('refuses a submission without consent to the privacy notice, with every problem in Arabic, and stores nothing', async () => {
    const before = await countCases();
    const body = complaint({ consent: false, customer: { firstName: '' } });
    const res = await submit(body, newIp(), { 'accept-language': 'ar' });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('بعض الحقول تحتاج إلى تصحيح: مشكلتان.');
    expect(error.fields).toEqual([
      { field: 'customer.firstName', reason: 'required', message: 'الحقل «الاسم الأول» مطلوب.' },
      {
        field: 'consent',
        reason: 'consent_required',
        message: 'يرجى الموافقة على «إشعار الخصوصية» لإرسال طلبك.',
      },
    ]);
    expect(await countCases()).toBe(before);
  });

  it('explains form errors with the form’s own labels in the reader’s language', async () => {
    const res = await submit(complaint({ service: undefined, customer: { phone: '12' } }), newIp(), {
      'accept-language': 'ru',
    });
    expect(res.statusCode).toBe(400);
    const messages = res.json().error.fields.map((f: { message: string }) => f.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        '«Контактный телефон» — неверный номер телефона.',
        expect.stringContaining('«Услуга»'),
      ]),
    );
  });

  it('answers a robot that filled the honeypot like a success and stores nothing', async () => {
    const before = await countCases();
    const counter = await db
      .selectFrom('case_number_counters')
      .select('last_value')
      .where('org_id', '=', um.org.orgId)
      .executeTakeFirst();
    const notices = Number(
      (
        await db
          .selectFrom('notifications')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('org_id', '=', um.org.orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );
    const res = await submit(complaint({ website: 'http://spam.example' }));
    expect(res.statusCode).toBe(201);
    expect(res.json().number).toMatch(/^UM-\d{4}-\d{6}$/);
    expect(res.json().expectedResolution.gregorian).toBeTruthy();
    expect(await countCases()).toBe(before);
    const after = await db
      .selectFrom('case_number_counters')
      .select('last_value')
      .where('org_id', '=', um.org.orgId)
      .executeTakeFirst();
    expect(after?.last_value).toBe(counter?.last_value);
    const noticesAfter = Number(
      (
        await db
          .selectFrom('notifications')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('org_id', '=', um.org.orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(noticesAfter).toBe(notices);
    // even a malformed robot submission is told the same
    const junk = await submit({ website: 'x', anything: 1 });
    expect(junk.statusCode).toBe(201);
  });

  it('registers one case when the same Idempotency-Key is sent twice', async () => {
    const before = await countCases();
    const body = complaint();
    const headers = { 'idempotency-key': 'portal-retry-0001' };
    const first = await submit(body, newIp(), headers);
    const second = await submit(body, newIp(), headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().number).toBe(first.json().number);
    expect(await countCases()).toBe(before + 1);
    const other = await submit(complaint(), newIp(), headers);
    expect(other.statusCode).toBe(422);
  });

  it('limits submissions per IP address, with a localised 429', async () => {
    const ip = newIp();
    // robots' submissions count too: the limit is taken before anything else
    for (let i = 0; i < PORTAL_LIMITS.submitPerIp.limit; i += 1) {
      expect((await submit({ website: 'x' }, ip)).statusCode).toBe(201);
    }
    const res = await submit(complaint(), ip, { 'accept-language': 'ar' });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('RATE_LIMITED');
    expect(res.json().error.message).toMatch(/^محاولات كثيرة جدًا/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits submissions naming one phone number, whatever the address', async () => {
    const phone = joPhone();
    for (let i = 0; i < PORTAL_LIMITS.submitPerPhone.limit; i += 1) {
      const ok = await submit(complaint({ customer: { phone } }));
      expect(ok.statusCode, ok.body).toBe(201);
    }
    // the same number written the local way is the same number
    const local = `0${phone.slice(4)}`;
    const res = await submit(complaint({ customer: { phone: local } }), newIp(), { 'accept-language': 'en' });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.message).toMatch(/^Too many attempts/);
  });
});

describe('tracking with a one-time code', () => {
  it('answers the same whether the number exists or not, and texts a code only to a real case', async () => {
    const res = await submit(complaint());
    const number = res.json().number as string;
    const row = await caseByNumber(number);
    const real = await track(number);
    const fake = await track('UM-2026-999999');
    const junk = await track('not a number');
    expect(real.statusCode).toBe(202);
    expect(fake.statusCode).toBe(202);
    expect(junk.statusCode).toBe(202);
    expect(fake.body).toBe(real.body);
    expect(junk.body).toBe(real.body);
    expect(real.json().codeValidMinutes).toBe(10);

    const notices = await otpNotices(row.id);
    expect(notices).toHaveLength(1);
    const n = notices[0]!;
    expect(n.channel).toBe('sms');
    const vars = n.variables as { code: string; minutes: number };
    expect(vars.code).toMatch(/^\d{6}$/);
    expect(vars.minutes).toBe(10);
    const code = await db
      .selectFrom('portal_codes')
      .select(['id', 'code_hash', 'expires_at', 'created_at'])
      .where('case_id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(n.dedupe_key).toBe(`otp:${code.id}`);
    expect(code.code_hash).not.toContain(vars.code);
    expect(code.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(code.expires_at.getTime() - code.created_at.getTime()).toBe(10 * 60_000);
  });

  it('words the answer in the reader’s language', async () => {
    const res = await track('UM-2026-999998', 'umniah', newIp(), 'kk');
    expect(res.json().message).toContain('10 минут');
  });

  it('sends at most 3 codes per case per hour, without saying so', async () => {
    const { number } = await openCase();
    const row = await caseByNumber(number);
    expect(await otpNotices(row.id)).toHaveLength(1); // the code that opened the case
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push((await track(number)).body);
    expect(new Set(answers).size).toBe(1);
    expect(await otpNotices(row.id)).toHaveLength(PORTAL_LIMITS.codesPerCasePerHour);
  });

  it('limits code requests per IP address', async () => {
    const ip = newIp();
    for (let i = 0; i < PORTAL_LIMITS.trackPerIp.limit; i += 1) {
      expect((await track('UM-2026-999997', 'umniah', ip)).statusCode).toBe(202);
    }
    const res = await track('UM-2026-999997', 'umniah', ip, 'ar');
    expect(res.statusCode).toBe(429);
    expect(res.json().error.message).toMatch(/^محاولات كثيرة جدًا/);
  });

  it('opens a session with the right code, once, and refuses a wrong one in Arabic, counting the attempt', async () => {
    const res = await submit(complaint());
    const number = res.json().number as string;
    const row = await caseByNumber(number);
    await track(number);
    const code = await latestCode(row.id);
    const wrong = code === '000000' ? '111111' : '000000';

    const bad = await verify(number, wrong, 'umniah', 'ar');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([
      {
        field: 'code',
        reason: 'invalid_code',
        message: '«رمز التحقق» غير صحيح أو لم يعد صالحًا. اطلب رمزًا جديدًا.',
      },
    ]);
    const stored = await db
      .selectFrom('portal_codes')
      .select('attempts')
      .where('case_id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(stored.attempts).toBe(1);

    const ok = await verify(number, code);
    expect(ok.statusCode, ok.body).toBe(200);
    const token = ok.json().token as string;
    expect(ok.json().caseNumber).toBe(number);
    const cookie = ok.cookies.find((c) => c.name === 'riza_portal');
    expect(cookie).toMatchObject({ value: token, httpOnly: true, sameSite: 'Strict' });
    const session = await db
      .selectFrom('portal_sessions')
      .select(['token_hash', 'expires_at', 'created_at'])
      .where('case_id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(session.token_hash).toBe(hashToken(token));
    expect(session.expires_at.getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(session.expires_at.getTime() - Date.now()).toBeLessThanOrEqual(30 * 60_000);

    const again = await verify(number, code, 'umniah', 'ar');
    expect(again.statusCode).toBe(400);
    expect(again.body).toBe(bad.body);
  });

  it('gives an unknown number the same error as a wrong code', async () => {
    const res = await verify('UM-2026-999996', '123456', 'umniah', 'ar');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].reason).toBe('invalid_code');
  });

  it('refuses the right code after 5 attempts', async () => {
    const res = await submit(complaint());
    const number = res.json().number as string;
    const row = await caseByNumber(number);
    await track(number);
    const code = await latestCode(row.id);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < PORTAL_LIMITS.attemptsPerCode; i += 1) {
      expect((await verify(number, wrong)).statusCode).toBe(400);
    }
    expect((await verify(number, code)).statusCode).toBe(400);
    // a fresh code works again
    await track(number);
    expect((await verify(number, await latestCode(row.id))).statusCode).toBe(200);
  });

  it('refuses an expired code', async () => {
    const res = await submit(complaint());
    const number = res.json().number as string;
    const row = await caseByNumber(number);
    await track(number);
    const code = await latestCode(row.id);
    const eleven = new Date(Date.now() + 11 * 60_000);
    await expect(verifyTrackingCode(db, um.org, number, code, eleven)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [expect.objectContaining({ field: 'code', reason: 'invalid_code' })],
    });
    // within ten minutes the same code still works
    const nine = new Date(Date.now() + 9 * 60_000);
    await expect(verifyTrackingCode(db, um.org, number, code, nine)).resolves.toMatchObject({ number });
  });

  it('supersedes an older code with a newer one', async () => {
    const res = await submit(complaint());
    const number = res.json().number as string;
    const row = await caseByNumber(number);
    await track(number);
    const first = await latestCode(row.id);
    await track(number);
    const second = await latestCode(row.id);
    if (first !== second) expect((await verify(number, first)).statusCode).toBe(400);
    expect((await verify(number, second)).statusCode).toBe(200);
  });
});

describe("the customer's view of a case", () => {
  it('needs a portal session, and a session opens only its own case', async () => {
    const a = await openCase();
    const b = await openCase();
    const none = await app.inject({ url: `/api/v1/portal/umniah/cases/${a.number}` });
    expect(none.statusCode).toBe(401);
    const other = await app.inject({ url: `/api/v1/portal/umniah/cases/${b.number}`, headers: a.headers });
    expect(other.statusCode).toBe(404);
    const byCookie = await app.inject({
      url: `/api/v1/portal/umniah/cases/${a.number}`,
      cookies: { riza_portal: a.token },
    });
    expect(byCookie.statusCode).toBe(200);
    expect(byCookie.headers['cache-control']).toBe('no-store');
    const elsewhere = await app.inject({ url: `/api/v1/portal/hrdf/cases/${a.number}`, headers: a.headers });
    expect(elsewhere.statusCode).toBe(401);
  });

  it('ends the session on request', async () => {
    const a = await openCase();
    const end = await app.inject({
      method: 'DELETE',
      url: '/api/v1/portal/umniah/session',
      headers: a.headers,
    });
    expect(end.statusCode).toBe(200);
    const res = await app.inject({ url: `/api/v1/portal/umniah/cases/${a.number}`, headers: a.headers });
    expect(res.statusCode).toBe(401);
  });

  it('shows the customer stages and a pending question, never internal notes or staff names', async () => {
    const c = await openCase();
    await staffAction(c.id, 'acknowledge');
    const note = 'ملاحظة داخلية: العميل كثير الشكاوى';
    const noted = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/notes`,
      headers: agent.headers,
      payload: { body: note },
    });
    expect(noted.statusCode).toBe(201);
    await staffAction(c.id, 'transfer', { department: 'billing', reason: 'internal routing reason' });
    await staffAction(c.id, 'request_information', { message: 'ما هو تاريخ الفاتورة؟' });

    const res = await app.inject({
      url: `/api/v1/portal/umniah/cases/${c.number}`,
      headers: { ...c.headers, 'accept-language': 'ar' },
    });
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.status).toEqual({
      code: 'awaiting_your_reply',
      label: 'بانتظار ردّك',
      internal: 'waiting_on_customer',
    });
    expect(view.informationRequest).toEqual({ pending: true, question: 'ما هو تاريخ الفاتورة؟' });
    expect(view.history.map((e: { type: string }) => e.type)).toEqual([
      'registered',
      'acknowledged',
      'information_requested',
    ]);
    expect(view.history[2]).toMatchObject({
      label: 'طلبنا منك معلومات إضافية',
      question: 'ما هو تاريخ الفاتورة؟',
    });
    expect(view.answer).toBeNull();
    expect(view.expectedResolution.gregorian).toBeTruthy();
    expect(view.expectedResolution.hijri).toBeUndefined();
    const agentName = um.profile.users.find((u) => u.role === 'agent')!.displayName;
    expect(res.body).not.toContain(note);
    expect(res.body).not.toContain(agentName);
    expect(res.body).not.toContain('internal routing reason');
  });

  it('resumes the case and its SLA clock when the customer answers a pending request', async () => {
    const c = await openCase();
    await staffAction(c.id, 'acknowledge');
    await staffAction(c.id, 'request_information', { message: 'Which line is affected?' });
    const paused = await db
      .selectFrom('case_sla_stages')
      .select(['stage', 'paused_at'])
      .where('case_id', '=', c.id)
      .where('stage', '=', 'resolution')
      .executeTakeFirstOrThrow();
    expect(paused.paused_at).not.toBeNull();

    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/portal/umniah/cases/${c.number}/reply`,
      headers: { ...c.headers, 'accept-language': 'en', 'idempotency-key': 'reply-1' },
      payload: { message: 'The line 0791234567' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toMatchObject({ code: 'in_progress', internal: 'acknowledged' });
    expect(res.json().informationRequest.pending).toBe(false);
    expect(res.json().history.at(-1)).toMatchObject({
      type: 'customer_replied',
      message: 'The line 0791234567',
      label: 'You replied',
    });
    const resumed = await db
      .selectFrom('case_sla_stages')
      .select('paused_at')
      .where('case_id', '=', c.id)
      .where('stage', '=', 'resolution')
      .executeTakeFirstOrThrow();
    expect(resumed.paused_at).toBeNull();
    const messages = await db
      .selectFrom('case_messages')
      .select(['kind', 'body', 'author_id'])
      .where('case_id', '=', c.id)
      .execute();
    expect(messages).toContainEqual({ kind: 'inbound', body: 'The line 0791234567', author_id: null });
    const event = await db
      .selectFrom('case_events')
      .select(['actor_kind', 'actor_id'])
      .where('case_id', '=', c.id)
      .where('type', '=', 'customer_replied')
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ actor_kind: 'customer', actor_id: null });

    // a retry of the same reply is answered from the first, not refused
    const retry = await app.inject({
      method: 'POST',
      url: `/api/v1/portal/umniah/cases/${c.number}/reply`,
      headers: { ...c.headers, 'idempotency-key': 'reply-1' },
      payload: { message: 'The line 0791234567' },
    });
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    // but a new reply with nothing pending is refused
    const late = await app.inject({
      method: 'POST',
      url: `/api/v1/portal/umniah/cases/${c.number}/reply`,
      headers: c.headers,
      payload: { message: 'One more thing' },
    });
    expect(late.statusCode).toBe(409);
  });

  it('refuses an empty reply with a localised field error', async () => {
    const c = await openCase();
    await staffAction(c.id, 'request_information', { message: 'Which line?' });
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/portal/umniah/cases/${c.number}/reply`,
      headers: { ...c.headers, 'accept-language': 'az' },
      payload: { message: '   ' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field: 'message', reason: 'required' });
    expect(res.json().error.fields[0].message).toContain('Mesaj');
  });

  it('shows a moved resolution date with its reason', async () => {
    const c = await openCase();
    const ext = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/sla/extend`,
      headers: agent.headers,
      payload: { newDueAt: '2030-01-15', reason: 'Waiting for the supplier' },
    });
    expect(ext.statusCode, ext.body).toBe(200);
    const view = (
      await app.inject({
        url: `/api/v1/portal/umniah/cases/${c.number}`,
        headers: { ...c.headers, 'accept-language': 'en' },
      })
    ).json();
    const moved = view.history.find((e: { type: string }) => e.type === 'extended');
    const dueAt = ext.json().sla.expectedResolutionAt as string;
    expect(dueAt).toMatch(/^2030-01-15T/);
    expect(moved).toMatchObject({ reason: 'Waiting for the supplier', newDueAt: dueAt });
    expect(moved.newDate.gregorian).toContain('2030');
    expect(view.expectedResolutionAt).toBe(dueAt);
  });

  it('gives the expected resolution date in Hijri too where the org wants it', async () => {
    const created = await registerAs(db, hr, await hr.actor('agent'), {
      type: 'complaint',
      channel: 'call_centre',
      category: 'disbursement_delay',
      description: 'لم يصلني الدعم المستحق',
      locale: 'ar',
      customer: { firstName: 'نورة', lastName: 'القحطاني', phone: '+966501234567' },
    });
    await track(created.number, 'hrdf');
    const v = await verify(created.number, await latestCode(created.id), 'hrdf');
    expect(v.statusCode, v.body).toBe(200);
    const view = (
      await app.inject({
        url: `/api/v1/portal/hrdf/cases/${created.number}`,
        headers: { 'x-portal-session': v.json().token, 'accept-language': 'ar' },
      })
    ).json();
    expect(view.expectedResolution.gregorian).toBeTruthy();
    expect(view.expectedResolution.hijri).toMatch(/هـ/);
  });
});

describe('files from the customer', () => {
  function multipart(filename: string, data: Buffer) {
    const boundary = '----riza-portal-boundary';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    return {
      payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    };
  }

  it('adds a photo to the open case and refuses a disguised file, checked on content', async () => {
    const c = await openCase();
    const ok = multipart('receipt.png', PNG);
    const up = await app.inject({
      method: 'POST',
      url: `/api/v1/portal/umniah/cases/${c.number}/attachments`,
      headers: { ...c.headers, ...ok.headers },
      payload: ok.payload,
    });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ filename: 'receipt.png', contentType: 'image/png', size: PNG.length });
    const stored = await db
      .selectFrom('attachments')
      .select(['uploaded_by', 'filename'])
      .where('case_id', '=', c.id)
      .execute();
    expect(stored).toEqual([{ uploaded_by: null, filename: 'receipt.png' }]);

    const fake = multipart('scan.png', Buffer.from('MZ this is really a windows program'.padEnd(200, 'x')));
    const bad = await app.inject({
      method: 'POST',
      url: `/api/v1/portal/umniah/cases/${c.number}/attachments`,
      headers: { ...c.headers, ...fake.headers, 'accept-language': 'ar' },
      payload: fake.payload,
    });
    expect(bad.statusCode).toBe(415);
    expect(bad.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const anonymous = await app.inject({
      method: 'POST',
      url: `/api/v1/portal/umniah/cases/${c.number}/attachments`,
      headers: ok.headers,
      payload: ok.payload,
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('the answer, the letter and the survey', () => {
  it('shows the final answer, serves the letter and stores one rating that the CSAT report shows', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const c = await openCase({ category: 'balance_deduction' });
    const noLetter = await app.inject({
      url: `/api/v1/portal/umniah/cases/${c.number}/letter.pdf`,
      headers: c.headers,
    });
    expect(noLetter.statusCode).toBe(404);

    await staffAction(c.id, 'acknowledge');
    await staffAction(c.id, 'respond', {
      message: 'أعدنا المبلغ المخصوم إلى رصيدك.',
      steps: ['راجعنا الفاتورة', 'أعدنا المبلغ'],
    });
    const view = (
      await app.inject({
        url: `/api/v1/portal/umniah/cases/${c.number}`,
        headers: { ...c.headers, 'accept-language': 'ar' },
      })
    ).json();
    expect(view.status).toMatchObject({ code: 'answered', label: 'تم الرد' });
    expect(view.answer).toMatchObject({
      text: 'أعدنا المبلغ المخصوم إلى رصيدك.',
      steps: ['راجعنا الفاتورة', 'أعدنا المبلغ'],
    });
    expect(view.expectedResolution).toBeNull();

    const letter = await app.inject({
      url: `/api/v1/portal/umniah/cases/${c.number}/letter.pdf`,
      headers: c.headers,
    });
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    expect(letter.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const survey = await db
      .selectFrom('notifications')
      .select('variables')
      .where('case_id', '=', c.id)
      .where('event', '=', 'survey')
      .executeTakeFirstOrThrow();
    const token = (survey.variables as { surveyToken: string }).surveyToken;
    const url = `/api/v1/portal/umniah/survey/${token}`;
    expect((await app.inject({ url })).json()).toEqual({
      caseNumber: c.number,
      answered: false,
      answeredAt: null,
      rating: null,
    });
    const outOfRange = await app.inject({
      method: 'POST',
      url,
      headers: { 'accept-language': 'ar', 'x-forwarded-for': newIp() },
      payload: { rating: 9 },
    });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json().error.fields[0].message).toBe('يجب أن تكون قيمة «التقييم» بين 1 و5.');

    const rated = await app.inject({
      method: 'POST',
      url,
      headers: { 'x-forwarded-for': newIp() },
      payload: { rating: 4, comment: 'شكرًا' },
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({ answered: true, rating: 4 });
    const twice = await app.inject({
      method: 'POST',
      url,
      headers: { 'x-forwarded-for': newIp() },
      payload: { rating: 1 },
    });
    expect(twice.statusCode).toBe(409);
    expect((await app.inject({ url })).json()).toMatchObject({ answered: true, rating: 4 });
    expect((await app.inject({ url: '/api/v1/portal/umniah/survey/not-a-real-token-123' })).statusCode).toBe(
      404,
    );

    const agentId = (await um.actor('agent')).userId;
    const category = await db
      .selectFrom('categories')
      .select('id')
      .where('org_id', '=', um.org.orgId)
      .where('code', '=', 'balance_deduction')
      .executeTakeFirstOrThrow();
    const row = await db
      .selectFrom('surveys')
      .select(['agent_id', 'channel', 'category_id', 'rating', 'comment', 'answered_at'])
      .where('case_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      agent_id: agentId,
      channel: 'web_form',
      category_id: category.id,
      rating: 4,
      comment: 'شكرًا',
    });

    const to = new Date(Date.now() + 60_000).toISOString();
    const report = async (by: string) => {
      const res = await app.inject({
        url: `/api/v1/reports/csat?from=${from}&to=${to}&by=${by}`,
        headers: { ...manager.headers, 'accept-language': 'en' },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const byAgent = await report('agent');
    const mine = byAgent.items.find((i: { group: string }) => i.group === agentId);
    expect(mine).toMatchObject({
      name: um.profile.users.find((u) => u.role === 'agent')!.displayName,
      sent: 1,
      count: 1,
      meanRating: 4,
      responseRate: 1,
      satisfied: 1,
    });
    const byCategory = await report('category');
    expect(byCategory.items.find((i: { group: string }) => i.group === category.id)).toMatchObject({
      count: 1,
      meanRating: 4,
    });
    const byChannel = await report('channel');
    expect(byChannel.items).toContainEqual(
      expect.objectContaining({ group: 'web_form', name: 'web_form', count: 1, meanRating: 4 }),
    );
  });

  it('counts an unanswered survey in the response rate', async () => {
    const from = new Date(Date.now() - 1000).toISOString();
    const answered = await openCase({ category: 'unrequested_service' });
    const silent = await openCase({ category: 'unrequested_service' });
    for (const c of [answered, silent]) await staffAction(c.id, 'respond', { message: 'Done.' }, manager);
    const token = (
      (
        await db
          .selectFrom('notifications')
          .select('variables')
          .where('case_id', '=', answered.id)
          .where('event', '=', 'survey')
          .executeTakeFirstOrThrow()
      ).variables as { surveyToken: string }
    ).surveyToken;
    await app.inject({
      method: 'POST',
      url: `/api/v1/portal/umniah/survey/${token}`,
      headers: { 'x-forwarded-for': newIp() },
      payload: { rating: 2 },
    });
    const to = new Date(Date.now() + 60_000).toISOString();
    const res = await app.inject({
      url: `/api/v1/reports/csat?from=${from}&to=${to}&by=category`,
      headers: manager.headers,
    });
    const category = await db
      .selectFrom('categories')
      .select('id')
      .where('org_id', '=', um.org.orgId)
      .where('code', '=', 'unrequested_service')
      .executeTakeFirstOrThrow();
    expect(res.json().items.find((i: { group: string }) => i.group === category.id)).toMatchObject({
      sent: 2,
      count: 1,
      responseRate: 0.5,
      meanRating: 2,
      satisfied: 0,
    });
  });

  it('keeps the CSAT report to people allowed to read reports', async () => {
    const res = await app.inject({
      url: '/api/v1/reports/csat?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z',
      headers: agent.headers,
    });
    expect(res.statusCode).toBe(403);
  });

  it('limits survey answers per IP address', async () => {
    const ip = newIp();
    for (let i = 0; i < PORTAL_LIMITS.surveyPerIp.limit; i += 1) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/portal/umniah/survey/no-such-survey-token-0000',
        headers: { 'x-forwarded-for': ip },
        payload: { rating: 5 },
      });
      expect(res.statusCode).toBe(404);
    }
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/portal/umniah/survey/no-such-survey-token-0000',
      headers: { 'x-forwarded-for': ip, 'accept-language': 'ru' },
      payload: { rating: 5 },
    });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.message).toMatch(/^Слишком много попыток/);
  });
});
