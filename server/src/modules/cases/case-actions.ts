import { v7 as uuidv7 } from 'uuid';
import type { Trx } from '../../platform/db/db.ts';
import { AppError, notFound, validation } from '../../platform/errors.ts';
import { type Actor, can, canReadCase } from '../access/permissions.ts';
import { appendAudit } from '../audit/audit.ts';
import { type NoticeCase, noticeForAction } from '../notifications/case-notices.ts';
import { searchVector } from '../search/search-vector.ts';
import { applySlaForAction } from '../sla/sla-lifecycle.ts';
import { appendCaseEvents, lockCase } from './case.repository.ts';
import {
  type Assessment,
  type CaseAction,
  type CaseStatus,
  isOpen,
  nextStatus,
  priorityFromAssessment,
  REJECTION_REASONS,
} from './case-status.ts';

export interface ActionInput {
  reason?: string;
  /** transfer: department code, optional owner in it */
  department?: string;
  ownerId?: string;
  /** respond / request_information / customer_replied: the message */
  message?: string;
  mode?: 'written' | 'verbal';
  customerAgreedToVerbal?: boolean;
  /** respond: the steps taken, for the final written answer (R-FLOW-5) */
  steps?: string[];
  /** reject */
  rejection?: string;
  duplicateOf?: string;
  assessment?: Assessment;
}

const MANAGER_ACTIONS: CaseAction[] = ['close', 'reject', 'reopen'];
const REASON_REQUIRED: CaseAction[] = [
  'transfer',
  'reopen',
  'reject',
  'withdraw',
  'escalate_externally',
  'object',
];
const EVENT_TYPE: Record<CaseAction, string> = {
  acknowledge: 'acknowledged',
  assess: 'assessed',
  investigate: 'investigation_started',
  request_information: 'information_requested',
  customer_replied: 'customer_replied',
  transfer: 'transferred',
  respond: 'responded',
  close: 'closed',
  reopen: 'reopened',
  object: 'objection_raised',
  escalate_externally: 'escalated_externally',
  withdraw: 'withdrawn',
  reject: 'rejected',
};

async function loadForActor(trx: Trx, actor: Actor, caseId: string) {
  const row = await lockCase(trx, actor.orgId, caseId);
  if (!row || !canReadCase(actor, row)) throw notFound();
  return row;
}

export async function applyCaseAction(
  trx: Trx,
  actor: Actor,
  caseId: string,
  action: CaseAction,
  input: ActionInput,
  now = new Date(),
): Promise<{ status: CaseStatus }> {
  const needed = MANAGER_ACTIONS.includes(action) ? 'cases:close' : 'cases:work';
  if (!can(actor, needed)) throw new AppError('FORBIDDEN');
  const c = await loadForActor(trx, actor, caseId);
  const from = c.status as CaseStatus;

  const reason = input.reason?.trim() || null;
  const message = input.message?.trim() || null;
  if (REASON_REQUIRED.includes(action) && !reason)
    throw validation([{ field: 'reason', reason: 'required' }]);
  if (['respond', 'request_information', 'customer_replied'].includes(action) && !message) {
    throw validation([{ field: 'message', reason: 'required' }]);
  }

  const t = nextStatus(from, action, c.resume_status as CaseStatus | null);
  if (!t.ok) {
    // R-FLOW-4: name the real reason when someone tries to close an unanswered case
    if (action === 'close' && isOpen(from)) throw new AppError('RESPONSE_REQUIRED');
    throw new AppError('INVALID_TRANSITION', { from, action });
  }
  const to = t.to;
  const patch: Record<string, unknown> = { status: to, updated_at: now };
  const data: Record<string, unknown> = {};

  switch (action) {
    case 'acknowledge':
      patch.acknowledged_at = c.acknowledged_at ?? now;
      break;
    case 'assess': {
      const a = input.assessment;
      const scale = (n: unknown) => n === 1 || n === 2 || n === 3;
      if (!a || !scale(a.severity) || !scale(a.complexity) || !scale(a.impact) || !scale(a.urgency)) {
        throw validation([{ field: 'assessment', reason: 'invalid_value' }]);
      }
      patch.assessment = JSON.stringify(a);
      patch.priority = priorityFromAssessment(a);
      patch.acknowledged_at = c.acknowledged_at ?? now;
      Object.assign(data, { assessment: a, priority: patch.priority });
      break;
    }
    case 'request_information':
      patch.resume_status = from;
      break;
    case 'customer_replied':
      patch.resume_status = null;
      break;
    case 'transfer': {
      if (!input.department) throw validation([{ field: 'department', reason: 'required' }]);
      const dept = await trx
        .selectFrom('departments')
        .select(['id', 'lead_user_id'])
        .where('org_id', '=', actor.orgId)
        .where('code', '=', input.department)
        .where('active', '=', true)
        .executeTakeFirst();
      if (!dept) throw validation([{ field: 'department', reason: 'not_found' }]);
      let owner = input.ownerId ?? dept.lead_user_id;
      if (input.ownerId) {
        const u = await trx
          .selectFrom('users')
          .select('id')
          .where('org_id', '=', actor.orgId)
          .where('id', '=', input.ownerId)
          .where('active', '=', true)
          .executeTakeFirst();
        if (!u) throw validation([{ field: 'ownerId', reason: 'not_found' }]);
      }
      owner ??= c.owner_id; // a department without a lead keeps the current owner accountable
      patch.department_id = dept.id;
      patch.owner_id = owner;
      Object.assign(data, {
        fromDepartmentId: c.department_id,
        toDepartmentId: dept.id,
        fromOwnerId: c.owner_id,
        toOwnerId: owner,
      });
      break;
    }
    case 'respond':
      if (input.mode === 'verbal' && !input.customerAgreedToVerbal) {
        throw validation([{ field: 'customerAgreedToVerbal', reason: 'required' }]);
      }
      patch.response_communicated_at = now;
      Object.assign(data, {
        mode: input.mode ?? 'written',
        customerAgreedToVerbal: Boolean(input.customerAgreedToVerbal),
        steps: (input.steps ?? []).map((s) => s.trim()).filter(Boolean),
      });
      break;
    case 'close':
      patch.closed_at = now;
      break;
    case 'reopen':
      patch.closed_at = null;
      break;
    case 'reject': {
      if (!input.rejection || !(REJECTION_REASONS as readonly string[]).includes(input.rejection)) {
        throw validation([{ field: 'rejection', reason: 'invalid_value' }]);
      }
      patch.rejection_reason = input.rejection;
      data.rejection = input.rejection;
      if (input.duplicateOf) data.duplicateOf = input.duplicateOf;
      break;
    }
    default:
      break;
  }

  if (message) {
    const kind = action === 'customer_replied' ? 'inbound' : 'outbound';
    const messageId = uuidv7();
    await trx
      .insertInto('case_messages')
      .values({
        org_id: actor.orgId,
        case_id: caseId,
        id: messageId,
        kind,
        channel: c.channel,
        body: message,
        author_id: kind === 'outbound' ? actor.userId : null,
        created_at: now,
        search_vector: searchVector(message),
      })
      .execute();
    Object.assign(data, { messageId, message });
  }

  await trx
    .updateTable('cases')
    .set(patch)
    .where('org_id', '=', actor.orgId)
    .where('id', '=', caseId)
    .execute();
  await applySlaForAction(trx, { ...c, ...(patch as { priority?: string }) }, action, now, c.priority);
  const type = EVENT_TYPE[action];
  const [seq] = await appendCaseEvents(trx, [
    {
      orgId: actor.orgId,
      caseId,
      type,
      actorId: actor.userId,
      actorKind: 'user',
      at: now,
      fromStatus: from,
      toStatus: to,
      reason,
      data,
    },
  ]);
  await appendAudit(trx, [
    {
      orgId: actor.orgId,
      actorId: actor.userId,
      actorKind: 'user',
      action: `case.${type}`,
      entity: 'case',
      entityId: caseId,
      data: { number: c.number, fromStatus: from, toStatus: to, reason },
    },
  ]);
  await noticeForAction(trx, { ...c, ...(patch as object) } as NoticeCase, action, {
    message,
    steps: data.steps as string[] | undefined,
    actorId: actor.userId,
    seq: String(seq),
  });
  return { status: to };
}

/** Internal note: visible to staff only; no status change. */
export async function addNote(trx: Trx, actor: Actor, caseId: string, body: string, now = new Date()) {
  if (!can(actor, 'cases:work')) throw new AppError('FORBIDDEN');
  const text = body?.trim();
  if (!text) throw validation([{ field: 'body', reason: 'required' }]);
  if (text.length > 10_000)
    throw validation([{ field: 'body', reason: 'too_long', params: { max: 10_000 } }]);
  const c = await loadForActor(trx, actor, caseId);
  const messageId = uuidv7();
  await trx
    .insertInto('case_messages')
    .values({
      org_id: actor.orgId,
      case_id: caseId,
      id: messageId,
      kind: 'note',
      channel: 'internal',
      body: text,
      author_id: actor.userId,
      created_at: now,
      search_vector: searchVector(text),
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
      type: 'note_added',
      actorId: actor.userId,
      actorKind: 'user',
      at: now,
      data: { messageId, body: text },
    },
  ]);
  await appendAudit(trx, [
    {
      orgId: actor.orgId,
      actorId: actor.userId,
      actorKind: 'user',
      action: 'case.note_added',
      entity: 'case',
      entityId: caseId,
      data: { number: c.number },
    },
  ]);
  return { messageId };
}

/** Hands the case to another accountable owner (there is always exactly one). */
export async function assignOwner(
  trx: Trx,
  actor: Actor,
  caseId: string,
  ownerId: string,
  reason: string | undefined,
) {
  if (!can(actor, 'cases:assign')) throw new AppError('FORBIDDEN');
  const c = await loadForActor(trx, actor, caseId);
  const u = await trx
    .selectFrom('users')
    .select(['id'])
    .where('org_id', '=', actor.orgId)
    .where('id', '=', ownerId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!u) throw validation([{ field: 'ownerId', reason: 'not_found' }]);
  const now = new Date();
  await trx
    .updateTable('cases')
    .set({ owner_id: ownerId, updated_at: now })
    .where('org_id', '=', actor.orgId)
    .where('id', '=', caseId)
    .execute();
  await appendCaseEvents(trx, [
    {
      orgId: actor.orgId,
      caseId,
      type: 'owner_changed',
      actorId: actor.userId,
      actorKind: 'user',
      at: now,
      reason: reason?.trim() || null,
      data: { fromOwnerId: c.owner_id, toOwnerId: ownerId },
    },
  ]);
  await appendAudit(trx, [
    {
      orgId: actor.orgId,
      actorId: actor.userId,
      actorKind: 'user',
      action: 'case.owner_changed',
      entity: 'case',
      entityId: caseId,
      data: { number: c.number, toOwnerId: ownerId },
    },
  ]);
}
