// WhatsApp Cloud API: webhooks `entry[].changes[].value.messages[]` signed with X-Hub-Signature-256,
// the GET subscription handshake, and replies through `POST /{phone-number-id}/messages`.
// A conversation is the customer's WhatsApp id (their number without "+").
import { normalizePhone } from '../../customers/contacts.ts';
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
  type Settings,
  secret,
  sentAt,
  setting,
  str,
} from './platform.ts';
import { graphRefusal, postJson } from './platform-http.ts';
import { headerValue, metaSignatureValid } from './signature.ts';

export const GRAPH_API = 'https://graph.facebook.com/v20.0';

interface Media {
  id?: string;
  caption?: string;
  filename?: string;
  mime_type?: string;
}

interface WaMessage {
  from?: string;
  id?: string;
  timestamp?: string;
  type?: string;
  text?: { body?: string };
  image?: Media;
  video?: Media;
  audio?: Media;
  document?: Media;
  sticker?: Media;
  location?: { latitude?: number; longitude?: number; name?: string; address?: string };
  contacts?: { name?: { formatted_name?: string }; phones?: { phone?: string }[] }[];
  interactive?: { button_reply?: { title?: string }; list_reply?: { title?: string } };
  button?: { text?: string };
  context?: { id?: string };
}

interface WaContact {
  wa_id?: string;
  profile?: { name?: string };
}

interface WaChange {
  field?: string;
  value?: {
    metadata?: { phone_number_id?: string };
    contacts?: WaContact[];
    messages?: WaMessage[];
    statuses?: unknown[];
  };
}

interface WaWebhook {
  object?: string;
  entry?: { changes?: WaChange[] }[];
}

// Not something the customer said: reactions, number changes, the "welcome" request.
const NOT_CONTENT = new Set(['reaction', 'system', 'request_welcome', 'ephemeral']);

function messageText(m: WaMessage): string | null {
  const type = m.type ?? 'unknown';
  if (NOT_CONTENT.has(type)) return null;
  switch (type) {
    case 'text':
      return m.text?.body ?? null;
    case 'image':
    case 'video':
    case 'audio':
    case 'sticker':
      return placeholder(type, m[type]?.caption);
    case 'document':
      return placeholder('document', m.document?.filename, m.document?.caption);
    case 'location': {
      const l = m.location;
      return placeholder('location', l?.name, l?.address, l ? `${l.latitude},${l.longitude}` : undefined);
    }
    case 'contacts':
      return placeholder(
        'contact',
        ...many(m.contacts).map((c) =>
          [c?.name?.formatted_name, ...many(c?.phones).map((p) => p?.phone)].join(' '),
        ),
      );
    case 'interactive':
      return m.interactive?.button_reply?.title ?? m.interactive?.list_reply?.title ?? placeholder(type);
    case 'button':
      return m.button?.text ?? placeholder(type);
    default:
      return placeholder(type);
  }
}

/** The customer messages to our number; statuses, other numbers of the same app and reactions are left out. */
export function parseWhatsAppUpdate(update: unknown, phoneNumberId: string, now: Date): InboundMessage[] {
  const u = update as WaWebhook | null;
  if (u?.object !== 'whatsapp_business_account') return [];
  const out: InboundMessage[] = [];
  for (const entry of many(u.entry)) {
    for (const change of many(entry?.changes)) {
      const v = change?.value;
      // one Meta app may serve several numbers, and every number's events reach every callback URL
      if (change?.field !== 'messages' || v?.metadata?.phone_number_id !== phoneNumberId) continue;
      const names = new Map(many(v.contacts).map((c) => [c?.wa_id, c?.profile?.name]));
      for (const m of many(v.messages)) {
        const waId = str(m?.from);
        const id = str(m?.id);
        const text = m && messageText(m);
        if (!waId || !id || text === null || text === undefined) continue;
        const phone = normalizePhone(`+${waId}`);
        const media = m.type ? (m[m.type as 'image'] as Media | undefined) : undefined;
        out.push({
          externalId: id,
          threadKey: waId,
          text,
          from: { name: names.get(waId) ?? undefined, ...(phone && { phone }) },
          receivedAt: sentAt(Number(m.timestamp) * 1000, now),
          meta: {
            platform: 'whatsapp',
            type: m.type,
            ...(media?.id && { mediaId: media.id, mimeType: media.mime_type }),
            ...(m.context?.id && { inReplyTo: m.context.id }),
          },
        });
      }
    }
  }
  return out;
}

const sender: ChannelSender = {
  async send(channel, reply) {
    const c = channel.config;
    const answer = await postJson(
      'WhatsApp',
      `${baseUrl(c, GRAPH_API)}/${encodeURIComponent(setting(c, 'phoneNumberId'))}/messages`,
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: reply.threadKey,
        type: 'text',
        text: { preview_url: false, body: reply.body },
      },
      { authorization: `Bearer ${setting(c, 'accessToken')}` },
    );
    if (!answer.ok) throw graphRefusal('WhatsApp', answer);
    const body = answer.body as { messages?: { id?: string }[] } | null;
    return { externalId: str(many(body?.messages)[0]?.id) };
  },
};

export const whatsapp: MessagingPlatform = {
  kind: 'whatsapp',
  check: (config) =>
    checkSettings(
      config,
      { phoneNumberId: numericId, accessToken: secret, appSecret: secret, verifyToken: secret },
      { apiBase },
    ),
  sender,
  verifyToken: (config: Settings) => setting(config, 'verifyToken'),
  authentic: (config, headers, raw) =>
    metaSignatureValid(raw, headerValue(headers, 'x-hub-signature-256'), setting(config, 'appSecret')),
  parse: (update, config, now) => parseWhatsAppUpdate(update, setting(config, 'phoneNumberId'), now),
};
