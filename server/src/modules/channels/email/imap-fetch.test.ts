// IMAP fetching against a real Dovecot: mail appended to the channel's mailbox becomes a case, is
// flagged \Seen once taken, and is never taken twice. Without Dovecot this file fails and says how
// to install it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../../test/db.ts';
import { createOrg, type TestOrg } from '../../../../../test/factories.ts';
import { createTestApp, type Session, signIn } from '../../../../../test/http.ts';
import type { Db } from '../../../platform/db/db.ts';
import { LocalDiskStore } from '../../../platform/storage/storage.ts';
import { type Dovecot, startDovecot } from './dovecot.test-helper.ts';
import { createEmailChannel } from './email.test-helper.ts';
import { fetchAllMailboxes } from './imap-fetch.ts';

let db: Db;
let app: FastifyInstance;
let kh: TestOrg;
let admin: Session;
let dovecot: Dovecot;
let store: LocalDiskStore;
const logs: string[] = [];
const MAILBOX = { user: 'complaints@kontakt.example', password: 'mailbox-pa55' };

beforeAll(async () => {
  dovecot = await startDovecot();
  dovecot.addUser(MAILBOX.user, MAILBOX.password);
  ({ db } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
  app = await createTestApp(db);
  admin = await signIn(app, 'kontakt-home', kh.userEmail('administrator'));
  await createEmailChannel(app, admin, {
    code: 'mailbox',
    address: 'complaints@kontakt.example',
    config: {
      imap: {
        host: dovecot.host,
        port: dovecot.port,
        secure: false,
        user: MAILBOX.user,
        password: MAILBOX.password,
      },
    },
  });
  store = new LocalDiskStore(mkdtempSync(path.join(tmpdir(), 'riza-imap-')));
});

afterAll(async () => {
  await dovecot?.stop();
});

/** The customer's mail as their provider would have delivered it into our mailbox. */
const mail = (id: string, subject: string, body: string) =>
  [
    'Return-Path: <aigerim@example.kz>',
    'From: Aigerim <aigerim@example.kz>',
    'To: complaints@kontakt.example',
    `Subject: ${subject}`,
    `Message-ID: <${id}>`,
    'Date: Mon, 02 Mar 2026 10:00:00 +0500',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    body,
    '',
  ].join('\r\n');

async function withMailbox<T>(fn: (c: ImapFlow) => Promise<T>): Promise<T> {
  const c = new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    auth: { user: MAILBOX.user, pass: MAILBOX.password },
    logger: false,
  });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.logout();
  }
}

async function flagsOf(messageId: string): Promise<string[]> {
  return withMailbox(async (c) => {
    const lock = await c.getMailboxLock('INBOX');
    try {
      const uids = (await c.search({ header: { 'message-id': messageId } }, { uid: true })) || [];
      const flags: string[] = [];
      for await (const m of c.fetch(uids.join(','), { flags: true }, { uid: true }))
        flags.push(...(m.flags ?? []));
      return flags;
    } finally {
      lock.release();
    }
  });
}

async function messagesWith(externalId: string) {
  return db
    .selectFrom('case_messages as m')
    .innerJoin('cases as c', (j) => j.onRef('c.org_id', '=', 'm.org_id').onRef('c.id', '=', 'm.case_id'))
    .select(['m.case_id', 'm.body', 'm.meta', 'c.subject', 'c.channel'])
    .where('m.org_id', '=', kh.org.orgId)
    .where('m.external_id', '=', externalId)
    .execute();
}

const fetch = () => fetchAllMailboxes(db, store, { log: (m) => logs.push(m), timeoutMs: 5_000 });

describe('IMAP fetching', () => {
  it('refuses incomplete IMAP settings when the administrator saves the channel', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/channels/other-mailbox',
      headers: admin.headers,
      payload: {
        inbox: 'mailbox',
        kind: 'email',
        address: 'other@kontakt.example',
        config: { imap: { port: 0 } },
      },
    });
    expect(res.statusCode).toBe(400);
    const problems = res.json().error.fields.map((f: { params: { problem: string } }) => f.params.problem);
    expect(problems).toEqual(
      expect.arrayContaining(['imap.host is required', 'imap.port must be an integer between 1 and 65535']),
    );
  });

  it('turns unseen mail into a case, flags it \\Seen once taken, and takes nothing new next time', async () => {
    await withMailbox((c) =>
      c.append('INBOX', mail('imap-1@example.kz', 'Paltaryuyan maşın', 'Maşın işləmir, zəmanət var.'), []),
    );
    expect(await flagsOf('<imap-1@example.kz>')).not.toContain('\\Seen');
    expect(await fetch()).toEqual({ fetched: 1, ingested: 1, duplicates: 0, dropped: 0, failed: 0 });
    const [m] = await messagesWith('<imap-1@example.kz>');
    expect(m).toMatchObject({
      subject: 'Paltaryuyan maşın',
      channel: 'email',
      body: 'Maşın işləmir, zəmanət var.',
      meta: { via: 'imap', from: 'aigerim@example.kz' },
    });
    expect(await flagsOf('<imap-1@example.kz>')).toContain('\\Seen');
    expect(await fetch()).toEqual({ fetched: 0, ingested: 0, duplicates: 0, dropped: 0, failed: 0 });
    expect(await messagesWith('<imap-1@example.kz>')).toHaveLength(1);
  });

  it('does not take twice a message it took but could not flag (stopped in between)', async () => {
    // the same message unseen again, as after a crash between our commit and the \Seen flag
    await withMailbox((c) =>
      c.append('INBOX', mail('imap-1@example.kz', 'Paltaryuyan maşın', 'Maşın işləmir, zəmanət var.'), []),
    );
    expect(await fetch()).toEqual({ fetched: 1, ingested: 0, duplicates: 1, dropped: 0, failed: 0 });
    expect(await messagesWith('<imap-1@example.kz>')).toHaveLength(1);
    expect(await flagsOf('<imap-1@example.kz>')).toEqual(['\\Seen', '\\Seen']);
  });

  it('goes on with the other mailboxes when one cannot be reached', async () => {
    await createEmailChannel(app, admin, {
      code: 'broken',
      address: 'broken@kontakt.example',
      config: {
        imap: { host: dovecot.host, port: dovecot.port, secure: false, user: 'broken', password: 'wrong' },
      },
    });
    await withMailbox((c) =>
      c.append('INBOX', mail('imap-2@example.kz', 'Çatdırılma', 'Sifariş gecikir.'), []),
    );
    const r = await fetch();
    expect(r).toMatchObject({ ingested: 1, failed: 1 });
    expect(await messagesWith('<imap-2@example.kz>')).toHaveLength(1);
    expect(logs.some((l) => l.includes('broken@kontakt.example') && l.includes('not fetched'))).toBe(true);
  });
});
