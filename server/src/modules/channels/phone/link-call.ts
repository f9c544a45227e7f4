// Use-case: the agent ties the call to the case it was about — typically the case they registered
// while on the line. The case timeline gets the call's facts, the call's recording (if already
// uploaded) becomes one of the case's files, and a caller we did not recognise becomes the case's
// customer on the call record.
import type { Trx } from '../../../platform/db/db.ts';
import { AppError, notFound, validation } from '../../../platform/errors.ts';
import { type Actor, can, canReadCase } from '../../access/permissions.ts';
import { appendAudit } from '../../audit/audit.ts';
import { appendCaseEvents, lockCase } from '../../cases/case.repository.ts';
import { attachRecordingToCase, type RecordingMeta, recordingOf } from './call-recording.ts';

export async function lockCall(trx: Trx, orgId: string, id: string) {
  return trx
    .selectFrom('calls')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function linkCallToCase(
  trx: Trx,
  actor: Actor,
  callId: string,
  caseId: string,
  now = new Date(),
): Promise<{ linked: boolean }> {
  if (!can(actor, 'cases:work')) throw new AppError('FORBIDDEN');
  const call = await lockCall(trx, actor.orgId, callId);
  if (!call) throw notFound();
  const c = await lockCase(trx, actor.orgId, caseId);
  if (!c || !canReadCase(actor, c)) throw validation([{ field: 'caseId', reason: 'not_found' }]);
  if (call.case_id === caseId) return { linked: false };
  // one call, one case: moving it silently would leave the first case's timeline wrong
  if (call.case_id) throw new AppError('CONFLICT', { reason: 'call_linked_to_another_case' });
  await trx
    .updateTable('calls')
    .set({ case_id: caseId, customer_id: call.customer_id ?? c.customer_id })
    .where('org_id', '=', actor.orgId)
    .where('id', '=', callId)
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
      type: 'call_linked',
      actorId: actor.userId,
      actorKind: 'user',
      at: now,
      data: {
        callId,
        externalId: call.external_id,
        startedAt: call.started_at.toISOString(),
        agentId: call.agent_id,
        waitSeconds: call.wait_seconds,
        talkSeconds: call.talk_seconds,
        holdCount: call.hold_count,
        holdSeconds: call.hold_seconds,
        holdLimitExceeded: call.hold_limit_exceeded,
        abandoned: call.abandoned,
      },
    },
  ]);
  const recording: RecordingMeta | null = call.recording_attachment_id
    ? await recordingOf(trx, actor.orgId, callId)
    : null;
  if (recording) await attachRecordingToCase(trx, actor, caseId, callId, recording, now);
  await appendAudit(trx, [
    {
      orgId: actor.orgId,
      actorId: actor.userId,
      actorKind: 'user',
      action: 'call.linked',
      entity: 'case',
      entityId: caseId,
      data: { number: c.number, callId },
    },
  ]);
  return { linked: true };
}
