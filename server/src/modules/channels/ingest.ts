// Use-case: a message arrived through a channel (e-mail, messaging app, chat). Whatever the door,
// it lands in one case: the thread it belongs to, the case it replies to (e-mail references), or
// the case number it quotes — else a new case registered for the customer. Idempotent per
// (channel, external id): a platform redelivering a webhook, or a mailbox fetched twice, adds
// nothing. Attachments are stored by content check; HTML is sanitised before it is kept.
import { v7 as uuidv7 } from 'uuid';
import type { Trx } from '../../platform/db/db.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { FileStore } from '../../platform/storage/storage.ts';
import { appendCaseEvents } from '../cases/case.repository.ts';
import { type CaseStatus, isOpen } from '../cases/case-status.ts';
import { registerCase } from '../cases/register-case.ts';
import type { OrgContext } from '../orgs/org.repository.ts';
import { replyAsCustomer } from '../portal/customer-reply.ts';
import { searchVector } from '../search/search-vector.ts';
import { CASE_CHANNEL_OF, type ChannelKind } from './channel-kinds.ts';
import { sanitizeEmailHtml } from './sanitize.ts';
import { storeInboundAttachment } from './store-attachment.ts';

export interface InboundAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface InboundMessage {
  /** the platform's id of this message (e-mail Message-ID, Telegram update/message id, …) */
  externalId: string;
  /** the conversation it belongs to (chat id, WhatsApp number, e-mail thread root) */
  threadKey: string | null;
  /** e-mail In-Reply-To and References */
  references?: string[];
  subject?: string;
  text: string;
  html?: string | null;
  from: {
    name?: string;
    email?: string;
    phone?: string;
    handle?: { kind: 'telegram' | 'messenger'; value: string };
  };
  attachments?: InboundAttachment[];
  receivedAt: Date;
  locale?: Locale;
  /** sent by a machine (auto-reply, bounce, list): recorded, but nothing is sent back */
  automatic?: boolean;
  /** platform details worth keeping (headers that matter, message type) */
  meta?: Record<string, unknown>;
}

export interface ChannelRef {
  id: string;
  kind: ChannelKind;
  inboxId: string;
  departmentCode: string;
}

export interface IngestResult {
  caseId: string;
  number: string;
  messageId: string;
  created: boolean;
  duplicate: boolean;
}

const CLOSED_FOR_GOOD: CaseStatus[] = ['closed', 'withdrawn', 'rejected', 'escalated_externally'];

export async function ingestInbound(
  trx: Trx,
  org: OrgContext,
  channel: ChannelRef,
  msg: InboundMessage,
  deps: { store: FileStore },
): Promise<IngestResult> {
  const seen = await trx
    .selectFrom('case_messages as m')
    .innerJoin('cases as c', (j) => j.onRef('c.org_id', '=', 'm.org_id').onRef('c.id', '=', 'm.case_id'))
    .select(['m.id', 'm.case_id', 'c.number'])
    .where('m.org_id', '=', org.orgId)
    .where('m.channel_id', '=', channel.id)
    .where('m.external_id', '=', msg.externalId)
    .executeTakeFirst();
  if (seen)
    return { caseId: seen.case_id, number: seen.number, messageId: seen.id, created: false, duplicate: true };

  const text = msg.text.normalize('NFC').trim() || (msg.subject ?? '').trim();
  const html = msg.html ? sanitizeEmailHtml(msg.html) : null;
  let target = await findCase(trx, org, channel, msg);
  let created = false;
  if (!target) {
    const r = await registerCase(
      trx,
      org,
      { userId: null, departmentId: null },
      {
        type: 'complaint',
        channel: CASE_CHANNEL_OF[channel.kind],
        department: channel.departmentCode,
        subject: msg.subject?.trim() || undefined,
        description: text || '—',
        locale: msg.locale,
        customer: {
          firstName: msg.from.name?.trim().slice(0, 100) || undefined,
          email: msg.from.email,
          phone: msg.from.phone,
          handles: msg.from.handle ? [msg.from.handle] : undefined,
        },
      },
      { now: msg.receivedAt, unattended: true, silent: msg.automatic },
    );
    const c = await trx
      .selectFrom('cases')
      .select(['id', 'number', 'status', 'customer_id'])
      .where('org_id', '=', org.orgId)
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow();
    target = c;
    created = true;
  }
  let messageId: string;
  if (!created && target.status === 'waiting_on_customer' && !msg.automatic) {
    // the customer answered our question: the case resumes, its SLA clock too (an out-of-office
    // reply is not an answer)
    await replyAsCustomer(trx, org.orgId, target.id, text, msg.receivedAt);
    const m = await trx
      .selectFrom('case_messages')
      .select('id')
      .where('org_id', '=', org.orgId)
      .where('case_id', '=', target.id)
      .where('kind', '=', 'inbound')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    messageId = m.id;
    await trx
      .updateTable('case_messages')
      .set({
        channel_id: channel.id,
        external_id: msg.externalId,
        html,
        meta: JSON.stringify(msg.meta ?? {}),
      })
      .where('org_id', '=', org.orgId)
      .where('id', '=', messageId)
      .execute();
  } else {
    messageId = uuidv7();
    await trx
      .insertInto('case_messages')
      .values({
        org_id: org.orgId,
        case_id: target.id,
        id: messageId,
        kind: 'inbound',
        channel: CASE_CHANNEL_OF[channel.kind],
        body: text,
        author_id: null,
        created_at: msg.receivedAt,
        search_vector: searchVector(text),
        channel_id: channel.id,
        external_id: msg.externalId,
        html,
        meta: JSON.stringify(msg.meta ?? {}),
      })
      .execute();
    await appendCaseEvents(trx, [
      {
        orgId: org.orgId,
        caseId: target.id,
        type: 'message_received',
        actorId: null,
        actorKind: 'customer',
        at: msg.receivedAt,
        data: { messageId, channel: channel.kind, channelId: channel.id, created },
      },
    ]);
  }
  for (const a of msg.attachments ?? []) {
    await storeInboundAttachment(trx, deps.store, org.orgId, target.id, a);
  }
  if (msg.threadKey) {
    await trx
      .insertInto('channel_threads')
      .values({
        org_id: org.orgId,
        channel_id: channel.id,
        thread_key: msg.threadKey,
        case_id: target.id,
        customer_id: target.customer_id,
        last_message_at: msg.receivedAt,
      })
      .onConflict((oc) =>
        oc.columns(['org_id', 'channel_id', 'thread_key']).doUpdateSet({
          case_id: target.id,
          customer_id: target.customer_id,
          last_message_at: msg.receivedAt,
        }),
      )
      .execute();
  }
  return { caseId: target.id, number: target.number, messageId, created, duplicate: false };
}

type Found = { id: string; number: string; status: string; customer_id: string };

/** The open case this message continues, if any: thread, then e-mail references, then a quoted number. */
async function findCase(
  trx: Trx,
  org: OrgContext,
  channel: ChannelRef,
  msg: InboundMessage,
): Promise<Found | null> {
  const base = () =>
    trx
      .selectFrom('cases as c')
      .select(['c.id', 'c.number', 'c.status', 'c.customer_id'])
      .where('c.org_id', '=', org.orgId);
  const candidates: Found[] = [];
  if (msg.threadKey) {
    const t = await base()
      .innerJoin('channel_threads as t', (j) =>
        j.onRef('t.org_id', '=', 'c.org_id').onRef('t.case_id', '=', 'c.id'),
      )
      .where('t.channel_id', '=', channel.id)
      .where('t.thread_key', '=', msg.threadKey)
      .executeTakeFirst();
    if (t) candidates.push(t);
  }
  const refs = (msg.references ?? []).filter(Boolean).slice(-50);
  if (refs.length) {
    const r = await base()
      .innerJoin('case_messages as m', (j) =>
        j.onRef('m.org_id', '=', 'c.org_id').onRef('m.case_id', '=', 'c.id'),
      )
      .where('m.external_id', 'in', refs)
      .orderBy('m.created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (r) candidates.push(r);
    const sent = await base()
      .innerJoin('notifications as n', (j) =>
        j.onRef('n.org_id', '=', 'c.org_id').onRef('n.case_id', '=', 'c.id'),
      )
      .where('n.provider_message_id', 'in', refs)
      .limit(1)
      .executeTakeFirst();
    if (sent) candidates.push(sent);
  }
  const pattern = new RegExp(`\\b${org.casePrefix}-\\d{4}-\\d{6}\\b`, 'u');
  const quoted = pattern.exec(`${msg.subject ?? ''}\n${msg.text}`)?.[0];
  if (quoted) {
    const q = await base().where('c.number', '=', quoted).executeTakeFirst();
    if (q) candidates.push(q);
  }
  return (
    candidates.find(
      (c) => isOpen(c.status as CaseStatus) || !CLOSED_FOR_GOOD.includes(c.status as CaseStatus),
    ) ?? null
  );
}
