// Manager's dashboards (R-ANA-1): volumes by channel, type, category, service, department, segment
// and period (with first-contact resolution), backlog ageing, and the team's load. Each is one
// aggregate query on the cases table's org-first indexes.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../platform/db/db.ts';
import { type Locale, type LocalizedText, pickText } from '../../platform/i18n/locales.ts';
import { OPEN_STATUSES } from '../cases/case-status.ts';

export const VOLUME_DIMENSIONS = [
  'channel',
  'type',
  'category',
  'service',
  'department',
  'segment',
  'day',
  'week',
  'month',
] as const;
export type VolumeDimension = (typeof VOLUME_DIMENSIONS)[number];

export interface VolumeQuery {
  orgId: string;
  timezone: string;
  from: Date;
  to: Date;
  by: VolumeDimension;
  departmentId?: string;
  locale: Locale;
}

export interface VolumeRow {
  group: string | null;
  name: string | null;
  registered: number;
  complaints: number;
  firstContactResolved: number;
  /** first-contact resolution rate among the period's cases */
  fcrRate: number | null;
  answered: number;
  open: number;
}

const NAMED: Partial<
  Record<VolumeDimension, { table: 'categories' | 'services' | 'departments'; column: string }>
> = {
  category: { table: 'categories', column: 'category_id' },
  service: { table: 'services', column: 'service_id' },
  department: { table: 'departments', column: 'department_id' },
};

export async function volumes(db: DbOrTrx, q: VolumeQuery): Promise<VolumeRow[]> {
  const period = ['day', 'week', 'month'].includes(q.by);
  const group = period
    ? sql`to_char(date_trunc(${q.by}, c.created_at AT TIME ZONE ${q.timezone}), 'YYYY-MM-DD')`
    : sql.ref(`c.${NAMED[q.by]?.column ?? q.by}`);
  const open = OPEN_STATUSES as readonly string[];
  const rows = await sql<{
    grp: string | null;
    registered: number;
    complaints: number;
    fcr: number;
    answered: number;
    open: number;
  }>`
    SELECT ${group}::text AS grp,
      count(*)::int AS registered,
      count(*) FILTER (WHERE c.type = 'complaint')::int AS complaints,
      count(*) FILTER (WHERE c.first_contact_resolution)::int AS fcr,
      count(*) FILTER (WHERE c.response_communicated_at IS NOT NULL)::int AS answered,
      count(*) FILTER (WHERE c.status IN (${sql.join(open.map((s) => sql`${s}`))}))::int AS open
    FROM cases c
    WHERE c.org_id = ${q.orgId} AND c.created_at >= ${q.from} AND c.created_at < ${q.to}
      ${q.departmentId ? sql`AND c.department_id = ${q.departmentId}` : sql``}
    GROUP BY 1
    ORDER BY ${period ? sql`1` : sql`2 DESC, 1`}
  `.execute(db);
  const names = new Map<string, string>();
  const named = NAMED[q.by];
  if (named) {
    const list = await db
      .selectFrom(named.table)
      .select(['id', 'name'])
      .where('org_id', '=', q.orgId)
      .execute();
    for (const r of list) names.set(r.id, pickText(r.name as LocalizedText, q.locale) ?? r.id);
  }
  return rows.rows.map((r) => ({
    group: r.grp,
    name: r.grp ? (names.get(r.grp) ?? (named ? null : r.grp)) : null,
    registered: r.registered,
    complaints: r.complaints,
    firstContactResolved: r.fcr,
    fcrRate: r.registered ? Math.round((r.fcr / r.registered) * 10_000) / 10_000 : null,
    answered: r.answered,
    open: r.open,
  }));
}

/** Age buckets of open cases, in calendar days since registration. */
export const AGE_BUCKETS = [
  { key: '0-1', max: 1 },
  { key: '1-3', max: 3 },
  { key: '3-7', max: 7 },
  { key: '7-14', max: 14 },
  { key: '14-30', max: 30 },
  { key: '30+', max: Number.POSITIVE_INFINITY },
] as const;

export interface BacklogRow {
  departmentId: string;
  department: string;
  total: number;
  /** bucket key → open cases of that age */
  ages: Record<string, number>;
  breached: number;
  oldestAt: string | null;
}

export async function backlog(
  db: DbOrTrx,
  q: { orgId: string; departmentId?: string; locale: Locale; now?: Date },
): Promise<BacklogRow[]> {
  const now = q.now ?? new Date();
  const open = OPEN_STATUSES as readonly string[];
  const ageDays = sql`extract(epoch from (${now}::timestamptz - c.created_at)) / 86400`;
  const buckets = AGE_BUCKETS.map((b, i) => {
    const lower = i === 0 ? 0 : AGE_BUCKETS[i - 1]!.max;
    const cond = Number.isFinite(b.max)
      ? sql`${ageDays} >= ${lower} AND ${ageDays} < ${b.max}`
      : sql`${ageDays} >= ${lower}`;
    return sql`count(*) FILTER (WHERE ${cond})::int AS ${sql.ref(`b${i}`)}`;
  });
  const rows = await sql<Record<string, number | string | Date | null>>`
    SELECT c.department_id, d.name, count(*)::int AS total, ${sql.join(buckets)},
      count(*) FILTER (WHERE EXISTS (
        SELECT 1 FROM case_sla_stages s WHERE s.org_id = c.org_id AND s.case_id = c.id
          AND s.met_at IS NULL AND s.stopped_at IS NULL AND s.paused_at IS NULL AND s.due_at <= ${now}))::int AS breached,
      min(c.created_at) AS oldest
    FROM cases c JOIN departments d ON d.org_id = c.org_id AND d.id = c.department_id
    WHERE c.org_id = ${q.orgId} AND c.status IN (${sql.join(open.map((s) => sql`${s}`))})
      ${q.departmentId ? sql`AND c.department_id = ${q.departmentId}` : sql``}
    GROUP BY c.department_id, d.name
    ORDER BY total DESC
  `.execute(db);
  return rows.rows.map((r) => ({
    departmentId: String(r.department_id),
    department: pickText(r.name as unknown as LocalizedText, q.locale) ?? String(r.department_id),
    total: Number(r.total),
    ages: Object.fromEntries(AGE_BUCKETS.map((b, i) => [b.key, Number(r[`b${i}`])])),
    breached: Number(r.breached),
    oldestAt: r.oldest ? new Date(r.oldest as Date).toISOString() : null,
  }));
}

export interface TeamRow {
  userId: string;
  name: string;
  role: string;
  department: string | null;
  open: number;
  waitingOnCustomer: number;
  breached: number;
  oldestAt: string | null;
}

/** Who holds what: open cases per accountable owner, with the oldest and the overdue. */
export async function teamLoad(
  db: DbOrTrx,
  q: { orgId: string; departmentId?: string; locale: Locale; now?: Date },
): Promise<TeamRow[]> {
  const now = q.now ?? new Date();
  const open = OPEN_STATUSES as readonly string[];
  const rows = await sql<{
    user_id: string;
    display_name: string;
    role_code: string;
    dept: unknown;
    open: number;
    waiting: number;
    breached: number;
    oldest: Date | null;
  }>`
    SELECT u.id AS user_id, u.display_name, u.role_code, d.name AS dept,
      count(c.id)::int AS open,
      count(c.id) FILTER (WHERE c.status = 'waiting_on_customer')::int AS waiting,
      count(c.id) FILTER (WHERE EXISTS (
        SELECT 1 FROM case_sla_stages s WHERE s.org_id = c.org_id AND s.case_id = c.id
          AND s.met_at IS NULL AND s.stopped_at IS NULL AND s.paused_at IS NULL AND s.due_at <= ${now}))::int AS breached,
      min(c.created_at) AS oldest
    FROM users u
    LEFT JOIN departments d ON d.org_id = u.org_id AND d.id = u.department_id
    LEFT JOIN cases c ON c.org_id = u.org_id AND c.owner_id = u.id AND c.status IN (${sql.join(open.map((s) => sql`${s}`))})
    WHERE u.org_id = ${q.orgId} AND u.active
      ${q.departmentId ? sql`AND u.department_id = ${q.departmentId}` : sql``}
    GROUP BY u.id, u.display_name, u.role_code, d.name
    ORDER BY open DESC, u.display_name
  `.execute(db);
  return rows.rows.map((r) => ({
    userId: r.user_id,
    name: r.display_name,
    role: r.role_code,
    department: r.dept ? (pickText(r.dept as LocalizedText, q.locale) ?? null) : null,
    open: r.open,
    waitingOnCustomer: r.waiting,
    breached: r.breached,
    oldestAt: r.oldest ? new Date(r.oldest).toISOString() : null,
  }));
}
