// The SLA sweep (SPEC R-SLA-5): finds clocks whose next check is due, and records warnings,
// breaches and escalations. Run as a durable job (see jobs/); any number of workers may run it at
// once. Exactly once holds because each case is handled under its row lock, its stage rows are
// re-read under that lock, and sla_records' primary key admits one breach per stage, cycle and
// extension — so a duplicate job, a second worker or a restart half-way finds nothing left to do.
//
// Cases are taken a batch at a time (the due rows of one query), in one transaction: their rows
// locked with SKIP LOCKED (a case an agent or another worker holds waits for the next sweep),
// what falls due worked out by the pure clock rules, then everything written in a few statements
// — records, timeline, outbox, clocks, cases, audit — and committed together. A worker killed
// half-way loses the whole batch, which the next sweep takes again.
import { sql } from 'kysely';
import type { Db, Trx } from '../../platform/db/db.ts';
import type { CaseSlaStageRow } from '../../platform/db/schema.ts';
import { type AuditEntry, appendAudit } from '../audit/audit.ts';
import { appendEventsOfCases, type NewEvent } from '../cases/case.repository.ts';
import { enqueueStaffNotices, type StaffNotice } from '../notifications/outbox.ts';
import {
  getCalendarsByIds,
  insertSlaRecords,
  type LoadedCalendar,
  type NewSlaRecord,
  type RecordContext,
  type StoredPolicy,
  slaRecordKey,
  toClock,
  toPolicy,
  updateSweptClocks,
} from './sla.repository.ts';
import { dueStep, type StageClock } from './sla-clock.ts';
import { SLA_STAGES, type SlaStage } from './sla-policy.ts';

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
    const cases = [...new Map(due.map((d) => [`${d.org_id}:${d.case_id}`, d])).values()];
    const r = await sweepCases(db, cases, now);
    total.examined += cases.length;
    total.warnings += r.warnings;
    total.breaches += r.breaches;
    total.escalations += r.escalations;
    total.busy += r.busy;
    const last = due[due.length - 1]!;
    after = { at: last.next_check_at!, orgId: last.org_id, caseId: last.case_id };
    if (due.length < batchSize) break;
  }
  return total;
}

type BatchResult = Omit<SweepResult, 'examined'>;

interface LockedCase {
  org_id: string;
  id: string;
  number: string;
  owner_id: string;
  department_id: string;
  type: string;
  priority: string;
  channel: string;
  segment: string;
  sla_policy_id: string | null;
  escalation_level: number;
}

/** What fell due on one clock, in order; the clock as it is afterwards. */
interface ClockSteps {
  steps: { kind: 'warn' | 'breach' | 'escalate_manager'; clock: StageClock }[];
  clock: StageClock;
}

/** The steps a clock owes at `now` (a warning and a breach after a long outage: in order). Pure. */
export function stepsDue(
  cal: LoadedCalendar['spec'],
  start: StageClock,
  now: Date,
  policy: StoredPolicy | null,
): ClockSteps {
  const steps: ClockSteps['steps'] = [];
  let k = start;
  for (let guard = 0; guard < 3; guard++) {
    const step = dueStep(cal, k, now, policy?.managerAfter ?? null);
    if (step.kind === 'none') break;
    if (step.kind === 'warn') k = { ...k, warnedAt: now };
    else if (step.kind === 'breach') k = { ...k, breachedAt: now, managerEscalateAt: step.managerEscalateAt };
    else k = { ...k, managerEscalatedAt: now };
    steps.push({ kind: step.kind, clock: k });
  }
  return { steps, clock: k };
}

/** Everything the batch writes, gathered before it is written. */
class Writes {
  events: NewEvent[] = [];
  notices: StaffNotice[] = [];
  audit: AuditEntry[] = [];
  levels: { orgId: string; caseId: string; level: number }[] = [];
  result: BatchResult = { warnings: 0, breaches: 0, escalations: 0, busy: 0 };

  event(c: LockedCase, type: string, data: Record<string, unknown>, now: Date) {
    this.events.push({
      orgId: c.org_id,
      caseId: c.id,
      type,
      actorId: null,
      actorKind: 'system',
      at: now,
      data,
    });
  }
}

/** Level 1 alerts the department's supervisors (or its lead); level 2 the customer-service managers. */
interface Recipients {
  supervisors: Map<string, string[]>;
  leads: Map<string, string>;
  managers: Map<string, string[]>;
}

async function loadRecipients(trx: Trx, cases: LockedCase[]): Promise<Recipients> {
  const orgs = [...new Set(cases.map((c) => c.org_id))];
  const departments = [...new Set(cases.map((c) => c.department_id))];
  const users = await trx
    .selectFrom('users')
    .select(['org_id', 'id', 'role_code', 'department_id'])
    .where('org_id', 'in', orgs)
    .where('active', '=', true)
    .where((eb) =>
      eb.or([
        eb('role_code', '=', 'cs_manager'),
        eb.and([eb('role_code', '=', 'supervisor'), eb('department_id', 'in', departments)]),
      ]),
    )
    .execute();
  const leads = await trx
    .selectFrom('departments')
    .select(['org_id', 'id', sql<string>`lead_user_id`.as('lead')])
    .where('org_id', 'in', orgs)
    .where('id', 'in', departments)
    .where('lead_user_id', 'is not', null)
    .execute();
  const out: Recipients = { supervisors: new Map(), leads: new Map(), managers: new Map() };
  const add = (m: Map<string, string[]>, key: string, id: string) => m.set(key, [...(m.get(key) ?? []), id]);
  for (const u of users) {
    if (u.role_code === 'cs_manager') add(out.managers, u.org_id, u.id);
    else add(out.supervisors, `${u.org_id}:${u.department_id}`, u.id);
  }
  for (const l of leads) out.leads.set(`${l.org_id}:${l.id}`, l.lead);
  return out;
}

function escalate(w: Writes, to: Recipients, c: LockedCase, level: 1 | 2, stage: string, now: Date) {
  const who = level === 1 ? 'supervisor' : 'manager';
  const department = `${c.org_id}:${c.department_id}`;
  const lead = to.leads.get(department);
  const userIds =
    level === 1
      ? (to.supervisors.get(department) ?? (lead ? [lead] : []))
      : (to.managers.get(c.org_id) ?? []);
  w.result.escalations++;
  w.event(c, 'escalated', { level, to: who, stage, notified: userIds }, now);
  w.audit.push({
    orgId: c.org_id,
    actorId: null,
    actorKind: 'system',
    action: 'case.escalated',
    entity: 'case',
    entityId: c.id,
    data: { number: c.number, level, to: who, stage },
  });
  w.notices.push({
    orgId: c.org_id,
    caseId: c.id,
    event: 'escalated',
    userIds,
    variables: { caseNumber: c.number, stage, level, to: who },
    dedupeKey: `escalated:${c.id}:${level}`,
  });
}

const keyOf = (orgId: string, id: string) => `${orgId}:${id}`;

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

async function loadPolicies(trx: Trx, cases: LockedCase[]): Promise<Map<string, StoredPolicy>> {
  const wanted = cases.filter((c) => c.sla_policy_id);
  if (!wanted.length) return new Map();
  const rows = await trx
    .selectFrom('sla_policies')
    .selectAll()
    .where((eb) =>
      eb(
        eb.refTuple('org_id', 'id'),
        'in',
        wanted.map((c) => eb.tuple(c.org_id, c.sla_policy_id!)),
      ),
    )
    .execute();
  return new Map(rows.map((r) => [keyOf(r.org_id, r.id), toPolicy(r)]));
}

async function loadCalendars(trx: Trx, rows: CaseSlaStageRow[]): Promise<Map<string, LoadedCalendar>> {
  const out = new Map<string, LoadedCalendar>();
  const byOrg = groupBy(rows, (r) => r.org_id);
  for (const [orgId, orgRows] of byOrg) {
    const found = await getCalendarsByIds(
      trx,
      orgId,
      orgRows.map((r) => r.calendar_id),
    );
    for (const [id, cal] of found) out.set(keyOf(orgId, id), cal);
  }
  return out;
}

async function sweepCases(
  db: Db,
  due: { org_id: string; case_id: string }[],
  now: Date,
): Promise<BatchResult> {
  return db.transaction().execute(async (trx) => {
    // SKIP LOCKED: an agent acting on a case (or another worker) holds it; it comes back next sweep.
    const cases: LockedCase[] = await trx
      .selectFrom('cases')
      .select([
        'org_id',
        'id',
        'number',
        'owner_id',
        'department_id',
        'type',
        'priority',
        'channel',
        'segment',
        'sla_policy_id',
        'escalation_level',
      ])
      .where((eb) =>
        eb(
          eb.refTuple('org_id', 'id'),
          'in',
          due.map((d) => eb.tuple(d.org_id, d.case_id)),
        ),
      )
      .orderBy('org_id')
      .orderBy('id')
      .forUpdate()
      .skipLocked()
      .execute();
    const w = new Writes();
    w.result.busy = due.length - cases.length;
    if (!cases.length) return w.result;
    // The clocks re-read under the case locks: what another sweep already did is seen here.
    const rows = await trx
      .selectFrom('case_sla_stages')
      .selectAll()
      .where((eb) =>
        eb(
          eb.refTuple('org_id', 'case_id'),
          'in',
          cases.map((c) => eb.tuple(c.org_id, c.id)),
        ),
      )
      .where('next_check_at', '<=', now)
      .execute();
    const policies = await loadPolicies(trx, cases);
    const calendars = await loadCalendars(trx, rows);
    const clocksOf = groupBy(rows, (r) => keyOf(r.org_id, r.case_id));
    const stageOrder = (r: CaseSlaStageRow) => SLA_STAGES.indexOf(r.stage as SlaStage);

    // 1. What fell due on each clock (pure).
    const planned = cases.map((c) => {
      const policy = c.sla_policy_id ? (policies.get(keyOf(c.org_id, c.sla_policy_id)) ?? null) : null;
      const clocks = [...(clocksOf.get(keyOf(c.org_id, c.id)) ?? [])]
        .sort((a, b) => stageOrder(a) - stageOrder(b))
        .map((row) => {
          const cal = calendars.get(keyOf(row.org_id, row.calendar_id));
          if (!cal) throw new Error(`calendar ${row.calendar_id} of a clock is missing`);
          return stepsDue(cal.spec, toClock(row), now, policy);
        });
      const ctx: RecordContext = {
        orgId: c.org_id,
        caseId: c.id,
        departmentId: c.department_id,
        type: c.type,
        priority: c.priority,
        channel: c.channel,
        segment: c.segment,
      };
      return { c, ctx, clocks };
    });

    // 2. Warnings and breaches recorded; the primary key says which are new.
    const asRecord = (kind: 'warned' | 'breached', k: StageClock): NewSlaRecord => ({
      stage: k.stage,
      cycle: k.cycle,
      kind,
      seq: k.extensions,
      at: now,
      dueAt: k.dueAt,
    });
    const recorded = await insertSlaRecords(
      trx,
      planned.flatMap(({ ctx, clocks }) =>
        clocks.flatMap(({ steps }) =>
          steps.flatMap((s) =>
            s.kind === 'escalate_manager'
              ? []
              : [{ ctx, record: asRecord(s.kind === 'warn' ? 'warned' : 'breached', s.clock) }],
          ),
        ),
      ),
    );
    const isNew = (caseId: string, kind: 'warned' | 'breached', k: StageClock) =>
      recorded.has(slaRecordKey(caseId, asRecord(kind, k)));

    // 3. What each new record sets off, in the order the clocks owed it.
    const mayEscalate = planned.some(({ clocks }) =>
      clocks.some(({ steps }) => steps.some((s) => s.kind !== 'warn')),
    );
    const to = mayEscalate ? await loadRecipients(trx, cases) : null;
    for (const { c, clocks } of planned) {
      let level = c.escalation_level;
      for (const { steps } of clocks) {
        for (const { kind, clock: k } of steps) {
          if (kind === 'warn') {
            if (!isNew(c.id, 'warned', k)) continue;
            w.result.warnings++;
            w.event(c, 'sla_warning', { stage: k.stage, dueAt: k.dueAt.toISOString() }, now);
            w.notices.push({
              orgId: c.org_id,
              caseId: c.id,
              event: 'sla_warning',
              userIds: [c.owner_id],
              variables: { caseNumber: c.number, stage: k.stage, dueAt: k.dueAt.toISOString() },
              dedupeKey: `sla_warning:${c.id}:${k.stage}:${k.cycle}:${k.extensions}`,
            });
          } else if (kind === 'breach') {
            if (!isNew(c.id, 'breached', k)) continue;
            w.result.breaches++;
            w.event(c, 'sla_breached', { stage: k.stage, dueAt: k.dueAt.toISOString(), cycle: k.cycle }, now);
            if (level < 1) {
              level = 1;
              escalate(w, to!, c, 1, k.stage, now);
            }
          } else if (level < 2) {
            level = 2;
            escalate(w, to!, c, 2, k.stage, now);
          }
        }
      }
      if (level !== c.escalation_level) w.levels.push({ orgId: c.org_id, caseId: c.id, level });
    }

    // 4. Written together; the audit chain last, so its head row (one per org) is held briefly.
    await appendEventsOfCases(trx, w.events);
    await enqueueStaffNotices(trx, w.notices);
    await updateSweptClocks(
      trx,
      planned.flatMap(({ c, clocks }) =>
        clocks.map(({ clock }) => ({ orgId: c.org_id, caseId: c.id, clock })),
      ),
    );
    if (w.levels.length) {
      await sql`
        UPDATE cases c SET escalation_level = v.level
          FROM jsonb_to_recordset(${JSON.stringify(w.levels)}::jsonb) AS v("orgId" uuid, "caseId" uuid, level smallint)
         WHERE c.org_id = v."orgId" AND c.id = v."caseId"`.execute(trx);
    }
    const auditByOrg = groupBy(w.audit, (e) => e.orgId);
    for (const orgId of [...auditByOrg.keys()].sort()) await appendAudit(trx, auditByOrg.get(orgId)!);
    return w.result;
  });
}
