// One received e-mail, whichever way it came (delivered to the SMTP listener or fetched by IMAP),
// into the channel core. Mail written from one of our own addresses is dropped: answering it, or
// registering it, is how two systems end up mailing each other forever.

import { sql } from 'kysely';
import type { ParsedMail } from 'mailparser';
import addressparser from 'nodemailer/lib/addressparser';
import type { Db } from '../../../platform/db/db.ts';
import type { FileStore } from '../../../platform/storage/storage.ts';
import { getOrgById } from '../../orgs/org.repository.ts';
import { type ChannelRef, ingestInbound } from '../ingest.ts';
import { type EmailChannelConfig, emailConfigOf } from './email-config.ts';
import { type AutomaticReason, readEmail } from './parse-email.ts';

export interface EmailChannel {
  id: string;
  orgId: string;
  inboxId: string;
  departmentCode: string;
  address: string | null;
  config: EmailChannelConfig;
}

function activeEmailChannels(db: Db) {
  return db
    .selectFrom('channels as ch')
    .innerJoin('inboxes as i', (j) => j.onRef('i.org_id', '=', 'ch.org_id').onRef('i.id', '=', 'ch.inbox_id'))
    .innerJoin('departments as d', (j) =>
      j.onRef('d.org_id', '=', 'i.org_id').onRef('d.id', '=', 'i.department_id'),
    )
    .select(['ch.id', 'ch.org_id', 'ch.inbox_id', 'ch.address', 'ch.config', 'd.code as department'])
    .where('ch.kind', '=', 'email')
    .where('ch.active', '=', true)
    .where('i.active', '=', true);
}

type ChannelRow = {
  id: string;
  org_id: string;
  inbox_id: string;
  address: string | null;
  config: unknown;
  department: string;
};

const toChannel = (r: ChannelRow): EmailChannel => ({
  id: r.id,
  orgId: r.org_id,
  inboxId: r.inbox_id,
  departmentCode: r.department,
  address: r.address,
  config: emailConfigOf(r.config),
});

/** The active e-mail channel customers reach at this address (any letter case), if any. */
export async function findEmailChannel(db: Db, address: string): Promise<EmailChannel | null> {
  const row = await activeEmailChannels(db)
    .where(sql<string>`lower(ch.address)`, '=', address.trim().toLowerCase())
    .executeTakeFirst();
  return row ? toChannel(row) : null;
}

/** Active e-mail channels whose mail is fetched from an IMAP mailbox. */
export async function imapChannels(db: Db): Promise<EmailChannel[]> {
  const rows = await activeEmailChannels(db)
    .where(sql<boolean>`jsonb_typeof(ch.config -> 'imap') = 'object'`)
    .orderBy('ch.org_id')
    .orderBy('ch.id')
    .execute();
  return rows.map(toChannel);
}

/** Written from one of our channel addresses, or from the org's own notification sender. */
export async function isOwnAddress(db: Db, orgId: string, email: string): Promise<boolean> {
  const e = email.toLowerCase();
  const channel = await db
    .selectFrom('channels')
    .select('id')
    .where('kind', '=', 'email')
    .where(sql<string>`lower(address)`, '=', e)
    .limit(1)
    .executeTakeFirst();
  if (channel) return true;
  const provider = await db
    .selectFrom('notification_providers')
    .select('config')
    .where('org_id', '=', orgId)
    .where('channel', '=', 'email')
    .executeTakeFirst();
  const from = (provider?.config as { from?: unknown } | undefined)?.from;
  if (typeof from !== 'string') return false;
  return addressparser(from, { flatten: true }).some((a) => a.address.toLowerCase() === e);
}

export type ReceiveOutcome =
  | { status: 'dropped'; reason: 'own_address' }
  | {
      status: 'ingested' | 'duplicate';
      caseId: string;
      number: string;
      created: boolean;
      automatic: AutomaticReason | null;
    };

export async function receiveEmail(
  db: Db,
  store: FileStore,
  channel: EmailChannel,
  mail: ParsedMail,
  opts: { receivedAt: Date; envelopeFrom?: string; via: 'smtp' | 'imap' },
): Promise<ReceiveOutcome> {
  const reading = readEmail(mail, opts);
  if (reading.fromEmail && (await isOwnAddress(db, channel.orgId, reading.fromEmail)))
    return { status: 'dropped', reason: 'own_address' };
  const org = await getOrgById(db, channel.orgId);
  if (!org) throw new Error(`the organisation of channel ${channel.id} is gone`);
  const ref: ChannelRef = {
    id: channel.id,
    kind: 'email',
    inboxId: channel.inboxId,
    departmentCode: channel.departmentCode,
  };
  const ingest = () =>
    db.transaction().execute((trx) => ingestInbound(trx, org, ref, reading.message, { store }));
  let r: Awaited<ReturnType<typeof ingest>>;
  try {
    r = await ingest();
  } catch (e) {
    // the same mail delivered twice at once: the other delivery committed it first
    if ((e as { code?: string }).code !== '23505') throw e;
    r = await ingest();
  }
  return {
    status: r.duplicate ? 'duplicate' : 'ingested',
    caseId: r.caseId,
    number: r.number,
    created: r.created,
    automatic: reading.automatic,
  };
}
