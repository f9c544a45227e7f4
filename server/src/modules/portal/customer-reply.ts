// Use-case: the customer answers a pending information request from the portal. The same
// transition as the staff action `customer_replied` (status back to where it was, SLA clock
// resumed, inbound message, timeline event, audit row, notices), recorded as the customer's own
// act rather than a staff member's: applyCaseAction needs a staff Actor, and lending it one would
// put a staff name on the customer's words.
import { v7 as uuidv7 } from 'uuid';
import type { Trx } from '../../platform/db/db.ts';
import { AppError, notFound, validation } from '../../platform/errors.ts';
import { appendAudit } from '../audit/audit.ts';
import { appendCaseEvents, lockCase } from '../cases/case.repository.ts';
import { type CaseStatus, nextStatus } from '../cases/case-status.ts';
import { noticeForAction } from '../notifications/case-notices.ts';
import { searchVector } from '../search/search-vector.ts';
import { applySlaForAction } from '../sla/sla-lifecycle.ts';
import { portalFieldError } from './portal-text.ts';

export const MAX_REPLY_LENGTH = 10_000;

export async function replyAsCustomer(
  trx: Trx,
  orgId: string,
  caseId: string,
  message: string,
  now = new Date(),
): Promise<{ status: CaseStatus }> {
  const text = message?.normalize('NFC').trim();
  if (!text) throw validation([portalFieldError('message', 'required')]);
  if (text.length > MAX_REPLY_LENGTH) {
    throw validation([portalFieldError('message', 'too_long', { max: MAX_REPLY_LENGTH })]);
  }
  const c = await lockCase(trx, orgId, caseId);
  if (!c) throw notFound();
  const from = c.status as CaseStatus;
  const t = nextStatus(from, 'customer_replied', c.resume_status as CaseStatus | null);
  // nothing is pending: the customer's page is out of date
  if (!t.ok) throw new AppError('CONFLICT', { reason: 'no_pending_request' });
  const to = t.to;

  const messageId = uuidv7();
  await trx
    .insertInto('case_messages')
    .values({
      org_id: orgId,
      case_id: caseId,
      id: messageId,
      kind: 'inbound',
      channel: c.channel,
      body: text,
      author_id: null,
      created_at: now,
      search_vector: searchVector(text),
    })
    .execute();
  await trx
    .updateTable('cases')
    .set({ status: to, resume_status: null, updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', caseId)
    .execute();
  await applySlaForAction(trx, c, 'customer_replied', now);
  const [seq] = await appendCaseEvents(trx, [
    {
      orgId,
      caseId,
      type: 'customer_replied',
      actorId: null,
      actorKind: 'customer',
      at: now,
      fromStatus: from,
      toStatus: to,
      data: { messageId, message: text, via: 'portal' },
    },
  ]);
  await appendAudit(trx, [
    {
      orgId,
      actorId: null,
      actorKind: 'customer',
      action: 'case.customer_replied',
      entity: 'case',
      entityId: caseId,
      data: { number: c.number, fromStatus: from, toStatus: to },
    },
  ]);
  await noticeForAction(trx, c, 'customer_replied', {
    message: text,
    actorId: null,
    seq: String(seq),
  });
  return { status: to };
}
