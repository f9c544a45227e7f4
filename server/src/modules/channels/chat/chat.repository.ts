// SQL of web chats: the channel a widget names, sessions and their messages, and the summaries the
// agents' console lists. Message numbers (seq) are allocated under the session's row lock.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../../../platform/db/db.ts';
import type { Locale, LocalizedText } from '../../../platform/i18n/locales.ts';
import type { Actor } from '../../access/permissions.ts';
import { can } from '../../access/permissions.ts';
import { getOrgBySlug, type OrgContext } from '../../orgs/org.repository.ts';
import { parseWebChatConfig, type WebChatConfig } from './chat-config.ts';
import type { ChatNotice } from './chat-hub.ts';

export interface ChatChannel {
  org: OrgContext;
  id: string;
  code: string;
  inboxId: string;
  departmentId: string;
  departmentCode: string;
  /** the inbox's own working hours; null: the department's or the org's */
  calendarId: string | null;
  config: WebChatConfig;
  /** the inbox's localised auto-reply, the greeting when the channel has none */
  autoReply: LocalizedText | null;
}

export type ChatAuthor = 'visitor' | 'agent' | 'system';

export interface ChatMessage {
  seq: number;
  author: ChatAuthor;
  /** the agent's display name (agents' messages and the system's "joined") */
  authorName: string | null;
  body: string;
  at: string;
}

export interface ChatSessionRow {
  org_id: string;
  id: string;
  channel_id: string;
  visitor_name: string | null;
  visitor_contact: string | null;
  locale: string;
  status: string;
  agent_id: string | null;
  case_id: string | null;
  started_at: Date;
  ended_at: Date | null;
  inbox_id: string;
  department_id: string;
}

/** A visitor's token: random, shown once to the widget, kept only as a hash. */
export function newVisitorToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashVisitorToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function channelQuery(db: DbOrTrx, orgId: string) {
  return db
    .selectFrom('channels as ch')
    .innerJoin('inboxes as i', (j) => j.onRef('i.org_id', '=', 'ch.org_id').onRef('i.id', '=', 'ch.inbox_id'))
    .innerJoin('departments as d', (j) =>
      j.onRef('d.org_id', '=', 'i.org_id').onRef('d.id', '=', 'i.department_id'),
    )
    .select([
      'ch.id',
      'ch.code',
      'ch.config',
      'ch.inbox_id',
      'i.department_id',
      'i.calendar_id',
      'i.auto_reply',
      'd.code as department_code',
    ])
    .where('ch.org_id', '=', orgId)
    .where('ch.kind', '=', 'web_chat');
}

type ChannelRow = {
  id: string;
  code: string;
  config: unknown;
  inbox_id: string;
  department_id: string;
  calendar_id: string | null;
  auto_reply: unknown;
  department_code: string;
};

function toChannel(org: OrgContext, r: ChannelRow): ChatChannel {
  return {
    org,
    id: r.id,
    code: r.code,
    inboxId: r.inbox_id,
    departmentId: r.department_id,
    departmentCode: r.department_code,
    calendarId: r.calendar_id,
    config: parseWebChatConfig(r.config),
    autoReply: (r.auto_reply as LocalizedText | null) ?? null,
  };
}

/** The org's active web chat channel with this code (its inbox active too), or null. */
export async function findChatChannel(
  db: DbOrTrx,
  orgSlug: string,
  code: string,
): Promise<ChatChannel | null> {
  const org = await getOrgBySlug(db, orgSlug);
  if (!org) return null;
  const row = await channelQuery(db, org.orgId)
    .where('ch.code', '=', code)
    .where('ch.active', '=', true)
    .where('i.active', '=', true)
    .executeTakeFirst();
  return row ? toChannel(org, row) : null;
}

/** The web chat channel a session belongs to, active or not (replies to old chats still land). */
export async function chatChannelById(db: DbOrTrx, org: OrgContext, id: string): Promise<ChatChannel | null> {
  const row = await channelQuery(db, org.orgId).where('ch.id', '=', id).executeTakeFirst();
  return row ? toChannel(org, row) : null;
}

function sessionQuery(db: DbOrTrx, orgId: string) {
  return db
    .selectFrom('chat_sessions as s')
    .innerJoin('channels as ch', (j) =>
      j.onRef('ch.org_id', '=', 's.org_id').onRef('ch.id', '=', 's.channel_id'),
    )
    .innerJoin('inboxes as i', (j) => j.onRef('i.org_id', '=', 'ch.org_id').onRef('i.id', '=', 'ch.inbox_id'))
    .select([
      's.org_id',
      's.id',
      's.channel_id',
      's.visitor_name',
      's.visitor_contact',
      's.locale',
      's.status',
      's.agent_id',
      's.case_id',
      's.started_at',
      's.ended_at',
      'i.id as inbox_id',
      'i.department_id',
    ])
    .where('s.org_id', '=', orgId);
}

export async function getSession(db: DbOrTrx, orgId: string, chatId: string): Promise<ChatSessionRow | null> {
  return (await sessionQuery(db, orgId).where('s.id', '=', chatId).executeTakeFirst()) ?? null;
}

/** The session row locked for a change (messages are numbered under this lock). */
export async function lockSession(trx: Trx, orgId: string, chatId: string): Promise<ChatSessionRow | null> {
  await trx
    .selectFrom('chat_sessions')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', chatId)
    .forUpdate()
    .executeTakeFirst();
  return getSession(trx, orgId, chatId);
}

export async function sessionByToken(
  db: DbOrTrx,
  channel: ChatChannel,
  token: string,
): Promise<ChatSessionRow | null> {
  return (
    (await sessionQuery(db, channel.org.orgId)
      .where('s.visitor_token_hash', '=', hashVisitorToken(token))
      .where('s.channel_id', '=', channel.id)
      .executeTakeFirst()) ?? null
  );
}

export function noticeOf(s: ChatSessionRow, what: ChatNotice['what']): ChatNotice {
  return {
    org: s.org_id,
    chat: s.id,
    inbox: s.inbox_id,
    department: s.department_id,
    agent: s.agent_id,
    what,
  };
}

/** Appends a message to a locked session; returns it with its number. */
export async function insertChatMessage(
  trx: Trx,
  s: { org_id: string; id: string },
  m: { author: ChatAuthor; authorId: string | null; body: string; at: Date },
): Promise<{ seq: number; at: Date }> {
  const { max } = await trx
    .selectFrom('chat_messages')
    .select((eb) => eb.fn.max<number | null>('seq').as('max'))
    .where('org_id', '=', s.org_id)
    .where('chat_id', '=', s.id)
    .executeTakeFirstOrThrow();
  const seq = (max ?? 0) + 1;
  await trx
    .insertInto('chat_messages')
    .values({
      org_id: s.org_id,
      chat_id: s.id,
      seq,
      author: m.author,
      author_id: m.authorId,
      body: m.body,
      at: m.at,
    })
    .execute();
  return { seq, at: m.at };
}

export interface StoredChatMessage extends ChatMessage {
  authorId: string | null;
}

export async function chatMessages(
  db: DbOrTrx,
  orgId: string,
  chatId: string,
  afterSeq = 0,
): Promise<StoredChatMessage[]> {
  const rows = await db
    .selectFrom('chat_messages as m')
    .leftJoin('users as u', (j) => j.onRef('u.org_id', '=', 'm.org_id').onRef('u.id', '=', 'm.author_id'))
    .select(['m.seq', 'm.author', 'm.author_id', 'm.body', 'm.at', 'u.display_name'])
    .where('m.org_id', '=', orgId)
    .where('m.chat_id', '=', chatId)
    .where('m.seq', '>', afterSeq)
    .orderBy('m.seq')
    .limit(1000)
    .execute();
  return rows.map((r) => ({
    seq: r.seq,
    author: r.author as ChatAuthor,
    authorId: r.author_id,
    authorName: r.author === 'visitor' ? null : (r.display_name ?? null),
    body: r.body,
    at: r.at.toISOString(),
  }));
}

/** A chat as the agents' console lists it. */
export interface ChatSummary {
  id: string;
  status: 'open' | 'closed';
  /** waiting: nobody took it yet; active: an agent has it; closed */
  state: 'waiting' | 'active' | 'closed';
  channel: { code: string };
  inbox: { code: string; name: LocalizedText };
  visitor: { name: string | null; contact: string | null };
  locale: Locale;
  agent: { id: string; name: string } | null;
  case: { id: string; number: string } | null;
  startedAt: string;
  endedAt: string | null;
  /** the visitor's oldest message no agent has answered yet; null when none is waiting */
  waitingSince: string | null;
  lastMessage: { author: ChatAuthor; body: string; at: string } | null;
  messageCount: number;
}

export interface ChatListFilter {
  /** open or closed chats; with an id, either */
  status?: 'open' | 'closed';
  id?: string;
  limit?: number;
}

/** Chats the actor may see (see canSeeChat), newest activity first. */
export async function chatSummaries(
  db: DbOrTrx,
  actor: Actor,
  filter: ChatListFilter,
): Promise<ChatSummary[]> {
  let q = db
    .selectFrom('chat_sessions as s')
    .innerJoin('channels as ch', (j) =>
      j.onRef('ch.org_id', '=', 's.org_id').onRef('ch.id', '=', 's.channel_id'),
    )
    .innerJoin('inboxes as i', (j) => j.onRef('i.org_id', '=', 'ch.org_id').onRef('i.id', '=', 'ch.inbox_id'))
    .leftJoin('users as a', (j) => j.onRef('a.org_id', '=', 's.org_id').onRef('a.id', '=', 's.agent_id'))
    .leftJoin('cases as c', (j) => j.onRef('c.org_id', '=', 's.org_id').onRef('c.id', '=', 's.case_id'))
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('chat_messages as m')
          .select([
            sql<number>`count(*)::int`.as('n'),
            sql<number | null>`max(m.seq) FILTER (WHERE m.author = 'agent')`.as('last_agent_seq'),
            sql<number | null>`max(m.seq)`.as('last_seq'),
          ])
          .whereRef('m.org_id', '=', 's.org_id')
          .whereRef('m.chat_id', '=', 's.id')
          .as('agg'),
      (j) => j.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('chat_messages as w')
          .select(sql<Date | null>`min(w.at)`.as('waiting_since'))
          .whereRef('w.org_id', '=', 's.org_id')
          .whereRef('w.chat_id', '=', 's.id')
          .where('w.author', '=', 'visitor')
          .where((e) => e('w.seq', '>', sql<number>`coalesce(agg.last_agent_seq, 0)`))
          .as('wait'),
      (j) => j.onTrue(),
    )
    .leftJoin('chat_messages as last', (j) =>
      j
        .onRef('last.org_id', '=', 's.org_id')
        .onRef('last.chat_id', '=', 's.id')
        .on((e) => e('last.seq', '=', sql<number>`agg.last_seq`)),
    )
    .select([
      's.id',
      's.status',
      's.visitor_name',
      's.visitor_contact',
      's.locale',
      's.agent_id',
      's.case_id',
      's.started_at',
      's.ended_at',
      'ch.code as channel_code',
      'i.code as inbox_code',
      'i.name as inbox_name',
      'a.display_name as agent_name',
      'c.number as case_number',
      'agg.n',
      'wait.waiting_since',
      'last.author as last_author',
      'last.body as last_body',
      'last.at as last_at',
    ])
    .where('s.org_id', '=', actor.orgId);
  if (filter.status) q = q.where('s.status', '=', filter.status);
  if (filter.id) q = q.where('s.id', '=', filter.id);
  if (!can(actor, 'cases:read:org')) {
    if (!can(actor, 'cases:read:department')) return [];
    q = q.where((eb) =>
      eb.or([
        eb('s.agent_id', '=', actor.userId),
        ...(actor.departmentId ? [eb('i.department_id', '=', actor.departmentId)] : []),
        eb(
          'i.id',
          'in',
          eb
            .selectFrom('inbox_members as im')
            .select('im.inbox_id')
            .where('im.org_id', '=', actor.orgId)
            .where('im.user_id', '=', actor.userId),
        ),
      ]),
    );
  }
  const rows = await q
    .orderBy(sql`coalesce(last.at, s.started_at)`, 'desc')
    .limit(filter.limit ?? 200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    status: r.status as 'open' | 'closed',
    state: r.status === 'closed' ? 'closed' : r.agent_id ? 'active' : 'waiting',
    channel: { code: r.channel_code },
    inbox: { code: r.inbox_code, name: r.inbox_name as LocalizedText },
    visitor: { name: r.visitor_name, contact: r.visitor_contact },
    locale: r.locale as Locale,
    agent: r.agent_id ? { id: r.agent_id, name: r.agent_name ?? '' } : null,
    case: r.case_id ? { id: r.case_id, number: r.case_number ?? '' } : null,
    startedAt: r.started_at.toISOString(),
    endedAt: r.ended_at ? r.ended_at.toISOString() : null,
    waitingSince: r.status === 'open' && r.waiting_since ? new Date(r.waiting_since).toISOString() : null,
    lastMessage:
      r.last_author && r.last_at
        ? { author: r.last_author as ChatAuthor, body: r.last_body ?? '', at: r.last_at.toISOString() }
        : null,
    messageCount: r.n ?? 0,
  }));
}
