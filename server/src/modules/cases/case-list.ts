// The case list (agent queues, follow-up board, search results): a slim row per case with what
// those screens show — names in the reader's language, the most pressing SLA stage — rather than
// the full case view, which stays on GET /api/v1/cases/{id}. A page is one statement plus one for
// the calendars of its running SLA stages.
import { type SqlBool, sql } from 'kysely';
import { jsonObjectFrom } from 'kysely/helpers/postgres';
import type { DbOrTrx } from '../../platform/db/db.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { getCalendarsByIds } from '../sla/sla.repository.ts';
import type { SlaStage } from '../sla/sla-policy.ts';
import { type SlaSummary, slaSummary } from '../sla/sla-view.ts';

export interface CaseListFilters {
  status?: string[];
  departmentId?: string;
  ownerId?: string;
  type?: string;
  categoryId?: string;
  channel?: string;
  priority?: string;
  createdFrom?: Date;
  createdTo?: Date;
  /** tsquery literal built from the user's words by searchQuery() */
  tsQuery?: string | null;
  /** exact case number */
  number?: string;
  /** restrict to cases of this department or owned by this user (department-scoped roles) */
  scope?: { departmentId: string | null; userId: string };
  after?: { createdAt: Date; id: string };
  limit: number;
  /** how many of the newest cases a search reads one by one before it asks the GIN indexes (SEARCH_WINDOW) */
  searchWindow?: number;
}

/**
 * A search first reads this many of the newest matching-the-filters cases one by one: a word most
 * searches are for (in a tenth of the cases, say) fills a page within a few hundred of them, and
 * checking a case's own lexemes costs microseconds. Only when the window does not fill the page
 * are the GIN indexes asked, and then the word is rare enough for them to be quick. Choosing by
 * counting rather than by the planner's estimate keeps both kinds of word fast even where the
 * estimate is far off (several words, whose frequencies PostgreSQL multiplies as if independent).
 */
export const SEARCH_WINDOW = 2000;

/** Cases of the org that pass the list filters, newest first once ordered; nothing selected yet. */
function filteredCases(db: DbOrTrx, orgId: string, f: CaseListFilters) {
  let q = db.selectFrom('cases as c').where('c.org_id', '=', orgId);
  if (f.status?.length) q = q.where('c.status', 'in', f.status);
  if (f.departmentId) q = q.where('c.department_id', '=', f.departmentId);
  if (f.ownerId) q = q.where('c.owner_id', '=', f.ownerId);
  if (f.type) q = q.where('c.type', '=', f.type);
  if (f.categoryId) q = q.where('c.category_id', '=', f.categoryId);
  if (f.channel) q = q.where('c.channel', '=', f.channel);
  if (f.priority) q = q.where('c.priority', '=', f.priority);
  if (f.createdFrom) q = q.where('c.created_at', '>=', f.createdFrom);
  if (f.createdTo) q = q.where('c.created_at', '<', f.createdTo);
  if (f.number) q = q.where('c.number', '=', f.number);
  const scope = f.scope;
  // Already implied by a "mine" or "my department" filter: leaving it out lets one index serve the page.
  if (scope && f.ownerId !== scope.userId && !(scope.departmentId && f.departmentId === scope.departmentId)) {
    q = q.where((eb) =>
      eb.or([
        eb('c.owner_id', '=', scope.userId),
        ...(scope.departmentId ? [eb('c.department_id', '=', scope.departmentId)] : []),
      ]),
    );
  }
  if (f.after) {
    const { createdAt, id } = f.after;
    q = q.where((eb) =>
      eb.or([
        eb('c.created_at', '<', createdAt),
        eb.and([eb('c.created_at', '=', createdAt), eb('c.id', '<', id)]),
      ]),
    );
  }
  return q;
}

/**
 * Ids of the page of a search: at most `limit` cases from each of these sets, of which the caller
 * keeps the newest `limit`:
 * - recent_hits: the newest cases (SEARCH_WINDOW of them) whose own text matches;
 * - older_hits: when those are fewer than a page, older cases whose own text matches (GIN index);
 * - cases with a matching message: when recent_hits filled the page, only cases newer than its
 *   last one can still make the page, so just those are checked, each by its messages' primary
 *   key; otherwise every matching message is found through the messages' GIN index.
 */
function searchPageIds(db: DbOrTrx, orgId: string, f: CaseListFilters, tsQuery: string) {
  const limit = f.limit;
  const window = f.searchWindow ?? SEARCH_WINDOW;
  const matches = (alias: 'c' | 'n' | 'm') =>
    sql<SqlBool>`${sql.ref(`${alias}.search_vector`)} @@ ${tsQuery}::tsquery`;
  const recentFilledPage = sql<SqlBool>`(SELECT count(*) FROM recent_hits) >= ${limit}`;
  const newest = filteredCases(db, orgId, f)
    .select(['c.id', 'c.created_at', 'c.search_vector'])
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(window);
  const recentHits = db
    .selectFrom(newest.as('n'))
    .select(['n.id', 'n.created_at'])
    .where(matches('n'))
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit);
  const windowEnd = filteredCases(db, orgId, f)
    .select(['c.created_at', 'c.id'])
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .offset(window - 1)
    .limit(1);
  const olderHits = filteredCases(db, orgId, f)
    .select('c.id')
    .where(matches('c'))
    .where(sql<SqlBool>`NOT ${recentFilledPage}`)
    .where(sql<SqlBool>`(c.created_at, c.id) < ${windowEnd}`)
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit);
  const newerMessageHits = filteredCases(db, orgId, f)
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('case_messages as m')
          .select(sql<number>`1`.as('one'))
          .whereRef('m.org_id', '=', 'c.org_id')
          .whereRef('m.case_id', '=', 'c.id')
          .where(matches('m'))
          .limit(1)
          .as('hit'),
      (join) => join.onTrue(),
    )
    .select('c.id')
    .where(recentFilledPage)
    .where(
      sql<SqlBool>`(c.created_at, c.id) > (SELECT r.created_at, r.id FROM recent_hits r ORDER BY r.created_at, r.id LIMIT 1)`,
    )
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit);
  const messageCases = db
    .selectFrom('case_messages as m')
    .select('m.case_id')
    .distinct()
    .where('m.org_id', '=', orgId)
    .where(matches('m'))
    .where(sql<SqlBool>`NOT ${recentFilledPage}`);
  const messageHits = filteredCases(db, orgId, f)
    .select('c.id')
    .where('c.id', 'in', sql<string>`(SELECT case_id FROM message_cases)`)
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit);
  return sql<string>`(
    WITH recent_hits AS MATERIALIZED ${recentHits},
      message_cases AS MATERIALIZED ${messageCases}
    SELECT id FROM recent_hits
    UNION ALL ${olderHits}
    UNION ALL ${newerMessageHits}
    UNION ALL ${messageHits})`;
}

/** The longest description a row carries in its summary when the case has no subject. */
export const SUMMARY_CHARS = 200;

/**
 * A stored name (`{ "ar": …, "en": … }`) in one language: the reader's, else English, else any.
 * Picked in PostgreSQL so a row carries one string, not five.
 */
function localName(column: string, locale: Locale) {
  const ref = sql.ref(column);
  return sql<string>`coalesce(nullif(${ref}->>${locale}, ''), nullif(${ref}->>'en', ''), (SELECT t.v FROM jsonb_each_text(${ref}) AS t(k, v) WHERE t.v <> '' LIMIT 1), '')`;
}

/** The statement behind listCases (exported so tests can look at its plan). */
export function caseListQuery(
  db: DbOrTrx,
  orgId: string,
  f: CaseListFilters,
  locale: Locale = 'en',
  now: Date = new Date(),
) {
  // The page's ids first, from the narrowest index that serves the filters; then its rows.
  const ids = f.tsQuery
    ? searchPageIds(db, orgId, f, f.tsQuery)
    : filteredCases(db, orgId, f)
        .select('c.id')
        .orderBy('c.created_at', 'desc')
        .orderBy('c.id', 'desc')
        .limit(f.limit);
  // Related rows are scalar subqueries, evaluated for the page's rows only (see caseViewQuery).
  return db
    .selectFrom('cases as c')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('case_sla_stages as s')
          .select(['s.stage', 's.calendar_id', 's.due_at', 's.warn_at', 's.paused_at', 's.remaining_ms'])
          .whereRef('s.org_id', '=', 'c.org_id')
          .whereRef('s.case_id', '=', 'c.id')
          .where('s.met_at', 'is', null)
          .where('s.stopped_at', 'is', null)
          // the order of PRESSING: overdue, due soon, on track, paused; then the earliest due
          .orderBy(
            sql`CASE WHEN s.paused_at IS NOT NULL THEN 3 WHEN s.due_at <= ${now} THEN 0 WHEN s.warn_at <= ${now} THEN 1 ELSE 2 END`,
          )
          .orderBy('s.due_at')
          .limit(1)
          .as('s'),
      (join) => join.onTrue(),
    )
    .select((eb) => {
      // a department, category or service: its code and its name in the reader's language
      const named = (
        table: 'departments' | 'categories' | 'services',
        key: 'department_id' | 'category_id' | 'service_id',
      ) =>
        jsonObjectFrom(
          eb
            // the three tables share these columns; typed as one so the select has one shape
            .selectFrom(`${table} as r` as 'departments as r')
            .select(['r.code', localName('r.name', locale).as('name')])
            .whereRef('r.org_id', '=', 'c.org_id')
            .whereRef('r.id', '=', `c.${key}`),
        );
      return [
        'c.id',
        'c.number',
        'c.type',
        'c.status',
        'c.channel',
        'c.priority',
        sql<string>`CASE WHEN c.subject <> '' THEN c.subject WHEN length(c.description) > ${SUMMARY_CHARS} THEN left(c.description, ${SUMMARY_CHARS}) || '…' ELSE c.description END`.as(
          'summary',
        ),
        'c.created_at',
        'c.updated_at',
        'c.response_communicated_at',
        'c.department_id',
        'c.owner_id',
        'c.customer_id',
        'c.category_id',
        'c.service_id',
        'c.escalation_level',
        named('departments', 'department_id').as('department'),
        eb
          .selectFrom('users as o')
          .select('o.display_name')
          .whereRef('o.org_id', '=', 'c.org_id')
          .whereRef('o.id', '=', 'c.owner_id')
          .as('owner_name'),
        jsonObjectFrom(
          eb
            .selectFrom('customers as cu')
            .select(['cu.kind', 'cu.first_name', 'cu.last_name', 'cu.patronymic', 'cu.business_name'])
            .whereRef('cu.org_id', '=', 'c.org_id')
            .whereRef('cu.id', '=', 'c.customer_id'),
        ).as('customer'),
        named('categories', 'category_id').as('category'),
        named('services', 'service_id').as('service'),
        's.stage as sla_stage',
        's.calendar_id as sla_calendar_id',
        's.due_at as sla_due_at',
        's.warn_at as sla_warn_at',
        's.paused_at as sla_paused_at',
        's.remaining_ms as sla_remaining_ms',
      ] as const;
    })
    .where('c.org_id', '=', orgId)
    .where('c.id', 'in', ids)
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(f.limit);
}

type ListRow = Awaited<ReturnType<ReturnType<typeof caseListQuery>['executeTakeFirstOrThrow']>>;

interface NamedRef {
  id: string;
  code: string;
  /** in the request's language */
  name: string;
}

/** A case as a row of a list: what the queues, the follow-up board and search results show. */
export interface CaseListItem {
  id: string;
  number: string;
  type: string;
  status: string;
  channel: string;
  priority: string;
  /** the subject, or the start of the description when there is none */
  summary: string;
  createdAt: string;
  updatedAt: string;
  responseCommunicatedAt: string | null;
  department: NamedRef;
  category: NamedRef | null;
  service: NamedRef | null;
  owner: { id: string; displayName: string };
  /** the name only: contacts and the identity check belong to the case view */
  customer: {
    id: string;
    kind: string;
    firstName: string | null;
    lastName: string | null;
    patronymic: string | null;
    businessName: string | null;
  };
  escalationLevel: number;
  /** the most pressing running SLA stage; null when no stage is running */
  sla: SlaSummary | null;
}

const named = (id: string | null, r: { code: string; name: string } | null): NamedRef | null =>
  id && r ? { id, code: r.code, name: r.name } : null;

/** One page of the list, newest first; names in `locale`. */
export async function listCases(
  db: DbOrTrx,
  orgId: string,
  f: CaseListFilters,
  locale: Locale = 'en',
  now: Date = new Date(),
): Promise<CaseListItem[]> {
  const rows = await caseListQuery(db, orgId, f, locale, now).execute();
  const calendars = await getCalendarsByIds(
    db,
    orgId,
    rows.flatMap((r) => (r.sla_calendar_id ? [r.sla_calendar_id] : [])),
  );
  return rows.map((r) => toItem(r, calendars, now));
}

function toItem(
  r: ListRow,
  calendars: Awaited<ReturnType<typeof getCalendarsByIds>>,
  now: Date,
): CaseListItem {
  // Foreign keys guarantee these rows; a missing one is a broken database, not an empty field.
  if (!r.department || !r.customer || r.owner_name === null)
    throw new Error(`case ${r.id}: missing related row`);
  let sla: SlaSummary | null = null;
  if (r.sla_stage && r.sla_calendar_id && r.sla_due_at) {
    const cal = calendars.get(r.sla_calendar_id)?.spec;
    if (!cal) throw new Error(`calendar ${r.sla_calendar_id} of a clock is missing`);
    sla = slaSummary(
      cal,
      {
        stage: r.sla_stage as SlaStage,
        dueAt: r.sla_due_at,
        warnAt: r.sla_warn_at,
        pausedAt: r.sla_paused_at,
        remainingMs: r.sla_remaining_ms === null ? null : Number(r.sla_remaining_ms),
        metAt: null,
        stoppedAt: null,
      },
      now,
    );
  }
  return {
    id: r.id,
    number: r.number,
    type: r.type,
    status: r.status,
    channel: r.channel,
    priority: r.priority,
    summary: r.summary,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    responseCommunicatedAt: r.response_communicated_at ? r.response_communicated_at.toISOString() : null,
    department: { id: r.department_id, code: r.department.code, name: r.department.name },
    category: named(r.category_id, r.category),
    service: named(r.service_id, r.service),
    owner: { id: r.owner_id, displayName: r.owner_name },
    customer: {
      id: r.customer_id,
      kind: r.customer.kind,
      firstName: r.customer.first_name,
      lastName: r.customer.last_name,
      patronymic: r.customer.patronymic,
      businessName: r.customer.business_name,
    },
    escalationLevel: r.escalation_level,
    sla,
  };
}
