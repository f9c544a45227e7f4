// Replies through each platform's send API, against a local server answering like the platform:
// what is sent, the message id kept, and which refusals are worth retrying.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '../../notifications/providers/types.ts';
import type { ChannelReply } from '../deliver-replies.ts';
import { messenger } from './messenger.ts';
import { telegram } from './telegram.ts';
import { graphError, LocalPlatformApi } from './testing/local-platform-api.ts';
import { whatsapp } from './whatsapp.ts';

const api = new LocalPlatformApi();
const BOT = '7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const WA_TOKEN = 'EAAGm0PX4ZCpsBAwhatsapp';
const PAGE_TOKEN = 'EAAGm0PX4ZCpsBApage';

beforeAll(async () => {
  await api.start();
  api.telegramTokens.add(BOT);
  api.whatsappTokens.add(WA_TOKEN);
  api.pageTokens.add(PAGE_TOKEN);
});
afterAll(() => api.stop());

const channel = (config: Record<string, unknown>) => ({ id: 'c1', orgId: 'o1', config, address: null });
const reply = (threadKey: string, body: string): ChannelReply => ({
  id: 'r1',
  threadKey,
  body,
  caseNumber: 'KH-2026-000001',
});
const tg = (over: Record<string, unknown> = {}) =>
  channel({ botToken: BOT, secretToken: 'x'.repeat(16), apiBase: api.url, ...over });
const wa = (over: Record<string, unknown> = {}) =>
  channel({
    phoneNumberId: '106540352242922',
    accessToken: WA_TOKEN,
    appSecret: 's',
    verifyToken: 'v',
    apiBase: `${api.url}/v20.0`,
    ...over,
  });
const fb = (over: Record<string, unknown> = {}) =>
  channel({
    pageId: '105712345678901',
    pageAccessToken: PAGE_TOKEN,
    appSecret: 's',
    verifyToken: 'v',
    apiBase: `${api.url}/v20.0`,
    ...over,
  });

async function refusalOf(p: Promise<unknown>): Promise<ProviderError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ProviderError);
  return e as ProviderError;
}

/** a port nothing listens on */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as { port: number }).port;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

describe('a Telegram reply', () => {
  it('is sent as plain text to the chat, and keeps the id Telegram gave it', async () => {
    const r = await telegram.sender.send(tg(), reply('511223344', 'Sifarişiniz sabah çatdırılacaq'));
    const req = api.requests.at(-1)!;
    expect(req.path).toBe(`/bot${BOT}/sendMessage`);
    expect(req.body).toEqual({ chat_id: 511223344, text: 'Sifarişiniz sabah çatdırılacaq' });
    expect(r.externalId).toMatch(/^511223344:\d+$/);
  });

  it('gives up on a user who blocked the bot, and retries when Telegram asks to slow down', async () => {
    api.blockedChats.add(42);
    const blocked = await refusalOf(telegram.sender.send(tg(), reply('42', 'Salam')));
    expect(blocked.permanent).toBe(true);
    expect(blocked.message).toContain('bot was blocked by the user');
    api.failNext(429, {
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 5',
      parameters: { retry_after: 5 },
    });
    expect((await refusalOf(telegram.sender.send(tg(), reply('511223344', 'Salam')))).permanent).toBe(false);
  });

  it('never puts the bot token in an error, and retries when the API cannot be reached', async () => {
    const wrong = await refusalOf(telegram.sender.send(tg({ botToken: '1:wrong' }), reply('1', 'x')));
    expect(wrong.permanent).toBe(true);
    const down = await refusalOf(
      telegram.sender.send(tg({ apiBase: `http://127.0.0.1:${await closedPort()}` }), reply('1', 'x')),
    );
    expect(down.permanent).toBe(false);
    expect(down.message).not.toContain(BOT);
  });
});

describe('a WhatsApp reply', () => {
  it('is sent to the customer number with the access token, and keeps the wamid', async () => {
    const r = await whatsapp.sender.send(wa(), reply('994501234567', 'Salam, Leyla xanım'));
    const req = api.requests.at(-1)!;
    expect(req.path).toBe('/v20.0/106540352242922/messages');
    expect(req.headers.authorization).toBe(`Bearer ${WA_TOKEN}`);
    expect(req.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '994501234567',
      type: 'text',
      text: { preview_url: false, body: 'Salam, Leyla xanım' },
    });
    expect(r.externalId).toMatch(/^wamid\./);
  });

  it('gives up on a refused token, and retries throttling that Meta answers with a 400', async () => {
    const token = await refusalOf(
      whatsapp.sender.send(wa({ accessToken: 'expired' }), reply('994501234567', 'x')),
    );
    expect(token.permanent).toBe(true);
    expect(token.message).toContain('#190');
    api.failNext(400, graphError('(#130429) Rate limit hit', 130429));
    expect((await refusalOf(whatsapp.sender.send(wa(), reply('994501234567', 'x')))).permanent).toBe(false);
    api.failNext(503, '<html>Service Unavailable</html>');
    expect((await refusalOf(whatsapp.sender.send(wa(), reply('994501234567', 'x')))).permanent).toBe(false);
    api.failNext(400, graphError('(#131030) Recipient phone number not in allowed list', 131030));
    expect((await refusalOf(whatsapp.sender.send(wa(), reply('994501234567', 'x')))).permanent).toBe(true);
  });
});

describe('a Messenger reply', () => {
  it('is sent to the page-scoped id as a response, in parts when longer than the Send API takes', async () => {
    const before = api.requests.length;
    const long = Array.from({ length: 500 }, (_, i) => `كلمة${i}`).join(' ');
    const r = await messenger.sender.send(fb(), reply('6789012345678901', long));
    const sent = api.requests.slice(before);
    expect(sent.length).toBeGreaterThan(1);
    for (const req of sent) {
      expect(req.path).toBe('/v20.0/me/messages');
      expect(req.query.get('access_token')).toBe(PAGE_TOKEN);
      expect(req.body).toMatchObject({ recipient: { id: '6789012345678901' }, messaging_type: 'RESPONSE' });
    }
    expect(sent.map((q) => (q.body as { message: { text: string } }).message.text).join(' ')).toBe(long);
    expect(r.externalId).toMatch(/^m_/);
  });

  it("gives up on a refused page token without repeating it in the error, and retries Meta's rate limit", async () => {
    const token = await refusalOf(messenger.sender.send(fb({ pageAccessToken: 'revoked' }), reply('1', 'x')));
    expect(token.permanent).toBe(true);
    expect(token.message).not.toContain('revoked');
    api.failNext(400, graphError('(#613) Calls to this api have exceeded the rate limit.', 613));
    expect((await refusalOf(messenger.sender.send(fb(), reply('1', 'x')))).permanent).toBe(false);
  });
});
