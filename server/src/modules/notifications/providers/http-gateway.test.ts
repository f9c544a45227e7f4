import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HttpConfig } from './config.ts';
import { HttpGatewayProvider } from './http-gateway.ts';
import { type OutboundMessage, ProviderError } from './types.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let server: Server;
let base: string;
let seen: Seen[] = [];
/** What the gateway answers next: status and body. */
let reply = { status: 200, body: '{"status":"queued"}' };

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        method: req.method!,
        url: req.url!,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      if (req.url?.startsWith('/slow')) return; // never answers
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  seen = [];
  reply = { status: 200, body: '{"status":"queued"}' };
});

const jsonGateway = (overrides: Partial<HttpConfig> = {}): HttpConfig => ({
  kind: 'http',
  url: `${base}/api/sms`,
  method: 'POST',
  headers: { Authorization: 'Bearer test-token', 'X-Tenant': 'sawa' },
  bodyTemplate: '{"to":"{to}","message":"{text}","reference":"{id}","sender":"Sawa"}',
  contentType: 'application/json',
  ...overrides,
});

const TEXT = 'تم تسجيل طلبك "PH-2026-000042"\nشكراً';
const sms: OutboundMessage = { id: 'n-7', channel: 'sms', to: '+963944123456', text: TEXT };

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

describe('HTTP gateway provider', () => {
  it('posts the JSON template with the values escaped, and the configured headers', async () => {
    const result = await new HttpGatewayProvider(jsonGateway()).send(sms);
    expect(result).toEqual({ segments: 1 });
    expect(seen).toHaveLength(1);
    const [req] = seen;
    expect(req).toMatchObject({ method: 'POST', url: '/api/sms' });
    expect(req!.headers).toMatchObject({
      'content-type': 'application/json',
      authorization: 'Bearer test-token',
      'x-tenant': 'sawa',
    });
    // Quotes and the newline in the text would break the JSON if they were not escaped.
    expect(JSON.parse(req!.body)).toEqual({
      to: '+963944123456',
      message: TEXT,
      reference: 'n-7',
      sender: 'Sawa',
    });
  });

  it('form-encodes the values for a form body', async () => {
    const provider = new HttpGatewayProvider(
      jsonGateway({
        bodyTemplate: 'to={to}&msg={text}&ref={id}',
        contentType: 'application/x-www-form-urlencoded',
      }),
    );
    await provider.send(sms);
    const form = new URLSearchParams(seen[0]!.body);
    expect(Object.fromEntries(form)).toEqual({ to: '+963944123456', msg: TEXT, ref: 'n-7' });
  });

  it('puts the rendered template into the query string for GET', async () => {
    const provider = new HttpGatewayProvider(
      jsonGateway({ url: `${base}/send?user=riza`, method: 'GET', bodyTemplate: 'to={to}&text={text}' }),
    );
    await provider.send(sms);
    const [req] = seen;
    expect(req!.method).toBe('GET');
    expect(req!.body).toBe('');
    const query = new URL(req!.url, base).searchParams;
    expect(Object.fromEntries(query)).toEqual({ user: 'riza', to: '+963944123456', text: TEXT });
  });

  it('counts the SMS parts of a long text', async () => {
    const result = await new HttpGatewayProvider(jsonGateway()).send({ ...sms, text: 'ش'.repeat(150) });
    expect(result.segments).toBe(3);
  });

  it('accepts only the configured success status when one is set', async () => {
    reply = { status: 200, body: 'ok' };
    const err = await failure(new HttpGatewayProvider(jsonGateway({ successStatus: 202 })).send(sms));
    expect(err.permanent).toBe(true);
    reply = { status: 202, body: 'accepted' };
    await expect(
      new HttpGatewayProvider(jsonGateway({ successStatus: 202 })).send(sms),
    ).resolves.toBeDefined();
  });

  it('treats 500 and 429 as transient', async () => {
    for (const status of [500, 503, 429]) {
      reply = { status, body: '{"error":"busy"}' };
      const err = await failure(new HttpGatewayProvider(jsonGateway()).send(sms));
      expect(err.permanent).toBe(false);
      expect(err.message).toContain(String(status));
    }
  });

  it('treats 400 and 401 as permanent, keeping the gateway reply in the message', async () => {
    for (const status of [400, 401]) {
      reply = { status, body: '{"error":"invalid number"}' };
      const err = await failure(new HttpGatewayProvider(jsonGateway()).send(sms));
      expect(err.permanent).toBe(true);
      expect(err.message).toContain('invalid number');
    }
  });

  it('treats a refused connection and a timeout as transient', async () => {
    const down = new HttpGatewayProvider(jsonGateway({ url: 'http://127.0.0.1:1/api' }));
    expect((await failure(down.send(sms))).permanent).toBe(false);
    const slow = new HttpGatewayProvider(jsonGateway({ url: `${base}/slow` }), { timeoutMs: 200 });
    expect((await failure(slow.send(sms))).permanent).toBe(false);
  });
});
