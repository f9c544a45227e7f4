// For tests: a local HTTP server that answers like the send APIs of the WhatsApp Cloud API
// (`POST /v20.0/{phone-number-id}/messages`, bearer token), the Telegram Bot API
// (`POST /bot{token}/sendMessage`) and the Messenger Send API (`POST /v20.0/me/messages?access_token=`),
// with their success and error bodies. It records every request; `failNext` scripts a refusal.
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
}

interface Scripted {
  status: number;
  body: unknown;
}

export class LocalPlatformApi {
  readonly requests: RecordedRequest[] = [];
  /** credentials the imitation accepts; anything else is refused the way the platform refuses it */
  readonly whatsappTokens = new Set<string>();
  readonly telegramTokens = new Set<string>();
  readonly pageTokens = new Set<string>();
  /** Telegram chats whose user blocked the bot */
  readonly blockedChats = new Set<number>();
  private readonly scripted: Scripted[] = [];
  private readonly server: Server;
  private telegramMessageId = 100;

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<this> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** the next request is answered with this status and body, whatever it asks */
  failNext(status: number, body: unknown): void {
    this.scripted.push({ status, body });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', this.url);
    let body: unknown = null;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      // recorded as null: the assertions will say what was wrong
    }
    this.requests.push({
      method: req.method ?? '',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
    });
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    const scripted = this.scripted.shift();
    if (scripted) return send(scripted.status, scripted.body);
    if (req.method !== 'POST') return send(404, { error: 'not found' });

    const telegram = /^\/bot([^/]+)\/sendMessage$/.exec(url.pathname);
    if (telegram) return this.telegram(telegram[1]!, body as Record<string, unknown>, send);
    if (url.pathname === '/v20.0/me/messages') {
      return this.messenger(url.searchParams.get('access_token'), body as Record<string, unknown>, send);
    }
    const whatsapp = /^\/v20\.0\/(\d+)\/messages$/.exec(url.pathname);
    if (whatsapp) return this.whatsapp(req.headers.authorization, body as Record<string, unknown>, send);
    return send(404, graphError('Unknown path components', 2500));
  }

  private telegram(token: string, body: Record<string, unknown> | null, send: Send) {
    if (!this.telegramTokens.has(token)) {
      return send(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    }
    const chatId = body?.chat_id;
    if (typeof chatId !== 'number' && typeof chatId !== 'string') {
      return send(400, { ok: false, error_code: 400, description: 'Bad Request: chat_id is empty' });
    }
    if (typeof body?.text !== 'string' || !body.text) {
      return send(400, { ok: false, error_code: 400, description: 'Bad Request: message text is empty' });
    }
    if (body.text.length > 4096) {
      return send(400, { ok: false, error_code: 400, description: 'Bad Request: message is too long' });
    }
    if (this.blockedChats.has(Number(chatId))) {
      return send(403, { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    }
    const id = Number(chatId);
    send(200, {
      ok: true,
      result: {
        message_id: ++this.telegramMessageId,
        from: { id: 7000000001, is_bot: true, first_name: 'Riza', username: 'riza_bot' },
        chat: { id, type: 'private' },
        date: Math.floor(Date.now() / 1000),
        text: body.text,
      },
    });
  }

  private whatsapp(authorization: string | undefined, body: Record<string, unknown> | null, send: Send) {
    const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : '';
    if (!this.whatsappTokens.has(token)) {
      return send(401, graphError('Invalid OAuth access token - Cannot parse access token', 190));
    }
    const text = (body?.text as { body?: unknown } | undefined)?.body;
    if (body?.messaging_product !== 'whatsapp' || typeof body.to !== 'string' || typeof text !== 'string') {
      return send(400, graphError('(#100) Invalid parameter', 100));
    }
    send(200, {
      messaging_product: 'whatsapp',
      contacts: [{ input: body.to, wa_id: body.to }],
      messages: [{ id: `wamid.${randomBytes(12).toString('base64url')}` }],
    });
  }

  private messenger(token: string | null, body: Record<string, unknown> | null, send: Send) {
    if (!token || !this.pageTokens.has(token)) {
      return send(400, graphError('Invalid OAuth access token - Cannot parse access token', 190));
    }
    const recipient = (body?.recipient as { id?: unknown } | undefined)?.id;
    const text = (body?.message as { text?: unknown } | undefined)?.text;
    if (typeof recipient !== 'string' || typeof text !== 'string') {
      return send(400, graphError('(#100) The parameter recipient is required', 100));
    }
    if (text.length > 2000) {
      return send(
        400,
        graphError('(#100) Length of param message[text] must be less than or equal to 2000', 100),
      );
    }
    send(200, { recipient_id: recipient, message_id: `m_${randomBytes(16).toString('base64url')}` });
  }
}

type Send = (status: number, payload: unknown) => void;

export function graphError(message: string, code: number, extra: Record<string, unknown> = {}) {
  return {
    error: {
      message,
      type: 'OAuthException',
      code,
      fbtrace_id: randomBytes(8).toString('base64url'),
      ...extra,
    },
  };
}
