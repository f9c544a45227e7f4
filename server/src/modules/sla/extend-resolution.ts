// Use-case (SPEC R-SLA-4, Kontakt Home): when the resolution date cannot be met, the agent records
// the reason and the nearest new date; the customer is told both; the extension is counted.
import { DateTime } from 'luxon';
import type { Trx } from '../../platform/db/db.ts';
import { AppError, notFound, validation } from '../../platform/errors.ts';
import { type Actor, can, canReadCase } from '../access/permissions.ts';
import { appendAudit } from '../audit/audit.ts';
import { addBusinessDays, isOpen as isOpenAt } from '../calendar/business-time.ts';
import type { CalendarSpec } from '../calendar/calendar.ts';
import { appendCaseEvents, lockCase } from '../cases/case.repository.ts';
import { type CaseStatus, isOpen } from '../cases/case-status.ts';
import { enqueueCustomerNotice } from '../notifications/outbox.ts';
import {
  getCalendarById,
  getPolicyById,
  insertSlaRecord,
  lockClocks,
  toClock,
  updateClock,
} from './sla.repository.ts';
import { extendStage } from './sla-clock.ts';

export interface ExtensionInput {
  /** an instant (ISO 8601 with offset) or a date "YYYY-MM-DD" meaning the end of that working day */
  newDueAt: string;
  reason: string;
}

/**
 * A date alone means the close of that working day in the calendar's zone (a non-working day: the
 * close of the next working day) — zero business days from its midnight, by the R-SLA-6 rule.
 */
export function parseNewDue(cal: CalendarSpec, value: string): Date | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = DateTime.fromISO(value, { zone: cal.timezone });
    if (!day.isValid) return null;
    const midnight = day.startOf('day').toJSDate();
    return isOpenAt(cal, midnight)
      ? addBusinessDays(cal, new Date(midnight.getTime() - 1), 0)
      : addBusinessDays(cal, midnight, 0);
  }
  const parsed = DateTime.fromISO(value, { setZone: true });
  if (!parsed.isValid || !/([zZ]|[+-]\d{2}:?\d{2})$/.test(value)) return null;
  return parsed.toJSDate();
}

export async function extendResolution(
  trx: Trx,
  actor: Actor,
  caseId: string,
  input: ExtensionInput,
  now = new Date(),
): Promise<{ dueAt: string; extensions: number }> {
  if (!can(actor, 'cases:work')) throw new AppError('FORBIDDEN');
  const c = await lockCase(trx, actor.orgId, caseId);
  if (!c || !canReadCase(actor, c)) throw notFound();
  const reason = input.reason?.trim();
  const fields = [];
  if (!reason) fields.push({ field: 'reason', reason: 'required' });
  if (!input.newDueAt) fields.push({ field: 'newDueAt', reason: 'required' });
  if (fields.length) throw validation(fields);
  if (!isOpen(c.status as CaseStatus))
    throw new AppError('INVALID_TRANSITION', { from: c.status, action: 'extend' });
  const row = (await lockClocks(trx, actor.orgId, caseId)).find((r) => r.stage === 'resolution');
  if (!row) throw new AppError('CONFLICT', { reason: 'no_resolution_clock' });
  const clock = toClock(row);
  if (clock.metAt || clock.stoppedAt)
    throw new AppError('CONFLICT', { reason: 'resolution_clock_not_running' });
  const cal = (await getCalendarById(trx, actor.orgId, row.calendar_id)).spec;
  const newDue = parseNewDue(cal, input.newDueAt);
  if (!newDue) throw validation([{ field: 'newDueAt', reason: 'invalid_format' }]);
  const floor = clock.dueAt > now ? clock.dueAt : now;
  if (newDue <= floor) {
    throw validation([
      {
        field: 'newDueAt',
        reason: 'not_later',
        params: {
          after: DateTime.fromJSDate(floor, { zone: cal.timezone }).toISO({ suppressMilliseconds: true })!,
        },
      },
    ]);
  }
  const policy = c.sla_policy_id ? await getPolicyById(trx, actor.orgId, c.sla_policy_id) : null;
  const extended = extendStage(cal, clock, now, newDue, policy?.warnAtPercent ?? 75);
  await updateClock(trx, actor.orgId, caseId, extended);
  await insertSlaRecord(
    trx,
    {
      orgId: actor.orgId,
      caseId,
      departmentId: c.department_id,
      type: c.type,
      priority: c.priority,
      channel: c.channel,
      segment: c.segment,
    },
    {
      stage: 'resolution',
      cycle: clock.cycle,
      kind: 'extended',
      seq: extended.extensions,
      at: now,
      dueAt: newDue,
    },
  );
  const data = {
    stage: 'resolution',
    fromDueAt: clock.dueAt.toISOString(),
    toDueAt: newDue.toISOString(),
    extensions: extended.extensions,
  };
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
      type: 'sla_extended',
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
      action: 'case.sla_extended',
      entity: 'case',
      entityId: caseId,
      data: { number: c.number, ...data, reason },
    },
  ]);
  await enqueueCustomerNotice(trx, {
    orgId: actor.orgId,
    caseId,
    event: 'extended',
    variables: { caseNumber: c.number, reason, newDate: newDue.toISOString() },
    dedupeKey: `extended:${caseId}:${clock.cycle}:${extended.extensions}`,
  });
  return { dueAt: newDue.toISOString(), extensions: extended.extensions };
}
