// Mail fetched from an IMAP mailbox (for organisations whose mail stays on their own server). Each
// unseen message is ingested, and flagged \Seen only after its transaction committed: a crash in
// between leaves it unseen, and fetching it again adds nothing (the Message-ID is the external id).
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import type { Db } from '../../../platform/db/db.ts';
import type { FileStore } from '../../../platform/storage/storage.ts';
import { type EmailChannel, imapChannels, receiveEmail } from './receive-email.ts';

export interface FetchResult {
  fetched: number;
  ingested: number;
  duplicates: number;
  dropped: number;
  failed: number;
}

export interface FetchOptions {
  log: (msg: string) => void;
  /** messages taken per mailbox and pass; the rest waits for the next pass */
  limit?: number;
  timeoutMs?: number;
}

const empty = (): FetchResult => ({ fetched: 0, ingested: 0, duplicates: 0, dropped: 0, failed: 0 });

/** One channel's mailbox: every unseen message (up to `limit`). */
export async function fetchMailbox(
  db: Db,
  store: FileStore,
  channel: EmailChannel,
  opts: FetchOptions,
): Promise<FetchResult> {
  const imap = channel.config.imap;
  if (!imap) return empty();
  const result = empty();
  const timeout = opts.timeoutMs ?? 30_000;
  const client = new ImapFlow({
    host: imap.host,
    port: imap.port,
    secure: imap.secure,
    auth: { user: imap.user, pass: imap.password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 4,
  });
  // a dropped connection is reported by the command that was waiting on it
  client.on('error', () => {});
  await client.connect();
  try {
    const lock = await client.getMailboxLock(imap.mailbox || 'INBOX');
    try {
      const uids = (await client.search({ seen: false }, { uid: true })) || [];
      for (const uid of uids.slice(0, opts.limit ?? 200)) {
        const m = await client.fetchOne(String(uid), { source: true, internalDate: true }, { uid: true });
        if (m === false || !m?.source) continue;
        result.fetched++;
        try {
          const mail = await simpleParser(m.source);
          const receivedAt = m.internalDate ? new Date(m.internalDate) : new Date();
          const r = await receiveEmail(db, store, channel, mail, { receivedAt, via: 'imap' });
          if (r.status === 'ingested') result.ingested++;
          else if (r.status === 'duplicate') result.duplicates++;
          else result.dropped++;
        } catch (e) {
          // left unseen: the next pass tries again
          result.failed++;
          opts.log(`imap: message ${uid} of channel ${channel.id} not taken: ${String(e)}`);
          continue;
        }
        await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return result;
}

/** Every active e-mail channel with IMAP settings; one unreachable mailbox does not stop the rest. */
export async function fetchAllMailboxes(db: Db, store: FileStore, opts: FetchOptions): Promise<FetchResult> {
  const total = empty();
  for (const channel of await imapChannels(db)) {
    try {
      const r = await fetchMailbox(db, store, channel, opts);
      for (const k of Object.keys(total) as (keyof FetchResult)[]) total[k] += r[k];
    } catch (e) {
      total.failed++;
      opts.log(`imap: mailbox of channel ${channel.id} (${channel.address}) not fetched: ${String(e)}`);
    }
  }
  return total;
}
