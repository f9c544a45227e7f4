// Use-cases (R-FLOW-7, Umniah): a case that cannot be resolved as asked gets an offer — an
// alternative of equal service type, duration, value and capacity, or compensation — which the
// customer is told about; their answer is recorded. Both are on the timeline and audited.
import { v7 as uuidv7 } from 'uuid';
import type { DbOrTrx, Trx } from '../../platform/db/db.ts';
import { AppError, type FieldError, notFound, validation } from '../../platform/errors.ts';
import { type Actor, can, canReadCase } from '../access/permissions.ts';
import { appendAudit } from '../audit/audit.ts';
import { enqueueCustomerNotice } from '../notifications/outbox.ts';
import { appendCaseEvents, lockCase } from './case.repository.ts';
import { type CaseStatus, isOpen } from './case-status.ts';

export interface OfferInput {
  kind: 'alternative' | 'compensation';
  description: string;
  /** compensation: the amount and its ISO 4217 currency */
  amount?: number;
  currency?: string;
  /** why the request cannot be met as asked */
  reason: string;
}

export interface OfferView {
  id: string;
  kind: string;
  description: string;
  amount: number | null;
  currency: string | null;
  reason: string;
  offeredAt: string;
  answer: string | null;
  answerNote: string | null;
  answeredAt: string | null;
}

async function caseFor(trx: Trx, actor: Actor, caseId: string) {
  if (!can(actor, 'cases:work')) throw new AppError('FORBIDDEN');
  const c = await lockCase(trx, actor.orgId, caseId);
  if (!c || !canReadCase(actor, c)) throw notFound();
  return c;
}

export async function makeOffer(trx: Trx, actor: Actor, caseId: string, input: OfferInput, now = new Date()) {
  const c = await caseFor(trx, actor, caseId);
  const errors: FieldError[] = [];
  const description = input.description?.trim();
  const reason = input.reason?.trim();
  if (input.kind !== 'alternative' && input.kind !== 'compensation')
    errors.push({ field: 'kind', reason: 'invalid_value' });
  if (!description) errors.push({ field: 'description', reason: 'required' });
  if (!reason) errors.push({ field: 'reason', reason: 'required' });
  if (input.kind === 'compensation') {
    if (typeof input.amount !== 'number' || !(input.amount > 0) || input.amount > 1e9) {
      errors.push({ field: 'amount', reason: 'out_of_range', params: { min: 0.001, max: 1e9 } });
    }
    if (!/^[A-Z]{3}$/.test(input.currency ?? ''))
      errors.push({ field: 'currency', reason: 'invalid_format' });
  }
  if (errors.length) throw validation(errors);
  if (!isOpen(c.status as CaseStatus))
    throw new AppError('INVALID_TRANSITION', { from: c.status, action: 'offer' });
  const id = uuidv7();
  const compensation = input.kind === 'compensation';
  await trx
    .insertInto('case_offers')
    .values({
      org_id: actor.orgId,
      id,
      case_id: caseId,
      kind: input.kind,
      description: description!,
      amount: compensation ? input.amount! : null,
      currency: compensation ? input.currency! : null,
      reason: reason!,
      offered_by: actor.userId,
      offered_at: now,
    })
    .execute();
  const data = {
    offerId: id,
    kind: input.kind,
    description,
    amount: input.amount ?? null,
    currency: input.currency ?? null,
  };
  await appendCaseEvents(trx, [
    {
      orgId: actor.orgId,
      caseId,
      type: 'offer_made',
      actorId: actor.userId,
      actorKind: 'user',
      at: now,
      reason,
      data,
    },
  ]);
  await appendAudit(trx, [
    {
      orgId: actor.orgId,
      actorId: actor.userId,
      actorKind: 'user',
      action: 'case.offer_made',
      entity: 'case',
      entityId: caseId,
      data: { number: c.number, ...data },
    },
  ]);
  const amount = compensation
    ? ` (${new Intl.NumberFormat('en', { maximumFractionDigits: 3 }).format(input.amount!)} ${input.currency})`
    : '';
  await enqueueCustomerNotice(trx, {
    orgId: actor.orgId,
    caseId,
    event: 'offer',
    variables: { caseNumber: c.number, offer: `${description}${amount}`, reason },
    dedupeKey: `offer:${id}`,
  });
  return { id };
}

export async function answerOffer(
  trx: Trx,
  actor: Actor,
  caseId: string,
  offerId: string,
  input: { answer: 'accepted' | 'declined'; note?: string },
  now = new Date(),
) {
  const c = await caseFor(trx, actor, caseId);
  if (input.answer !== 'accepted' && input.answer !== 'declined') {
    throw validation([{ field: 'answer', reason: 'invalid_value' }]);
  }
  const offer = await trx
    .selectFrom('case_offers')
    .select(['id', 'answer'])
    .where('org_id', '=', actor.orgId)
    .where('case_id', '=', caseId)
    .where('id', '=', offerId)
    .forUpdate()
    .executeTakeFirst();
  if (!offer) throw notFound();
  if (offer.answer) throw new AppError('CONFLICT', { reason: 'offer_already_answered' });
  const note = input.note?.trim() || null;
  await trx
    .updateTable('case_offers')
    .set({ answer: input.answer, answer_note: note, answered_at: now, answer_recorded_by: actor.userId })
    .where('org_id', '=', actor.orgId)
    .where('id', '=', offerId)
    .execute();
  const data = { offerId, answer: input.answer, note };
  await appendCaseEvents(trx, [
    {
      orgId: actor.orgId,
      caseId,
      type: 'offer_answered',
      actorId: actor.userId,
      actorKind: 'user',
      at: now,
      data,
    },
  ]);
  await appendAudit(trx, [
    {
      orgId: actor.orgId,
      actorId: actor.userId,
      actorKind: 'user',
      action: 'case.offer_answered',
      entity: 'case',
      entityId: caseId,
      data: { number: c.number, ...data },
    },
  ]);
}

export async function listOffers(trx: DbOrTrx, orgId: string, caseId: string): Promise<OfferView[]> {
  const rows = await trx
    .selectFrom('case_offers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('case_id', '=', caseId)
    .orderBy('offered_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    description: r.description,
    amount: r.amount === null ? null : Number(r.amount),
    currency: r.currency,
    reason: r.reason,
    offeredAt: r.offered_at.toISOString(),
    answer: r.answer,
    answerNote: r.answer_note,
    answeredAt: r.answered_at?.toISOString() ?? null,
  }));
}
