// Live delivery of web chats: who is connected to this process (visitors by chat, staff by org)
// and what each must hear when a chat changes. Every change is written to PostgreSQL first; the
// notice that follows only says "chat X changed" and each socket reads what it has not seen yet,
// so a notice that is lost, doubled or out of order never loses, repeats or reorders a message.
//
// In one process, notices travel on an in-process bus after the writing transaction commits. Between
// processes (several `riza serve`, or a `riza worker` delivering replies written from a case), the
// same notice is sent with pg_notify in the writing transaction — delivered only on commit — and
// a hub given a database URL LISTENs for the notices of other processes.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { sql } from 'kysely';
import pg from 'pg';
import type { Db, DbOrTrx, Trx } from '../../../platform/db/db.ts';
import { type Actor, can } from '../../access/permissions.ts';

export const CHAT_NOTIFY_CHANNEL = 'riza_chat';

/** Which chat changed, and enough about it to decide who may hear of it without reading it again. */
export interface ChatNotice {
  org: string;
  chat: string;
  inbox: string;
  /** the department of the chat's inbox */
  department: string;
  /** the agent who took it, if any */
  agent: string | null;
  /** new: a visitor started it; message: new rows in chat_messages; status: taken, closed, linked */
  what: 'new' | 'message' | 'status';
}

/** This process, so a hub ignores its own notices coming back over LISTEN (the bus had them first). */
const PROCESS = randomUUID();
const bus = new EventEmitter();
bus.setMaxListeners(0);

/** Queues the notice for other processes; PostgreSQL delivers it only if the transaction commits. */
export async function notifyOtherProcesses(trx: DbOrTrx, n: ChatNotice): Promise<void> {
  await sql`SELECT pg_notify(${CHAT_NOTIFY_CHANNEL}, ${JSON.stringify({ ...n, from: PROCESS })})`.execute(
    trx,
  );
}

/** Tells the hubs of this process; call after the transaction that made the change committed. */
export function announce(notices: ChatNotice[]): void {
  for (const n of notices) bus.emit('notice', n);
}

/**
 * Runs a change in one transaction, queueing a notice per changed chat, and announces them in
 * this process once it committed. A rolled-back change announces nothing.
 */
export async function changeChats<T>(
  db: Db,
  fn: (trx: Trx, notify: (n: ChatNotice) => Promise<void>) => Promise<T>,
): Promise<T> {
  const notices: ChatNotice[] = [];
  const result = await db.transaction().execute((trx) =>
    fn(trx, async (n) => {
      notices.push(n);
      await notifyOtherProcesses(trx, n);
    }),
  );
  announce(notices);
  return result;
}

/** Staff who may see a chat: the whole org's readers; department readers for their department's inboxes, inboxes they are members of, and chats they took. */
export function canSeeChat(
  actor: Actor,
  chat: { department: string; agent: string | null; inbox: string },
  memberOf: ReadonlySet<string> = new Set(),
): boolean {
  if (can(actor, 'cases:read:org')) return true;
  if (!can(actor, 'cases:read:department')) return false;
  return (
    chat.agent === actor.userId ||
    (actor.departmentId !== null && chat.department === actor.departmentId) ||
    memberOf.has(chat.inbox)
  );
}

export interface AgentPeer {
  actor: Actor;
  /** inboxes the user is a member of */
  memberOf: ReadonlySet<string>;
  send(message: unknown): void;
}

export interface VisitorPeer {
  orgId: string;
  chatId: string;
  /** highest chat message seq this socket has been sent */
  lastSeq: number;
  /** the status last sent, so a change is sent once */
  lastStatus: string;
  send(message: unknown): void;
}

/**
 * Reads what visitors of one chat have not seen: the messages after `afterSeq`, and the chat's
 * status. Supplied by the chat module (kept out of here so the hub knows no SQL of chats).
 */
export type VisitorCatchUp = (
  db: Db,
  orgId: string,
  chatId: string,
  afterSeq: number,
) => Promise<{ messages: { seq: number }[]; status: { key: string; payload: unknown } } | null>;

export class ChatHub {
  private readonly visitors = new Map<string, Set<VisitorPeer>>();
  private readonly agents = new Map<string, Set<AgentPeer>>();
  /** per chat, the catch-up in progress: one at a time keeps each socket's messages in order */
  private readonly catchingUp = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private client: pg.Client | null = null;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly catchUp: VisitorCatchUp,
    private readonly opts: { listenUrl?: string; log?: (msg: string) => void } = {},
  ) {
    bus.on('notice', this.onNotice);
  }

  /** Starts listening for other processes' notices, when a database URL was given. */
  async start(): Promise<this> {
    if (this.opts.listenUrl) await this.listen(this.opts.listenUrl);
    return this;
  }

  private async listen(url: string): Promise<void> {
    const client = new pg.Client({ connectionString: url, application_name: 'riza-chat' });
    client.on('notification', (msg) => {
      if (msg.channel !== CHAT_NOTIFY_CHANNEL || !msg.payload) return;
      try {
        const n = JSON.parse(msg.payload) as ChatNotice & { from?: string };
        if (n.from !== PROCESS) this.onNotice(n);
      } catch {
        // not a notice of ours
      }
    });
    // the database restarting must not end live chat for good: reconnect after a pause
    client.on('error', () => {
      this.client = null;
      if (!this.closed) setTimeout(() => void this.listen(url).catch(() => {}), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${CHAT_NOTIFY_CHANNEL}`);
    this.client = client;
    // reconnected: whatever was announced while we were away, the sockets read now
    for (const chatId of this.visitors.keys()) this.refreshVisitors(chatId);
  }

  async close(): Promise<void> {
    this.closed = true;
    bus.off('notice', this.onNotice);
    await this.client?.end().catch(() => {});
  }

  addVisitor(peer: VisitorPeer): () => void {
    const set = this.visitors.get(peer.chatId) ?? new Set<VisitorPeer>();
    this.visitors.set(peer.chatId, set);
    set.add(peer);
    return () => {
      set.delete(peer);
      if (!set.size && this.visitors.get(peer.chatId) === set) this.visitors.delete(peer.chatId);
    };
  }

  addAgent(peer: AgentPeer): () => void {
    const set = this.agents.get(peer.actor.orgId) ?? new Set<AgentPeer>();
    this.agents.set(peer.actor.orgId, set);
    set.add(peer);
    return () => {
      set.delete(peer);
      if (!set.size && this.agents.get(peer.actor.orgId) === set) this.agents.delete(peer.actor.orgId);
    };
  }

  /** Connected sockets, for tests and metrics. */
  counts(): { visitors: number; agents: number } {
    let visitors = 0;
    let agents = 0;
    for (const s of this.visitors.values()) visitors += s.size;
    for (const s of this.agents.values()) agents += s.size;
    return { visitors, agents };
  }

  private readonly onNotice = (n: ChatNotice): void => {
    for (const peer of this.agents.get(n.org) ?? []) {
      if (canSeeChat(peer.actor, n, peer.memberOf)) peer.send({ type: 'chat', chatId: n.chat, what: n.what });
    }
    if (this.visitors.has(n.chat)) this.refreshVisitors(n.chat);
  };

  /** Sends each visitor socket of the chat what it has not had yet; one pass per chat at a time. */
  refreshVisitors(chatId: string): void {
    if (this.catchingUp.has(chatId)) {
      this.again.add(chatId);
      return;
    }
    const run = async () => {
      do {
        this.again.delete(chatId);
        const peers = [...(this.visitors.get(chatId) ?? [])];
        if (!peers.length) return;
        const after = Math.min(...peers.map((p) => p.lastSeq));
        const r = await this.catchUp(this.db, peers[0]!.orgId, chatId, after);
        if (!r) return;
        for (const p of peers) {
          for (const m of r.messages) {
            if (m.seq > p.lastSeq) {
              p.send({ type: 'message', message: m });
              p.lastSeq = m.seq;
            }
          }
          if (p.lastStatus !== r.status.key) {
            p.lastStatus = r.status.key;
            p.send({ type: 'status', ...(r.status.payload as object) });
          }
        }
      } while (this.again.has(chatId));
    };
    const p = run()
      .catch((e: unknown) => this.opts.log?.(`chat ${chatId}: catching up failed: ${String(e)}`))
      .finally(() => {
        this.catchingUp.delete(chatId);
        // a notice that came between the last pass and now
        if (this.again.has(chatId)) this.refreshVisitors(chatId);
      });
    this.catchingUp.set(chatId, p);
  }

  /** Resolves when no catch-up is running (tests). */
  async idle(): Promise<void> {
    while (this.catchingUp.size) await Promise.all(this.catchingUp.values());
  }
}
