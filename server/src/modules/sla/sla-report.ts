// SLA compliance report (issue: reports per stage, org, department, type and period), aggregated
// from sla_records — the rows written when a stage is met, breached, warned or extended.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../platform/db/db.ts';
import type { LocalizedText } from '../../platform/i18n/locales.ts';

export const REPORT_DIMENSIONS = [
  'none',
  'department',
  'case_type',
  'priority',
  'channel',
  'segment',
] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];
export const REPORT_PERIODS = ['total', 'day', 'week', 'month'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

export interface SlaReportQuery {
  orgId: string;
  timezone: string;
  from: Date;
  to: Date;
  by: ReportDimension;
  period: ReportPeriod;
  departmentId?: string;
  caseType?: string;
  stage?: string;
}

export interface SlaReportRow {
  period: string | null;
  stage: string;
  group: string | null;
  groupName: LocalizedText | null;
  metOnTime: number;
  metLate: number;
  breached: number;
  extended: number;
  warned: number;
  /** met on time ÷ (met on time + breached); null when nothing concluded */
  compliance: number | null;
  /** mean business time from start to met, in business hours (paused time excluded) */
  meanBusinessHoursToMeet: number | null;
}

const GROUP_COLUMN: Record<Exclude<ReportDimension, 'none'>, string> = {
  department: 'department_id',
  case_type: 'case_type',
  priority: 'priority',
  channel: 'channel',
  segment: 'segment',
};

export async function slaReport(db: DbOrTrx, q: SlaReportQuery): Promise<SlaReportRow[]> {
  const group = q.by === 'none' ? sql`NULL::text` : sql.ref(`r.${GROUP_COLUMN[q.by]}`);
  const period =
    q.period === 'total'
      ? sql`NULL::text`
      : sql`to_char(date_trunc(${q.period}, r.at AT TIME ZONE ${q.timezone}), 'YYYY-MM-DD')`;
  const rows = await sql<{
    period: string | null;
    stage: string;
    grp: string | null;
    met_on_time: string;
    met_late: string;
    breached: string;
    extended: string;
    warned: string;
    mean_ms: string | null;
  }>`
    SELECT ${period} AS period, r.stage, ${group}::text AS grp,
      count(*) FILTER (WHERE r.kind = 'met' AND r.on_time) AS met_on_time,
      count(*) FILTER (WHERE r.kind = 'met' AND NOT r.on_time) AS met_late,
      count(*) FILTER (WHERE r.kind = 'breached') AS breached,
      count(*) FILTER (WHERE r.kind = 'extended') AS extended,
      count(*) FILTER (WHERE r.kind = 'warned') AS warned,
      avg(r.business_ms) FILTER (WHERE r.kind = 'met') AS mean_ms
    FROM sla_records r
    WHERE r.org_id = ${q.orgId} AND r.at >= ${q.from} AND r.at < ${q.to}
      ${q.departmentId ? sql`AND r.department_id = ${q.departmentId}` : sql``}
      ${q.caseType ? sql`AND r.case_type = ${q.caseType}` : sql``}
      ${q.stage ? sql`AND r.stage = ${q.stage}` : sql``}
    GROUP BY 1, 2, 3
    ORDER BY 1 NULLS FIRST, array_position(ARRAY['acknowledge','first_response','investigation','resolution'], r.stage), 3
  `.execute(db);
  const names = new Map<string, LocalizedText>();
  if (q.by === 'department') {
    const depts = await db
      .selectFrom('departments')
      .select(['id', 'name'])
      .where('org_id', '=', q.orgId)
      .execute();
    for (const d of depts) names.set(d.id, d.name as LocalizedText);
  }
  return rows.rows.map((r) => {
    const metOnTime = Number(r.met_on_time);
    const breached = Number(r.breached);
    return {
      period: r.period,
      stage: r.stage,
      group: r.grp,
      groupName: r.grp ? (names.get(r.grp) ?? null) : null,
      metOnTime,
      metLate: Number(r.met_late),
      breached,
      extended: Number(r.extended),
      warned: Number(r.warned),
      compliance: metOnTime + breached > 0 ? metOnTime / (metOnTime + breached) : null,
      meanBusinessHoursToMeet: r.mean_ms === null ? null : Number(r.mean_ms) / 3_600_000,
    };
  });
}
