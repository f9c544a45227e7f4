// Replies on e-mail cases, end to end over real SMTP both ways: the customer writes to our
// listener, the agent answers through the API, the worker's delivery sends it through the org's
// relay (a local SMTP server), and the customer's answer to it comes back into the same case.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../../test/db.ts';
import { createOrg, type TestOrg } from '../../../../../test/factories.ts';
import { createTestApp, type Session, signIn } from '../../../../../test/http.ts';
import { LocalSmtp } from '../../../../../test/local-servers.ts';
import type { Db } from '../../../platform/db/db.ts';
import { LocalDiskStore } from '../../../platform/storage/storage.ts';
import { deliverDue, ProviderRegistry } from '../../notifications/deliver.ts';
import { deliverReplies } from '../deliver-replies.ts';
import { createEmailChannel, mailer } from './email.test-helper.ts';
import { EmailReplySender } from './email-sender.ts';
import { type SmtpListener, startSmtpListener } from './smtp-listener.ts';

let db: Db;
let app: FastifyInstance;
let kh: TestOrg;
let admin: Session;
let agent: Session;
let relay: LocalSmtp;
let listener: SmtpListener;
let client: Transporter;
let sender: EmailReplySender;
/** the Message-ID of the agent's first reply, once sent */
let ourReplyId = '';

const relayConfig = () => ({
  kind: 'smtp',
  host: '127.0.0.1',
  port: relay.port,
  secure: false,
  from: '"Kontakt Home" <care@kontakt.example>',
});

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
  app = await createTestApp(db);
  admin = await signIn(app, 'kontakt-home', kh.userEmail('administrator'));
  agent = await signIn(app, 'kontakt-home', kh.userEmail('agent'));
  relay = await new LocalSmtp().start();
  const provider = await app.inject({
    method: 'PUT',
    url: '/api/v1/admin/providers/email',
    headers: admin.headers,
    payload: { config: relayConfig() },
  });
  expect(provider.statusCode, provider.body).toBe(200);
  await createEmailChannel(app, admin, {
    code: 'complaints',
    address: 'complaints@kontakt.example',
    config: { fromName: 'Kontakt Home Şikayətlər' },
  });
  const store = new LocalDiskStore(mkdtempSync(path.join(tmpdir(), 'riza-replies-')));
  listener = await startSmtpListener({ db, store, host: '127.0.0.1', port: 0, log: () => {} });
  client = mailer(listener.port);
  sender = new EmailReplySender(db, { timeoutMs: 5_000 });
});

afterAll(async () => {
  client?.close();
  await sender?.close();
  await listener?.close();
  await relay?.close();
});

async function caseOf(externalId: string) {
  return db
    .selectFrom('case_messages as m')
    .innerJoin('cases as c', (j) => j.onRef('c.org_id', '=', 'm.org_id').onRef('c.id', '=', 'm.case_id'))
    .select(['c.id', 'c.number', 'm.meta'])
    .where('m.org_id', '=', kh.org.orgId)
    .where('m.external_id', '=', externalId)
    .executeTakeFirstOrThrow();
}

async function count(table: 'cases' | 'notifications' | 'channel_outbox') {
  const r = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', kh.org.orgId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function reply(caseId: string, body: string) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/replies`,
    headers: agent.headers,
    payload: { body },
  });
  expect(res.statusCode, res.body).toBe(201);
}

describe('replies on e-mail cases', () => {
  it('sends the agent’s reply from the channel address into the customer’s thread, and their answer comes back to the case', async () => {
    await client.sendMail({
      from: '"Leyla Məmmədova" <leyla@example.az>',
      to: 'complaints@kontakt.example',
      subject: 'Televizor ekranı sınıq gəldi',
      messageId: '<c1@example.az>',
      text: 'Salam, televizorun ekranı sınıq çatdırıldı.',
    });
    const c = await caseOf('<c1@example.az>');
    await reply(c.id, 'Hörmətli Leyla, ustamız sabah gələcək.');
    expect(await deliverReplies(db, { email: sender })).toEqual({ sent: 1, retried: 0, failed: 0 });

    expect(relay.accepted).toHaveLength(1);
    const sent = relay.accepted[0]!;
    expect(sent.to).toEqual(['leyla@example.az']);
    expect(sent.parsed.from?.value).toEqual([
      { address: 'complaints@kontakt.example', name: 'Kontakt Home Şikayətlər' },
    ]);
    expect(sent.parsed.subject).toBe(`Re: Televizor ekranı sınıq gəldi [${c.number}]`);
    expect(sent.parsed.inReplyTo).toBe('<c1@example.az>');
    expect(sent.parsed.references).toBe('<c1@example.az>');
    expect(sent.parsed.text?.trim()).toBe('Hörmətli Leyla, ustamız sabah gələcək.');
    ourReplyId = sent.parsed.messageId!;
    expect(ourReplyId).toMatch(/@kontakt\.example>$/);
    const outbox = await db
      .selectFrom('channel_outbox')
      .select(['status', 'external_id'])
      .where('org_id', '=', kh.org.orgId)
      .where('case_id', '=', c.id)
      .execute();
    expect(outbox).toEqual([{ status: 'sent', external_id: ourReplyId }]);

    const cases = await count('cases');
    await client.sendMail({
      from: 'leyla@example.az',
      to: 'complaints@kontakt.example',
      subject: sent.parsed.subject ? `Re: ${sent.parsed.subject}` : '',
      messageId: '<c2@example.az>',
      inReplyTo: ourReplyId,
      // a mail program that keeps only the message it answers
      references: [ourReplyId],
      text: 'Təşəkkür edirəm, gözləyirəm.',
    });
    expect((await caseOf('<c2@example.az>')).id).toBe(c.id);
    expect(await count('cases')).toBe(cases);

    // the next reply answers the customer's latest mail
    await reply(c.id, 'Usta saat 10-da gələcək.');
    expect(await deliverReplies(db, { email: sender })).toEqual({ sent: 1, retried: 0, failed: 0 });
    const next = relay.accepted[1]!;
    expect(next.parsed.inReplyTo).toBe('<c2@example.az>');
    expect(next.parsed.subject).toBe(`Re: Televizor ekranı sınıq gəldi [${c.number}]`);
  });

  it('files the customer’s answer to the registration acknowledgement in its case', async () => {
    await client.sendMail({
      from: 'Aynur <aynur@example.az>',
      to: 'complaints@kontakt.example',
      subject: 'Kredit ödənişi',
      messageId: '<k1@example.az>',
      text: 'Ödənişim iki dəfə çıxılıb.',
    });
    const c = await caseOf('<k1@example.az>');
    const providers = new ProviderRegistry(db);
    try {
      await deliverDue({ db, providers, publicUrl: 'http://localhost:3000' });
    } finally {
      await providers.close();
    }
    const ack = await db
      .selectFrom('notifications')
      .select('provider_message_id')
      .where('org_id', '=', kh.org.orgId)
      .where('case_id', '=', c.id)
      .where('event', '=', 'registered')
      .where('channel', '=', 'email')
      .executeTakeFirstOrThrow();
    expect(ack.provider_message_id).toMatch(/^<.+>$/);
    const cases = await count('cases');
    await client.sendMail({
      from: 'aynur@example.az',
      to: 'complaints@kontakt.example',
      subject: 'Re: Müraciətiniz qeydə alındı',
      messageId: '<k2@example.az>',
      inReplyTo: ack.provider_message_id!,
      references: [ack.provider_message_id!],
      text: 'Bir sənəd də göndərirəm.',
    });
    expect((await caseOf('<k2@example.az>')).id).toBe(c.id);
    expect(await count('cases')).toBe(cases);
  });

  it('records a bounce of our reply in its case and sends nothing back', async () => {
    expect(ourReplyId).not.toBe('');
    const c = await caseOf('<c1@example.az>');
    const before = {
      cases: await count('cases'),
      notices: await count('notifications'),
      outbox: await count('channel_outbox'),
    };
    const dsn = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.az>',
      'To: complaints@kontakt.example',
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <dsn-1@mx.example.az>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="DSN"',
      '',
      '--DSN',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'Your message could not be delivered: mailbox full.',
      '--DSN',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.az',
      '',
      'Final-Recipient: rfc822; leyla@example.az',
      'Action: failed',
      'Status: 5.2.2',
      '--DSN',
      'Content-Type: text/rfc822-headers',
      '',
      'From: complaints@kontakt.example',
      'To: leyla@example.az',
      `Message-ID: ${ourReplyId}`,
      `Subject: Re: Televizor ekranı sınıq gəldi [${c.number}]`,
      '--DSN--',
      '',
    ].join('\r\n');
    // the null sender (MAIL FROM:<>) of delivery reports
    await client.sendMail({ envelope: { from: '', to: ['complaints@kontakt.example'] }, raw: dsn });
    const bounce = await caseOf('<dsn-1@mx.example.az>');
    expect(bounce.id).toBe(c.id);
    expect(bounce.meta).toMatchObject({ automatic: 'mailer-daemon' });
    expect({
      cases: await count('cases'),
      notices: await count('notifications'),
      outbox: await count('channel_outbox'),
    }).toEqual(before);
  });

  it('keeps a reply queued while the organisation has no e-mail provider, and sends it once there is one', async () => {
    const c = await caseOf('<c1@example.az>');
    const off = await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/providers/email',
      headers: admin.headers,
      payload: { config: null },
    });
    expect(off.statusCode, off.body).toBe(200);
    await reply(c.id, 'Ustanın nömrəsi: +994 50 000 00 00.');
    expect(await deliverReplies(db, { email: sender })).toEqual({ sent: 0, retried: 1, failed: 0 });
    const queued = await db
      .selectFrom('channel_outbox')
      .select(['id', 'status', 'last_error'])
      .where('org_id', '=', kh.org.orgId)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    expect(queued.last_error).toMatch(/no e-mail provider/);
    const on = await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/providers/email',
      headers: admin.headers,
      payload: { config: relayConfig() },
    });
    expect(on.statusCode, on.body).toBe(200);
    // the retry is due after the backoff: deliver as if that time had come
    const later = () => new Date(Date.now() + 3600_000);
    expect(await deliverReplies(db, { email: sender }, 10, later)).toEqual({
      sent: 1,
      retried: 0,
      failed: 0,
    });
    expect(relay.accepted.at(-1)!.parsed.text?.trim()).toBe('Ustanın nömrəsi: +994 50 000 00 00.');
  });
});
