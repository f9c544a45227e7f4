// Inbound SMTP: mail for an active e-mail channel's address is accepted and goes into the channel
// core; any other recipient is refused (550) so we are never an open relay. Meant to sit behind
// the organisation's mail exchanger (which does TLS, spam and virus checks) or on a private network:
// it speaks plain SMTP without AUTH.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerError } from 'smtp-server';
import type { Db } from '../../../platform/db/db.ts';
import type { FileStore } from '../../../platform/storage/storage.ts';
import { type EmailChannel, findEmailChannel, receiveEmail } from './receive-email.ts';

/** Largest message accepted: attachments up to 25 MiB, base64 makes them a third bigger. */
export const SMTP_MAX_BYTES = 36 * 1024 * 1024;
const MAX_RECIPIENTS = 20;

export interface SmtpListenerOptions {
  db: Db;
  store: FileStore;
  host: string;
  /** 0: any free port (tests) */
  port: number;
  log: (msg: string) => void;
  maxBytes?: number;
}

export interface SmtpListener {
  readonly port: number;
  close(): Promise<void>;
}

const smtpError = (code: number, message: string): SMTPServerError =>
  Object.assign(new Error(message), { responseCode: code });

export async function startSmtpListener(opts: SmtpListenerOptions): Promise<SmtpListener> {
  // the channels named by RCPT TO, per transaction (smtp-server starts a new envelope for each)
  const channelsOf = new WeakMap<object, EmailChannel[]>();
  const limit = opts.maxBytes ?? SMTP_MAX_BYTES;
  const server = new SMTPServer({
    banner: 'Riza',
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    disableReverseLookup: true,
    size: limit,
    logger: false,
    onRcptTo(address, session, callback) {
      const known = channelsOf.get(session.envelope) ?? [];
      if (known.length >= MAX_RECIPIENTS) return callback(smtpError(452, 'Too many recipients'));
      findEmailChannel(opts.db, address.address).then(
        (channel) => {
          if (!channel) return callback(smtpError(550, `No mailbox here by that name: ${address.address}`));
          channelsOf.set(session.envelope, [...known, channel]);
          callback();
        },
        (e) => {
          opts.log(`smtp: recipient lookup failed: ${String(e)}`);
          callback(smtpError(451, 'Temporary failure, try again later'));
        },
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      // an oversized message is read to its end (the protocol needs that) but not kept
      stream.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= limit) chunks.push(c);
      });
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(smtpError(552, 'Message exceeds the size limit'));
        const channels = channelsOf.get(session.envelope) ?? [];
        const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined;
        deliver(opts, Buffer.concat(chunks), channels, envelopeFrom).then(
          () => callback(),
          (e) => {
            opts.log(`smtp: could not take a message: ${e instanceof Error ? e.stack : String(e)}`);
            callback(smtpError(451, 'Temporary failure, try again later'));
          },
        );
      });
    },
  });
  server.on('error', (e) => opts.log(`smtp: ${String(e)}`));
  server.listen(opts.port, opts.host);
  await once(server.server, 'listening');
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Once per organisation: two addresses of the same org on one mail make one message, not two. */
async function deliver(
  opts: SmtpListenerOptions,
  raw: Buffer,
  channels: EmailChannel[],
  envelopeFrom: string | undefined,
) {
  const mail = await simpleParser(raw);
  const receivedAt = new Date();
  const seen = new Set<string>();
  for (const channel of channels) {
    if (seen.has(channel.orgId)) continue;
    seen.add(channel.orgId);
    const r = await receiveEmail(opts.db, opts.store, channel, mail, {
      receivedAt,
      envelopeFrom,
      via: 'smtp',
    });
    if (r.status === 'dropped') opts.log(`smtp: dropped mail from our own address to ${channel.address}`);
  }
}
