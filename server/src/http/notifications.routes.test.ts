// Communication settings over HTTP: providers (secrets hidden), templates with preview, the outbox.
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { createOrg, khComplaint, type TestOrg } from '../../../test/factories.ts';
import { createTestApp, type Session, signIn } from '../../../test/http.ts';
import { deliverDue, ProviderRegistry } from '../modules/notifications/deliver.ts';
import type { Db } from '../platform/db/db.ts';

let db: Db;
let app: FastifyInstance;
let kh: TestOrg;
let admin: Session;
let agent: Session;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
  app = await createTestApp(db);
  admin = await signIn(app, 'kontakt-home', kh.userEmail('administrator'));
  agent = await signIn(app, 'kontakt-home', kh.userEmail('agent'));
});

const smtp = {
  kind: 'smtp',
  host: 'mail.example.az',
  port: 587,
  secure: false,
  user: 'care',
  password: 'pa55word',
  from: 'care@kontakt.example',
};

describe('delivery providers', () => {
  it('stores a provider, never shows its password, and keeps it when the form sends the mask back', async () => {
    const put = await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/providers/email',
      headers: admin.headers,
      payload: { config: smtp },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().config.password).toBe('••••••');
    const list = (await app.inject({ url: '/api/v1/admin/providers', headers: admin.headers })).json();
    expect(list.items).toEqual([
      expect.objectContaining({ channel: 'sms', configured: false, delivery: 'local-outbox' }),
      expect.objectContaining({ channel: 'email', configured: true, delivery: 'provider' }),
    ]);
    expect(JSON.stringify(list)).not.toContain('pa55word');
    const again = await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/providers/email',
      headers: admin.headers,
      payload: { config: { ...smtp, port: 2525, password: '••••••' } },
    });
    expect(again.statusCode).toBe(200);
    const row = await db
      .selectFrom('notification_providers')
      .select(['config', 'version'])
      .where('org_id', '=', kh.org.orgId)
      .executeTakeFirstOrThrow();
    expect(row.config).toMatchObject({ port: 2525, password: 'pa55word' });
    expect(row.version).toBe(2);
  });

  it('refuses a broken or mismatched provider in the admin’s language', async () => {
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/providers/email',
      headers: { ...admin.headers, 'accept-language': 'ru' },
      payload: { config: { kind: 'smtp', host: '', port: 99999 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/Проверьте|проблем/);
    const mismatch = await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/providers/email',
      headers: admin.headers,
      payload: {
        config: {
          kind: 'smpp',
          host: 'smsc.example',
          port: 2775,
          systemId: 'riza',
          password: 'x',
          sourceAddr: 'Kontakt',
        },
      },
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.fields[0].field).toBe('config.kind');
    await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/providers/email',
      headers: admin.headers,
      payload: { config: null },
    });
  });
});

describe('message templates', () => {
  it('refuses a template with an unknown variable and names the problem', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/templates/registered/sms/az',
      headers: admin.headers,
      payload: { body: 'Müraciət {caseNumber} {trackingUrl} {password}' },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.fields.map((f: { message: string }) => f.message)
        .join(' '),
    ).toContain('password');
  });

  it('previews an Arabic SMS with its encoding and segment count', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/templates/preview',
      headers: admin.headers,
      payload: {
        event: 'registered',
        channel: 'sms',
        locale: 'ar',
        body: 'تم تسجيل طلبك برقم {caseNumber}. {trackingUrl}',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      problems: [],
      sms: { encoding: 'UCS-2', segments: expect.any(Number) },
    });
    expect(res.json().body).toMatch(/تم تسجيل طلبك برقم \S+/);
  });

  it('sends the org’s own text once saved, and the default again once reset', async () => {
    const put = await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/templates/registered/sms/az',
      headers: admin.headers,
      payload: { body: 'Kontakt Home: {caseNumber} nömrəli şikayətiniz qəbul olundu. {trackingUrl}' },
    });
    expect(put.statusCode, put.body).toBe(200);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: agent.headers,
      payload: khComplaint(),
    });
    const number = created.json().number as string;
    await deliverDue({ db, providers: new ProviderRegistry(db), publicUrl: 'https://care.example' });
    const outbox = (
      await app.inject({ url: '/api/v1/admin/outbox?provider=local-outbox', headers: admin.headers })
    ).json();
    const mine = outbox.items.find((n: { caseNumber: string }) => n.caseNumber === number);
    expect(mine.body).toBe(
      `Kontakt Home: ${number} nömrəli şikayətiniz qəbul olundu. https://care.example/portal/kontakt-home/track?number=${number}`,
    );
    const reset = await app.inject({
      method: 'DELETE',
      url: '/api/v1/admin/templates/registered/sms/az',
      headers: admin.headers,
    });
    expect(reset.statusCode).toBe(204);
    const list = (await app.inject({ url: '/api/v1/admin/templates', headers: admin.headers })).json();
    expect(
      list.items.find(
        (t: { event: string; channel: string; locale: string }) =>
          t.event === 'registered' && t.channel === 'sms' && t.locale === 'az',
      ).custom,
    ).toBe(false);
    // the agent sees on the case what the customer was sent
    const sent = (
      await app.inject({ url: `/api/v1/cases/${created.json().id}/notifications`, headers: agent.headers })
    ).json();
    expect(sent.items.map((n: { event: string; status: string }) => [n.event, n.status])).toEqual([
      ['registered', 'sent'],
    ]);
  });
});

describe('the final answer letter', () => {
  it('is a PDF once the case is answered, and not found before', async () => {
    const manager = await signIn(app, 'kontakt-home', kh.userEmail('cs_manager'));
    const c = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: agent.headers,
        payload: khComplaint(),
      })
    ).json();
    expect(
      (await app.inject({ url: `/api/v1/cases/${c.id}/letter.pdf`, headers: agent.headers })).statusCode,
    ).toBe(404);
    for (const [action, payload] of [
      ['acknowledge', {}],
      ['investigate', {}],
      [
        'respond',
        { message: 'Soyuducu dəyişdirildi.', steps: ['Anbar yoxlanıldı', 'Yeni soyuducu çatdırıldı'] },
      ],
    ] as const) {
      const r = await app.inject({
        method: 'POST',
        url: `/api/v1/cases/${c.id}/actions/${action}`,
        headers: manager.headers,
        payload,
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const pdf = await app.inject({ url: `/api/v1/cases/${c.id}/letter.pdf`, headers: agent.headers });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('the outbox', () => {
  it('hides a one-time code that went to a real phone, and shows one kept in the local outbox', async () => {
    const base = {
      org_id: kh.org.orgId,
      case_id: null,
      event: 'otp',
      audience: 'customer',
      channel: 'sms',
      recipient: '+994501234567',
      locale: 'az',
      status: 'sent',
    };
    await db
      .insertInto('notifications')
      .values([
        { ...base, id: uuidv7(), dedupe_key: 'otp:a', provider: 'smpp', rendered_body: 'Kod: 482913' },
        {
          ...base,
          id: uuidv7(),
          dedupe_key: 'otp:b',
          provider: 'local-outbox',
          rendered_body: 'Kod: 112233',
        },
      ])
      .execute();
    const items = (
      await app.inject({ url: '/api/v1/admin/outbox?status=sent', headers: admin.headers })
    ).json().items as { body: string }[];
    expect(items.map((i) => i.body)).toEqual(expect.arrayContaining(['Kod: ••••••', 'Kod: 112233']));
    expect(JSON.stringify(items)).not.toContain('482913');
  });
});
