// Use-case: a video call with the customer (HRDF: video calls through the Fund's website) is
// recorded on the case as a reference — the meeting link and how long it lasted. There is no media
// server: the video lives on the conferencing service, so only a secure (https) link is accepted.
import type { Trx } from '../../../platform/db/db.ts';
import { AppError, type FieldError, notFound, validation } from '../../../platform/errors.ts';
import { type Actor, can, canReadCase } from '../../access/permissions.ts';
import { appendAudit } from '../../audit/audit.ts';
import { appendCaseEvents, lockCase } from '../../cases/case.repository.ts';

export interface VideoCallInput {
  url: string;
  durationSeconds: number;
  /** when the call started */
  at: string;
}

/** Calls cannot start more than this far in the future of the server's clock. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export function checkVideoCall(input: VideoCallInput, now: Date) {
  const errors: FieldError[] = [];
  let url: URL | null = null;
  try {
    url = new URL(input.url.trim());
  } catch {
    errors.push({ field: 'url', reason: 'invalid_format' });
  }
  if (url && url.protocol !== 'https:') errors.push({ field: 'url', reason: 'https_only' });
  // credentials in a link would end up on the timeline for every reader
  else if (url && (url.username || url.password)) errors.push({ field: 'url', reason: 'invalid_value' });
  if (!Number.isInteger(input.durationSeconds) || input.durationSeconds < 0 || input.durationSeconds > 86_400)
    errors.push({ field: 'durationSeconds', reason: 'out_of_range', params: { min: 0, max: 86_400 } });
  const at = new Date(input.at);
  if (Number.isNaN(at.getTime())) errors.push({ field: 'at', reason: 'invalid_format' });
  else if (at.getTime() > now.getTime() + CLOCK_SKEW_MS)
    errors.push({ field: 'at', reason: 'invalid_value' });
  if (errors.length) throw validation(errors);
  return { url: url!.toString(), durationSeconds: input.durationSeconds, at };
}

export async function recordVideoCall(
  trx: Trx,
  actor: Actor,
  caseId: string,
  input: VideoCallInput,
  now = new Date(),
): Promise<{ seq: number }> {
  if (!can(actor, 'cases:work')) throw new AppError('FORBIDDEN');
  const v = checkVideoCall(input, now);
  const c = await lockCase(trx, actor.orgId, caseId);
  if (!c || !canReadCase(actor, c)) throw notFound();
  await trx
    .updateTable('cases')
    .set({ updated_at: now })
    .where('org_id', '=', actor.orgId)
    .where('id', '=', caseId)
    .execute();
  const [seq] = await appendCaseEvents(trx, [
    {
      orgId: actor.orgId,
      caseId,
      type: 'video_call',
      actorId: actor.userId,
      actorKind: 'user',
      at: now,
      data: { url: v.url, durationSeconds: v.durationSeconds, startedAt: v.at.toISOString() },
    },
  ]);
  await appendAudit(trx, [
    {
      orgId: actor.orgId,
      actorId: actor.userId,
      actorKind: 'user',
      action: 'case.video_call',
      entity: 'case',
      entityId: caseId,
      data: { number: c.number, durationSeconds: v.durationSeconds },
    },
  ]);
  return { seq: seq! };
}
