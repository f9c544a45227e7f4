// Use-cases of the agents' side of a web chat: take it, reply, turn it into a new case or attach it
// to an existing one (the transcript lands on the case, and later messages follow), close it.
// Each is one transaction under the chat's row lock, audited, and announced to the live sockets.
import type { Db, Trx } from '../../../platform/db/db.ts';
import { AppError, notFound, validation } from '../../../platform/errors.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { type Actor, can, canReadCase } from '../../access/permissions.ts';
import { appendAudit } from '../../audit/audit.ts';
import { appendCaseEvents, lockCase } from '../../cases/case.repository.ts';
import type { CaseStatus } from '../../cases/case-status.ts';
import { registerCase } from '../../cases/register-case.ts';
import { getOrgById } from '../../orgs/org.repository.ts';
import { applySlaEffect } from '../../sla/sla-lifecycle.ts';
import {
  type ChatSessionRow,
  type ChatSummary,
  chatChannelById,
  chatMessages,
  chatSummaries,
  insertChatMessage,
  lockSession,
  noticeOf,
  type StoredChatMessage,
} from './chat.repository.ts';
import { canSeeChat, changeChats } from './chat-hub.ts';
import { chatMessageToCase, copyTranscript } from './chat-transcript.ts';
import { CHAT_LIMITS, closeChatSession, systemBody } from './chat-visitor.ts';

/** Cases a chat may no longer join: nothing more will be done on them. */
const FINISHED: CaseStatus[] = ['closed', 'withdrawn', 'rejected', 'escalated_externally'];

export async function inboxesOf(db: Db | Trx, actor: Actor): Promise<Set<string>> {
  const rows = await db
    .selectFrom('inbox_members')
    .select('inbox_id')
    .where('org_id', '=', actor.orgId)
    .where('user_id', '=', actor.userId)
    .execute();
  return new Set(rows.map((r) => r.inbox_id));
}

/** The locked chat, or 404 when it does not exist or the actor may not see it. */
async function lockVisible(trx: Trx, actor: Actor, chatId: string): Promise<ChatSessionRow> {
  const s = await lockSession(trx, actor.orgId, chatId);
  if (!s) throw notFound();
  const seen = { department: s.department_id, agent: s.agent_id, inbox: s.inbox_id };
  if (!canSeeChat(actor, seen, await inboxesOf(trx, actor))) throw notFound();
  return s;
}

function mustWork(actor: Actor) {
  if (!can(actor, 'cases:work')) throw new AppError('FORBIDDEN');
}

export interface ChatDetail extends ChatSummary {
  messages: StoredChatMessage[];
}

export async function getChat(db: Db, actor: Actor, chatId: string): Promise<ChatDetail> {
  const [summary] = await chatSummaries(db, actor, { id: chatId });
  if (!summary) throw notFound();
  return { ...summary, messages: await chatMessages(db, actor.orgId, chatId) };
}

/** Makes the actor the chat's agent; taking over a colleague's chat needs cases:assign. */
async function takeLocked(trx: Trx, actor: Actor, s: ChatSessionRow, now: Date): Promise<ChatSessionRow> {
  if (s.status !== 'open') throw new AppError('CONFLICT', { reason: 'chat_closed' });
  if (s.agent_id === actor.userId) return s;
  if (s.agent_id && !can(actor, 'cases:assign')) throw new AppError('CONFLICT', { reason: 'chat_taken' });
  await trx
    .updateTable('chat_sessions')
    .set({ agent_id: actor.userId })
    .where('org_id', '=', s.org_id)
    .where('id', '=', s.id)
    .execute();
  await insertChatMessage(trx, s, {
    author: 'system',
    authorId: actor.userId,
    body: systemBody({ event: 'joined' }),
    at: now,
  });
  await appendAudit(trx, [
    {
      orgId: s.org_id,
      actorId: actor.userId,
      actorKind: 'user',
      action: 'chat.taken',
      entity: 'chat',
      entityId: s.id,
      data: { from: s.agent_id },
    },
  ]);
  return { ...s, agent_id: actor.userId };
}

export async function takeChat(db: Db, actor: Actor, chatId: string, now = new Date()): Promise<void> {
  mustWork(actor);
  await changeChats(db, async (trx, notify) => {
    const s = await lockVisible(trx, actor, chatId);
    const taken = await takeLocked(trx, actor, s, now);
    if (taken !== s) await notify(noticeOf(taken, 'status'));
  });
}

/** The agent writes to the visitor; a chat nobody took yet becomes theirs. */
export async function replyInChat(
  db: Db,
  actor: Actor,
  chatId: string,
  bodyIn: string,
  now = new Date(),
): Promise<{ seq: number }> {
  mustWork(actor);
  const body = bodyIn?.normalize('NFC').trim();
  if (!body) throw validation([{ field: 'body', reason: 'required' }]);
  if (body.length > CHAT_LIMITS.maxMessage)
    throw validation([{ field: 'body', reason: 'too_long', params: { max: CHAT_LIMITS.maxMessage } }]);
  return changeChats(db, async (trx, notify) => {
    const s = await takeLocked(trx, actor, await lockVisible(trx, actor, chatId), now);
    const m = await insertChatMessage(trx, s, { author: 'agent', authorId: actor.userId, body, at: now });
    if (s.case_id) {
      await agentMessageToCase(trx, actor, s, s.case_id, {
        seq: m.seq,
        author: 'agent',
        authorId: actor.userId,
        body,
        at: now.toISOString(),
      });
    }
    await notify(noticeOf(s, 'message'));
    return { seq: m.seq };
  });
}

/** An agent's chat line on a case already linked: a reply to the customer, as sendReply records one. */
async function agentMessageToCase(
  trx: Trx,
  actor: Actor,
  s: ChatSessionRow,
  caseId: string,
  m: Pick<StoredChatMessage, 'seq' | 'author' | 'authorId' | 'body' | 'at'>,
): Promise<void> {
  const c = await lockCase(trx, s.org_id, caseId);
  if (!c) return;
  const messageId = await chatMessageToCase(trx, s, caseId, m);
  if (!messageId) return;
  const now = new Date(m.at);
  await trx
    .updateTable('cases')
    .set({ updated_at: now })
    .where('org_id', '=', s.org_id)
    .where('id', '=', caseId)
    .execute();
  await appendCaseEvents(trx, [
    {
      orgId: s.org_id,
      caseId,
      type: 'reply_sent',
      actorId: actor.userId,
      actorKind: 'user',
      at: now,
      data: { messageId, channel: 'web_chat', chatId: s.id, body: m.body },
    },
  ]);
  await appendAudit(trx, [
    {
      orgId: s.org_id,
      actorId: actor.userId,
      actorKind: 'user',
      action: 'case.reply_sent',
      entity: 'case',
      entityId: caseId,
      data: { number: c.number, channel: 'web_chat', messageId },
    },
  ]);
  // answering the customer live is a first response (SLA)
  await applySlaEffect(trx, c, { meet: ['acknowledge', 'first_response'] }, now);
}

export async function closeChat(db: Db, actor: Actor, chatId: string, now = new Date()): Promise<void> {
  mustWork(actor);
  // visibility first (404), then the shared closing use-case
  await db.transaction().execute((trx) => lockVisible(trx, actor, chatId));
  await closeChatSession(db, actor.orgId, chatId, { userId: actor.userId }, now);
}

/** Ties the chat to the case: transcript, thread (case replies reach the chat), event and audit. */
async function linkToCase(
  trx: Trx,
  actor: Actor,
  s: ChatSessionRow,
  c: { id: string; number: string },
  created: boolean,
  now: Date,
): Promise<{ added: number; total: number }> {
  const org = (await getOrgById(trx, s.org_id))!;
  const t = await copyTranscript(trx, s, c.id, { timezone: org.timezone, locale: org.defaultLocale });
  const { customer_id } = await trx
    .selectFrom('cases')
    .select('customer_id')
    .where('org_id', '=', s.org_id)
    .where('id', '=', c.id)
    .executeTakeFirstOrThrow();
  // replies written on the case go back to this chat (send-reply.ts finds the thread)
  await trx
    .insertInto('channel_threads')
    .values({
      org_id: s.org_id,
      channel_id: s.channel_id,
      thread_key: s.id,
      case_id: c.id,
      customer_id,
      last_message_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['org_id', 'channel_id', 'thread_key']).doUpdateSet((eb) => ({
        case_id: eb.ref('excluded.case_id'),
        customer_id: eb.ref('excluded.customer_id'),
        last_message_at: eb.ref('excluded.last_message_at'),
      })),
    )
    .execute();
  if (s.case_id === c.id) return { added: t.added, total: t.total };
  await trx
    .updateTable('chat_sessions')
    .set({ case_id: c.id })
    .where('org_id', '=', s.org_id)
    .where('id', '=', s.id)
    .execute();
  await insertChatMessage(trx, s, {
    author: 'system',
    authorId: actor.userId,
    body: systemBody({ event: 'case', number: c.number }),
    at: now,
  });
  await appendCaseEvents(trx, [
    {
      orgId: s.org_id,
      caseId: c.id,
      type: 'chat_linked',
      actorId: actor.userId,
      actorKind: 'user',
      at: now,
      data: { chatId: s.id, created, messages: t.total, body: t.text },
    },
  ]);
  await appendAudit(trx, [
    {
      orgId: s.org_id,
      actorId: actor.userId,
      actorKind: 'user',
      action: created ? 'chat.case_created' : 'chat.attached',
      entity: 'chat',
      entityId: s.id,
      data: { caseId: c.id, number: c.number, messages: t.total },
    },
  ]);
  return { added: t.added, total: t.total };
}

export interface NewCaseFromChat {
  type?: string;
  subject?: string;
  description?: string;
  category?: string;
}

/** Registers a case for the chat's visitor (channel chat, in the inbox's department) and links the chat. */
export async function createCaseFromChat(
  db: Db,
  actor: Actor,
  chatId: string,
  input: NewCaseFromChat,
  now = new Date(),
): Promise<{ caseId: string; number: string; messages: number }> {
  mustWork(actor);
  if (!can(actor, 'cases:create')) throw new AppError('FORBIDDEN');
  return changeChats(db, async (trx, notify) => {
    const s = await lockVisible(trx, actor, chatId);
    if (s.case_id) throw new AppError('CONFLICT', { reason: 'chat_linked' });
    // the agent who makes the case has the chat (a closed chat can still become a case)
    const taken = s.status === 'open' ? await takeLocked(trx, actor, s, now) : s;
    const org = (await getOrgById(trx, s.org_id))!;
    const channel = (await chatChannelById(trx, org, s.channel_id))!;
    const visitorText = (await chatMessages(trx, s.org_id, s.id))
      .filter((m) => m.author === 'visitor')
      .map((m) => m.body)
      .join('\n');
    const contact = s.visitor_contact ?? undefined;
    const r = await registerCase(
      trx,
      org,
      { userId: actor.userId, departmentId: actor.departmentId },
      {
        type: input.type ?? 'complaint',
        channel: 'chat',
        department: channel.departmentCode,
        category: input.category,
        subject: input.subject?.trim() || undefined,
        description: (input.description?.trim() || visitorText).slice(0, 10_000),
        locale: s.locale as Locale,
        customer: {
          firstName: s.visitor_name ?? undefined,
          email: contact?.includes('@') ? contact : undefined,
          phone: contact && !contact.includes('@') ? contact : undefined,
        },
      },
      { now, unattended: true },
    );
    const t = await linkToCase(trx, actor, taken, r, true, now);
    await notify(noticeOf({ ...taken, case_id: r.id }, 'status'));
    return { caseId: r.id, number: r.number, messages: t.total };
  });
}

/** Attaches the chat to a case the actor can read (by id or number); attaching again adds nothing. */
export async function attachChatToCase(
  db: Db,
  actor: Actor,
  chatId: string,
  target: { caseId?: string; number?: string },
  now = new Date(),
): Promise<{ caseId: string; number: string; messages: number; added: number }> {
  mustWork(actor);
  return changeChats(db, async (trx, notify) => {
    const s = await lockVisible(trx, actor, chatId);
    let q = trx
      .selectFrom('cases')
      .select(['id', 'number', 'status', 'department_id', 'owner_id'])
      .where('org_id', '=', actor.orgId);
    if (target.caseId) q = q.where('id', '=', target.caseId);
    else if (target.number) q = q.where('number', '=', target.number.trim().toUpperCase());
    else throw validation([{ field: 'number', reason: 'required' }]);
    const c = await q.executeTakeFirst();
    if (!c || !canReadCase(actor, c))
      throw validation([{ field: target.caseId ? 'caseId' : 'number', reason: 'not_found' }]);
    if (s.case_id && s.case_id !== c.id) throw new AppError('CONFLICT', { reason: 'chat_linked' });
    if (FINISHED.includes(c.status as CaseStatus))
      throw new AppError('CONFLICT', { reason: 'case_finished' });
    const t = await linkToCase(trx, actor, s, c, false, now);
    if (s.case_id !== c.id) await notify(noticeOf({ ...s, case_id: c.id }, 'status'));
    return { caseId: c.id, number: c.number, messages: t.total, added: t.added };
  });
}
