// Inbound SMTP end to end: nodemailer speaks SMTP to our listener on a free port, the mail goes
// through the channel core into PostgreSQL, and what the case holds afterwards is checked.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../../test/db.ts';
import { createOrg, type TestOrg } from '../../../../../test/factories.ts';
import { createTestApp, type Session, signIn } from '../../../../../test/http.ts';
import type { Db } from '../../../platform/db/db.ts';
import { LocalDiskStore } from '../../../platform/storage/storage.ts';
import { createEmailChannel, mailer, PNG } from './email.test-helper.ts';
import { type SmtpListener, startSmtpListener } from './smtp-listener.ts';

let db: Db;
let app: FastifyInstance;
let kh: TestOrg;
let admin: Session;
let listener: SmtpListener;
let client: Transporter;
let store: LocalDiskStore;
const logs: string[] = [];

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
  app = await createTestApp(db);
  admin = await signIn(app, 'kontakt-home', kh.userEmail('administrator'));
  // stored in mixed case: recipients are matched whatever their letter case
  await createEmailChannel(app, admin, { code: 'complaints', address: 'Complaints@Kontakt.example' });
  store = new LocalDiskStore(mkdtempSync(path.join(tmpdir(), 'riza-mail-')));
  listener = await startSmtpListener({ db, store, host: '127.0.0.1', port: 0, log: (m) => logs.push(m) });
  client = mailer(listener.port);
});

afterAll(async () => {
  client.close();
  await listener.close();
});

const FIRST = {
  from: '"Leyla Məmmədova" <leyla@example.az>',
  to: 'complaints@kontakt.example',
  subject: 'Soyuducu zədəli gəldi',
  messageId: '<first-1@example.az>',
  text: 'Salam! Dünən aldığım soyuducu zədəli gəldi, qapısı bağlanmır.',
  html:
    '<p>Salam! Dünən aldığım soyuducu <b>zədəli</b> gəldi.</p>' +
    '<script>alert(1)</script><img src="x" onerror="alert(2)">',
  attachments: [{ filename: 'foto.png', content: PNG }],
};

async function messageFor(externalId: string) {
  return db
    .selectFrom('case_messages as m')
    .innerJoin('cases as c', (j) => j.onRef('c.org_id', '=', 'm.org_id').onRef('c.id', '=', 'm.case_id'))
    .select([
      'm.case_id',
      'm.body',
      'm.html',
      'm.meta',
      'c.number',
      'c.subject',
      'c.channel',
      'c.customer_id',
    ])
    .where('m.org_id', '=', kh.org.orgId)
    .where('m.external_id', '=', externalId)
    .executeTakeFirst();
}

async function counts() {
  const n = async (table: 'cases' | 'case_messages' | 'attachments' | 'notifications') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('org_id', '=', kh.org.orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    cases: await n('cases'),
    messages: await n('case_messages'),
    attachments: await n('attachments'),
    notifications: await n('notifications'),
  };
}

describe('inbound SMTP listener', () => {
  it('turns a mail to the channel address into a case for the customer, files kept, HTML made safe', async () => {
    const info = await client.sendMail(FIRST);
    expect(info.accepted).toEqual(['complaints@kontakt.example']);
    const m = await messageFor('<first-1@example.az>');
    expect(m).toMatchObject({ subject: 'Soyuducu zədəli gəldi', channel: 'email' });
    expect(m!.body).toBe(FIRST.text);
    expect(m!.html).toContain('<b>zədəli</b>');
    expect(m!.html).not.toMatch(/<script|onerror|alert/);
    const contacts = await db
      .selectFrom('customer_contacts')
      .select(['kind', 'value'])
      .where('org_id', '=', kh.org.orgId)
      .where('customer_id', '=', m!.customer_id)
      .execute();
    expect(contacts).toEqual([{ kind: 'email', value: 'leyla@example.az' }]);
    const files = await db
      .selectFrom('attachments')
      .select(['filename', 'content_type', 'size_bytes'])
      .where('org_id', '=', kh.org.orgId)
      .where('case_id', '=', m!.case_id)
      .execute();
    expect(files).toEqual([{ filename: 'foto.png', content_type: 'image/png', size_bytes: PNG.length }]);
    // a person wrote: the customer is told the case number
    const notices = await db
      .selectFrom('notifications')
      .select(['event', 'recipient'])
      .where('org_id', '=', kh.org.orgId)
      .where('case_id', '=', m!.case_id)
      .execute();
    expect(notices).toEqual([{ event: 'registered', recipient: 'leyla@example.az' }]);
  });

  it('refuses a recipient that is no channel’s address (550), so it relays nothing', async () => {
    const before = await counts();
    const err = await client
      .sendMail({ ...FIRST, to: 'someone@elsewhere.example', messageId: '<relay@example.az>' })
      .catch((e: { responseCode?: number }) => e);
    expect(err).toMatchObject({ responseCode: 550 });
    expect(await counts()).toEqual(before);
  });

  it('files a reply (In-Reply-To) in the same case, without the history it quotes', async () => {
    const first = await messageFor('<first-1@example.az>');
    const before = await counts();
    await client.sendMail({
      from: 'leyla@example.az',
      to: 'complaints@kontakt.example',
      subject: 'Re: Soyuducu zədəli gəldi',
      messageId: '<second-2@example.az>',
      inReplyTo: '<first-1@example.az>',
      text: [
        'Qapının şəklini də əlavə edirəm.',
        '',
        'On Mon, 2 Mar 2026 at 10:00, Leyla <leyla@example.az> wrote:',
        '> Salam! Dünən aldığım soyuducu zədəli gəldi, qapısı bağlanmır.',
      ].join('\n'),
    });
    const second = await messageFor('<second-2@example.az>');
    expect(second!.case_id).toBe(first!.case_id);
    expect(second!.body).toBe('Qapının şəklini də əlavə edirəm.');
    expect((await counts()).cases).toBe(before.cases);
  });

  it('files a new mail that quotes the case number in its subject in that case', async () => {
    const first = await messageFor('<first-1@example.az>');
    await client.sendMail({
      from: 'leyla.m@work.example.az',
      to: 'complaints@kontakt.example',
      subject: `Şikayətim ${first!.number} haqqında`,
      messageId: '<third-3@work.example.az>',
      text: 'Nə vaxt cavab verəcəksiniz?',
    });
    expect((await messageFor('<third-3@work.example.az>'))!.case_id).toBe(first!.case_id);
  });

  it('records an auto-reply without telling anybody anything', async () => {
    await client.sendMail({
      from: 'Ofis <office@example.org>',
      to: 'complaints@kontakt.example',
      subject: 'Out of office',
      messageId: '<ooo-1@example.org>',
      headers: { 'Auto-Submitted': 'auto-replied' },
      text: 'I am away until Monday.',
    });
    const m = await messageFor('<ooo-1@example.org>');
    expect(m!.meta).toMatchObject({ automatic: 'auto-submitted' });
    const notices = await db
      .selectFrom('notifications')
      .select('id')
      .where('org_id', '=', kh.org.orgId)
      .where('case_id', '=', m!.case_id)
      .execute();
    expect(notices).toEqual([]);
  });

  it('adds nothing when the same Message-ID is delivered again', async () => {
    const before = await counts();
    const info = await client.sendMail(FIRST);
    expect(info.accepted).toEqual(['complaints@kontakt.example']);
    expect(await counts()).toEqual(before);
  });

  it('accepts and drops mail written from our own address, so two robots cannot answer each other', async () => {
    const before = await counts();
    await client.sendMail({
      from: 'COMPLAINTS@kontakt.example',
      to: 'complaints@kontakt.example',
      subject: 'Re: Soyuducu zədəli gəldi',
      messageId: '<loop-1@kontakt.example>',
      text: 'An answer that came back to us.',
    });
    expect(await counts()).toEqual(before);
    expect(logs.some((l) => l.includes('dropped mail from our own address'))).toBe(true);
  });

  it('refuses a mail over the size limit (552)', async () => {
    const small = await startSmtpListener({
      db,
      store,
      host: '127.0.0.1',
      port: 0,
      log: () => {},
      maxBytes: 20_000,
    });
    const c = mailer(small.port);
    try {
      const err = await c
        .sendMail({ ...FIRST, messageId: '<big-1@example.az>', text: 'x'.repeat(40_000) })
        .catch((e: { responseCode?: number }) => e);
      expect(err).toMatchObject({ responseCode: 552 });
      expect(await messageFor('<big-1@example.az>')).toBeUndefined();
    } finally {
      c.close();
      await small.close();
    }
  });
});
