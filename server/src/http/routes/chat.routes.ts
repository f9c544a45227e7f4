// Web chat (tag `chat`): the widget script, the visitor's WebSocket, the agents' live socket and
// the agents' actions. Visitors talk over a WebSocket (the page is on another site; a socket is not
// subject to CORS, so its Origin is checked against the channel's allowed sites instead). Agents act
// through ordinary POSTs — session cookie, CSRF header, permissions, localised errors like every
// other change — and hear about chats on a socket that is authenticated by the session cookie at
// the upgrade and by the CSRF token in its first message (cookies ride along on cross-site
// upgrades; the token cannot), so the console updates the moment a visitor writes.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import websocket from '@fastify/websocket';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { csrfMatches, sessionActor } from '../../modules/access/auth.ts';
import type { Actor } from '../../modules/access/permissions.ts';
import { CASE_TYPES } from '../../modules/cases/case-form.ts';
import {
  type ChatChannel,
  type ChatSessionRow,
  chatSummaries,
  findChatChannel,
  getSession,
  sessionByToken,
} from '../../modules/channels/chat/chat.repository.ts';
import {
  attachChatToCase,
  closeChat,
  createCaseFromChat,
  getChat,
  inboxesOf,
  replyInChat,
  takeChat,
} from '../../modules/channels/chat/chat-agent.ts';
import { chatHours } from '../../modules/channels/chat/chat-hours.ts';
import { ChatHub, type VisitorPeer } from '../../modules/channels/chat/chat-hub.ts';
import {
  CHAT_LIMITS,
  closeChatSession,
  greetingFor,
  postVisitorMessage,
  startChat,
  visitorCatchUp,
  visitorLocale,
  visitorSnapshot,
} from '../../modules/channels/chat/chat-visitor.ts';
import type { Db } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors.ts';
import { type Locale, pickText } from '../../platform/i18n/locales.ts';
import { hitRateLimit } from '../../platform/rate-limit.ts';
import type { FileStore } from '../../platform/storage/storage.ts';
import { actorOf, requireAnyPermission, requirePermission, SESSION_COOKIE } from '../auth.ts';
import { localiseFields } from '../error-handler.ts';
import { WEB_DIST } from '../web.ts';
import { IdParams } from './case.schemas.ts';

export interface ChatRouteOptions {
  store: FileStore;
  /** PostgreSQL URL to LISTEN on for other processes' chat changes; without it, this process only */
  listenUrl?: string;
}

/** A socket that stopped answering pings (a laptop lid closed) is dropped after this. */
const PING_MS = 30_000;
/** How long an agent's socket may stay open without proving its CSRF token. */
const AUTH_TIMEOUT_MS = 10_000;
/** How often an agent's socket checks that its session still exists (signed out elsewhere, expired). */
const SESSION_CHECK_MS = 60_000;

const str = (max: number) => Type.String({ maxLength: max });
const READ = requireAnyPermission('cases:read:org', 'cases:read:department');

/** The public socket's channel, found in preValidation and read by the handler. */
const channelOf = new WeakMap<FastifyRequest, ChatChannel>();

function send(socket: WebSocket, message: unknown) {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

/** An error as the widget or console reads it: code, reason, seconds to wait, field messages. */
function errorMessage(e: unknown, locale: Locale) {
  if (e instanceof AppError) {
    return {
      type: 'error',
      code: e.code,
      ...(e.params.reason ? { reason: e.params.reason } : {}),
      ...(e.params.seconds ? { seconds: e.params.seconds } : {}),
      ...(e.fields.length ? { fields: localiseFields(e.fields, locale) } : {}),
    };
  }
  return { type: 'error', code: 'INTERNAL' };
}

/** Pings the socket now and then; one that missed a pong is terminated. */
function keepAlive(socket: WebSocket): () => void {
  let alive = true;
  socket.on('pong', () => {
    alive = true;
  });
  const timer = setInterval(() => {
    if (!alive) return socket.terminate();
    alive = false;
    socket.ping();
  }, PING_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** Messages of one socket are handled one after another, in the order they arrived. */
function inOrder(socket: WebSocket, handle: (msg: Record<string, unknown>) => Promise<void>) {
  let chain = Promise.resolve();
  socket.on('message', (raw, isBinary) => {
    chain = chain.then(async () => {
      if (isBinary) return;
      let msg: unknown;
      try {
        msg = JSON.parse(raw.toString());
      } catch {
        return send(socket, { type: 'error', code: 'BAD_REQUEST' });
      }
      if (!msg || typeof msg !== 'object' || Array.isArray(msg))
        return send(socket, { type: 'error', code: 'BAD_REQUEST' });
      await handle(msg as Record<string, unknown>);
    });
    // one message failing must not stop the ones after it
    chain = chain.catch(() => send(socket, { type: 'error', code: 'INTERNAL' }));
  });
}

export function chatRoutes(app: FastifyInstance, db: Db, opts: ChatRouteOptions) {
  const hub = new ChatHub(db, visitorCatchUp, {
    listenUrl: opts.listenUrl,
    log: (m) => app.log.warn(m),
  });
  app.addHook('onReady', async () => {
    // live chat across processes is an addition: failing to LISTEN must not stop the server
    await hub
      .start()
      .catch((e: unknown) => app.log.warn(`chat: cannot LISTEN for other processes: ${String(e)}`));
  });
  app.addHook('onClose', async () => {
    await hub.close();
  });

  // The widget, one script for any web site: cross-origin loading allowed (helmet's default
  // Cross-Origin-Resource-Policy would make browsers refuse it on the org's site).
  app.get('/widget.js', { schema: { hide: true } }, async (_request, reply) => {
    let js: Buffer;
    try {
      js = await readFile(path.join(WEB_DIST, 'widget.js'));
    } catch {
      throw new AppError('NOT_FOUND');
    }
    return reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(js);
  });

  app.register(async (ws) => {
    await ws.register(websocket, { options: { maxPayload: 16 * 1024 } });

    ws.get(
      '/api/v1/chat/:org/:channel/ws',
      {
        websocket: true,
        schema: {
          params: Type.Object({
            org: str(100),
            channel: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' }),
          }),
        },
        preValidation: async (request) => {
          const p = request.params as { org: string; channel: string };
          const channel = await findChatChannel(db, p.org, p.channel);
          if (!channel) throw new AppError('NOT_FOUND');
          // the page that opens the socket must be one of the sites the org embeds the chat on
          const origin = request.headers.origin;
          if (!origin || !channel.config.allowedOrigins.includes(origin)) throw new AppError('FORBIDDEN');
          await hitRateLimit(db, {
            orgId: channel.org.orgId,
            bucket: `chat-connect:${request.ip}`,
            ...CHAT_LIMITS.connectsPerIp,
          });
          channelOf.set(request, channel);
        },
      },
      (socket, request) => visitorSocket(socket, request),
    );

    ws.get('/api/v1/chats/live', { websocket: true, preValidation: READ }, (socket, request) =>
      agentSocket(socket, request),
    );
  });

  function visitorSocket(socket: WebSocket, request: FastifyRequest) {
    const channel = channelOf.get(request)!;
    const stopPing = keepAlive(socket);
    let locale: Locale = channel.org.defaultLocale;
    let session: ChatSessionRow | null = null;
    let leave: (() => void) | null = null;
    socket.on('close', () => {
      stopPing();
      leave?.();
    });

    const join = async (s: ChatSessionRow) => {
      session = s;
      leave?.();
      const snapshot = await visitorSnapshot(db, s);
      const peer: VisitorPeer = {
        orgId: s.org_id,
        chatId: s.id,
        lastSeq: snapshot.messages.at(-1)?.seq ?? 0,
        lastStatus: JSON.stringify(snapshot.status),
        send: (m) => send(socket, m),
      };
      leave = hub.addVisitor(peer);
      // anything written between the snapshot and joining is sent now
      hub.refreshVisitors(s.id);
      return snapshot;
    };

    inOrder(socket, async (msg) => {
      try {
        switch (msg.type) {
          case 'hello': {
            locale = visitorLocale(channel, msg.locale);
            const hours = await chatHours(db, channel, new Date());
            const found =
              typeof msg.token === 'string' && msg.token
                ? await sessionByToken(db, channel, msg.token)
                : null;
            send(socket, {
              type: 'welcome',
              orgName: pickText(channel.org.name, locale, channel.org.defaultLocale),
              open: hours.open,
              nextOpening: hours.nextOpening?.toISOString() ?? null,
              timezone: hours.timezone,
              greeting: greetingFor(channel, locale),
              portalPath: `/portal/${channel.org.slug}`,
              chat: found ? await join(found) : null,
            });
            return;
          }
          case 'start': {
            // one open chat per socket; a chat an agent ended meanwhile is read afresh
            const current = session as ChatSessionRow | null;
            const fresh = current ? await getSession(db, current.org_id, current.id) : null;
            if (fresh?.status === 'open') throw new AppError('CONFLICT', { reason: 'chat_open' });
            await hitRateLimit(db, {
              orgId: channel.org.orgId,
              bucket: `chat-start:${request.ip}`,
              ...CHAT_LIMITS.startsPerIp,
            });
            const r = await startChat(db, channel, { ...msg, locale });
            send(socket, { type: 'started', token: r.token, chat: await join(r.session) });
            return;
          }
          case 'message': {
            const current = session as ChatSessionRow | null;
            if (!current) throw new AppError('CONFLICT', { reason: 'no_chat' });
            await hitRateLimit(db, {
              orgId: channel.org.orgId,
              bucket: `chat-message:${current.id}`,
              ...CHAT_LIMITS.messagesPerChat,
            });
            await postVisitorMessage(db, channel, current.id, msg.text, { store: opts.store });
            return;
          }
          case 'close': {
            const current = session as ChatSessionRow | null;
            if (!current) throw new AppError('CONFLICT', { reason: 'no_chat' });
            session = await closeChatSession(db, channel.org.orgId, current.id, null);
            return;
          }
          default:
            throw new AppError('BAD_REQUEST');
        }
      } catch (e) {
        if (!(e instanceof AppError)) request.log.error(e);
        send(socket, errorMessage(e, locale));
      }
    });
  }

  function agentSocket(socket: WebSocket, request: FastifyRequest) {
    const actor = actorOf(request);
    const stopPing = keepAlive(socket);
    let leave: (() => void) | null = null;
    let sessionCheck: NodeJS.Timeout | null = null;
    const cookie = request.cookies[SESSION_COOKIE];
    // an API token (no cookie) is not exposed to cross-site requests: it needs no CSRF proof
    let proven = !request.csrfToken;
    const timeout = setTimeout(() => {
      if (!proven) socket.close(4401, 'csrf token expected');
    }, AUTH_TIMEOUT_MS);
    socket.on('close', () => {
      clearTimeout(timeout);
      if (sessionCheck) clearInterval(sessionCheck);
      stopPing();
      leave?.();
    });
    const ready = async (a: Actor) => {
      const memberOf = await inboxesOf(db, a);
      // gone while we looked its inboxes up: nothing to register
      if (socket.readyState !== socket.OPEN) return;
      leave = hub.addAgent({ actor: a, memberOf, send: (m) => send(socket, m) });
      send(socket, { type: 'ready' });
    };
    const fail = (e: unknown) => {
      request.log.error(e);
      socket.close(1011, 'unavailable');
    };
    if (proven) ready(actor).catch(fail);
    if (cookie) {
      sessionCheck = setInterval(() => {
        sessionActor(db, cookie)
          .then((s) => {
            if (!s) socket.close(4401, 'session ended');
          })
          // the database away for a moment is not a reason to drop the console
          .catch(() => {});
      }, SESSION_CHECK_MS);
      sessionCheck.unref();
    }
    inOrder(socket, async (msg) => {
      if (msg.type === 'auth' && !proven) {
        if (
          !request.csrfToken ||
          !csrfMatches(request.csrfToken, typeof msg.csrf === 'string' ? msg.csrf : undefined)
        ) {
          send(socket, { type: 'error', code: 'CSRF_FAILED' });
          socket.close(4403, 'csrf token mismatch');
          return;
        }
        proven = true;
        clearTimeout(timeout);
        await ready(actor).catch(fail);
      }
    });
  }

  app.get(
    '/api/v1/chats',
    {
      preValidation: READ,
      schema: {
        tags: ['chat'],
        summary: 'Web chats you may see: waiting and active (status=open, the default) or closed',
        querystring: Type.Object(
          { status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const status = (request.query as { status?: 'open' | 'closed' }).status ?? 'open';
      return { items: await chatSummaries(db, actor, { status, limit: status === 'closed' ? 100 : 500 }) };
    },
  );

  app.get(
    '/api/v1/chats/:id',
    {
      preValidation: READ,
      schema: {
        tags: ['chat'],
        summary: 'One web chat with its messages',
        description:
          'Messages: `{seq, author: visitor|agent|system, authorName, body, at}`; a system line\'s body is JSON: `{"event":"joined"}`, `{"event":"closed","by":"agent"|"visitor"}`, `{"event":"case","number"}`.',
        params: IdParams,
      },
    },
    async (request) => getChat(db, actorOf(request), (request.params as { id: string }).id),
  );

  const work = requirePermission('cases:work');
  const action = (
    url: string,
    summary: string,
    body: ReturnType<typeof Type.Object> | null,
    run: (actor: Actor, id: string, body: Record<string, unknown>) => Promise<unknown>,
    preValidation = work,
  ) =>
    app.post(
      url,
      {
        preValidation,
        schema: { tags: ['chat'], summary, params: IdParams, ...(body ? { body } : {}) },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const id = (request.params as { id: string }).id;
        const result = await run(actor, id, (request.body ?? {}) as Record<string, unknown>);
        reply.status(200);
        return { ...(result as object), chat: await getChat(db, actor, id) };
      },
    );

  action(
    '/api/v1/chats/:id/take',
    'Take a waiting chat (a colleague’s one needs cases:assign)',
    null,
    (a, id) => takeChat(db, a, id),
  );
  action(
    '/api/v1/chats/:id/messages',
    'Write to the visitor (takes the chat if nobody has it); on a case, the line joins the case too',
    Type.Object({ body: str(CHAT_LIMITS.maxMessage) }, { additionalProperties: false }),
    (a, id, b) => replyInChat(db, a, id, b.body as string),
  );
  action('/api/v1/chats/:id/close', 'End the chat (recorded on its case, if any)', null, (a, id) =>
    closeChat(db, a, id),
  );
  action(
    '/api/v1/chats/:id/case',
    'Turn the chat into a new case for the visitor (channel chat, the inbox’s department); the transcript lands on it',
    Type.Object(
      {
        type: Type.Optional(Type.String({ maxLength: 40, description: CASE_TYPES.join(' | ') })),
        subject: Type.Optional(str(200)),
        description: Type.Optional(str(10_000)),
        category: Type.Optional(str(100)),
      },
      { additionalProperties: false },
    ),
    (a, id, b) => createCaseFromChat(db, a, id, b),
    requirePermission('cases:work', 'cases:create'),
  );
  action(
    '/api/v1/chats/:id/attach',
    'Attach the chat to an existing case (by id or number); the transcript lands on it, once',
    Type.Object(
      { caseId: Type.Optional(Type.String({ format: 'uuid' })), number: Type.Optional(str(40)) },
      { additionalProperties: false },
    ),
    (a, id, b) => attachChatToCase(db, a, id, b as { caseId?: string; number?: string }),
  );
}
