// SLA over HTTP: calendar and policy administration, the SLA on a case, extensions, the report.
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { createOrg, khComplaint, type TestOrg } from '../../../test/factories.ts';
import { createTestApp, type Session, signIn } from '../../../test/http.ts';
import type { Db } from '../platform/db/db.ts';

let db: Db;
let app: FastifyInstance;
let kh: TestOrg;
let hr: TestOrg;
let admin: Session;
let agent: Session;
let manager: Session;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
  hr = await createOrg(db, 'hrdf');
  app = await createTestApp(db);
  admin = await signIn(app, 'kontakt-home', kh.userEmail('administrator'));
  agent = await signIn(app, 'kontakt-home', kh.userEmail('agent'));
  manager = await signIn(app, 'kontakt-home', kh.userEmail('cs_manager'));
});

async function register(s: Session, overrides = {}) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: s.headers,
    payload: khComplaint(overrides),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const calendarVersion = async () =>
  (
    await db
      .selectFrom('calendars')
      .select('version')
      .where('org_id', '=', kh.org.orgId)
      .where('code', '=', 'main')
      .executeTakeFirstOrThrow()
  ).version;

describe('calendar administration', () => {
  it('refuses a broken calendar with a localised error per problem and changes nothing', async () => {
    const before = await calendarVersion();
    const res = await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/calendars/main',
      headers: { ...admin.headers, 'accept-language': 'az' },
      payload: {
        timezone: 'Asia/Nowhere',
        week: { mon: [['18:00', '09:00']] },
        holidays: [{ date: '2026-02-30' }],
      },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toMatch(/problem|sahə|diqqət/i);
    const fields = body.error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['timezone', 'holidays[0].date']));
    expect(await calendarVersion()).toBe(before);
  });

  it('gives a department its own calendar, which new cases in it follow', async () => {
    const round = {
      mon: [['00:00', '24:00']],
      tue: [['00:00', '24:00']],
      wed: [['00:00', '24:00']],
      thu: [['00:00', '24:00']],
      fri: [['00:00', '24:00']],
      sat: [['00:00', '24:00']],
      sun: [['00:00', '24:00']],
    };
    const put = await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/calendars/around-the-clock',
      headers: admin.headers,
      payload: { name: 'Hotline', timezone: 'Asia/Baku', week: round },
    });
    expect(put.statusCode, put.body).toBe(201);
    const assign = await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/departments/customer_care/calendar',
      headers: admin.headers,
      payload: { calendar: 'around-the-clock' },
    });
    expect(assign.statusCode, assign.body).toBe(200);
    const list = (await app.inject({ url: '/api/v1/admin/calendars', headers: admin.headers })).json();
    expect(list.items.find((k: { code: string }) => k.code === 'around-the-clock').departments).toEqual([
      'customer_care',
    ]);
    const c = await register(agent, { department: 'customer_care' });
    const ack = c.sla.stages.find((s: { stage: string }) => s.stage === 'acknowledge');
    const registered = Date.parse(c.createdAt);
    // 3 business days on a 24/7 calendar is exactly 72 hours
    expect(Date.parse(ack.dueAt) - registered).toBe(72 * 3_600_000);
    await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/departments/customer_care/calendar',
      headers: admin.headers,
      payload: { calendar: null },
    });
  });
});

describe('SLA policy administration', () => {
  it('validates a policy and applies a new one to new cases', async () => {
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/sla-policies/vip',
      headers: { ...admin.headers, 'accept-language': 'ru' },
      payload: { name: { ru: 'VIP' }, targets: { resolution: { amount: 0, unit: 'business_days' } } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({
      field: 'targets.resolution.amount',
      reason: 'out_of_range',
    });
    expect(bad.json().error.fields[0].message).toMatch(/от 1 до 366/);
    const ok = await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/sla-policies/email-complaints',
      headers: admin.headers,
      payload: {
        name: { en: 'E-mail complaints', az: 'E-poçt şikayətləri' },
        caseType: 'complaint',
        channel: 'email',
        targets: {
          acknowledge: { amount: 2, unit: 'business_hours' },
          resolution: { amount: 5, unit: 'business_days' },
        },
      },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const c = await register(agent, { channel: 'email', customer: { email: 'leyla@example.az' } });
    expect(c.sla.stages.map((s: { stage: string; target: unknown }) => [s.stage, s.target])).toEqual([
      ['acknowledge', { amount: 2, unit: 'business_hours' }],
      ['resolution', { amount: 5, unit: 'business_days' }],
    ]);
    const policies = (await app.inject({ url: '/api/v1/admin/sla-policies', headers: admin.headers })).json();
    expect(policies.items.map((p: { code: string }) => p.code)).toContain('email-complaints');
  });
});

describe('the SLA on a case', () => {
  it('shows each stage with its state, the business time left and the promised date in the reader’s words', async () => {
    const c = await register(agent);
    expect(c.sla.stages.map((s: { stage: string; state: string }) => [s.stage, s.state])).toEqual([
      ['acknowledge', expect.stringMatching(/on_track|due_soon/)],
      ['investigation', expect.stringMatching(/on_track|due_soon/)],
      ['resolution', expect.stringMatching(/on_track|due_soon/)],
    ]);
    expect(c.sla.stages[2].remainingBusinessMs).toBeGreaterThan(0);
    expect(c.sla.expectedResolution.gregorian).toMatch(/\d{4}/);
    expect(c.sla.expectedResolution.hijri).toBeUndefined();
  });

  it('gives the Hijri date beside the Gregorian one where the org wants it', async () => {
    const hrAgent = await signIn(app, 'hrdf', hr.userEmail('agent'));
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: hrAgent.headers,
      payload: {
        type: 'complaint',
        channel: 'call_centre',
        category: hr.profile.categories[0]!.code,
        description: 'تأخر صرف الدعم لمدة شهرين',
        locale: 'ar',
        customer: {
          firstName: 'سارة',
          lastName: 'العتيبي',
          phone: '+966501234567',
          nationalId: '1012345678',
        },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const people = res.json().sla.expectedResolution;
    expect(people.hijri).toMatch(/هـ/);
    expect(people.iso).toMatch(/\+03:00$/);
  });

  it('extends the resolution date with a reason, refusing an earlier date in the agent’s language', async () => {
    const c = await register(agent);
    const early = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/sla/extend`,
      headers: { ...agent.headers, 'accept-language': 'az' },
      payload: { newDueAt: '2020-01-01', reason: 'Təchizatçı gecikir' },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0].message).toMatch(/sonra olmalıdır/);
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/sla/extend`,
      headers: agent.headers,
      payload: { newDueAt: '2030-01-15', reason: 'Təchizatçı ehtiyat hissəsini gecikdirir' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().sla.extensions).toBe(1);
    expect(res.json().sla.expectedResolutionAt).toBe('2030-01-15T14:00:00.000Z');
    const timeline = (
      await app.inject({ url: `/api/v1/cases/${c.id}/timeline`, headers: agent.headers })
    ).json();
    expect(timeline.items.map((e: { type: string }) => e.type)).toContain('sla_extended');
  });
});

describe('the SLA compliance report', () => {
  it('reports per department and stage, and only to those who may read reports', async () => {
    const q = '?from=2026-01-01T00:00:00Z&to=2031-01-01T00:00:00Z&by=department';
    const res = await app.inject({ url: `/api/v1/reports/sla${q}`, headers: manager.headers });
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().rows as { stage: string; extended: number; groupName: unknown }[];
    expect(rows.find((r) => r.stage === 'resolution' && r.extended > 0)).toBeTruthy();
    expect(rows.every((r) => r.groupName)).toBe(true);
    expect((await app.inject({ url: `/api/v1/reports/sla${q}`, headers: agent.headers })).statusCode).toBe(
      403,
    );
    const backwards = await app.inject({
      url: '/api/v1/reports/sla?from=2027-01-01T00:00:00Z&to=2026-01-01T00:00:00Z',
      headers: manager.headers,
    });
    expect(backwards.statusCode).toBe(400);
  });
});
