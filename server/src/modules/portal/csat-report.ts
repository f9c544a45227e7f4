// CSAT report (R-QA-4, R-ANA-1): per agent, department, channel or category, how many surveys
// were sent, how many were answered, the mean rating and the share of satisfied answers (4 or 5).
// Surveys count in the period they were sent, so the response rate compares like with like.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../platform/db/db.ts';
import { type Locale, type LocalizedText, pickText } from '../../platform/i18n/locales.ts';

export const CSAT_DIMENSIONS = ['agent', 'department', 'channel', 'category'] as const;
export type CsatDimension = (typeof CSAT_DIMENSIONS)[number];

const COLUMN = {
  agent: 'agent_id',
  department: 'department_id',
  channel: 'channel',
  category: 'category_id',
} as const satisfies Record<CsatDimension, string>;

export interface CsatQuery {
  orgId: string;
  from: Date;
  to: Date;
  by: CsatDimension;
  /** restrict to surveys about this department's work */
  departmentId?: string;
  locale: Locale;
}

export interface CsatCounts {
  sent: number;
  /** answered surveys: the number of ratings */
  count: number;
  /** count ÷ sent; null when nothing was sent */
  responseRate: number | null;
  /** mean of 1–5 ratings; null without answers */
  meanRating: number | null;
  /** share of ratings of 4 or 5; null without answers */
  satisfied: number | null;
}

export interface CsatRow extends CsatCounts {
  /** agent / department / category id, or channel code; null when the survey has none */
  group: string | null;
  name: string | null;
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

function counts(sent: number, count: number, sum: number, satisfied: number): CsatCounts {
  return {
    sent,
    count,
    responseRate: sent ? round(count / sent, 4) : null,
    meanRating: count ? round(sum / count, 2) : null,
    satisfied: count ? round(satisfied / count, 4) : null,
  };
}

export async function csatReport(
  db: DbOrTrx,
  q: CsatQuery,
): Promise<{ items: CsatRow[]; total: CsatCounts }> {
  const column = sql.ref(`s.${COLUMN[q.by]}`);
  let query = db
    .selectFrom('surveys as s')
    .select([
      sql<string | null>`${column}::text`.as('group'),
      sql<number>`count(*)::int`.as('sent'),
      sql<number>`count(s.answered_at)::int`.as('count'),
      sql<number>`coalesce(sum(s.rating), 0)::int`.as('sum'),
      sql<number>`(count(*) FILTER (WHERE s.rating >= 4))::int`.as('satisfied'),
    ])
    .where('s.org_id', '=', q.orgId)
    .where('s.sent_at', '>=', q.from)
    .where('s.sent_at', '<', q.to);
  if (q.departmentId) query = query.where('s.department_id', '=', q.departmentId);
  const rows = await query.groupBy(column).orderBy(column).execute();

  const ids = rows.map((r) => r.group).filter((g): g is string => g !== null);
  const names = new Map<string, string>();
  if (ids.length && q.by === 'agent') {
    const users = await db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('org_id', '=', q.orgId)
      .where('id', 'in', ids)
      .execute();
    for (const u of users) names.set(u.id, u.display_name);
  } else if (ids.length && (q.by === 'department' || q.by === 'category')) {
    const table = q.by === 'department' ? 'departments' : 'categories';
    const named = await db
      .selectFrom(table)
      .select(['id', 'name'])
      .where('org_id', '=', q.orgId)
      .where('id', 'in', ids)
      .execute();
    for (const n of named) names.set(n.id, pickText(n.name as LocalizedText, q.locale));
  }

  const items = rows.map((r) => ({
    group: r.group,
    name: r.group === null ? null : q.by === 'channel' ? r.group : (names.get(r.group) ?? null),
    ...counts(r.sent, r.count, r.sum, r.satisfied),
  }));
  const sum = (k: 'sent' | 'count' | 'sum' | 'satisfied') => rows.reduce((n, r) => n + r[k], 0);
  return { items, total: counts(sum('sent'), sum('count'), sum('sum'), sum('satisfied')) };
}
