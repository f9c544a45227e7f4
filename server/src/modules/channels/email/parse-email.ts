// An e-mail as the channel core sees it: its id and thread (RFC 5322 Message-ID, In-Reply-To,
// References), the customer's words without the history their mail program quoted below them,
// and whether a machine sent it (RFC 3834 auto-replies, lists, bounces) so nothing answers it.
import { createHash } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { normalizeEmail } from '../../customers/contacts.ts';
import type { InboundAttachment, InboundMessage } from '../ingest.ts';

// what registering a case accepts (case-form.ts DEFAULT_MAX); the full mail stays in `html`
export const MAX_SUBJECT = 200;
export const MAX_TEXT = 10_000;

const MESSAGE_ID = /<[^<>\s]+>/g;

/** Message ids in a header value: `<a@b> <c@d>`, an array of them, or nothing. */
export function messageIds(value: string | string[] | undefined | null): string[] {
  const joined = Array.isArray(value) ? value.join(' ') : (value ?? '');
  return joined.match(MESSAGE_ID) ?? [];
}

/** The first value of a header as it was written (mailparser's header lines, keys in lower case). */
export function rawHeader(mail: Pick<ParsedMail, 'headerLines'>, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name)?.line;
  if (line === undefined) return undefined;
  return line
    .slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}

export type AutomaticReason =
  | 'auto-submitted'
  | 'precedence'
  | 'list'
  | 'autoreply-header'
  | 'mailer-daemon'
  | 'null-sender'
  | 'bounce';

/**
 * Why this mail was sent by a machine, or null when a person sent it. `envelopeFrom` is the SMTP
 * MAIL FROM ('' for the null sender of bounces); undefined when unknown (fetched by IMAP: the
 * Return-Path header the delivering server wrote is used instead).
 */
export function automaticReason(mail: ParsedMail, envelopeFrom?: string): AutomaticReason | null {
  const auto = rawHeader(mail, 'auto-submitted')?.split(';')[0]?.trim().toLowerCase();
  if (auto && auto !== 'no') return 'auto-submitted';
  const precedence = rawHeader(mail, 'precedence')?.toLowerCase();
  if (precedence && ['bulk', 'junk', 'list'].includes(precedence)) return 'precedence';
  if (rawHeader(mail, 'list-id') !== undefined) return 'list';
  if (rawHeader(mail, 'x-autoreply') !== undefined || rawHeader(mail, 'x-autorespond') !== undefined)
    return 'autoreply-header';
  const from = mail.from?.value[0]?.address?.toLowerCase() ?? '';
  const local = from.split('@')[0] ?? '';
  if (local === 'mailer-daemon' || local === 'postmaster') return 'mailer-daemon';
  const returnPath = envelopeFrom ?? rawHeader(mail, 'return-path');
  if (returnPath !== undefined && returnPath.replace(/[<>\s]/g, '') === '') return 'null-sender';
  const type = mail.headers.get('content-type') as { value?: string } | undefined;
  if (type?.value?.toLowerCase() === 'multipart/report') return 'bounce';
  return null;
}

// "On Mon, 1 Jan 2026 at 10:00, Leyla <l@example.az> wrote:" and its translations
const ATTRIBUTION = /(wrote|writes|пишет|написал|написала|написал\(а\)|жазды|yazdı|yazıb|كتب)\s*:\s*$/iu;
const ORIGINAL =
  /^\s*-{2,}\s*(original message|исходное сообщение|пересылаемое сообщение|forwarded message)\s*-{2,}\s*$/iu;
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const quoted = (line: string) => /^\s*>/.test(line);
const blank = (line: string) => line.trim() === '';

/**
 * The new text of a reply: the quoted previous message under it is cut, but only when it is
 * clearly that — an attribution line followed only by `>` lines, an "Original Message" separator,
 * or a closing block of `>` lines. Answers written between quoted lines are kept whole.
 */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const onlyQuotedFrom = (i: number) => {
    const rest = lines.slice(i).filter((l) => !blank(l));
    return rest.length > 0 && rest.every(quoted);
  };
  let cut = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(BIDI, '');
    if (ORIGINAL.test(line)) {
      cut = i;
      break;
    }
    if (ATTRIBUTION.test(line) && onlyQuotedFrom(i + 1)) {
      // mail programs wrap a long attribution: "On …, Leyla <l@example.az>\nwrote:"
      const wrapped = line.trim().split(/\s+/).length <= 2 && i > 0 && !blank(lines[i - 1]!);
      cut = wrapped ? i - 1 : i;
      break;
    }
    if (quoted(line) && onlyQuotedFrom(i)) {
      cut = i;
      break;
    }
  }
  const kept = (cut >= 0 ? lines.slice(0, cut) : lines).join('\n').trim();
  return kept || text.trim();
}

/** A Message-ID for mail that came without one: the same mail always gets the same id. */
export function stableMessageId(mail: ParsedMail): string {
  const h = createHash('sha256')
    .update(mail.from?.text ?? '')
    .update('\0')
    .update(mail.date?.toISOString() ?? '')
    .update('\0')
    .update(mail.subject ?? '')
    .update('\0')
    .update(mail.text || (typeof mail.html === 'string' ? mail.html : ''))
    .digest('hex')
    .slice(0, 40);
  return `<${h}@riza.invalid>`;
}

/** The ids a bounce names as the message that failed (its returned headers). */
function bouncedIds(mail: ParsedMail): string[] {
  return mail.attachments
    .filter((a) => a.contentType === 'message/rfc822' || a.contentType === 'text/rfc822-headers')
    .flatMap((a) => {
      const head = a.content.toString('utf8').split(/\r?\n\r?\n/)[0] ?? '';
      return messageIds(/^message-id:[ \t]*(.*)$/im.exec(head)?.[1]);
    });
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export interface EmailReading {
  message: InboundMessage;
  automatic: AutomaticReason | null;
  fromEmail: string | null;
}

/** The mail as an inbound message of the channel core. */
export function readEmail(
  mail: ParsedMail,
  opts: { receivedAt: Date; envelopeFrom?: string; via: 'smtp' | 'imap' },
): EmailReading {
  const automatic = automaticReason(mail, opts.envelopeFrom);
  const own = messageIds(mail.messageId)[0] ?? stableMessageId(mail);
  const references = messageIds(mail.references);
  const inReplyTo = messageIds(mail.inReplyTo);
  const threadKey = references[0] ?? inReplyTo[0] ?? own;
  const refs = [...new Set([...inReplyTo, ...references, ...(automatic ? bouncedIds(mail) : [])])];
  const sender = mail.from?.value[0];
  const fromEmail =
    normalizeEmail(sender?.address ?? '') ?? (opts.envelopeFrom ? normalizeEmail(opts.envelopeFrom) : null);
  const subject = clip((mail.subject ?? '').replace(/\s+/g, ' ').trim(), MAX_SUBJECT);
  const text = clip(stripQuotedReply(mail.text ?? ''), MAX_TEXT);
  const attachments: InboundAttachment[] = mail.attachments
    // the parts of a delivery report are the report, not the customer's files
    .filter((a) => !a.contentType.startsWith('message/') && a.contentType !== 'text/rfc822-headers')
    .map((a) => ({
      filename: a.filename ?? 'attachment',
      contentType: a.contentType,
      content: a.content,
    }));
  return {
    automatic,
    fromEmail,
    message: {
      externalId: own,
      threadKey,
      references: refs,
      subject,
      text,
      html: typeof mail.html === 'string' ? mail.html : null,
      from: {
        ...(sender?.name?.trim() && { name: sender.name.trim() }),
        ...(fromEmail && { email: fromEmail }),
      },
      attachments,
      receivedAt: opts.receivedAt,
      automatic: automatic !== null,
      meta: {
        via: opts.via,
        subject,
        ...(fromEmail && { from: fromEmail }),
        ...(automatic && { automatic }),
      },
    },
  };
}
