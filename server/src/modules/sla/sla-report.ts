// SLA compliance report (issue: reports per stage, org, department, type and period), aggregated
// from sla_records — the rows written when a stage is met, breached, warned or extended.
import { type RawBuilder, sql } from 'kysely';
import { DateTime } from 'luxon';
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

/** A day is summed into sla_report_days once it has been over for this long (see the migration). */
const SETTLED_MS = 86_400_000;

interface Counted {
  period: string | null;
  stage: string;
  grp: string | null;
  met_on_time: string;
  met_late: string;
  breached: string;
  extended: string;
  warned: string;
  mean_ms: string | null;
}

/**
 * Which daily sums answer the query: they carry one dimension each, so a query grouped by one
 * dimension and filtered on none other (or on that one) can use them; anything else reads
 * sla_records alone.
 */
function dailySums(q: SlaReportQuery): { dimension: ReportDimension; value: string | null } | null {
  const used = new Map<ReportDimension, string | null>();
  if (q.by !== 'none') used.set(q.by, null);
  if (q.departmentId) used.set('department', q.departmentId);
  if (q.caseType) used.set('case_type', q.caseType);
  if (used.size > 1) return null;
  const [entry] = used.entries();
  return entry ? { dimension: entry[0], value: entry[1] } : { dimension: 'none', value: null };
}

/** Whole local days within [from, to) that are over and settled: [first, end) as ISO dates. */
function settledDays(q: SlaReportQuery, now: Date): { first: string; end: string } | null {
  const from = DateTime.fromJSDate(q.from, { zone: q.timezone });
  const firstStart = from.equals(from.startOf('day')) ? from : from.startOf('day').plus({ days: 1 });
  const bound = DateTime.fromJSDate(new Date(Math.min(q.to.getTime(), now.getTime() - SETTLED_MS)), {
    zone: q.timezone,
  }).startOf('day');
  if (!firstStart.isValid || !bound.isValid || bound <= firstStart) return null;
  return { first: firstStart.toISODate()!, end: bound.toISODate()! };
}

/** Sums the settled days of the range that are not summed yet (each once, whoever asks first). */
async function sumDays(db: DbOrTrx, orgId: string, timezone: string, days: { first: string; end: string }) {
  await sql`
    WITH missing AS (
      SELECT d::date AS day FROM generate_series(${days.first}::date, ${days.end}::date - 1, interval '1 day') d
       WHERE NOT EXISTS (SELECT 1 FROM sla_report_days_done x
                          WHERE x.org_id = ${orgId} AND x.time_zone = ${timezone} AND x.day = d::date)
    ), summed AS (
      INSERT INTO sla_report_days (org_id, time_zone, day, dimension, value, stage, met_on_time, met_late,
                                   breached, extended, warned, met_ms_sum, met_ms_count)
      SELECT ${orgId}::uuid, ${timezone}::text, m.day,
        CASE WHEN GROUPING(r.department_id) = 0 THEN 'department' WHEN GROUPING(r.case_type) = 0 THEN 'case_type'
             WHEN GROUPING(r.priority) = 0 THEN 'priority' WHEN GROUPING(r.channel) = 0 THEN 'channel'
             WHEN GROUPING(r.segment) = 0 THEN 'segment' ELSE 'none' END,
        COALESCE(r.department_id::text, r.case_type, r.priority, r.channel, r.segment, ''),
        r.stage,
        count(*) FILTER (WHERE r.kind = 'met' AND r.on_time),
        count(*) FILTER (WHERE r.kind = 'met' AND NOT r.on_time),
        count(*) FILTER (WHERE r.kind = 'breached'),
        count(*) FILTER (WHERE r.kind = 'extended'),
        count(*) FILTER (WHERE r.kind = 'warned'),
        coalesce(sum(r.business_ms) FILTER (WHERE r.kind = 'met'), 0),
        count(r.business_ms) FILTER (WHERE r.kind = 'met')
      FROM missing m
      JOIN sla_records r ON r.org_id = ${orgId}
        AND r.at >= (m.day::timestamp AT TIME ZONE ${timezone}::text)
        AND r.at < ((m.day + 1)::timestamp AT TIME ZONE ${timezone}::text)
      GROUP BY m.day, r.stage,
        GROUPING SETS ((), (r.department_id), (r.case_type), (r.priority), (r.channel), (r.segment))
      ON CONFLICT DO NOTHING
    )
    INSERT INTO sla_report_days_done (org_id, time_zone, day)
    SELECT ${orgId}::uuid, ${timezone}::text, day FROM missing ON CONFLICT DO NOTHING
  `.execute(db);
}

export async function slaReport(
  db: DbOrTrx,
  q: SlaReportQuery,
  opts: { now?: Date; dailySums?: boolean } = {},
): Promise<SlaReportRow[]> {
  const sums = opts.dailySums === false ? null : dailySums(q);
  const days = sums ? settledDays(q, opts.now ?? new Date()) : null;
  if (sums && days) await sumDays(db, q.orgId, q.timezone, days);

  const period = (localTime: RawBuilder<unknown>) =>
    q.period === 'total'
      ? sql`NULL::text`
      : sql`to_char(date_trunc(${q.period}, ${localTime}), 'YYYY-MM-DD')`;
  const rawGroup = q.by === 'none' ? sql`NULL::text` : sql`${sql.ref(`r.${GROUP_COLUMN[q.by]}`)}::text`;
  const filters = sql`
    ${q.departmentId ? sql`AND r.department_id = ${q.departmentId}` : sql``}
    ${q.caseType ? sql`AND r.case_type = ${q.caseType}` : sql``}
    ${q.stage ? sql`AND r.stage = ${q.stage}` : sql``}`;
  const records = (where: RawBuilder<unknown>, from = sql``) => sql`
    SELECT ${period(sql`r.at AT TIME ZONE ${q.timezone}::text`)} AS period, r.stage, ${rawGroup} AS grp,
      count(*) FILTER (WHERE r.kind = 'met' AND r.on_time) AS met_on_time,
      count(*) FILTER (WHERE r.kind = 'met' AND NOT r.on_time) AS met_late,
      count(*) FILTER (WHERE r.kind = 'breached') AS breached,
      count(*) FILTER (WHERE r.kind = 'extended') AS extended,
      count(*) FILTER (WHERE r.kind = 'warned') AS warned,
      coalesce(sum(r.business_ms) FILTER (WHERE r.kind = 'met'), 0) AS ms_sum,
      count(r.business_ms) FILTER (WHERE r.kind = 'met') AS ms_count
    FROM ${from} sla_records r
    WHERE r.org_id = ${q.orgId} ${where} ${filters}
    GROUP BY 1, 2, 3`;
  let parts: RawBuilder<unknown>[];
  let withDone = sql``;
  if (sums && days) {
    const dayStart = (d: string) => DateTime.fromISO(d, { zone: q.timezone }).toJSDate();
    // Summed days from sla_report_days; the rest of the range (its partial first day, the days
    // not yet settled, and any summed day forgotten since) from sla_records.
    withDone = sql`WITH done AS MATERIALIZED (
      SELECT day FROM sla_report_days_done
       WHERE org_id = ${q.orgId} AND time_zone = ${q.timezone} AND day >= ${days.first}::date AND day < ${days.end}::date
    ),`;
    parts = [
      sql`
      SELECT ${period(sql`s.day::timestamp`)} AS period, s.stage, ${q.by === 'none' ? sql`NULL::text` : sql`s.value`} AS grp,
        sum(s.met_on_time) AS met_on_time, sum(s.met_late) AS met_late, sum(s.breached) AS breached,
        sum(s.extended) AS extended, sum(s.warned) AS warned, sum(s.met_ms_sum) AS ms_sum, sum(s.met_ms_count) AS ms_count
      FROM sla_report_days s
      WHERE s.org_id = ${q.orgId} AND s.time_zone = ${q.timezone} AND s.dimension = ${sums.dimension}
        AND s.day >= ${days.first}::date AND s.day < ${days.end}::date AND s.day IN (SELECT day FROM done)
        ${sums.value ? sql`AND s.value = ${sums.value}` : sql``}
        ${q.stage ? sql`AND s.stage = ${q.stage}` : sql``}
      GROUP BY 1, 2, 3`,
      records(sql`AND r.at >= ${q.from} AND r.at < ${dayStart(days.first)}`),
      records(sql`AND r.at >= ${dayStart(days.end)} AND r.at < ${q.to}`),
      records(
        sql`AND r.at >= (m.day::timestamp AT TIME ZONE ${q.timezone}::text)
            AND r.at < ((m.day + 1)::timestamp AT TIME ZONE ${q.timezone}::text)`,
        sql`(SELECT d::date AS day FROM generate_series(${days.first}::date, ${days.end}::date - 1, interval '1 day') d
              WHERE d::date NOT IN (SELECT day FROM done)) m,`,
      ),
    ];
  } else {
    withDone = sql`WITH`;
    parts = [records(sql`AND r.at >= ${q.from} AND r.at < ${q.to}`)];
  }
  const rows = await sql<Counted>`
    ${withDone} counted AS (${sql.join(parts, sql` UNION ALL `)})
    SELECT period, stage, grp,
      sum(met_on_time) AS met_on_time, sum(met_late) AS met_late, sum(breached) AS breached,
      sum(extended) AS extended, sum(warned) AS warned,
      sum(ms_sum) / nullif(sum(ms_count), 0) AS mean_ms
    FROM counted
    GROUP BY 1, 2, 3
    ORDER BY 1 NULLS FIRST, array_position(ARRAY['acknowledge','first_response','investigation','resolution'], stage), 3
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
