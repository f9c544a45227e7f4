// The SLA sweep (SPEC R-SLA-5): finds clocks whose next check is due, and records warnings,
// breaches and escalations. Run as a durable job (see jobs/); any number of workers may run it at
// once. Exactly once holds because each case is handled under its row lock, the stage row is
// re-read under that lock, and sla_records' primary key admits one breach per stage, cycle and
// extension — so a duplicate job, a second worker or a restart half-way finds nothing left to do.
import { sql } from 'kysely';
import type { Db, Trx } from '../../platform/db/db.ts';
import { appendAudit } from '../audit/audit.ts';
import { appendCaseEvents } from '../cases/case.repository.ts';
import { enqueueStaffNotice } from '../notifications/outbox.ts';
import {
  getCalendarById,
  getPolicyById,
  insertSlaRecord,
  type RecordContext,
  toClock,
  updateClock,
} from './sla.repository.ts';
import { dueStep } from './sla-clock.ts';

export interface SweepResult {
  examined: number;
  warnings: number;
  breaches: number;
  escalations: number;
  /** cases skipped because someone else held their lock; the next sweep takes them */
  busy: number;
}

/** One pass over everything due at `now`, in batches; returns what it recorded. */
export async function sweepSla(db: Db, now = new Date(), batchSize = 200): Promise<SweepResult> {
  const total: SweepResult = { examined: 0, warnings: 0, breaches: 0, escalations: 0, busy: 0 };
  let after: { at: Date; orgId: string; caseId: string } | null = null;
  for (;;) {
    let q = db
      .selectFrom('case_sla_stages')
      .select(['org_id', 'case_id', 'next_check_at'])
      .where('next_check_at', '<=', now)
      .orderBy('next_check_at')
      .orderBy('org_id')
      .orderBy('case_id')
      .limit(batchSize);
    if (after) {
      const a = after;
      q = q.where((eb) =>
        eb.or([
          eb('next_check_at', '>', a.at),
          eb.and([
            eb('next_check_at', '=', a.at),
            eb(eb.refTuple('org_id', 'case_id'), '>', eb.tuple(a.orgId, a.caseId)),
          ]),
        ]),
      );
    }
    const due = await q.execute();
    if (!due.length) break;
    const seen = new Set<string>();
    for (const d of due) {
      const key = `${d.org_id}:${d.case_id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const r = await sweepCase(db, d.org_id, d.case_id, now);
      total.examined++;
      total.warnings += r.warnings;
      total.breaches += r.breaches;
      total.escalations += r.escalations;
      total.busy += r.busy;
    }
    const last = due[due.length - 1]!;
    after = { at: last.next_check_at!, orgId: last.org_id, caseId: last.case_id };
    if (due.length < batchSize) break;
  }
  return total;
}

type CaseResult = Omit<SweepResult, 'examined'>;

async function sweepCase(db: Db, orgId: string, caseId: string, now: Date): Promise<CaseResult> {
  return db.transaction().execute(async (trx) => {
    const result: CaseResult = { warnings: 0, breaches: 0, escalations: 0, busy: 0 };
    // SKIP LOCKED: an agent acting on the case (or another worker) holds it; come back next sweep.
    const c = await trx
      .selectFrom('cases')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', caseId)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!c) {
      result.busy = 1;
      return result;
    }
    const rows = await trx
      .selectFrom('case_sla_stages')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('case_id', '=', caseId)
      .where('next_check_at', '<=', now)
      .execute();
    const policy = c.sla_policy_id ? await getPolicyById(trx, orgId, c.sla_policy_id) : null;
    const ctx: RecordContext = {
      orgId,
      caseId,
      departmentId: c.department_id,
      type: c.type,
      priority: c.priority,
      channel: c.channel,
      segment: c.segment,
    };
    let level = c.escalation_level;
    for (const row of rows) {
      const cal = (await getCalendarById(trx, orgId, row.calendar_id)).spec;
      let k = toClock(row);
      // A clock may owe several steps (a warning and a breach after a long outage): take them in order.
      for (let guard = 0; guard < 3; guard++) {
        const step = dueStep(cal, k, now, policy?.managerAfter ?? null);
        if (step.kind === 'none') break;
        if (step.kind === 'warn') {
          k = { ...k, warnedAt: now };
          if (
            await insertSlaRecord(trx, ctx, {
              stage: k.stage,
              cycle: k.cycle,
              kind: 'warned',
              seq: k.extensions,
              at: now,
              dueAt: k.dueAt,
            })
          ) {
            result.warnings++;
            await event(trx, ctx, 'sla_warning', { stage: k.stage, dueAt: k.dueAt.toISOString() }, now);
            await enqueueStaffNotice(trx, {
              orgId,
              caseId,
              event: 'sla_warning',
              userIds: [c.owner_id],
              variables: { caseNumber: c.number, stage: k.stage, dueAt: k.dueAt.toISOString() },
              dedupeKey: `sla_warning:${caseId}:${k.stage}:${k.cycle}:${k.extensions}`,
            });
          }
        } else if (step.kind === 'breach') {
          k = { ...k, breachedAt: now, managerEscalateAt: step.managerEscalateAt };
          const recorded = await insertSlaRecord(trx, ctx, {
            stage: k.stage,
            cycle: k.cycle,
            kind: 'breached',
            seq: k.extensions,
            at: now,
            dueAt: k.dueAt,
          });
          if (recorded) {
            result.breaches++;
            await event(
              trx,
              ctx,
              'sla_breached',
              { stage: k.stage, dueAt: k.dueAt.toISOString(), cycle: k.cycle },
              now,
            );
            if (level < 1) {
              level = 1;
              result.escalations++;
              await escalate(trx, c, 1, k.stage, now);
            }
          }
        } else {
          k = { ...k, managerEscalatedAt: now };
          if (level < 2) {
            level = 2;
            result.escalations++;
            await escalate(trx, c, 2, k.stage, now);
          }
        }
      }
      await updateClock(trx, orgId, caseId, k);
    }
    if (level !== c.escalation_level) {
      await trx
        .updateTable('cases')
        .set({ escalation_level: level })
        .where('org_id', '=', orgId)
        .where('id', '=', caseId)
        .execute();
    }
    return result;
  });
}

async function event(trx: Trx, ctx: RecordContext, type: string, data: Record<string, unknown>, now: Date) {
  await appendCaseEvents(trx, [
    { orgId: ctx.orgId, caseId: ctx.caseId, type, actorId: null, actorKind: 'system', at: now, data },
  ]);
}

/** Level 1 alerts the department's supervisors (or its lead); level 2 the customer-service managers. */
async function escalate(
  trx: Trx,
  c: { org_id: string; id: string; number: string; department_id: string },
  level: 1 | 2,
  stage: string,
  now: Date,
): Promise<void> {
  const to = level === 1 ? 'supervisor' : 'manager';
  let users = await trx
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', c.org_id)
    .where('active', '=', true)
    .where((eb) =>
      level === 1
        ? eb.and([eb('role_code', '=', 'supervisor'), eb('department_id', '=', c.department_id)])
        : eb('role_code', '=', 'cs_manager'),
    )
    .execute();
  if (!users.length && level === 1) {
    users = await trx
      .selectFrom('departments')
      .select(sql<string>`lead_user_id`.as('id'))
      .where('org_id', '=', c.org_id)
      .where('id', '=', c.department_id)
      .where('lead_user_id', 'is not', null)
      .execute();
  }
  const userIds = users.map((u) => u.id);
  await appendCaseEvents(trx, [
    {
      orgId: c.org_id,
      caseId: c.id,
      type: 'escalated',
      actorId: null,
      actorKind: 'system',
      at: now,
      data: { level, to, stage, notified: userIds },
    },
  ]);
  await appendAudit(trx, [
    {
      orgId: c.org_id,
      actorId: null,
      actorKind: 'system',
      action: 'case.escalated',
      entity: 'case',
      entityId: c.id,
      data: { number: c.number, level, to, stage },
    },
  ]);
  await enqueueStaffNotice(trx, {
    orgId: c.org_id,
    caseId: c.id,
    event: 'escalated',
    userIds,
    variables: { caseNumber: c.number, stage, level, to },
    dedupeKey: `escalated:${c.id}:${level}`,
  });
}
