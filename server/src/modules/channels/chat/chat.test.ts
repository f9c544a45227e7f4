// Web chat end to end over real sockets: a `ws` visitor on the public socket (Origin checked), a
// `ws` agent on the live socket (session cookie + CSRF token), the agents' POSTs, and what lands on
// the case. The server listens on a real port; the database is a real PostgreSQL.
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../../test/db.ts';
import { createOrg, type TestOrg } from '../../../../../test/factories.ts';
import { createTestApp, type Session, signIn } from '../../../../../test/http.ts';
import type { Db } from '../../../platform/db/db.ts';
import { LiveEvents } from '../../../platform/db/live-events.ts';
import { deliverReplies } from '../deliver-replies.ts';
import {
  alwaysOpen,
  type WsClient as Client,
  closedNow,
  SHOP,
  setUpWebChat,
  WsClient,
} from './chat.test-helper.ts';
import { CHAT_NOTIFY_CHANNEL } from './chat-hub.ts';
import { CHAT_LIMITS } from './chat-visitor.ts';
import { WebChatSender } from './web-chat-sender.ts';

let db: Db;
let dbUrl: string;
let app: FastifyInstance;
let base: string;
let kh: TestOrg;
let admin: Session;
let agent: Session;
const sockets: Client[] = [];

const TZ = 'Asia/Baku';

beforeAll(async () => {
  ({ db, url: dbUrl } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
  app = await createTestApp(db);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `127.0.0.1:${address.port}`;
  admin = await signIn(app, 'kontakt-home', kh.userEmail('administrator'));
  agent = await signIn(app, 'kontakt-home', kh.userEmail('agent'));
  await setUpWebChat(app, admin, { calendar: alwaysOpen(TZ) });
});

afterAll(() => {
  for (const s of sockets) s.close();
});

async function visitor(channel = 'webchat', origin = SHOP): Promise<Client> {
  const c = await WsClient.connect(`ws://${base}/api/v1/chat/kontakt-home/${channel}/ws`, { origin });
  sockets.push(c);
  return c;
}

async function agentSocket(session = agent): Promise<Client> {
  const c = await WsClient.connect(`ws://${base}/api/v1/chats/live`, { cookie: session.cookie });
  sockets.push(c);
  await c.request({ type: 'auth', csrf: session.csrf }, (m) => m.type === 'ready');
  return c;
}

/** A visitor who opened the widget and wrote a first message. */
async function startedChat(text: string, extra: Record<string, unknown> = {}, channel = 'webchat') {
  const v = await visitor(channel);
  const welcome = await v.request({ type: 'hello', locale: 'az' }, (m) => m.type === 'welcome');
  const started = await v.request(
    { type: 'start', text, ...extra },
    (m) => m.type === 'started' || m.type === 'error',
  );
  if (started.type === 'error') throw new Error(JSON.stringify(started));
  const chat = started.chat as { chatId: string; messages: { seq: number; body: string }[] };
  return { v, welcome, token: started.token as string, chatId: chat.chatId, chat };
}

const post = (url: string, payload: object = {}, session = agent) =>
  app.inject({ method: 'POST', url, headers: session.headers, payload });

const chatCaseMessages = (caseId: string) =>
  db
    .selectFrom('case_messages')
    .select(['kind', 'body', 'external_id', 'author_id'])
    .where('org_id', '=', kh.org.orgId)
    .where('case_id', '=', caseId)
    .where('channel', '=', 'chat')
    .orderBy('created_at')
    .orderBy('external_id')
    .execute();

describe('web chat', () => {
  it('brings a visitor’s chat to the agents live, the agent’s answer back to the visitor, and resumes after a reload', async () => {
    const live = await agentSocket();
    const { v, welcome, token, chatId, chat } = await startedChat('Salam, sifarişim gecikir', {
      name: 'Leyla',
      contact: '+994 50 123 45 67',
    });
    expect(welcome).toMatchObject({
      open: true,
      greeting: 'Salam! Sizə necə kömək edə bilərik?',
      chat: null,
    });
    expect(welcome.portalPath).toBe('/portal/kontakt-home');
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(chat.messages.map((m) => m.body)).toEqual(['Salam, sifarişim gecikir']);
    await live.next((m) => m.type === 'chat' && m.chatId === chatId && m.what === 'new');

    const list = (await app.inject({ url: '/api/v1/chats', headers: agent.headers })).json().items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: chatId,
      state: 'waiting',
      locale: 'az',
      visitor: { name: 'Leyla', contact: '+994501234567' },
      agent: null,
    });
    expect(list[0].waitingSince).toBeTruthy();

    const from = v.received.length;
    const res = await post(`/api/v1/chats/${chatId}/messages`, { body: 'Salam Leyla, yoxlayıram.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().chat).toMatchObject({
      state: 'active',
      agent: { name: 'Nərmin Abbasova' },
      waitingSince: null,
    });
    const answer = await v.next(
      (m) => m.type === 'message' && (m.message as { author: string }).author === 'agent',
      5000,
      from,
    );
    expect(answer.message).toMatchObject({ body: 'Salam Leyla, yoxlayıram.', authorName: 'Nərmin Abbasova' });
    const status = await v.next((m) => m.type === 'status', 5000, from);
    expect(status).toMatchObject({ status: 'open', agent: 'Nərmin Abbasova', caseNumber: null });
    // the system line of the agent joining came before the answer
    const joined = await v.next(
      (m) => m.type === 'message' && (m.message as { author: string }).author === 'system',
      5000,
      from,
    );
    expect((joined.message as { seq: number }).seq).toBeLessThan((answer.message as { seq: number }).seq);
    expect(JSON.parse((joined.message as { body: string }).body)).toEqual({ event: 'joined' });

    const liveFrom = live.received.length;
    v.send({ type: 'message', text: 'Sifariş nömrəsi 4471' });
    await live.next((m) => m.type === 'chat' && m.chatId === chatId && m.what === 'message', 5000, liveFrom);
    await v.next(
      (m) => m.type === 'message' && (m.message as { body: string }).body === 'Sifariş nömrəsi 4471',
    );

    // a reload: a new socket with the stored token gets the whole conversation back
    v.close();
    const again = await visitor();
    const resumed = await again.request({ type: 'hello', token, locale: 'az' }, (m) => m.type === 'welcome');
    const messages = (resumed.chat as { messages: { author: string; body: string }[] }).messages;
    expect(messages.filter((m) => m.author !== 'system').map((m) => m.body)).toEqual([
      'Salam, sifarişim gecikir',
      'Salam Leyla, yoxlayıram.',
      'Sifariş nömrəsi 4471',
    ]);
    // an unknown token resumes nothing
    const stranger = await visitor();
    const none = await stranger.request(
      { type: 'hello', token: 'x'.repeat(43) },
      (m) => m.type === 'welcome',
    );
    expect(none.chat).toBeNull();
    await post(`/api/v1/chats/${chatId}/close`);
  });

  it('refuses the socket of a site the channel does not allow, or of no site at all', async () => {
    await expect(visitor('webchat', 'https://evil.example')).rejects.toThrow('HTTP 403');
    await expect(WsClient.connect(`ws://${base}/api/v1/chat/kontakt-home/webchat/ws`)).rejects.toThrow(
      'HTTP 403',
    );
    await expect(visitor('no-such-channel')).rejects.toThrow('HTTP 404');
    // the allowed site works, with its exact origin only
    await expect(visitor('webchat', `${SHOP}:8443`)).rejects.toThrow('HTTP 403');
    const ok = await visitor();
    expect(ok.socket.readyState).toBe(ok.socket.OPEN);
  });

  it('lets only signed-in staff who prove the CSRF token keep the live socket', async () => {
    await expect(WsClient.connect(`ws://${base}/api/v1/chats/live`)).rejects.toThrow('HTTP 401');
    const wrong = await WsClient.connect(`ws://${base}/api/v1/chats/live`, { cookie: agent.cookie });
    sockets.push(wrong);
    wrong.send({ type: 'auth', csrf: 'not-the-token' });
    expect((await wrong.waitClosed()).code).toBe(4403);
    // nothing is sent to a socket that has not proven itself yet
    const silent = await WsClient.connect(`ws://${base}/api/v1/chats/live`, { cookie: agent.cookie });
    sockets.push(silent);
    const { chatId } = await startedChat('Hələ kimsə var?');
    await new Promise((r) => setTimeout(r, 300));
    expect(silent.received.filter((m) => m.chatId === chatId)).toEqual([]);
    await post(`/api/v1/chats/${chatId}/close`);
  });

  it('turns the chat into a case whose transcript lands once, and sends later lines of the chat to the case', async () => {
    const { v, chatId } = await startedChat('Soyuducu zədəli gəldi', {
      name: 'Rəşad',
      contact: 'rashad@example.az',
    });
    await post(`/api/v1/chats/${chatId}/messages`, { body: 'Təəssüf edirik. Şəkil göndərə bilərsiniz?' });
    await v.request(
      { type: 'message', text: 'Qapı bağlanmır' },
      (m) => m.type === 'message' && (m.message as { body: string }).body === 'Qapı bağlanmır',
    );

    const from = v.received.length;
    const res = await post(`/api/v1/chats/${chatId}/case`, { subject: 'Zədəli soyuducu' });
    expect(res.statusCode, res.body).toBe(200);
    const { caseId, number, messages } = res.json() as { caseId: string; number: string; messages: number };
    expect(messages).toBe(3);
    const c = await db
      .selectFrom('cases as c')
      .innerJoin('departments as d', (j) =>
        j.onRef('d.org_id', '=', 'c.org_id').onRef('d.id', '=', 'c.department_id'),
      )
      .innerJoin('customer_contacts as cc', (j) =>
        j.onRef('cc.org_id', '=', 'c.org_id').onRef('cc.customer_id', '=', 'c.customer_id'),
      )
      .select([
        'c.channel',
        'c.subject',
        'c.description',
        'c.locale',
        'd.code as department',
        'cc.value as contact',
      ])
      .where('c.id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(c).toEqual({
      channel: 'chat',
      subject: 'Zədəli soyuducu',
      description: 'Soyuducu zədəli gəldi\nQapı bağlanmır',
      locale: 'az',
      department: 'customer_care',
      contact: 'rashad@example.az',
    });
    const transcript = await chatCaseMessages(caseId);
    expect(transcript.map((m) => [m.kind, m.body])).toEqual([
      ['inbound', 'Soyuducu zədəli gəldi'],
      ['outbound', 'Təəssüf edirik. Şəkil göndərə bilərsiniz?'],
      ['inbound', 'Qapı bağlanmır'],
    ]);
    expect(transcript.every((m) => m.external_id?.startsWith(`chat:${chatId}:`))).toBe(true);
    // the visitor is told the case number
    const told = await v.next((m) => m.type === 'status' && m.caseNumber === number, 5000, from);
    expect(told.status).toBe('open');

    // attaching the same chat to its case again (a double click, a retry) adds nothing
    const again = await post(`/api/v1/chats/${chatId}/attach`, { number });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ caseId, messages: 3, added: 0 });
    expect(await chatCaseMessages(caseId)).toEqual(transcript);
    // another case cannot take a chat that has one
    const twice = await post(`/api/v1/chats/${chatId}/case`, {});
    expect(twice.statusCode).toBe(409);

    // later lines of the chat follow it to the case
    v.send({ type: 'message', text: 'Şəkli e-poçtla göndərdim' });
    await v.next(
      (m) => m.type === 'message' && (m.message as { body: string }).body === 'Şəkli e-poçtla göndərdim',
    );
    await post(`/api/v1/chats/${chatId}/messages`, { body: 'Aldıq, təşəkkürlər.' });
    const after = await chatCaseMessages(caseId);
    expect(after.slice(3).map((m) => [m.kind, m.body])).toEqual([
      ['inbound', 'Şəkli e-poçtla göndərdim'],
      ['outbound', 'Aldıq, təşəkkürlər.'],
    ]);

    const timeline = (
      await app.inject({ url: `/api/v1/cases/${caseId}/timeline`, headers: agent.headers })
    ).json().items as { type: string; data: Record<string, unknown> }[];
    const linked = timeline.find((e) => e.type === 'chat_linked');
    expect(linked?.data).toMatchObject({ chatId, created: true, messages: 3 });
    expect(linked?.data.body).toMatch(
      /^\d\d:\d\d Rəşad: Soyuducu zədəli gəldi\n\d\d:\d\d Nərmin Abbasova: Təəssüf/,
    );
    expect(timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining(['registered', 'message_received', 'reply_sent']),
    );

    // a reply written on the case goes back through the chat (outbox → worker → web chat sender)
    const fromReply = v.received.length;
    const reply = await post(`/api/v1/cases/${caseId}/replies`, { body: 'Usta sabah saat 10-da gələcək.' });
    expect(reply.statusCode, reply.body).toBe(201);
    const sender = new WebChatSender(db);
    expect(await deliverReplies(db, { web_chat: sender })).toMatchObject({ sent: 1 });
    const pushed = await v.next(
      (m) =>
        m.type === 'message' && (m.message as { body: string }).body === 'Usta sabah saat 10-da gələcək.',
      5000,
      fromReply,
    );
    expect(pushed.message).toMatchObject({ author: 'agent', authorName: 'Nərmin Abbasova' });
    // delivering the same reply again (a worker that died before marking it sent) writes no second line
    const outbox = await db
      .selectFrom('channel_outbox')
      .select(['message_id', 'thread_key', 'body', 'channel_id', 'external_id'])
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    const resent = await sender.send(
      { id: outbox.channel_id, orgId: kh.org.orgId },
      { id: outbox.message_id, threadKey: outbox.thread_key, body: outbox.body, caseNumber: number },
    );
    expect(resent.externalId).toBe(outbox.external_id);
    const lines = await db
      .selectFrom('chat_messages')
      .select('body')
      .where('chat_id', '=', chatId)
      .where('body', '=', 'Usta sabah saat 10-da gələcək.')
      .execute();
    expect(lines).toHaveLength(1);
    // and copying the transcript once more still adds nothing
    const last = await post(`/api/v1/chats/${chatId}/attach`, { caseId });
    expect(last.json()).toMatchObject({ added: 0, messages: 6 });
    expect(await chatCaseMessages(caseId)).toHaveLength(6);
  });

  it('records the closing of a chat on the chat, its case and the audit trail, and tells the visitor', async () => {
    const { v, chatId } = await startedChat('Zəmanət haqqında sualım var');
    const made = await post(`/api/v1/chats/${chatId}/case`, { type: 'inquiry' });
    const { caseId } = made.json() as { caseId: string };
    const from = v.received.length;
    expect((await post(`/api/v1/chats/${chatId}/close`)).statusCode).toBe(200);
    await v.next((m) => m.type === 'status' && m.status === 'closed', 5000, from);
    const s = await db
      .selectFrom('chat_sessions')
      .selectAll()
      .where('id', '=', chatId)
      .executeTakeFirstOrThrow();
    expect(s.status).toBe('closed');
    expect(s.ended_at).toBeInstanceOf(Date);
    const events = await db
      .selectFrom('case_events')
      .select(['type', 'data'])
      .where('case_id', '=', caseId)
      .execute();
    expect(events.find((e) => e.type === 'chat_closed')?.data).toMatchObject({ chatId, by: 'agent' });
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', chatId)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'chat.started',
      'chat.taken',
      'chat.case_created',
      'chat.closed',
    ]);
    // the visitor can no longer write to it
    const refused = await v.request({ type: 'message', text: 'Salam?' }, (m) => m.type === 'error');
    expect(refused).toMatchObject({ code: 'CONFLICT', reason: 'chat_closed' });
    // the visitor ending a chat is recorded as theirs
    const other = await startedChat('Sağ olun, lazım deyil');
    await other.v.request({ type: 'close' }, (m) => m.type === 'status' && m.status === 'closed');
    const closedBy = await db
      .selectFrom('chat_messages')
      .select('body')
      .where('chat_id', '=', other.chatId)
      .where('author', '=', 'system')
      .execute();
    expect(closedBy.map((m) => JSON.parse(m.body))).toEqual([{ event: 'closed', by: 'visitor' }]);
  });

  it('outside the working hours offers the form and says when the team is back, and starts no chat', async () => {
    const now = new Date();
    await setUpWebChat(app, admin, { code: 'nightchat', calendar: closedNow(TZ, now, 3) });
    const v = await visitor('nightchat');
    const welcome = await v.request({ type: 'hello', locale: 'en' }, (m) => m.type === 'welcome');
    expect(welcome.open).toBe(false);
    expect(welcome.timezone).toBe(TZ);
    const next = new Date(welcome.nextOpening as string).getTime();
    // the closure ends on the minute, about three hours from now
    expect(Math.abs(next - (now.getTime() + 3 * 3600_000))).toBeLessThan(61_000);
    const refused = await v.request({ type: 'start', text: 'Hello?' }, (m) => m.type === 'error');
    expect(refused).toMatchObject({ code: 'CONFLICT', reason: 'out_of_hours' });
    const sessions = await db
      .selectFrom('chat_sessions as s')
      .innerJoin('channels as ch', 'ch.id', 's.channel_id')
      .select('s.id')
      .where('ch.code', '=', 'nightchat')
      .execute();
    expect(sessions).toEqual([]);
  });

  it('refuses a visitor’s messages beyond the per-minute limit, and says how long to wait', async () => {
    // a fixed one-minute window: do not start in its last seconds, where it would roll over mid-test
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 50_000) await new Promise((r) => setTimeout(r, 60_500 - intoMinute));
    const { v, chatId } = await startedChat('Bir');
    const limit = CHAT_LIMITS.messagesPerChat.limit;
    for (let i = 0; i < limit; i++) v.send({ type: 'message', text: `mesaj ${i}` });
    const refused = await v.request({ type: 'message', text: 'bir daha' }, (m) => m.type === 'error', 10_000);
    expect(refused.code).toBe('RATE_LIMITED');
    expect(refused.seconds).toBeGreaterThan(0);
    const stored = await db
      .selectFrom('chat_messages')
      .select('body')
      .where('chat_id', '=', chatId)
      .where('author', '=', 'visitor')
      .execute();
    expect(stored).toHaveLength(limit + 1);
    expect(stored.map((m) => m.body)).not.toContain('bir daha');
  });

  it('checks the fields a visitor gives: an unusable contact is refused with a message in their language', async () => {
    const v = await visitor();
    await v.request({ type: 'hello', locale: 'ru' }, (m) => m.type === 'welcome');
    const bad = await v.request(
      { type: 'start', text: 'Здравствуйте', contact: 'not a phone' },
      (m) => m.type === 'error',
    );
    expect(bad).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((bad.fields as { field: string; message: string }[])[0]).toMatchObject({ field: 'contact' });
    expect((bad.fields as { message: string }[])[0]!.message).toMatch(/[а-я]/);
    const empty = await v.request({ type: 'start', text: '   ' }, (m) => m.type === 'error');
    expect(empty).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('shows a department’s chats to its own staff only, and lets nobody else act on them', async () => {
    await setUpWebChat(app, admin, { code: 'stores-chat', department: 'stores', calendar: alwaysOpen(TZ) });
    const { chatId } = await startedChat('Mağazada növbə çox idi', {}, 'stores-chat');
    const onlineStore = await signIn(app, 'kontakt-home', kh.userEmail('department_staff', 0));
    // Leyla (online store) reads her department only: a stores chat is not hers
    const list = (await app.inject({ url: '/api/v1/chats', headers: onlineStore.headers })).json().items;
    expect(list.map((c: { id: string }) => c.id)).not.toContain(chatId);
    expect((await post(`/api/v1/chats/${chatId}/take`, {}, onlineStore)).statusCode).toBe(404);
    // org-wide agents see it
    const all = (await app.inject({ url: '/api/v1/chats', headers: agent.headers })).json().items;
    expect(all.map((c: { id: string }) => c.id)).toContain(chatId);
    // taken by one agent, another cannot write in it without cases:assign
    expect((await post(`/api/v1/chats/${chatId}/take`)).statusCode).toBe(200);
    const second = await signIn(app, 'kontakt-home', kh.userEmail('agent', 1));
    const res = await post(`/api/v1/chats/${chatId}/messages`, { body: 'Mən də buradayam' }, second);
    expect(res.statusCode).toBe(409);
  });

  it('refuses a web chat channel an administrator configures without usable sites or greeting', async () => {
    const save = (config: object) =>
      app.inject({
        method: 'PUT',
        url: '/api/v1/admin/channels/badchat',
        headers: admin.headers,
        payload: { inbox: 'webchat', kind: 'web_chat', config },
      });
    const problems = async (config: object) => {
      const res = await save(config);
      expect(res.statusCode).toBe(400);
      return (res.json().error.fields as { params: { problem: string } }[]).map((f) => f.params.problem);
    };
    expect(await problems({})).toEqual([expect.stringContaining('allowedOrigins must list')]);
    expect(
      await problems({ allowedOrigins: ['https://shop.example/chat', '*', 'ftp://x.example'] }),
    ).toHaveLength(3);
    expect(await problems({ allowedOrigins: [SHOP], greeting: { fr: 'Bonjour' }, colour: 'red' })).toEqual([
      'unknown setting colour',
      'greeting: fr is not a language',
    ]);
    expect(
      (await save({ allowedOrigins: [SHOP, 'http://localhost:8080'], greeting: { ar: 'مرحبا' } })).statusCode,
    ).toBe(201);
  });

  it('hears, over LISTEN, the chat changes another process announces', async () => {
    const live = await new LiveEvents(dbUrl).start();
    const other = await createTestApp(db, { DATABASE_URL: dbUrl }, { live });
    await other.listen({ port: 0, host: '127.0.0.1' });
    afterAll(() => live.close());
    const address = other.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    const session = await signIn(other, 'kontakt-home', kh.userEmail('agent'));
    const c = await WsClient.connect(`ws://127.0.0.1:${address.port}/api/v1/chats/live`, {
      cookie: session.cookie,
    });
    sockets.push(c);
    await c.request({ type: 'auth', csrf: session.csrf }, (m) => m.type === 'ready');
    const inbox = await db
      .selectFrom('inboxes')
      .select(['id', 'department_id'])
      .where('code', '=', 'webchat')
      .executeTakeFirstOrThrow();
    // a notice as a `riza worker` in another process sends it when it delivered a reply
    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    const notice = {
      org: kh.org.orgId,
      chat: '00000000-0000-7000-8000-00000000c4a7',
      inbox: inbox.id,
      department: inbox.department_id,
      agent: null,
      what: 'message',
      from: 'another-process',
    };
    await client.query('SELECT pg_notify($1, $2)', [CHAT_NOTIFY_CHANNEL, JSON.stringify(notice)]);
    await client.end();
    await c.next((m) => m.type === 'chat' && m.chatId === notice.chat && m.what === 'message');
  });
});
