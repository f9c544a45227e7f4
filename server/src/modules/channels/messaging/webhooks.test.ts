// WhatsApp, Telegram and Messenger end to end: channels set up through the admin API, webhooks
// posted the way each platform posts them, cases opened, and agents' replies delivered to a local
// server that answers like the platform's send API.
import { createHmac } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../../test/db.ts';
import { createOrg, type TestOrg } from '../../../../../test/factories.ts';
import { createTestApp, type Session, signIn } from '../../../../../test/http.ts';
import type { Db } from '../../../platform/db/db.ts';
import { deliverReplies } from '../deliver-replies.ts';
import { SENDERS } from '../registry.ts';
import { LocalPlatformApi } from './testing/local-platform-api.ts';

const BOT = '7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const TG_SECRET = 'tg-webhook-secret-0123456789';
const WA = { phoneNumberId: '106540352242922', token: 'EAAGwhatsappToken', appSecret: 'wa-app-secret' };
const FB = { pageId: '105712345678901', token: 'EAAGpageToken', appSecret: 'fb-app-secret' };
const VERIFY = 'riza-verify-token';

let db: Db;
let app: FastifyInstance;
let kh: TestOrg;
let admin: Session;
let agent: Session;
const api = new LocalPlatformApi();

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
  app = await createTestApp(db);
  await api.start();
  api.telegramTokens.add(BOT);
  api.whatsappTokens.add(WA.token);
  api.pageTokens.add(FB.token);
  admin = await signIn(app, 'kontakt-home', kh.userEmail('administrator'));
  agent = await signIn(app, 'kontakt-home', kh.userEmail('agent'));
  const inbox = await app.inject({
    method: 'PUT',
    url: '/api/v1/admin/inboxes/social',
    headers: admin.headers,
    payload: { name: { az: 'Sosial şəbəkələr', en: 'Social' }, department: 'customer_care' },
  });
  expect(inbox.statusCode, inbox.body).toBe(201);
  await putChannel('tg', 'telegram', { botToken: BOT, secretToken: TG_SECRET, apiBase: api.url });
  await putChannel('wa', 'whatsapp', {
    phoneNumberId: WA.phoneNumberId,
    accessToken: WA.token,
    appSecret: WA.appSecret,
    verifyToken: VERIFY,
    apiBase: `${api.url}/v20.0`,
  });
  await putChannel('fb', 'messenger', {
    pageId: FB.pageId,
    pageAccessToken: FB.token,
    appSecret: FB.appSecret,
    verifyToken: VERIFY,
    apiBase: `${api.url}/v20.0`,
  });
});
afterAll(() => api.stop());

async function putChannel(code: string, kind: string, config: Record<string, unknown>, active = true) {
  const res = await app.inject({
    method: 'PUT',
    url: `/api/v1/admin/channels/${code}`,
    headers: admin.headers,
    payload: { inbox: 'social', kind, config, active },
  });
  expect(res.statusCode, res.body).toBeLessThan(300);
}

const post = (code: string, raw: string, headers: Record<string, string>, org = 'kontakt-home') =>
  app.inject({
    method: 'POST',
    url: `/api/v1/webhooks/${org}/${code}`,
    headers: { 'content-type': 'application/json', ...headers },
    payload: raw,
  });
const postTelegram = (update: unknown, secret: string | null = TG_SECRET) =>
  post('tg', JSON.stringify(update), secret === null ? {} : { 'x-telegram-bot-api-secret-token': secret });
const sign = (raw: string, secret: string) =>
  `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
/** Meta escapes non-ASCII as \uXXXX; the signature covers those exact bytes */
const metaJson = (body: unknown) =>
  JSON.stringify(body).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
const postMeta = (code: 'wa' | 'fb', body: unknown, secret: string) => {
  const raw = metaJson(body);
  return post(code, raw, { 'x-hub-signature-256': sign(raw, secret) });
};

let seq = 0;
const tgUpdate = (chatId: number, text: string, over: Record<string, unknown> = {}) => ({
  update_id: 733461250 + ++seq,
  message: {
    message_id: 1000 + seq,
    from: { id: chatId, is_bot: false, first_name: 'Aygün', last_name: 'Həsənova', language_code: 'az' },
    chat: { id: chatId, first_name: 'Aygün', type: 'private' },
    date: Math.floor(Date.now() / 1000),
    text,
    ...over,
  },
});
const waUpdate = (waId: string, text: string, over: Record<string, unknown> = {}) => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: '102290129340398',
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: '994125550000', phone_number_id: WA.phoneNumberId },
            contacts: [{ profile: { name: 'Rəşad Quliyev' }, wa_id: waId }],
            messages: [
              {
                from: waId,
                id: `wamid.HBgM${++seq}`,
                timestamp: String(Math.floor(Date.now() / 1000)),
                type: 'text',
                text: { body: text },
              },
            ],
            ...over,
          },
        },
      ],
    },
  ],
});
const fbUpdate = (psid: string, message: Record<string, unknown>) => ({
  object: 'page',
  entry: [
    {
      id: FB.pageId,
      time: Date.now(),
      messaging: [{ sender: { id: psid }, recipient: { id: FB.pageId }, timestamp: Date.now(), message }],
    },
  ],
});

async function channelId(code: string) {
  const c = await db
    .selectFrom('channels')
    .select('id')
    .where('org_id', '=', kh.org.orgId)
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return c.id;
}

async function messagesOf(code: string) {
  return db
    .selectFrom('case_messages')
    .select(['case_id', 'external_id', 'body', 'kind'])
    .where('org_id', '=', kh.org.orgId)
    .where('channel_id', '=', await channelId(code))
    .where('kind', '=', 'inbound')
    .orderBy('created_at')
    .execute();
}

async function caseOf(code: string, externalId: string) {
  const m = await db
    .selectFrom('case_messages as m')
    .innerJoin('cases as c', (j) => j.onRef('c.org_id', '=', 'm.org_id').onRef('c.id', '=', 'm.case_id'))
    .select(['c.id', 'c.channel', 'c.customer_id', 'c.description'])
    .where('m.org_id', '=', kh.org.orgId)
    .where('m.channel_id', '=', await channelId(code))
    .where('m.external_id', '=', externalId)
    .executeTakeFirstOrThrow();
  return m;
}

async function contactsOf(customerId: string) {
  return db
    .selectFrom('customer_contacts')
    .select(['kind', 'value'])
    .where('customer_id', '=', customerId)
    .orderBy('kind')
    .execute();
}

const replyTo = (caseId: string, body: string, locale = 'en') =>
  app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/replies`,
    headers: { ...agent.headers, 'accept-language': locale },
    payload: { body },
  });

async function outboxOf(caseId: string) {
  return db
    .selectFrom('channel_outbox')
    .select(['status', 'thread_key', 'body', 'external_id', 'last_error'])
    .where('case_id', '=', caseId)
    .execute();
}

describe('a Telegram webhook', () => {
  it('is refused without the secret token given to setWebhook, and nothing is stored', async () => {
    const update = tgUpdate(511000001, 'Sifarişim gecikir');
    expect((await postTelegram(update, 'wrong-secret-0123456789')).statusCode).toBe(401);
    expect((await postTelegram(update, null)).statusCode).toBe(401);
    expect(await messagesOf('tg')).toEqual([]);
  });

  it("opens a case for the customer's message, and the agent's reply reaches their chat", async () => {
    const update = tgUpdate(511000002, 'Soyuducu 3 gündür çatdırılmayıb');
    const res = await postTelegram(update);
    expect(res.statusCode).toBe(200);
    const c = await caseOf('tg', `511000002:${update.message.message_id}`);
    expect(c).toMatchObject({ channel: 'messaging', description: 'Soyuducu 3 gündür çatdırılmayıb' });
    expect(await contactsOf(c.customer_id)).toEqual([{ kind: 'telegram', value: '511000002' }]);

    const r = await replyTo(c.id, 'Salam, Aygün xanım! Sifarişinizi yoxlayırıq.');
    expect(r.statusCode, r.body).toBe(201);
    const before = api.requests.length;
    expect(await deliverReplies(db, SENDERS)).toMatchObject({ sent: 1, failed: 0 });
    const sent = api.requests.slice(before);
    expect(sent.map((q) => [q.path, q.body])).toEqual([
      [
        `/bot${BOT}/sendMessage`,
        { chat_id: 511000002, text: 'Salam, Aygün xanım! Sifarişinizi yoxlayırıq.' },
      ],
    ]);
    const [out] = await outboxOf(c.id);
    expect(out).toMatchObject({ status: 'sent', thread_key: '511000002' });
    expect(out!.external_id).toMatch(/^511000002:\d+$/);
  });

  it('adds nothing when Telegram delivers the same update again, even while the first is in flight', async () => {
    const update = tgUpdate(511000003, 'Zəmanət təmiri');
    const answers = await Promise.all([postTelegram(update), postTelegram(update), postTelegram(update)]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect((await postTelegram(update)).statusCode).toBe(200);
    const stored = (await messagesOf('tg')).filter((m) => m.external_id?.startsWith('511000003:'));
    expect(stored).toHaveLength(1);
  });

  it("opens one case for a new customer's two messages arriving together", async () => {
    const [a, b] = [tgUpdate(511000004, 'Salam'), tgUpdate(511000004, 'Televizor işləmir')];
    const answers = await Promise.all([postTelegram(a), postTelegram(b)]);
    expect(answers.map((x) => x.statusCode)).toEqual([200, 200]);
    const stored = (await messagesOf('tg')).filter((m) => m.external_id?.startsWith('511000004:'));
    expect(stored).toHaveLength(2);
    expect(new Set(stored.map((m) => m.case_id)).size).toBe(1);
  });

  it('acknowledges updates that are not customer messages and stores nothing for them', async () => {
    const count = (await messagesOf('tg')).length;
    const edited = tgUpdate(511000005, 'edited text') as Record<string, unknown>;
    edited.edited_message = edited.message;
    delete edited.message;
    for (const u of [
      edited,
      tgUpdate(511000005, '/start'),
      tgUpdate(-1001234567890, 'group chatter', { chat: { id: -1001234567890, type: 'supergroup' } }),
      { update_id: 1, my_chat_member: { chat: { id: 511000005, type: 'private' } } },
    ]) {
      expect((await postTelegram(u)).statusCode).toBe(200);
    }
    expect(await messagesOf('tg')).toHaveLength(count);
  });
});

describe('a WhatsApp webhook', () => {
  const handshake = (query: string) =>
    app.inject({ method: 'GET', url: `/api/v1/webhooks/kontakt-home/wa?${query}` });

  it("answers Meta's subscription handshake only with the verify token", async () => {
    const ok = await handshake(`hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=1158201444`);
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('1158201444');
    expect(ok.headers['content-type']).toMatch(/^text\/plain/);
    expect((await handshake('hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1')).statusCode).toBe(
      403,
    );
    expect(
      (await handshake(`hub.mode=unsubscribe&hub.verify_token=${VERIFY}&hub.challenge=1`)).statusCode,
    ).toBe(403);
  });

  it('refuses a body whose signature does not match its exact bytes, and stores nothing', async () => {
    const body = waUpdate('994501110001', 'Ödəniş iki dəfə çıxılıb');
    const raw = metaJson(body);
    expect((await post('wa', raw, { 'x-hub-signature-256': sign(raw, 'another-secret') })).statusCode).toBe(
      401,
    );
    // the same JSON signed as re-serialised by a parser is not what Meta signed
    const reserialised = JSON.stringify(body);
    expect(reserialised).not.toBe(raw);
    expect(
      (await post('wa', raw, { 'x-hub-signature-256': sign(reserialised, WA.appSecret) })).statusCode,
    ).toBe(401);
    expect((await post('wa', raw, {})).statusCode).toBe(401);
    expect(await messagesOf('wa')).toEqual([]);
  });

  it("opens a case for the customer's number, and the agent's reply goes to that number", async () => {
    const body = waUpdate('994501110002', 'Ödəniş iki dəfə çıxılıb');
    expect((await postMeta('wa', body, WA.appSecret)).statusCode).toBe(200);
    const wamid = body.entry[0]!.changes[0]!.value.messages[0]!.id;
    const c = await caseOf('wa', wamid);
    expect(c).toMatchObject({ channel: 'messaging', description: 'Ödəniş iki dəfə çıxılıb' });
    expect(await contactsOf(c.customer_id)).toEqual([{ kind: 'phone', value: '+994501110002' }]);
    expect((await postMeta('wa', body, WA.appSecret)).statusCode).toBe(200);
    expect(await messagesOf('wa')).toHaveLength(1);

    expect((await replyTo(c.id, 'Pulunuz 3 iş günü ərzində qaytarılacaq.')).statusCode).toBe(201);
    const before = api.requests.length;
    expect(await deliverReplies(db, SENDERS)).toMatchObject({ sent: 1 });
    const [req] = api.requests.slice(before);
    expect(req!.path).toBe(`/v20.0/${WA.phoneNumberId}/messages`);
    expect(req!.headers.authorization).toBe(`Bearer ${WA.token}`);
    expect(req!.body).toMatchObject({
      to: '994501110002',
      type: 'text',
      text: { body: 'Pulunuz 3 iş günü ərzində qaytarılacaq.' },
    });
    const [out] = await outboxOf(c.id);
    expect(out!.external_id).toMatch(/^wamid\./);
  });

  it('acknowledges delivery statuses and stores nothing for them', async () => {
    const count = (await messagesOf('wa')).length;
    const body = waUpdate('994501110002', 'x', {
      messages: undefined,
      statuses: [{ id: 'wamid.X', status: 'read', timestamp: '1', recipient_id: '994501110002' }],
    });
    expect((await postMeta('wa', body, WA.appSecret)).statusCode).toBe(200);
    expect(await messagesOf('wa')).toHaveLength(count);
  });
});

describe('a Messenger webhook', () => {
  it('answers the handshake, refuses a wrong signature, and ignores the echo of our own messages', async () => {
    const hs = await app.inject({
      method: 'GET',
      url: `/api/v1/webhooks/kontakt-home/fb?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=42`,
    });
    expect([hs.statusCode, hs.body]).toEqual([200, '42']);
    const body = fbUpdate('6789012300000001', { mid: 'm_bad', text: 'Salam' });
    expect((await postMeta('fb', body, WA.appSecret)).statusCode).toBe(401);
    const echo = fbUpdate(FB.pageId, { mid: 'm_echo', text: 'our reply', is_echo: true });
    expect((await postMeta('fb', echo, FB.appSecret)).statusCode).toBe(200);
    expect(await messagesOf('fb')).toEqual([]);
  });

  it("opens a case for the person's message, and the agent's reply goes to their page-scoped id", async () => {
    const body = fbUpdate('6789012300000002', {
      mid: 'm_Ab12',
      text: 'Kredit müqaviləsinin surəti lazımdır',
    });
    expect((await postMeta('fb', body, FB.appSecret)).statusCode).toBe(200);
    const c = await caseOf('fb', 'm_Ab12');
    expect(c.channel).toBe('social');
    expect(await contactsOf(c.customer_id)).toEqual([{ kind: 'messenger', value: '6789012300000002' }]);
    // a proxy may add a charset to the content type; the bytes, and so the signature, stay the same
    const next = metaJson(fbUpdate('6789012300000002', { mid: 'm_Ab13', text: 'Təşəkkürlər' }));
    const res = await post('fb', next, {
      'content-type': 'application/json; charset=utf-8',
      'x-hub-signature-256': sign(next, FB.appSecret),
    });
    expect(res.statusCode).toBe(200);
    expect((await caseOf('fb', 'm_Ab13')).id).toBe(c.id);

    expect((await replyTo(c.id, 'Müqaviləni e-poçtunuza göndərəcəyik.')).statusCode).toBe(201);
    const before = api.requests.length;
    expect(await deliverReplies(db, SENDERS)).toMatchObject({ sent: 1 });
    const [req] = api.requests.slice(before);
    expect(req!.path).toBe('/v20.0/me/messages');
    expect(req!.query.get('access_token')).toBe(FB.token);
    expect(req!.body).toEqual({
      recipient: { id: '6789012300000002' },
      messaging_type: 'RESPONSE',
      message: { text: 'Müqaviləni e-poçtunuza göndərəcəyik.' },
    });
  });
});

describe('a reply over a public messaging platform', () => {
  it('is refused with the localised reason when it carries a card number, and nothing is queued', async () => {
    const tg = tgUpdate(511000010, 'Kartımdan pul çıxıb');
    await postTelegram(tg);
    const wa = waUpdate('994501110010', 'Kartımdan pul çıxıb');
    await postMeta('wa', wa, WA.appSecret);
    await postMeta(
      'fb',
      fbUpdate('6789012300000010', { mid: 'm_card', text: 'Kartımdan pul çıxıb' }),
      FB.appSecret,
    );
    const cases = [
      await caseOf('tg', `511000010:${tg.message.message_id}`),
      await caseOf('wa', wa.entry[0]!.changes[0]!.value.messages[0]!.id),
      await caseOf('fb', 'm_card'),
    ];
    for (const c of cases) {
      const en = await replyTo(c.id, 'Kartınız 4539 1488 0343 6467 bloklandı', 'en');
      expect(en.statusCode).toBe(400);
      const [field] = en.json().error.fields;
      expect(field).toMatchObject({ field: 'body', reason: 'confidential' });
      expect(field.message).toContain('public social platform');
      const ar = await replyTo(c.id, 'Kartınız 4539 1488 0343 6467 bloklandı', 'ar');
      expect(ar.json().error.fields[0].message).toMatch(/[\u0600-\u06ff]/);
      expect(await outboxOf(c.id)).toEqual([]);
    }
  });
});

describe('the webhook address', () => {
  it("is unknown for another org, another code, a channel that is off, or one that isn't a messaging app", async () => {
    const update = tgUpdate(511000020, 'Salam');
    const raw = JSON.stringify(update);
    const secret = { 'x-telegram-bot-api-secret-token': TG_SECRET };
    expect((await post('tg', raw, secret, 'no-such-org')).statusCode).toBe(404);
    expect((await post('nope', raw, secret)).statusCode).toBe(404);
    await putChannel('shop', 'store', {});
    expect((await post('shop', raw, secret)).statusCode).toBe(404);
    await putChannel(
      'tg-old',
      'telegram',
      { botToken: BOT, secretToken: TG_SECRET, apiBase: api.url },
      false,
    );
    expect((await post('tg-old', raw, secret)).statusCode).toBe(404);
    const tgHandshake = await app.inject({
      method: 'GET',
      url: `/api/v1/webhooks/kontakt-home/tg?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=1`,
    });
    expect(tgHandshake.statusCode).toBe(404);
  });
});

describe('messaging channel settings', () => {
  it('are checked when saved, and their secrets never shown again', async () => {
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/channels/wa2',
      headers: admin.headers,
      payload: { inbox: 'social', kind: 'whatsapp', config: { phoneNumberId: WA.phoneNumberId } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { params?: { problem: string } }) => f.params?.problem)).toEqual(
      expect.arrayContaining(['accessToken is required', 'appSecret is required']),
    );
    const list = await app.inject({ method: 'GET', url: '/api/v1/admin/channels', headers: admin.headers });
    const wa = list.json().items.find((c: { code: string }) => c.code === 'wa');
    expect(wa.config).toMatchObject({
      phoneNumberId: WA.phoneNumberId,
      accessToken: '••••••',
      appSecret: '••••••',
    });
    expect(list.body).not.toContain(WA.token);
    expect(list.body).not.toContain(TG_SECRET);
  });
});
