// SQL for calendars, SLA policies and the clocks applied to cases. Repository functions take the
// database or the open transaction first; callers hold the case row lock when they change clocks.
import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../../platform/db/db.ts';
import type { CaseSlaStageRow, SlaPolicyRow } from '../../platform/db/schema.ts';
import type { LocalizedText } from '../../platform/i18n/locales.ts';
import { type CalendarSpec, calendarOrThrow } from '../calendar/calendar.ts';
import { nextCheckAt, type StageClock } from './sla-clock.ts';
import type { SlaPolicy, SlaStage, SlaTarget, SlaTargets } from './sla-policy.ts';

/** Parsed calendars by org, id and version: parsing once keeps business-time caches warm. */
const calendarCache = new Map<string, CalendarSpec>();

export interface LoadedCalendar {
  id: string;
  code: string;
  spec: CalendarSpec;
}

function cached(orgId: string, row: { id: string; version: number; spec: unknown }): CalendarSpec {
  const key = `${orgId}:${row.id}:${row.version}`;
  let spec = calendarCache.get(key);
  if (!spec) {
    spec = Object.freeze(calendarOrThrow(row.spec, `calendar ${row.id}`));
    if (calendarCache.size > 1000) calendarCache.clear();
    calendarCache.set(key, spec);
  }
  return spec;
}

export async function getCalendarById(db: DbOrTrx, orgId: string, id: string): Promise<LoadedCalendar> {
  const cal = (await getCalendarsByIds(db, orgId, [id])).get(id);
  if (!cal) throw new Error(`calendar ${id} not found in org ${orgId}`);
  return cal;
}

/** Several calendars in one statement (a page of cases, a batch of clocks), by id. */
export async function getCalendarsByIds(
  db: DbOrTrx,
  orgId: string,
  ids: Iterable<string>,
): Promise<Map<string, LoadedCalendar>> {
  const wanted = [...new Set(ids)];
  const out = new Map<string, LoadedCalendar>();
  if (!wanted.length) return out;
  const rows = await db
    .selectFrom('calendars')
    .select(['id', 'code', 'version', 'spec'])
    .where('org_id', '=', orgId)
    .where('id', 'in', wanted)
    .execute();
  for (const row of rows) out.set(row.id, { id: row.id, code: row.code, spec: cached(orgId, row) });
  return out;
}

/** The department's own calendar, else the org's default one. */
export async function calendarForDepartment(
  db: DbOrTrx,
  orgId: string,
  departmentId: string | null,
): Promise<LoadedCalendar | null> {
  const row = await db
    .selectFrom('calendars as k')
    .select(['k.id', 'k.code', 'k.version', 'k.spec'])
    .where('k.org_id', '=', orgId)
    .where((eb) =>
      eb.or([
        eb('k.is_default', '=', true),
        ...(departmentId
          ? [
              eb(
                'k.id',
                '=',
                eb
                  .selectFrom('departments as d')
                  .select('d.calendar_id')
                  .where('d.org_id', '=', orgId)
                  .where('d.id', '=', departmentId),
              ),
            ]
          : []),
      ]),
    )
    .orderBy('k.is_default', 'asc') // the department's own first
    .limit(1)
    .executeTakeFirst();
  return row ? { id: row.id, code: row.code, spec: cached(orgId, row) } : null;
}

export interface StoredPolicy extends SlaPolicy {
  id: string;
}

export function toPolicy(r: SlaPolicyRow): StoredPolicy {
  return {
    id: r.id,
    code: r.code,
    name: r.name as LocalizedText,
    caseType: r.case_type,
    priority: r.priority,
    segment: r.segment,
    channel: r.channel,
    position: r.position,
    targets: r.targets as SlaTargets,
    warnAtPercent: r.warn_at_percent,
    managerAfter: (r.manager_after as SlaTarget | null) ?? null,
    active: r.active,
  };
}

/** The columns of an SLA policy row, as stored. */
export function policyColumns(p: SlaPolicy) {
  return {
    name: JSON.stringify(p.name),
    case_type: p.caseType,
    priority: p.priority,
    segment: p.segment,
    channel: p.channel,
    position: p.position,
    targets: JSON.stringify(p.targets),
    warn_at_percent: p.warnAtPercent,
    manager_after: p.managerAfter ? JSON.stringify(p.managerAfter) : null,
    active: p.active,
  };
}

export async function listPolicies(db: DbOrTrx, orgId: string): Promise<StoredPolicy[]> {
  const rows = await db
    .selectFrom('sla_policies')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('position')
    .orderBy('code')
    .execute();
  return rows.map(toPolicy);
}

export async function getPolicyById(db: DbOrTrx, orgId: string, id: string): Promise<StoredPolicy | null> {
  const row = await db
    .selectFrom('sla_policies')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toPolicy(row) : null;
}

const num = (v: string | number | null) => (v === null ? null : Number(v));

export function toClock(r: CaseSlaStageRow): StageClock {
  return {
    stage: r.stage as SlaStage,
    cycle: r.cycle,
    target: { amount: Number(r.target_amount), unit: r.target_unit as SlaTarget['unit'] },
    startedAt: r.started_at,
    originalDueAt: r.original_due_at,
    dueAt: r.due_at,
    warnAt: r.warn_at,
    warnedAt: r.warned_at,
    breachedAt: r.breached_at,
    managerEscalateAt: r.manager_escalate_at,
    managerEscalatedAt: r.manager_escalated_at,
    metAt: r.met_at,
    stoppedAt: r.stopped_at,
    pausedAt: r.paused_at,
    remainingMs: num(r.remaining_ms),
    pausedBusinessMs: Number(r.paused_business_ms),
    extensions: r.extensions,
  };
}

function clockColumns(c: StageClock) {
  return {
    cycle: c.cycle,
    target_amount: c.target.amount,
    target_unit: c.target.unit,
    started_at: c.startedAt,
    original_due_at: c.originalDueAt,
    due_at: c.dueAt,
    warn_at: c.warnAt,
    warned_at: c.warnedAt,
    breached_at: c.breachedAt,
    manager_escalate_at: c.managerEscalateAt,
    manager_escalated_at: c.managerEscalatedAt,
    met_at: c.metAt,
    stopped_at: c.stoppedAt,
    paused_at: c.pausedAt,
    remaining_ms: c.remainingMs === null ? null : Math.round(c.remainingMs),
    paused_business_ms: Math.round(c.pausedBusinessMs),
    extensions: c.extensions,
    next_check_at: nextCheckAt(c),
  };
}

export async function insertClocks(
  trx: Trx,
  orgId: string,
  caseId: string,
  calendarId: string,
  clocks: StageClock[],
): Promise<void> {
  if (!clocks.length) return;
  await trx
    .insertInto('case_sla_stages')
    .values(
      clocks.map((c) => ({
        org_id: orgId,
        case_id: caseId,
        stage: c.stage,
        calendar_id: calendarId,
        ...clockColumns(c),
      })),
    )
    .execute();
}

export async function updateClock(trx: Trx, orgId: string, caseId: string, c: StageClock): Promise<void> {
  await trx
    .updateTable('case_sla_stages')
    .set(clockColumns(c))
    .where('org_id', '=', orgId)
    .where('case_id', '=', caseId)
    .where('stage', '=', c.stage)
    .execute();
}

/**
 * Writes back what the SLA sweep changes on clocks (warned, breached, escalated, and so the next
 * check), for many clocks in one statement.
 */
export async function updateSweptClocks(
  trx: Trx,
  clocks: { orgId: string; caseId: string; clock: StageClock }[],
): Promise<void> {
  if (!clocks.length) return;
  const rows = clocks.map(({ orgId, caseId, clock: c }) => ({
    org_id: orgId,
    case_id: caseId,
    stage: c.stage,
    warned_at: c.warnedAt,
    breached_at: c.breachedAt,
    manager_escalate_at: c.managerEscalateAt,
    manager_escalated_at: c.managerEscalatedAt,
    next_check_at: nextCheckAt(c),
  }));
  await sql`
    UPDATE case_sla_stages s
       SET warned_at = v.warned_at, breached_at = v.breached_at, manager_escalate_at = v.manager_escalate_at,
           manager_escalated_at = v.manager_escalated_at, next_check_at = v.next_check_at
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(org_id uuid, case_id uuid, stage text,
             warned_at timestamptz, breached_at timestamptz, manager_escalate_at timestamptz,
             manager_escalated_at timestamptz, next_check_at timestamptz)
     WHERE s.org_id = v.org_id AND s.case_id = v.case_id AND s.stage = v.stage`.execute(trx);
}

export async function lockClocks(trx: Trx, orgId: string, caseId: string): Promise<CaseSlaStageRow[]> {
  return trx
    .selectFrom('case_sla_stages')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('case_id', '=', caseId)
    .forUpdate()
    .execute();
}

export async function clocksForCases(
  db: DbOrTrx,
  orgId: string,
  caseIds: string[],
): Promise<Map<string, CaseSlaStageRow[]>> {
  const out = new Map<string, CaseSlaStageRow[]>();
  if (!caseIds.length) return out;
  const rows = await db
    .selectFrom('case_sla_stages')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('case_id', 'in', caseIds)
    .execute();
  for (const r of rows) {
    const list = out.get(r.case_id) ?? [];
    list.push(r);
    out.set(r.case_id, list);
  }
  return out;
}

export interface RecordContext {
  orgId: string;
  caseId: string;
  departmentId: string;
  type: string;
  priority: string;
  channel: string;
  segment: string;
}

export interface NewSlaRecord {
  stage: SlaStage;
  cycle: number;
  kind: 'met' | 'breached' | 'extended' | 'warned';
  seq: number;
  at: Date;
  dueAt: Date;
  onTime?: boolean | null;
  businessMs?: number | null;
}

export async function insertSlaRecord(trx: Trx, ctx: RecordContext, r: NewSlaRecord): Promise<boolean> {
  return (await insertSlaRecords(trx, [{ ctx, record: r }])).size > 0;
}

/** The key of a record, as insertSlaRecords reports the ones it wrote. */
export const slaRecordKey = (
  caseId: string,
  r: { stage: string; cycle: number; kind: string; seq: number },
) => `${caseId}:${r.stage}:${r.cycle}:${r.kind}:${r.seq}`;

/**
 * Writes records in one statement and returns the keys of those it wrote: one already there (the
 * primary key admits one per stage, cycle, kind and extension) is not written again.
 */
export async function insertSlaRecords(
  trx: Trx,
  records: { ctx: RecordContext; record: NewSlaRecord }[],
): Promise<Set<string>> {
  if (!records.length) return new Set();
  const rows = await trx
    .insertInto('sla_records')
    .values(
      records.map(({ ctx, record: r }) => ({
        org_id: ctx.orgId,
        case_id: ctx.caseId,
        stage: r.stage,
        cycle: r.cycle,
        kind: r.kind,
        seq: r.seq,
        at: r.at,
        due_at: r.dueAt,
        on_time: r.onTime ?? null,
        business_ms: r.businessMs === undefined || r.businessMs === null ? null : Math.round(r.businessMs),
        department_id: ctx.departmentId,
        case_type: ctx.type,
        priority: ctx.priority,
        channel: ctx.channel,
        segment: ctx.segment,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .returning(['case_id', 'stage', 'cycle', 'kind', 'seq'])
    .execute();
  return new Set(rows.map((r) => slaRecordKey(r.case_id, r)));
}
