// Facebook Messenger Platform: webhooks `object: 'page'`, `entry[].messaging[]`, signed with
// X-Hub-Signature-256, the GET subscription handshake, and replies through the Send API
// (`POST /me/messages?access_token=…`). A conversation is the customer's page-scoped id (PSID).
import type { ChannelSender } from '../deliver-replies.ts';
import type { InboundMessage } from '../ingest.ts';
import {
  apiBase,
  baseUrl,
  checkSettings,
  type MessagingPlatform,
  many,
  numericId,
  placeholder,
  secret,
  sentAt,
  setting,
  str,
} from './platform.ts';
import { graphRefusal, postJson } from './platform-http.ts';
import { headerValue, metaSignatureValid } from './signature.ts';
import { GRAPH_API } from './whatsapp.ts';

/** The Send API refuses longer texts; longer replies go as several messages. */
export const MESSENGER_MAX_TEXT = 2000;

interface FbAttachment {
  type?: string;
  title?: string;
  payload?: { url?: string; sticker_id?: number; coordinates?: { lat?: number; long?: number } };
}

interface FbEvent {
  sender?: { id?: string };
  recipient?: { id?: string };
  timestamp?: number;
  message?: {
    mid?: string;
    text?: string;
    is_echo?: boolean;
    attachments?: FbAttachment[];
    reply_to?: { mid?: string };
  };
}

interface FbWebhook {
  object?: string;
  entry?: { id?: string; messaging?: FbEvent[] }[];
}

function attachmentText(a: FbAttachment): string {
  if (a.payload?.sticker_id) return placeholder('sticker');
  if (a.type === 'file') return placeholder('document', a.title);
  if (a.type === 'location') {
    const c = a.payload?.coordinates;
    return placeholder('location', a.title, c ? `${c.lat},${c.long}` : undefined);
  }
  return placeholder(a.type ?? 'attachment', a.title);
}

/**
 * Messages people sent to our page. Left out: echoes of what the page sent, delivery and read
 * receipts, reactions, postbacks, and events of other pages subscribed to the same app.
 */
export function parseMessengerUpdate(update: unknown, pageId: string, now: Date): InboundMessage[] {
  const u = update as FbWebhook | null;
  if (u?.object !== 'page') return [];
  const out: InboundMessage[] = [];
  for (const entry of many(u.entry)) {
    if (str(entry?.id) !== pageId) continue;
    for (const ev of many(entry.messaging)) {
      const m = ev?.message;
      const psid = str(ev?.sender?.id);
      const mid = str(m?.mid);
      if (!m || !psid || !mid || m.is_echo || psid === pageId) continue;
      const attachments = many(m.attachments).filter(Boolean);
      const text = [m.text, ...attachments.map(attachmentText)].filter((t) => t?.trim()).join('\n');
      if (!text) continue;
      out.push({
        externalId: mid,
        threadKey: psid,
        text,
        from: { handle: { kind: 'messenger', value: psid } },
        receivedAt: sentAt(Number(ev.timestamp), now),
        meta: {
          platform: 'messenger',
          type: m.text ? 'text' : (attachments[0]?.type ?? 'unknown'),
          ...(attachments.length && {
            attachments: attachments.map((a) => ({ type: a.type, url: a.payload?.url })),
          }),
          ...(m.reply_to?.mid && { inReplyTo: m.reply_to.mid }),
        },
      });
    }
  }
  return out;
}

/** Splits at the last line break or space before the limit, never inside a surrogate pair. */
export function splitText(text: string, max = MESSENGER_MAX_TEXT): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = Math.max(rest.lastIndexOf('\n', max), rest.lastIndexOf(' ', max));
    if (cut < max / 2) cut = max;
    if (/[\uDC00-\uDFFF]/.test(rest[cut] ?? '')) cut--;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

const sender: ChannelSender = {
  async send(channel, reply) {
    const c = channel.config;
    const url = `${baseUrl(c, GRAPH_API)}/me/messages?access_token=${encodeURIComponent(setting(c, 'pageAccessToken'))}`;
    let first: string | undefined;
    for (const part of splitText(reply.body)) {
      const answer = await postJson('Messenger', url, {
        recipient: { id: reply.threadKey },
        // an answer to the customer's message, inside the 24-hour window Messenger allows
        messaging_type: 'RESPONSE',
        message: { text: part },
      });
      if (!answer.ok) throw graphRefusal('Messenger', answer);
      first ??= str((answer.body as { message_id?: string } | null)?.message_id);
    }
    return { externalId: first };
  },
};

export const messenger: MessagingPlatform = {
  kind: 'messenger',
  check: (config) =>
    checkSettings(
      config,
      { pageId: numericId, pageAccessToken: secret, appSecret: secret, verifyToken: secret },
      { apiBase },
    ),
  sender,
  verifyToken: (config) => setting(config, 'verifyToken'),
  authentic: (config, headers, raw) =>
    metaSignatureValid(raw, headerValue(headers, 'x-hub-signature-256'), setting(config, 'appSecret')),
  parse: (update, config, now) => parseMessengerUpdate(update, setting(config, 'pageId'), now),
};
