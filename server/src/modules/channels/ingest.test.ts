// Inbound messages from any channel land in one case, against real PostgreSQL.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db.ts';
import { createOrg, type TestOrg } from '../../../../test/factories.ts';
import type { Db } from '../../platform/db/db.ts';
import { LocalDiskStore } from '../../platform/storage/storage.ts';
import { applyCaseAction } from '../cases/case-actions.ts';
import { type ChannelRef, type InboundMessage, ingestInbound } from './ingest.ts';
import { sendReply } from './send-reply.ts';

let db: Db;
let kh: TestOrg;
let channel: ChannelRef;
const store = new LocalDiskStore(mkdtempSync(path.join(tmpdir(), 'riza-files-')));

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
  const dept = await db
    .selectFrom('departments')
    .select('id')
    .where('org_id', '=', kh.org.orgId)
    .where('code', '=', 'customer_care')
    .executeTakeFirstOrThrow();
  const inboxId = uuidv7();
  await db
    .insertInto('inboxes')
    .values({
      org_id: kh.org.orgId,
      id: inboxId,
      code: 'main',
      name: JSON.stringify({ az: 'Əsas' }),
      department_id: dept.id,
    })
    .execute();
  const id = uuidv7();
  await db
    .insertInto('channels')
    .values({ org_id: kh.org.orgId, id, code: 'tg', inbox_id: inboxId, kind: 'telegram', config: '{}' })
    .execute();
  channel = { id, kind: 'telegram', inboxId, departmentCode: 'customer_care' };
});

let n = 0;
const message = (over: Partial<InboundMessage> = {}): InboundMessage => ({
  externalId: `m${++n}`,
  threadKey: 'chat-1',
  text: 'Sifarişim gecikir',
  from: { name: 'Leyla', handle: { kind: 'telegram', value: '555001' } },
  receivedAt: new Date(),
  ...over,
});
const ingest = (m: InboundMessage) =>
  db.transaction().execute((trx) => ingestInbound(trx, kh.org, channel, m, { store }));

describe('an inbound message', () => {
  it('opens a case for a new conversation, and a redelivery adds nothing', async () => {
    const first = message();
    const a = await ingest(first);
    expect(a).toMatchObject({ created: true, duplicate: false });
    expect(await ingest(first)).toMatchObject({ caseId: a.caseId, duplicate: true });
    const c = await db
      .selectFrom('cases')
      .select(['channel', 'department_id', 'customer_id'])
      .where('id', '=', a.caseId)
      .executeTakeFirstOrThrow();
    expect(c.channel).toBe('messaging');
    const contact = await db
      .selectFrom('customer_contacts')
      .select(['kind', 'value'])
      .where('customer_id', '=', c.customer_id)
      .execute();
    expect(contact).toEqual([{ kind: 'telegram', value: '555001' }]);
  });

  it('continues the same case in the same conversation, and resumes it when we asked the customer something', async () => {
    const a = await ingest(message({ threadKey: 'chat-2' }));
    const manager = await kh.actor('cs_manager');
    await db.transaction().execute(async (trx) => {
      await applyCaseAction(trx, manager, a.caseId, 'acknowledge', {});
      await applyCaseAction(trx, manager, a.caseId, 'request_information', { message: 'Sifariş nömrəniz?' });
    });
    const b = await ingest(message({ threadKey: 'chat-2', text: 'Sifariş 12345' }));
    expect(b).toMatchObject({ caseId: a.caseId, created: false });
    const c = await db
      .selectFrom('cases')
      .select('status')
      .where('id', '=', a.caseId)
      .executeTakeFirstOrThrow();
    expect(c.status).toBe('acknowledged');
    const stored = await db
      .selectFrom('case_messages')
      .select(['body', 'channel_id', 'external_id'])
      .where('case_id', '=', a.caseId)
      .where('kind', '=', 'inbound')
      .orderBy('created_at')
      .execute();
    expect(stored.at(-1)).toMatchObject({ body: 'Sifariş 12345', channel_id: channel.id });
  });

  it('joins the case whose number it quotes, and opens a new one after the old case is closed', async () => {
    const a = await ingest(message({ threadKey: 'chat-3' }));
    const number = (
      await db.selectFrom('cases').select('number').where('id', '=', a.caseId).executeTakeFirstOrThrow()
    ).number;
    const b = await ingest(message({ threadKey: 'other-chat', text: `${number} barədə: hələ cavab yoxdur` }));
    expect(b.caseId).toBe(a.caseId);
    const manager = await kh.actor('cs_manager');
    await db.transaction().execute(async (trx) => {
      await applyCaseAction(trx, manager, a.caseId, 'acknowledge', {});
      await applyCaseAction(trx, manager, a.caseId, 'respond', { message: 'Həll olundu' });
      await applyCaseAction(trx, manager, a.caseId, 'close', {});
    });
    const c = await ingest(message({ threadKey: 'chat-3', text: 'Yenə problem var' }));
    expect(c).toMatchObject({ created: true });
    expect(c.caseId).not.toBe(a.caseId);
  });

  it('keeps sanitised HTML, stores accepted files and says which were refused', async () => {
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d6f2d10000000049454e44ae426082',
      'hex',
    );
    const r = await ingest(
      message({
        threadKey: 'chat-4',
        html: '<p onclick="x()">Salam<script>alert(1)</script><img src=x onerror=alert(2)></p>',
        attachments: [
          { filename: 'photo.png', contentType: 'image/png', content: png },
          {
            filename: 'invoice.pdf',
            contentType: 'application/pdf',
            content: Buffer.from('MZ\x90\x00 not a pdf'),
          },
        ],
      }),
    );
    const m = await db
      .selectFrom('case_messages')
      .select('html')
      .where('id', '=', r.messageId)
      .executeTakeFirstOrThrow();
    expect(m.html).toBe('<p>Salam</p>');
    const files = await db
      .selectFrom('attachments')
      .select(['filename', 'content_type'])
      .where('case_id', '=', r.caseId)
      .execute();
    expect(files).toEqual([{ filename: 'photo.png', content_type: 'image/png' }]);
    const refused = await db
      .selectFrom('case_events')
      .select('data')
      .where('case_id', '=', r.caseId)
      .where('type', '=', 'attachment_refused')
      .execute();
    expect(refused.map((e) => (e.data as { filename: string }).filename)).toEqual(['invoice.pdf']);
  });
});

describe('a reply to the customer', () => {
  it('goes back through their conversation, and never carries a card number over a social platform', async () => {
    const a = await ingest(message({ threadKey: 'chat-5' }));
    const agent = await kh.actor('agent');
    await expect(
      db
        .transaction()
        .execute((trx) => sendReply(trx, agent, a.caseId, 'Kartınız 4539 1488 0343 6467 bloklandı')),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'body', reason: 'confidential' }],
    });
    await db
      .transaction()
      .execute((trx) => sendReply(trx, agent, a.caseId, 'Sifarişiniz sabah çatdırılacaq'));
    const out = await db
      .selectFrom('channel_outbox')
      .select(['thread_key', 'body', 'status'])
      .where('case_id', '=', a.caseId)
      .execute();
    expect(out).toEqual([
      { thread_key: 'chat-5', body: 'Sifarişiniz sabah çatdırılacaq', status: 'pending' },
    ]);
  });
});

describe('channel secrets', () => {
  it('are hidden at any depth and kept when the mask comes back', async () => {
    const { keepChannelSecrets, redactChannelConfig } = await import('./channel-config.ts');
    const stored = { imap: { host: 'imap.example', user: 'care', password: 's3cret' }, botToken: 'abc' };
    const shown = redactChannelConfig(stored);
    expect(shown).toEqual({
      imap: { host: 'imap.example', user: 'care', password: '••••••' },
      botToken: '••••••',
    });
    expect(
      keepChannelSecrets({ ...shown, imap: { ...(shown.imap as object), host: 'imap2.example' } }, stored),
    ).toEqual({
      imap: { host: 'imap2.example', user: 'care', password: 's3cret' },
      botToken: 'abc',
    });
  });
});
