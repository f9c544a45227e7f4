// Telegram Bot API: `Update` objects posted to our webhook with the X-Telegram-Bot-Api-Secret-Token
// given to setWebhook, and replies through `POST /bot{token}/sendMessage`. A conversation is a
// private chat (its id is the customer's user id); groups and channels the bot sits in are not
// complaints and are left out.
import { isLocale } from '../../../platform/i18n/locales.ts';
import { normalizePhone } from '../../customers/contacts.ts';
import type { ChannelSender } from '../deliver-replies.ts';
import type { InboundMessage } from '../ingest.ts';
import {
  apiBase,
  baseUrl,
  checkSettings,
  type MessagingPlatform,
  many,
  placeholder,
  sentAt,
  setting,
  str,
} from './platform.ts';
import { postJson, refusal } from './platform-http.ts';
import { headerValue, secretsEqual } from './signature.ts';

export const BOT_API = 'https://api.telegram.org';

interface TgFile {
  file_id?: string;
  file_name?: string;
  mime_type?: string;
  emoji?: string;
}

interface TgMessage {
  message_id?: number;
  date?: number;
  chat?: { id?: number; type?: string };
  from?: {
    id?: number;
    is_bot?: boolean;
    first_name?: string;
    last_name?: string;
    username?: string;
    language_code?: string;
  };
  text?: string;
  caption?: string;
  photo?: TgFile[];
  document?: TgFile;
  video?: TgFile;
  video_note?: TgFile;
  voice?: TgFile;
  audio?: TgFile;
  animation?: TgFile;
  sticker?: TgFile;
  location?: { latitude?: number; longitude?: number };
  venue?: { title?: string; address?: string };
  contact?: { phone_number?: string; first_name?: string; last_name?: string; user_id?: number };
  reply_to_message?: { message_id?: number };
}

interface TgUpdate {
  update_id?: number;
  message?: TgMessage;
}

const MEDIA = ['video', 'video_note', 'voice', 'audio', 'animation'] as const;

function messageText(m: TgMessage): { text: string; type: string; fileId?: string } | null {
  if (typeof m.text === 'string') {
    // the button that opens a bot sends "/start" (with an optional deep-link payload): not a complaint
    if (/^\/start(?:@\w+)?(?:\s|$)/.test(m.text)) return null;
    return { text: m.text, type: 'text' };
  }
  const photo = many(m.photo).at(-1); // sizes ascend; the last is the original
  if (photo) return { text: placeholder('image', m.caption), type: 'photo', fileId: photo.file_id };
  if (m.document) {
    return {
      text: placeholder('document', m.document.file_name, m.caption),
      type: 'document',
      fileId: m.document.file_id,
    };
  }
  for (const kind of MEDIA) {
    const f = m[kind];
    if (f) return { text: placeholder(kind, m.caption), type: kind, fileId: f.file_id };
  }
  if (m.sticker) return { text: placeholder('sticker', m.sticker.emoji), type: 'sticker' };
  if (m.venue) return { text: placeholder('location', m.venue.title, m.venue.address), type: 'venue' };
  if (m.location) {
    return {
      text: placeholder('location', `${m.location.latitude},${m.location.longitude}`),
      type: 'location',
    };
  }
  if (m.contact) {
    const c = m.contact;
    return { text: placeholder('contact', c.first_name, c.last_name, c.phone_number), type: 'contact' };
  }
  return null; // service messages (pinned, members joined, …)
}

/** The customer's message in a private chat with the bot, or nothing (edits, callbacks, groups, …). */
export function parseTelegramUpdate(update: unknown, now: Date): InboundMessage[] {
  const u = update as TgUpdate | null;
  const m = u?.message;
  const chatId = str(m?.chat?.id);
  if (!m || !chatId || m.chat?.type !== 'private' || m.from?.is_bot || m.message_id === undefined) return [];
  const content = messageText(m);
  if (!content) return [];
  const name = [m.from?.first_name, m.from?.last_name].filter(Boolean).join(' ');
  // a customer who taps "share my phone number" gives us a contact we can reach them on
  const ownPhone =
    m.contact && m.contact.user_id === m.from?.id && m.contact.phone_number
      ? normalizePhone(`+${m.contact.phone_number.replace(/^\+/, '')}`)
      : null;
  const language = m.from?.language_code?.split('-')[0];
  return [
    {
      // message ids count per chat, so the chat is part of the id
      externalId: `${chatId}:${m.message_id}`,
      threadKey: chatId,
      text: content.text,
      from: {
        ...(name && { name }),
        handle: { kind: 'telegram', value: chatId },
        ...(ownPhone && { phone: ownPhone }),
      },
      receivedAt: sentAt((m.date ?? 0) * 1000, now),
      ...(isLocale(language) && { locale: language }),
      meta: {
        platform: 'telegram',
        type: content.type,
        updateId: u?.update_id,
        ...(m.from?.username && { username: m.from.username }),
        ...(content.fileId && { fileId: content.fileId }),
        ...(m.reply_to_message?.message_id && { inReplyTo: `${chatId}:${m.reply_to_message.message_id}` }),
      },
    },
  ];
}

interface TgAnswer {
  ok?: boolean;
  description?: string;
  result?: { message_id?: number; chat?: { id?: number } };
}

const sender: ChannelSender = {
  async send(channel, reply) {
    const c = channel.config;
    const url = `${baseUrl(c, BOT_API)}/bot${setting(c, 'botToken')}/sendMessage`;
    // chat ids fit in 52 bits, so a JSON number is exact; plain text, so nothing is read as markup
    const chatId = /^-?\d+$/.test(reply.threadKey) ? Number(reply.threadKey) : reply.threadKey;
    const answer = await postJson('Telegram', url, { chat_id: chatId, text: reply.body });
    const body = answer.body as TgAnswer | null;
    if (!answer.ok || body?.ok !== true) {
      throw refusal('Telegram', answer.status, body?.description ?? JSON.stringify(answer.body ?? ''));
    }
    const id = body.result?.message_id;
    return { externalId: id === undefined ? undefined : `${body.result?.chat?.id ?? reply.threadKey}:${id}` };
  },
};

export const telegram: MessagingPlatform = {
  kind: 'telegram',
  check: (config) =>
    checkSettings(
      config,
      {
        botToken: (v) =>
          typeof v === 'string' && /^\d{1,20}:[A-Za-z0-9_-]{20,100}$/.test(v)
            ? null
            : 'must be the token @BotFather gave (digits:letters)',
        // Telegram allows 1–256 of these characters; fewer than 16 would be guessable
        secretToken: (v) =>
          typeof v === 'string' && /^[A-Za-z0-9_-]{16,256}$/.test(v)
            ? null
            : 'must be 16–256 characters: letters, digits, _ and -',
      },
      { apiBase },
    ),
  sender,
  authentic: (config, headers) =>
    secretsEqual(headerValue(headers, 'x-telegram-bot-api-secret-token'), setting(config, 'secretToken')),
  parse: (update, _config, now) => parseTelegramUpdate(update, now),
};
