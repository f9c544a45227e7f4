// Use-cases of the visitor's side of a web chat: start (within working hours), write, end. A chat
// already turned into a case passes each new visitor message through ingestInbound, so it lands on
// that case like any other channel's message (and resumes a case that was waiting on the customer).
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../../platform/db/db.ts';
import { AppError, validation } from '../../../platform/errors.ts';
import { isLocale, type Locale, pickText } from '../../../platform/i18n/locales.ts';
import type { FileStore } from '../../../platform/storage/storage.ts';
import { appendAudit } from '../../audit/audit.ts';
import { appendCaseEvents } from '../../cases/case.repository.ts';
import { normalizeEmail, normalizePhone } from '../../customers/contacts.ts';
import { ingestInbound } from '../ingest.ts';
import {
  type ChatChannel,
  type ChatMessage,
  type ChatSessionRow,
  chatMessages,
  getSession,
  hashVisitorToken,
  insertChatMessage,
  lockSession,
  newVisitorToken,
  noticeOf,
} from './chat.repository.ts';
import { chatHours } from './chat-hours.ts';
import { changeChats } from './chat-hub.ts';
import { chatExternalId } from './chat-transcript.ts';

/** Abuse limits of the public chat, in one place so docs/channels.md and the tests name the same numbers. */
export const CHAT_LIMITS = {
  /** messages one visitor may send per minute */
  messagesPerChat: { limit: 20, windowSeconds: 60 },
  /** chats one IP address may start per hour (an office or a mobile carrier puts many people behind one) */
  startsPerIp: { limit: 60, windowSeconds: 3600 },
  /** socket connections from one IP address per 10 minutes (each page load is one) */
  connectsPerIp: { limit: 600, windowSeconds: 600 },
  maxMessage: 2000,
  maxName: 100,
  maxContact: 200,
} as const;

/** The visitor's picture of their chat's state: sent on connect and whenever it changes. */
export interface VisitorStatus {
  status: 'open' | 'closed';
  agent: string | null;
  caseNumber: string | null;
}

export interface VisitorSnapshot {
  chatId: string;
  status: VisitorStatus;
  messages: ChatMessage[];
}

/** System lines of a chat are stored as small JSON documents and worded by whoever shows them. */
export type SystemEvent =
  | { event: 'joined' }
  | { event: 'closed'; by: 'agent' | 'visitor' }
  | { event: 'case'; number: string };

export const systemBody = (e: SystemEvent) => JSON.stringify(e);

export async function visitorStatus(db: Db, s: ChatSessionRow): Promise<VisitorStatus> {
  const [agent, c] = await Promise.all([
    s.agent_id
      ? db
          .selectFrom('users')
          .select('display_name')
          .where('org_id', '=', s.org_id)
          .where('id', '=', s.agent_id)
          .executeTakeFirst()
      : undefined,
    s.case_id
      ? db
          .selectFrom('cases')
          .select('number')
          .where('org_id', '=', s.org_id)
          .where('id', '=', s.case_id)
          .executeTakeFirst()
      : undefined,
  ]);
  return {
    status: s.status as 'open' | 'closed',
    agent: agent?.display_name ?? null,
    caseNumber: c?.number ?? null,
  };
}

/** Visitors see messages without staff ids. */
const forVisitor = ({ seq, author, authorName, body, at }: ChatMessage): ChatMessage => ({
  seq,
  author,
  authorName,
  body,
  at,
});

export async function visitorSnapshot(db: Db, s: ChatSessionRow): Promise<VisitorSnapshot> {
  const [status, messages] = await Promise.all([visitorStatus(db, s), chatMessages(db, s.org_id, s.id)]);
  return { chatId: s.id, status, messages: messages.map(forVisitor) };
}

/** What the hub sends visitor sockets that are behind (see ChatHub.refreshVisitors). */
export async function visitorCatchUp(db: Db, orgId: string, chatId: string, afterSeq: number) {
  const s = await getSession(db, orgId, chatId);
  if (!s) return null;
  const [status, messages] = await Promise.all([
    visitorStatus(db, s),
    chatMessages(db, orgId, chatId, afterSeq),
  ]);
  return { messages: messages.map(forVisitor), status: { key: JSON.stringify(status), payload: status } };
}

/** The greeting in the visitor's language: the channel's own, else the inbox's auto-reply. */
export function greetingFor(channel: ChatChannel, locale: Locale): string | null {
  const text = channel.config.greeting ?? channel.autoReply;
  return pickText(text, locale, channel.org.defaultLocale) || null;
}

export function visitorLocale(channel: ChatChannel, requested: unknown): Locale {
  return isLocale(requested) ? requested : channel.org.defaultLocale;
}

function cleanText(text: unknown, field: string, max: number, required: boolean): string | null {
  const v = typeof text === 'string' ? text.normalize('NFC').trim() : '';
  if (!v) {
    if (required) throw validation([{ field, reason: 'required' }]);
    return null;
  }
  if (v.length > max) throw validation([{ field, reason: 'too_long', params: { max } }]);
  return v;
}

/** An e-mail address or a phone number (in the org's country unless written with +). */
export function normaliseContact(raw: string, country: string): string | null {
  return raw.includes('@') ? normalizeEmail(raw) : normalizePhone(raw, country);
}

export interface StartInput {
  name?: unknown;
  contact?: unknown;
  text?: unknown;
  locale?: unknown;
}

export async function startChat(
  db: Db,
  channel: ChatChannel,
  input: StartInput,
  now = new Date(),
): Promise<{ token: string; session: ChatSessionRow }> {
  const text = cleanText(input.text, 'text', CHAT_LIMITS.maxMessage, true)!;
  const name = cleanText(input.name, 'name', CHAT_LIMITS.maxName, false);
  const rawContact = cleanText(input.contact, 'contact', CHAT_LIMITS.maxContact, false);
  const contact = rawContact ? normaliseContact(rawContact, channel.org.country) : null;
  if (rawContact && !contact) throw validation([{ field: 'contact', reason: 'invalid_value' }]);
  const hours = await chatHours(db, channel, now);
  if (!hours.open) throw new AppError('CONFLICT', { reason: 'out_of_hours' });
  const token = newVisitorToken();
  const id = uuidv7();
  const session = await changeChats(db, async (trx, notify) => {
    await trx
      .insertInto('chat_sessions')
      .values({
        org_id: channel.org.orgId,
        id,
        channel_id: channel.id,
        visitor_token_hash: hashVisitorToken(token),
        visitor_name: name,
        visitor_contact: contact,
        locale: visitorLocale(channel, input.locale),
        started_at: now,
      })
      .execute();
    const s = (await lockSession(trx, channel.org.orgId, id))!;
    await insertChatMessage(trx, s, { author: 'visitor', authorId: null, body: text, at: now });
    await appendAudit(trx, [
      {
        orgId: channel.org.orgId,
        actorId: null,
        actorKind: 'customer',
        action: 'chat.started',
        entity: 'chat',
        entityId: id,
        data: { channel: channel.code, locale: s.locale },
      },
    ]);
    await notify(noticeOf(s, 'new'));
    return s;
  });
  return { token, session };
}

export async function postVisitorMessage(
  db: Db,
  channel: ChatChannel,
  chatId: string,
  textIn: unknown,
  deps: { store: FileStore },
  now = new Date(),
): Promise<void> {
  const text = cleanText(textIn, 'text', CHAT_LIMITS.maxMessage, true)!;
  await changeChats(db, async (trx, notify) => {
    const s = await lockSession(trx, channel.org.orgId, chatId);
    if (!s) throw new AppError('NOT_FOUND');
    if (s.status !== 'open') throw new AppError('CONFLICT', { reason: 'chat_closed' });
    const m = await insertChatMessage(trx, s, { author: 'visitor', authorId: null, body: text, at: now });
    if (s.case_id) {
      // the chat is a case already: the message joins it through the door every channel uses
      const r = await ingestInbound(
        trx,
        channel.org,
        { id: s.channel_id, kind: 'web_chat', inboxId: s.inbox_id, departmentCode: channel.departmentCode },
        {
          externalId: chatExternalId(s.id, m.seq),
          threadKey: s.id,
          text,
          from: { name: s.visitor_name ?? undefined },
          receivedAt: now,
          locale: s.locale as Locale,
          meta: { chatId: s.id, seq: m.seq, author: 'visitor' },
        },
        deps,
      );
      if (r.caseId !== s.case_id) {
        // its case was closed for good, so the message opened a new one: the chat follows it
        await trx
          .updateTable('chat_sessions')
          .set({ case_id: r.caseId })
          .where('org_id', '=', s.org_id)
          .where('id', '=', s.id)
          .execute();
        await insertChatMessage(trx, s, {
          author: 'system',
          authorId: null,
          body: systemBody({ event: 'case', number: r.number }),
          at: now,
        });
      }
    }
    await notify(noticeOf(s, 'message'));
  });
}

/** Ends the chat: by the visitor (null actor) or an agent. Closing twice changes nothing. */
export async function closeChatSession(
  db: Db,
  orgId: string,
  chatId: string,
  by: { userId: string } | null,
  now = new Date(),
): Promise<ChatSessionRow> {
  return changeChats(db, async (trx, notify) => {
    const s = await lockSession(trx, orgId, chatId);
    if (!s) throw new AppError('NOT_FOUND');
    if (s.status === 'closed') return s;
    await trx
      .updateTable('chat_sessions')
      .set({ status: 'closed', ended_at: now })
      .where('org_id', '=', orgId)
      .where('id', '=', chatId)
      .execute();
    await insertChatMessage(trx, s, {
      author: 'system',
      authorId: by?.userId ?? null,
      body: systemBody({ event: 'closed', by: by ? 'agent' : 'visitor' }),
      at: now,
    });
    const actorKind = by ? 'user' : 'customer';
    if (s.case_id) {
      await appendCaseEvents(trx, [
        {
          orgId,
          caseId: s.case_id,
          type: 'chat_closed',
          actorId: by?.userId ?? null,
          actorKind,
          at: now,
          data: { chatId, by: by ? 'agent' : 'visitor' },
        },
      ]);
    }
    await appendAudit(trx, [
      {
        orgId,
        actorId: by?.userId ?? null,
        actorKind,
        action: 'chat.closed',
        entity: 'chat',
        entityId: chatId,
        data: { by: by ? 'agent' : 'visitor', caseId: s.case_id },
      },
    ]);
    const closed = { ...s, status: 'closed', ended_at: now };
    await notify(noticeOf(closed, 'status'));
    return closed;
  });
}
