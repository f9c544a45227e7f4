import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { createOrg, khComplaint, type TestOrg } from '../../../test/factories.ts';
import { createTestApp, type Session, signIn } from '../../../test/http.ts';
import type { Db } from '../platform/db/db.ts';

let db: Db;
let app: FastifyInstance;
let kh: TestOrg;
let um: TestOrg;
let agent: Session;
let manager: Session;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
  um = await createOrg(db, 'umniah');
  app = await createTestApp(db);
  agent = await signIn(app, 'kontakt-home', kh.userEmail('agent'));
  manager = await signIn(app, 'kontakt-home', kh.userEmail('cs_manager'));
});

const countCases = async () =>
  Number(
    (
      await db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('org_id', '=', kh.org.orgId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('platform endpoints', () => {
  it('answers health and readiness', async () => {
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('serves an OpenAPI 3.1 document generated from the routes, and the reference page', async () => {
    const doc = (await app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/cases'].post.requestBody).toBeTruthy();
    expect((await app.inject('/api/docs/')).statusCode).toBe(200);
  });

  it('exposes Prometheus metrics', async () => {
    const res = await app.inject('/metrics');
    expect(res.body).toContain('riza_http_request_duration_seconds');
  });

  it('sends security headers', async () => {
    const res = await app.inject('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });
});

describe('signing in', () => {
  it('refuses a wrong password with a localised message', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'ru' },
      payload: { org: 'kontakt-home', email: kh.userEmail('agent'), password: 'wrong password' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({
      code: 'INVALID_CREDENTIALS',
      message: 'Неверная организация, e-mail или пароль.',
    });
  });

  it('requires the CSRF header for changes made with the session cookie', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { cookie: agent.cookie },
      payload: khComplaint(),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
  });

  it('accepts an API token created by an administrator', async () => {
    const admin = await signIn(app, 'kontakt-home', kh.userEmail('administrator'));
    const me = (await app.inject({ url: '/api/v1/auth/me', headers: admin.headers })).json();
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: admin.headers,
      payload: { userId: me.user.id, name: 'CRM integration' },
    });
    expect(created.statusCode).toBe(201);
    const res = await app.inject({
      url: '/api/v1/cases',
      headers: { authorization: `Bearer ${created.json().token}` },
    });
    expect(res.statusCode).toBe(200);
    const bad = await app.inject({ url: '/api/v1/cases', headers: { authorization: 'Bearer riza_nope' } });
    expect(bad.statusCode).toBe(401);
  });
});

describe('case API', () => {
  it('refuses a complaint without a patronymic in Azerbaijani and creates nothing', async () => {
    const before = await countCases();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { ...agent.headers, 'accept-language': 'az' },
      payload: khComplaint({ customer: { patronymic: undefined } }),
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.fields).toEqual([
      { field: 'customer.patronymic', reason: 'required', message: '«Atasının adı» sahəsi mütləqdir.' },
    ]);
    expect(await countCases()).toBe(before);
  });

  it('explains schema errors in Arabic too', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { ...agent.headers, 'accept-language': 'ar' },
      payload: { type: 'complaint', channel: 'call_centre', customer: { phone: 12 }, surprise: true },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.message).toMatch(/بعض الحقول/);
    expect(error.fields.map((f: { field: string }) => f.field)).toContain('surprise');
  });

  it('creates one case for the same Idempotency-Key sent twice', async () => {
    const before = await countCases();
    const payload = khComplaint();
    const headers = { ...agent.headers, 'idempotency-key': 'call-7781-first-attempt' };
    const first = await app.inject({ method: 'POST', url: '/api/v1/cases', headers, payload });
    const second = await app.inject({ method: 'POST', url: '/api/v1/cases', headers, payload });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().number).toBe(first.json().number);
    expect(await countCases()).toBe(before + 1);
    const other = await app.inject({ method: 'POST', url: '/api/v1/cases', headers, payload: khComplaint() });
    expect(other.statusCode).toBe(422);
  });

  it('creates one case when the same key arrives twice at the same moment', async () => {
    const before = await countCases();
    const payload = khComplaint();
    const headers = { ...agent.headers, 'idempotency-key': 'concurrent-key-1' };
    const [a, b] = await Promise.all([
      app.inject({ method: 'POST', url: '/api/v1/cases', headers, payload }),
      app.inject({ method: 'POST', url: '/api/v1/cases', headers, payload }),
    ]);
    expect(a.json().number).toBe(b.json().number);
    expect(await countCases()).toBe(before + 1);
  });

  it('walks a case through transfer, response and close, and shows it on the timeline', async () => {
    const created = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: agent.headers,
        payload: khComplaint(),
      })
    ).json();
    const act = (s: Session, action: string, payload: object = {}) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/cases/${created.id}/actions/${action}`,
        headers: s.headers,
        payload,
      });
    const dept = kh.profile.departments.find((d) => d.kind === 'specialised')!.code;
    expect((await act(agent, 'transfer', { department: dept, reason: 'Zəmanət' })).statusCode).toBe(200);
    const closeEarly = await act(manager, 'close');
    expect(closeEarly.statusCode).toBe(409);
    expect(closeEarly.json().error.code).toBe('RESPONSE_REQUIRED');
    expect((await act(manager, 'respond', { message: 'Məhsul dəyişdirildi.' })).json().status).toBe(
      'response_communicated',
    );
    expect((await act(agent, 'close')).statusCode).toBe(403);
    expect((await act(manager, 'close')).json().status).toBe('closed');
    const timeline = (
      await app.inject({ url: `/api/v1/cases/${created.id}/timeline`, headers: agent.headers })
    ).json();
    expect(timeline.items.map((e: { type: string }) => e.type)).toEqual([
      'registered',
      'transferred',
      'responded',
      'closed',
    ]);
  });

  it("hides another organisation's case (404), whatever the route", async () => {
    const created = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: agent.headers,
        payload: khComplaint(),
      })
    ).json();
    const outsider = await signIn(app, 'umniah', um.userEmail('cs_manager'));
    for (const [method, url, payload] of [
      ['GET', `/api/v1/cases/${created.id}`, undefined],
      ['GET', `/api/v1/cases/${created.id}/timeline`, undefined],
      ['POST', `/api/v1/cases/${created.id}/actions/acknowledge`, {}],
      ['POST', `/api/v1/cases/${created.id}/notes`, { body: 'x' }],
      ['GET', `/api/v1/cases/${created.id}/attachments`, undefined],
    ] as const) {
      const res = await app.inject({ method, url, headers: outsider.headers, payload });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const list = (
      await app.inject({ url: `/api/v1/cases?q=${created.number}`, headers: outsider.headers })
    ).json();
    expect(list.items).toEqual([]);
  });

  it('pages through the list with a keyset cursor, newest first', async () => {
    const page1 = (await app.inject({ url: '/api/v1/cases?limit=3', headers: agent.headers })).json();
    expect(page1.items).toHaveLength(3);
    const page2 = (
      await app.inject({ url: `/api/v1/cases?limit=3&cursor=${page1.nextCursor}`, headers: agent.headers })
    ).json();
    const ids1 = page1.items.map((c: { id: string }) => c.id);
    for (const c of page2.items) expect(ids1).not.toContain(c.id);
    expect(page2.items[0].createdAt <= page1.items[2].createdAt).toBe(true);
  });
});

describe('search', () => {
  it('finds Arabic text written with a plain alef when searched with hamza (الإنترنت ↔ الانترنت)', async () => {
    const umAgent = await signIn(app, 'umniah', um.userEmail('agent'));
    const { customer: extraCustomer, ...extras } = formExtras(um);
    const payload = {
      type: 'complaint',
      channel: 'call_centre',
      description: 'الانترنت مقطوع منذ يومين في منطقة الجبيهة ولم يتم حل المشكلة',
      locale: 'ar',
      ...extras,
      customer: {
        firstName: 'محمد',
        lastName: 'العلي',
        phone: '+962791234567',
        ...(extraCustomer as object),
      },
    };
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: umAgent.headers,
      payload,
    });
    expect(created.statusCode, created.body).toBe(201);
    const res = (
      await app.inject({ url: `/api/v1/cases?q=${encodeURIComponent('الإنترنت')}`, headers: umAgent.headers })
    ).json();
    expect(res.items.map((c: { id: string }) => c.id)).toContain(created.json().id);
    const none = (
      await app.inject({ url: `/api/v1/cases?q=${encodeURIComponent('فاتورة')}`, headers: umAgent.headers })
    ).json();
    expect(none.items.map((c: { id: string }) => c.id)).not.toContain(created.json().id);
  });

  it('finds Azerbaijani and Russian text, word stems with suffixes cut off, and a case by its number', async () => {
    const created = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: agent.headers,
        payload: khComplaint({
          description: 'Kondisioner quraşdırılmadı, ustanın gəlişi gecikir. Кондиционер не установлен.',
        }),
      })
    ).json();
    for (const q of ['quraşdırılmadı', 'qurasdirilmadi', 'quraşdırılma', 'кондиционер', created.number]) {
      const res = (
        await app.inject({ url: `/api/v1/cases?q=${encodeURIComponent(q)}`, headers: agent.headers })
      ).json();
      expect(
        res.items.map((c: { id: string }) => c.id),
        q,
      ).toContain(created.id);
    }
  });
});

/** Fields a profile's form requires besides the customer and description (e.g. service). */
function formExtras(t: TestOrg): Record<string, unknown> {
  const extras: Record<string, unknown> = {};
  for (const f of t.profile.form) {
    if (!f.required) continue;
    if (f.key === 'category') extras.category = t.profile.categories[0]!.code;
    if (f.key === 'service') extras.service = t.profile.services[0]!.code;
    if (f.key === 'subject') extras.subject = 'انقطاع الانترنت';
    if (f.key === 'remedy_sought') extras.remedySought = 'إصلاح الخدمة';
    if (f.key.startsWith('custom.'))
      extras.custom = {
        ...((extras.custom as object) ?? {}),
        [f.key.slice(7)]: f.options?.[0]?.value ?? 'x',
      };
    if (f.key === 'national_id' || f.key === 'account_id' || f.key === 'email') {
      extras.customer ??= {};
      const c = extras.customer as Record<string, string>;
      if (f.key === 'national_id') c.nationalId = '9981234567';
      if (f.key === 'account_id') c.accountId = 'ACC-1';
      if (f.key === 'email') c.email = 'customer@example.com';
    }
  }
  return extras;
}

describe('queue counts and the priority filter', () => {
  it('counts my open cases, my department’s, the not yet picked up and all, and filters by priority', async () => {
    const before = (await app.inject({ url: '/api/v1/cases/counts', headers: agent.headers })).json();
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: agent.headers,
      payload: khComplaint({ priority: 'urgent' }),
    });
    expect(created.statusCode).toBe(201);
    const after = (await app.inject({ url: '/api/v1/cases/counts', headers: agent.headers })).json();
    expect(after.all).toBe(before.all + 1);
    expect(after.unassigned).toBe(before.unassigned + 1);
    const urgent = (
      await app.inject({ url: '/api/v1/cases?priority=urgent', headers: agent.headers })
    ).json();
    expect(urgent.items.length).toBeGreaterThanOrEqual(1);
    expect(urgent.items.every((c: { priority: string }) => c.priority === 'urgent')).toBe(true);
  });
});
