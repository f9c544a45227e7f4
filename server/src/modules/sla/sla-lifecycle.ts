// Applies SLA policies to cases and moves their clocks as the case moves through its lifecycle.
// Called inside the registering / acting transaction, with the case row already locked, so the
// clocks change atomically with the status and the timeline.
import type { Trx } from '../../platform/db/db.ts';
import { businessMillisBetween } from '../calendar/business-time.ts';
import type { CaseAction } from '../cases/case-status.ts';
import {
  calendarForDepartment,
  getCalendarById,
  getPolicyById,
  insertClocks,
  insertSlaRecord,
  insertSlaRecords,
  listPolicies,
  lockClocks,
  type NewSlaRecord,
  type RecordContext,
  toClock,
  updateClock,
} from './sla.repository.ts';
import {
  meetStage,
  pauseStage,
  reopenStage,
  resumeStage,
  type StageClock,
  startStage,
  stopStage,
} from './sla-clock.ts';
import { type CaseSlaAttributes, matchPolicy, type SlaEffect, slaEffect, stagesFor } from './sla-policy.ts';

export interface RegisteredCase extends CaseSlaAttributes {
  orgId: string;
  caseId: string;
  departmentId: string;
  registeredAt: Date;
  /** first-contact resolution: every stage is met at registration */
  resolvedNow: boolean;
  /** a staff member registered it while talking to the customer: that was the first response */
  registeredByStaff: boolean;
}

/** The policy and the first clocks of a case about to be registered: read and computed, not written. */
export interface RegistrationSla {
  policyId: string;
  calendarId: string;
  calendar: Parameters<typeof businessMillisBetween>[0];
  clocks: StageClock[];
}

/**
 * Chooses the policy and computes its stages before the case row exists, so the registration can
 * write the case with its policy in one statement (null when no policy matches).
 */
export async function planSlaAtRegistration(
  trx: Trx,
  c: Omit<RegisteredCase, 'caseId'>,
): Promise<RegistrationSla | null> {
  const [policies, calendar] = await Promise.all([
    listPolicies(trx, c.orgId),
    calendarForDepartment(trx, c.orgId, c.departmentId),
  ]);
  const policy = matchPolicy(policies, c);
  if (!policy || !calendar) return null;
  let clocks = stagesFor(policy.targets, c.channel).map(([stage, target]) =>
    startStage(calendar.spec, stage, target, c.registeredAt, policy.warnAtPercent),
  );
  const metAtOnce = (k: StageClock) => c.resolvedNow || (c.registeredByStaff && k.stage === 'first_response');
  clocks = clocks.map((k) => (metAtOnce(k) ? meetStage(calendar.spec, k, c.registeredAt) : k));
  return { policyId: policy.id, calendarId: calendar.id, calendar: calendar.spec, clocks };
}

/** Writes the planned clocks (and the stages met at once) of the case just inserted. */
export async function startSlaAtRegistration(
  trx: Trx,
  c: RegisteredCase,
  plan: RegistrationSla,
): Promise<void> {
  const ctx: RecordContext = { ...c };
  await insertSlaRecords(
    trx,
    plan.clocks.filter((k) => k.metAt).map((k) => ({ ctx, record: metRecord(k, plan.calendar) })),
  );
  await insertClocks(trx, c.orgId, c.caseId, plan.calendarId, plan.clocks);
}

function metRecord(k: StageClock, cal: Parameters<typeof businessMillisBetween>[0]): NewSlaRecord {
  const at = k.metAt!;
  return {
    stage: k.stage,
    cycle: k.cycle,
    kind: 'met',
    seq: 0,
    at,
    dueAt: k.dueAt,
    onTime: at <= k.dueAt,
    businessMs: businessMillisBetween(cal, k.startedAt, at) - k.pausedBusinessMs,
  };
}

export interface ActedCase {
  org_id: string;
  id: string;
  department_id: string;
  type: string;
  priority: string;
  channel: string;
  segment: string;
  sla_policy_id: string | null;
}

/** Moves the clocks for one lifecycle action. The caller holds the case row lock. */
export async function applySlaForAction(
  trx: Trx,
  c: ActedCase,
  action: CaseAction,
  now: Date,
  previousPriority?: string,
): Promise<void> {
  if (previousPriority !== undefined && previousPriority !== c.priority) await rematchPolicy(trx, c);
  await applySlaEffect(trx, c, slaEffect(action), now);
}

/** Moves the clocks as `effect` says (e.g. an agent's reply meets the first response). Case row locked. */
export async function applySlaEffect(trx: Trx, c: ActedCase, effect: SlaEffect, now: Date): Promise<void> {
  if (!effect.meet.length && !effect.pause && !effect.resume && !effect.reopen && !effect.stop) return;
  const rows = await lockClocks(trx, c.org_id, c.id);
  if (!rows.length) return;
  const policy = c.sla_policy_id ? await getPolicyById(trx, c.org_id, c.sla_policy_id) : null;
  const warn = policy?.warnAtPercent ?? 75;
  const ctx: RecordContext = {
    orgId: c.org_id,
    caseId: c.id,
    departmentId: c.department_id,
    type: c.type,
    priority: c.priority,
    channel: c.channel,
    segment: c.segment,
  };
  for (const row of rows) {
    const cal = (await getCalendarById(trx, c.org_id, row.calendar_id)).spec;
    const before = toClock(row);
    let k = before;
    if (effect.meet.includes(k.stage)) k = meetStage(cal, k, now);
    if (effect.pause) k = pauseStage(cal, k, now);
    if (effect.resume) k = resumeStage(cal, k, now, warn);
    if (effect.reopen && k.stage === 'resolution') k = reopenStage(cal, k, now, warn);
    if (effect.stop) k = stopStage(k, now);
    if (k === before) continue;
    if (k.metAt && !before.metAt) await insertSlaRecord(trx, ctx, metRecord(k, cal));
    await updateClock(trx, c.org_id, c.id, k);
  }
}

/**
 * The initial assessment changed the priority: the policy for the new priority applies, measured
 * from the original start (an urgent health-or-safety case gets the urgent targets at once).
 */
async function rematchPolicy(trx: Trx, c: ActedCase): Promise<void> {
  const policies = await listPolicies(trx, c.org_id);
  const policy = matchPolicy(policies, c);
  if (!policy || policy.id === c.sla_policy_id) return;
  const rows = await lockClocks(trx, c.org_id, c.id);
  const calendar = rows[0]
    ? await getCalendarById(trx, c.org_id, rows[0].calendar_id)
    : await calendarForDepartment(trx, c.org_id, c.department_id);
  if (!calendar) return;
  const wanted = new Map(stagesFor(policy.targets, c.channel));
  const startedAt = rows[0]?.started_at ?? new Date();
  for (const row of rows) {
    const k = toClock(row);
    if (k.metAt || k.stoppedAt) continue;
    const target = wanted.get(k.stage);
    const next = target
      ? { ...startStage(calendar.spec, k.stage, target, k.startedAt, policy.warnAtPercent), cycle: k.cycle }
      : stopStage(k, new Date());
    await updateClock(trx, c.org_id, c.id, next);
    wanted.delete(k.stage);
  }
  for (const row of rows) wanted.delete(row.stage as never);
  const added = [...wanted].map(([stage, target]) =>
    startStage(calendar.spec, stage, target, startedAt, policy.warnAtPercent),
  );
  await insertClocks(trx, c.org_id, c.id, calendar.id, added);
  await trx
    .updateTable('cases')
    .set({ sla_policy_id: policy.id })
    .where('org_id', '=', c.org_id)
    .where('id', '=', c.id)
    .execute();
  c.sla_policy_id = policy.id;
}
