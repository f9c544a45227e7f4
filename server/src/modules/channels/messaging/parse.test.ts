// Reading the platforms' webhook payloads, checking signatures and settings. Pure.
import { describe, expect, it } from 'vitest';
import { MESSENGER_MAX_TEXT, messenger, parseMessengerUpdate, splitText } from './messenger.ts';
import { metaSignatureValid, secretsEqual } from './signature.ts';
import { parseTelegramUpdate, telegram } from './telegram.ts';
import { parseWhatsAppUpdate, whatsapp } from './whatsapp.ts';

const NOW = new Date('2026-11-22T10:00:00Z');
const SENT = Date.parse('2026-11-22T09:50:00Z') / 1000;

const waUpdate = (
  messages: unknown[],
  extra: Record<string, unknown> = {},
  phoneNumberId = '106540352242922',
) => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: '102290129340398',
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: '994125550000', phone_number_id: phoneNumberId },
            contacts: [{ profile: { name: 'Leyla Məmmədova' }, wa_id: '994501234567' }],
            messages,
            ...extra,
          },
        },
      ],
    },
  ],
});

describe('a WhatsApp webhook', () => {
  it('gives a text message with the sender number in E.164, their profile name and the send time', () => {
    const [m, ...rest] = parseWhatsAppUpdate(
      waUpdate([
        {
          from: '994501234567',
          id: 'wamid.HBgLOTk0NTAxMjM0NTY3FQIAEhgUM0E=',
          timestamp: String(SENT),
          type: 'text',
          text: { body: 'Soyuducu gəlmədi' },
        },
      ]),
      '106540352242922',
      NOW,
    );
    expect(rest).toEqual([]);
    expect(m).toMatchObject({
      externalId: 'wamid.HBgLOTk0NTAxMjM0NTY3FQIAEhgUM0E=',
      threadKey: '994501234567',
      text: 'Soyuducu gəlmədi',
      from: { name: 'Leyla Məmmədova', phone: '+994501234567' },
      receivedAt: new Date(SENT * 1000),
    });
  });

  it('records media, locations and button taps as text, and leaves reactions out', () => {
    const msgs = parseWhatsAppUpdate(
      waUpdate([
        {
          from: '994501234567',
          id: 'w1',
          timestamp: String(SENT),
          type: 'image',
          image: { caption: 'Qapı sınıb', mime_type: 'image/jpeg', id: '1234567890' },
        },
        {
          from: '994501234567',
          id: 'w2',
          timestamp: String(SENT),
          type: 'document',
          document: { filename: 'qəbz.pdf', id: '55' },
        },
        {
          from: '994501234567',
          id: 'w3',
          timestamp: String(SENT),
          type: 'interactive',
          interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Bəli' } },
        },
        {
          from: '994501234567',
          id: 'w4',
          timestamp: String(SENT),
          type: 'reaction',
          reaction: { message_id: 'w1', emoji: '👍' },
        },
        {
          from: '994501234567',
          id: 'w5',
          timestamp: String(SENT),
          type: 'location',
          location: { latitude: 40.4093, longitude: 49.8671, name: 'Kontakt Home 28 May' },
        },
      ]),
      '106540352242922',
      NOW,
    );
    expect(msgs.map((m) => m.text)).toEqual([
      '[image] Qapı sınıb',
      '[document] qəbz.pdf',
      'Bəli',
      '[location] Kontakt Home 28 May 40.4093,49.8671',
    ]);
    expect(msgs[0]!.meta).toMatchObject({ type: 'image', mediaId: '1234567890', mimeType: 'image/jpeg' });
  });

  it('gives nothing for delivery statuses or for another number of the same Meta app', () => {
    const statuses = waUpdate([], {
      statuses: [
        { id: 'wamid.X', status: 'delivered', timestamp: String(SENT), recipient_id: '994501234567' },
      ],
    });
    delete (statuses.entry[0]!.changes[0]!.value as { messages?: unknown }).messages;
    expect(parseWhatsAppUpdate(statuses, '106540352242922', NOW)).toEqual([]);
    const other = waUpdate(
      [{ from: '994501234567', id: 'w9', timestamp: String(SENT), type: 'text', text: { body: 'Salam' } }],
      {},
      '999999999999999',
    );
    expect(parseWhatsAppUpdate(other, '106540352242922', NOW)).toEqual([]);
  });

  it('takes the time of receipt when the send time lies in the future, and leaves out a number that is no number', () => {
    const [m] = parseWhatsAppUpdate(
      waUpdate([
        { from: '12', id: 'w1', timestamp: String(SENT + 86_400), type: 'text', text: { body: 'x' } },
      ]),
      '106540352242922',
      NOW,
    );
    expect(m!.receivedAt).toEqual(NOW);
    expect(m!.from.phone).toBeUndefined();
  });

  it('survives payloads of the wrong shape', () => {
    for (const bad of [null, 'x', { object: 'whatsapp_business_account', entry: 'x' }, { entry: [null] }]) {
      expect(parseWhatsAppUpdate(bad, '1', NOW)).toEqual([]);
    }
    expect(
      parseWhatsAppUpdate(
        { object: 'whatsapp_business_account', entry: [null, { changes: [null] }] },
        '1',
        NOW,
      ),
    ).toEqual([]);
  });
});

const tgUpdate = (message: Record<string, unknown>) => ({
  update_id: 733461250,
  message: {
    message_id: 1365,
    from: {
      id: 511223344,
      is_bot: false,
      first_name: 'Айгерим',
      last_name: 'Садыкова',
      username: 'aigerim_s',
      language_code: 'kk',
    },
    chat: { id: 511223344, first_name: 'Айгерим', username: 'aigerim_s', type: 'private' },
    date: SENT,
    ...message,
  },
});

describe('a Telegram update', () => {
  it("gives a private chat's message keyed by chat and message id, with the name and language", () => {
    expect(parseTelegramUpdate(tgUpdate({ text: 'Интернет жоқ' }), NOW)).toEqual([
      {
        externalId: '511223344:1365',
        threadKey: '511223344',
        text: 'Интернет жоқ',
        from: { name: 'Айгерим Садыкова', handle: { kind: 'telegram', value: '511223344' } },
        receivedAt: new Date(SENT * 1000),
        locale: 'kk',
        meta: { platform: 'telegram', type: 'text', updateId: 733461250, username: 'aigerim_s' },
      },
    ]);
  });

  it('leaves out /start, group chats, edits and callback queries', () => {
    expect(parseTelegramUpdate(tgUpdate({ text: '/start promo-42' }), NOW)).toEqual([]);
    expect(
      parseTelegramUpdate(tgUpdate({ text: 'Сәлем', chat: { id: -100123, type: 'supergroup' } }), NOW),
    ).toEqual([]);
    const edit = tgUpdate({ text: 'edited' }) as Record<string, unknown>;
    edit.edited_message = edit.message;
    delete edit.message;
    expect(parseTelegramUpdate(edit, NOW)).toEqual([]);
    expect(parseTelegramUpdate({ update_id: 1, callback_query: { id: '1', data: 'x' } }, NOW)).toEqual([]);
  });

  it('records the largest photo with its caption, and takes a phone number the customer shares as their own', () => {
    const [photo] = parseTelegramUpdate(
      tgUpdate({
        caption: 'Чек',
        photo: [
          { file_id: 'small', width: 90, height: 90 },
          { file_id: 'large', width: 1280, height: 1280 },
        ],
      }),
      NOW,
    );
    expect(photo).toMatchObject({ text: '[image] Чек', meta: { type: 'photo', fileId: 'large' } });
    const [own] = parseTelegramUpdate(
      tgUpdate({ contact: { phone_number: '77011234567', first_name: 'Айгерим', user_id: 511223344 } }),
      NOW,
    );
    expect(own!.from.phone).toBe('+77011234567');
    const [other] = parseTelegramUpdate(
      tgUpdate({ contact: { phone_number: '77017654321', first_name: 'Бауыржан', user_id: 42 } }),
      NOW,
    );
    expect(other!.from.phone).toBeUndefined();
    expect(other!.text).toBe('[contact] Бауыржан 77017654321');
  });
});

const PAGE = '105712345678901';
const fbUpdate = (messaging: unknown[], pageId = PAGE) => ({
  object: 'page',
  entry: [{ id: pageId, time: SENT * 1000, messaging }],
});

describe('a Messenger webhook', () => {
  it("gives people's messages to our page keyed by message id, the conversation by their page-scoped id", () => {
    const [m] = parseMessengerUpdate(
      fbUpdate([
        {
          sender: { id: '6789012345678901' },
          recipient: { id: PAGE },
          timestamp: SENT * 1000,
          message: { mid: 'm_AbC123', text: 'مرحبا، الطلب متأخر' },
        },
      ]),
      PAGE,
      NOW,
    );
    expect(m).toMatchObject({
      externalId: 'm_AbC123',
      threadKey: '6789012345678901',
      text: 'مرحبا، الطلب متأخر',
      from: { handle: { kind: 'messenger', value: '6789012345678901' } },
      receivedAt: new Date(SENT * 1000),
    });
  });

  it("records attachments by kind and leaves out echoes, receipts and other pages' events", () => {
    const msgs = parseMessengerUpdate(
      fbUpdate([
        {
          sender: { id: '1' },
          recipient: { id: PAGE },
          timestamp: SENT * 1000,
          message: {
            mid: 'm_1',
            attachments: [{ type: 'image', payload: { url: 'https://scontent.example/1.jpg' } }],
          },
        },
        {
          sender: { id: '1' },
          recipient: { id: PAGE },
          timestamp: SENT * 1000,
          message: { mid: 'm_2', attachments: [{ type: 'image', payload: { sticker_id: 369239263222822 } }] },
        },
        {
          sender: { id: PAGE },
          recipient: { id: '1' },
          timestamp: SENT * 1000,
          message: { mid: 'm_3', is_echo: true, text: 'our own reply' },
        },
        { sender: { id: '1' }, recipient: { id: PAGE }, timestamp: SENT * 1000, delivery: { mids: ['m_3'] } },
        { sender: { id: '1' }, recipient: { id: PAGE }, timestamp: SENT * 1000, read: { watermark: 1 } },
      ]),
      PAGE,
      NOW,
    );
    expect(msgs.map((m) => m.text)).toEqual(['[image]', '[sticker]']);
    expect(msgs[0]!.meta).toMatchObject({
      attachments: [{ type: 'image', url: 'https://scontent.example/1.jpg' }],
    });
    const elsewhere = fbUpdate(
      [{ sender: { id: '1' }, recipient: { id: '2' }, timestamp: 1, message: { mid: 'm_4', text: 'hi' } }],
      '2',
    );
    expect(parseMessengerUpdate(elsewhere, PAGE, NOW)).toEqual([]);
    expect(parseMessengerUpdate({ object: 'instagram', entry: [] }, PAGE, NOW)).toEqual([]);
  });
});

describe('a long Messenger reply', () => {
  it('is split at word boundaries into parts the Send API accepts, losing nothing', () => {
    const text = Array.from({ length: 700 }, (_, i) => `söz${i}`).join(' ');
    const parts = splitText(text);
    expect(text.length).toBeGreaterThan(2 * MESSENGER_MAX_TEXT);
    expect(parts).toHaveLength(3);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(MESSENGER_MAX_TEXT);
    expect(parts.join(' ')).toBe(text);
  });

  it('never cuts an emoji in half when there is no space to cut at', () => {
    const text = `${'a'.repeat(1999)}😀${'b'.repeat(10)}`;
    const parts = splitText(text);
    expect(parts).toEqual(['a'.repeat(1999), `😀${'b'.repeat(10)}`]);
  });
});

describe('proof of origin', () => {
  // the well-known example vector HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog")
  const raw = Buffer.from('The quick brown fox jumps over the lazy dog');
  const sig = 'sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8';

  it("accepts Meta's signature of the exact body and nothing else", () => {
    expect(metaSignatureValid(raw, sig, 'key')).toBe(true);
    expect(metaSignatureValid(raw, sig.toUpperCase().replace('SHA256=', 'sha256='), 'key')).toBe(true);
    expect(metaSignatureValid(Buffer.from(`${raw.toString()} `), sig, 'key')).toBe(false);
    expect(metaSignatureValid(raw, sig, 'other')).toBe(false);
    expect(metaSignatureValid(raw, sig.slice(7), 'key')).toBe(false);
    expect(metaSignatureValid(raw, undefined, 'key')).toBe(false);
    expect(metaSignatureValid(raw, sig, '')).toBe(false);
  });

  it('matches a secret token only exactly', () => {
    expect(secretsEqual('s3cret-token-value', 's3cret-token-value')).toBe(true);
    expect(secretsEqual('s3cret-token-valu', 's3cret-token-value')).toBe(false);
    expect(secretsEqual(undefined, 's3cret-token-value')).toBe(false);
    expect(secretsEqual('', '')).toBe(false);
  });
});

describe('channel settings', () => {
  it('require every credential of the platform and refuse unknown keys', () => {
    expect(
      whatsapp.check({
        phoneNumberId: '106540352242922',
        accessToken: 'EAAG',
        appSecret: 'a',
        verifyToken: 'v',
      }),
    ).toEqual([]);
    expect(whatsapp.check({ phoneNumberId: '+994 12', accessToken: 'EAAG', colour: 'red' })).toEqual([
      'phoneNumberId must be the numeric id, as a string',
      'appSecret is required',
      'verifyToken is required',
      'colour is not a known setting',
    ]);
    expect(
      messenger.check({ pageId: PAGE, pageAccessToken: 'EAAB', appSecret: 'a', verifyToken: 'v' }),
    ).toEqual([]);
    expect(
      telegram.check({ botToken: '123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11', secretToken: 'short' }),
    ).toEqual(['secretToken must be 16–256 characters: letters, digits, _ and -']);
  });

  it('send credentials to an https API only, plain http only to this machine', () => {
    const base = { botToken: '123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11', secretToken: 'x'.repeat(16) };
    expect(telegram.check({ ...base, apiBase: 'https://tg-proxy.example.com' })).toEqual([]);
    expect(telegram.check({ ...base, apiBase: 'http://127.0.0.1:8081' })).toEqual([]);
    expect(telegram.check({ ...base, apiBase: 'http://tg-proxy.example.com' })).toEqual([
      'apiBase must be an https URL',
    ]);
    expect(telegram.check({ ...base, apiBase: 'not a url' })).toEqual(['apiBase must be a URL']);
  });
});
