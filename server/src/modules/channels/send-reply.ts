// Use-case: an agent writes to the customer on a case. The reply goes back through the door the
// customer came in by (the case's channel thread: e-mail, WhatsApp, Telegram, Messenger, web chat),
// queued in the channel outbox in the same transaction. Confidential data is refused on public
// social platforms (R-REC-4). A reply is a first response (SLA).
import { v7 as uuidv7 } from 'uuid';
import type { Trx } from '../../platform/db/db.ts';
import { AppError, notFound, validation } from '../../platform/errors.ts';
import { type Actor, can, canReadCase } from '../access/permissions.ts';
import { appendAudit } from '../audit/audit.ts';
import { appendCaseEvents, lockCase } from '../cases/case.repository.ts';
import { searchVector } from '../search/search-vector.ts';
import { applySlaEffect } from '../sla/sla-lifecycle.ts';
import { CASE_CHANNEL_OF, type ChannelKind, SOCIAL_KINDS } from './channel-kinds.ts';
import { findConfidential } from './confidential.ts';

export const MAX_REPLY = 4000;

export async function sendReply(trx: Trx, actor: Actor, caseId: string, body: string, now = new Date()) {
  if (!can(actor, 'cases:work')) throw new AppError('FORBIDDEN');
  const text = body?.normalize('NFC').trim();
  if (!text) throw validation([{ field: 'body', reason: 'required' }]);
  if (text.length > MAX_REPLY)
    throw validation([{ field: 'body', reason: 'too_long', params: { max: MAX_REPLY } }]);
  const c = await lockCase(trx, actor.orgId, caseId);
  if (!c || !canReadCase(actor, c)) throw notFound();
  const thread = await trx
    .selectFrom('channel_threads as t')
    .innerJoin('channels as ch', (j) =>
      j.onRef('ch.org_id', '=', 't.org_id').onRef('ch.id', '=', 't.channel_id'),
    )
    .select(['t.channel_id', 't.thread_key', 'ch.kind', 'ch.active'])
    .where('t.org_id', '=', actor.orgId)
    .where('t.case_id', '=', caseId)
    .orderBy('t.last_message_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!thread?.active) throw new AppError('CONFLICT', { reason: 'no_reply_channel' });
  const kind = thread.kind as ChannelKind;
  if (SOCIAL_KINDS.includes(kind)) {
    const found = findConfidential(text);
    if (found.length) {
      throw validation([{ field: 'body', reason: 'confidential', params: { kinds: found.join(', ') } }]);
    }
  }
  const messageId = uuidv7();
  await trx
    .insertInto('case_messages')
    .values({
      org_id: actor.orgId,
      case_id: caseId,
      id: messageId,
      kind: 'outbound',
      channel: CASE_CHANNEL_OF[kind],
      body: text,
      author_id: actor.userId,
      created_at: now,
      search_vector: searchVector(text),
      channel_id: thread.channel_id,
    })
    .execute();
  await trx
    .insertInto('channel_outbox')
    .values({
      org_id: actor.orgId,
      id: uuidv7(),
      channel_id: thread.channel_id,
      thread_key: thread.thread_key,
      case_id: caseId,
      message_id: messageId,
      body: text,
    })
    .execute();
  await trx
    .updateTable('cases')
    .set({ updated_at: now })
    .where('org_id', '=', actor.orgId)
    .where('id', '=', caseId)
    .execute();
  await appendCaseEvents(trx, [
    {
      orgId: actor.orgId,
      caseId,
      type: 'reply_sent',
      actorId: actor.userId,
      actorKind: 'user',
      at: now,
      data: { messageId, channel: kind, body: text },
    },
  ]);
  await appendAudit(trx, [
    {
      orgId: actor.orgId,
      actorId: actor.userId,
      actorKind: 'user',
      action: 'case.reply_sent',
      entity: 'case',
      entityId: caseId,
      data: { number: c.number, channel: kind, messageId },
    },
  ]);
  await applySlaEffect(trx, c, { meet: ['acknowledge', 'first_response'] }, now);
  return { messageId };
}
