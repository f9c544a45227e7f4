// Use-case: a messaging platform delivered a webhook to one of an org's channels. Nothing is read
// before the request is proven genuine; then each customer message goes through ingestInbound in
// its own transaction, one conversation at a time, so a redelivery — even one racing the first
// delivery — adds nothing, and two quick messages of a new customer open one case, not two.
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { FileStore } from '../../../platform/storage/storage.ts';
import { getOrgBySlug, type OrgContext } from '../../orgs/org.repository.ts';
import { type ChannelRef, type InboundMessage, ingestInbound } from '../ingest.ts';
import type { Headers, MessagingPlatform, Settings } from './platform.ts';
import { MESSAGING_KINDS, MESSAGING_PLATFORMS } from './platforms.ts';
import { secretsEqual } from './signature.ts';

export interface WebhookTarget {
  org: OrgContext;
  channel: ChannelRef;
  config: Settings;
  platform: MessagingPlatform;
}

/** The org's active messaging channel with this code, or null (unknown org, code, kind, or inactive). */
export async function findWebhookTarget(
  db: Db,
  orgSlug: string,
  channelCode: string,
): Promise<WebhookTarget | null> {
  const org = await getOrgBySlug(db, orgSlug);
  if (!org) return null;
  const row = await db
    .selectFrom('channels as ch')
    .innerJoin('inboxes as i', (j) => j.onRef('i.org_id', '=', 'ch.org_id').onRef('i.id', '=', 'ch.inbox_id'))
    .innerJoin('departments as d', (j) =>
      j.onRef('d.org_id', '=', 'i.org_id').onRef('d.id', '=', 'i.department_id'),
    )
    .select(['ch.id', 'ch.kind', 'ch.config', 'ch.inbox_id', 'd.code as department'])
    .where('ch.org_id', '=', org.orgId)
    .where('ch.code', '=', channelCode)
    .where('ch.active', '=', true)
    .where('ch.kind', 'in', MESSAGING_KINDS)
    .executeTakeFirst();
  if (!row) return null;
  const platform = MESSAGING_PLATFORMS[row.kind as keyof typeof MESSAGING_PLATFORMS];
  return {
    org,
    channel: { id: row.id, kind: platform.kind, inboxId: row.inbox_id, departmentCode: row.department },
    config: row.config as Settings,
    platform,
  };
}

/**
 * Meta's subscription handshake (`GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`):
 * the challenge to echo, or FORBIDDEN. Platforms without a handshake have no such address.
 */
export function answerHandshake(
  target: WebhookTarget,
  query: { mode?: string; token?: string; challenge?: string },
): string {
  const expected = target.platform.verifyToken?.(target.config);
  if (expected === undefined) throw new AppError('NOT_FOUND');
  if (query.mode !== 'subscribe' || !query.challenge || !secretsEqual(query.token, expected)) {
    throw new AppError('FORBIDDEN');
  }
  return query.challenge;
}

export interface WebhookResult {
  recorded: number;
  duplicates: number;
  /** messages that can never be recorded as sent (the case form refused them): logged, not retried */
  refused: { externalId: string; fields: string[] }[];
}

export async function receiveWebhook(
  db: Db,
  store: FileStore,
  target: WebhookTarget,
  headers: Headers,
  raw: Buffer,
  now = new Date(),
): Promise<WebhookResult> {
  if (!target.platform.authentic(target.config, headers, raw)) throw new AppError('UNAUTHENTICATED');
  let update: unknown;
  try {
    update = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new AppError('BAD_REQUEST');
  }
  const result: WebhookResult = { recorded: 0, duplicates: 0, refused: [] };
  for (const msg of target.platform.parse(update, target.config, now)) {
    try {
      const r = await ingestOnce(db, store, target, msg);
      if (r.duplicate) result.duplicates++;
      else result.recorded++;
    } catch (e) {
      // Any other failure propagates: the platform gets a 5xx and delivers again later.
      if (!(e instanceof AppError) || e.code !== 'VALIDATION_FAILED') throw e;
      result.refused.push({
        externalId: msg.externalId,
        fields: e.fields.map((f) => `${f.field}:${f.reason}`),
      });
    }
  }
  return result;
}

async function ingestOnce(db: Db, store: FileStore, target: WebhookTarget, msg: InboundMessage) {
  const attempt = () =>
    db.transaction().execute(async (trx) => {
      // one conversation at a time: a second message waits for the first one's case and thread
      const key = `${target.channel.id}:${msg.threadKey}`;
      await sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
      return ingestInbound(trx, target.org, target.channel, msg, { store });
    });
  try {
    return await attempt();
  } catch (e) {
    // a unique violation: another delivery of this message (or a new customer's contact) won the
    // race; once it has committed, a second try finds it
    if ((e as { code?: string }).code !== '23505') throw e;
    return attempt();
  }
}
