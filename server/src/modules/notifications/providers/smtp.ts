// E-mail through an SMTP relay with nodemailer. The Message-ID is derived from our notification id
// so a retried message is recognisably the same one (and deduplicated by clients that care).
import { createTransport } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import type { SmtpConfig } from './config.ts';
import {
  type DeliveryResult,
  type OutboundMessage,
  type Provider,
  permanentError,
  transientError,
} from './types.ts';

export interface SmtpOptions {
  /** Connect, greeting and idle-socket timeout. */
  timeoutMs?: number;
}

// Failures without an SMTP reply that another attempt cannot fix: our settings or the message.
const PERMANENT_CODES = new Set([
  'EAUTH',
  'ENOAUTH',
  'ECONFIG',
  'EENVELOPE',
  'EMAXRECIPIENTS',
  'EREQUIRETLS',
]);

export class SmtpProvider implements Provider {
  readonly kind = 'smtp';
  private readonly transport;
  private readonly domain: string;

  constructor(
    private readonly config: SmtpConfig,
    options: SmtpOptions = {},
  ) {
    const timeout = options.timeoutMs ?? 30_000;
    this.transport = createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      ...(config.user !== undefined && { auth: { user: config.user, pass: config.password ?? '' } }),
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
    const [sender] = addressparser(config.from, { flatten: true });
    this.domain = sender?.address.split('@')[1] ?? 'localhost';
  }

  async send(msg: OutboundMessage): Promise<DeliveryResult> {
    if (msg.channel !== 'email') throw permanentError(`the smtp provider cannot send ${msg.channel}`);
    try {
      const info = await this.transport.sendMail({
        from: this.config.from,
        ...(this.config.replyTo && { replyTo: this.config.replyTo }),
        to: msg.to,
        subject: msg.subject ?? '',
        text: msg.text,
        ...(msg.html !== undefined && { html: msg.html }),
        attachments: (msg.attachments ?? []).map((a) => ({
          filename: a.filename,
          content: a.content,
          contentType: a.contentType,
        })),
        messageId: `<${msg.id.replace(/[^\w.-]/g, '-')}@${this.domain}>`,
        // RFC 3834: tells auto-responders (out-of-office, vacation) not to answer a machine.
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
      });
      return { providerMessageId: info.messageId };
    } catch (err) {
      throw classify(err);
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

function classify(err: unknown) {
  const e = err as { code?: string; permanent?: boolean; message?: string };
  const message = `SMTP delivery failed: ${e.message ?? String(err)}`;
  // nodemailer sets `permanent` from the server's reply class (5xx except 503) when there was one.
  const permanent = e.permanent ?? PERMANENT_CODES.has(e.code ?? '');
  return permanent ? permanentError(message, err) : transientError(message, err);
}
