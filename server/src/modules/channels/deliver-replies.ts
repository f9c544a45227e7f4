// Delivers the channel outbox: each reply through its channel's sender, under a row lock (any number
// of workers), marked sent in the same transaction; refused sends retried with backoff.
import type { Db, Trx } from '../../platform/db/db.ts';
import { backoffSeconds, MAX_ATTEMPTS } from '../notifications/deliver.ts';
import { ProviderError } from '../notifications/providers/index.ts';
import type { ChannelKind } from './channel-kinds.ts';

export interface ChannelReply {
  id: string;
  threadKey: string;
  body: string;
  caseNumber: string;
}

/** Sends through one kind of channel; `config` is the channel's stored configuration. */
export interface ChannelSender {
  send(
    channel: { id: string; orgId: string; config: Record<string, unknown>; address: string | null },
    reply: ChannelReply,
  ): Promise<{ externalId?: string }>;
}

export type ChannelSenders = Partial<Record<ChannelKind, ChannelSender>>;

export async function deliverReplies(db: Db, senders: ChannelSenders, limit = 100, now = () => new Date()) {
  const result = { sent: 0, retried: 0, failed: 0 };
  for (let i = 0; i < limit; i++) {
    const r = await db.transaction().execute((trx) => deliverOne(trx, senders, now()));
    if (r === 'none') break;
    result[r]++;
  }
  return result;
}

async function deliverOne(
  trx: Trx,
  senders: ChannelSenders,
  now: Date,
): Promise<'sent' | 'retried' | 'failed' | 'none'> {
  const o = await trx
    .selectFrom('channel_outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  if (!o) return 'none';
  const ch = await trx
    .selectFrom('channels as ch')
    .innerJoin('cases as c', (j) => j.onRef('c.org_id', '=', 'ch.org_id').on('c.id', '=', o.case_id))
    .select(['ch.id', 'ch.kind', 'ch.config', 'ch.address', 'c.number'])
    .where('ch.org_id', '=', o.org_id)
    .where('ch.id', '=', o.channel_id)
    .executeTakeFirstOrThrow();
  const sender = senders[ch.kind as ChannelKind];
  const attempt = o.attempts + 1;
  const finish = async (patch: { status: string; error?: string; externalId?: string }) => {
    await trx
      .updateTable('channel_outbox')
      .set({
        status: patch.status,
        attempts: attempt,
        last_error: patch.error ?? null,
        external_id: patch.externalId ?? null,
        sent_at: patch.status === 'sent' ? now : null,
        next_attempt_at:
          patch.status === 'pending' ? new Date(now.getTime() + backoffSeconds(attempt) * 1000) : now,
      })
      .where('org_id', '=', o.org_id)
      .where('id', '=', o.id)
      .execute();
    if (patch.externalId) {
      await trx
        .updateTable('case_messages')
        .set({ external_id: patch.externalId })
        .where('org_id', '=', o.org_id)
        .where('id', '=', o.message_id)
        .execute();
    }
  };
  if (!sender) {
    await finish({ status: 'failed', error: `no sender for channel kind ${ch.kind}` });
    return 'failed';
  }
  try {
    const r = await sender.send(
      { id: ch.id, orgId: o.org_id, config: ch.config as Record<string, unknown>, address: ch.address },
      { id: o.message_id, threadKey: o.thread_key, body: o.body, caseNumber: ch.number },
    );
    await finish({ status: 'sent', externalId: r.externalId });
    return 'sent';
  } catch (e) {
    const permanent = e instanceof ProviderError && e.permanent;
    const failed = permanent || attempt >= MAX_ATTEMPTS;
    await finish({
      status: failed ? 'failed' : 'pending',
      error: e instanceof Error ? e.message : String(e),
    });
    return failed ? 'failed' : 'retried';
  }
}
