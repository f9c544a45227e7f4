import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { DateTime } from 'luxon';
import type { DbOrTrx, Trx } from '../../platform/db/db.ts';
import type { Locale, LocalizedText } from '../../platform/i18n/locales.ts';
import { maskPhone } from '../customers/contacts.ts';
import { type SlaView, slaViews } from '../sla/sla-view.ts';
import { type CaseStatus, OPEN_STATUSES as OPEN_CASE_STATUSES, TMF621_STATUS } from './case-status.ts';

/** Next number in the org's yearly series; the counter row lock makes it race-free and gapless. */
export async function allocateCaseNumber(
  trx: Trx,
  org: { orgId: string; casePrefix: string; timezone: string },
  now: Date,
): Promise<string> {
  const year = DateTime.fromJSDate(now, { zone: org.timezone }).year;
  const row = await trx
    .insertInto('case_number_counters')
    .values({ org_id: org.orgId, year, last_value: 1 })
    .onConflict((oc) =>
      oc.columns(['org_id', 'year']).doUpdateSet({ last_value: sql`case_number_counters.last_value + 1` }),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return formatCaseNumber(org.casePrefix, year, row.last_value);
}

export function formatCaseNumber(prefix: string, year: number, n: number): string {
  return `${prefix}-${year}-${String(n).padStart(6, '0')}`;
}

/** 128 random bits, URL-safe: the customer's link to the case; not derivable from the number. */
export function newTrackingToken(): string {
  return randomBytes(16).toString('base64url');
}

export interface NewEvent {
  orgId: string;
  caseId: string;
  type: string;
  actorId: string | null;
  actorKind: 'user' | 'customer' | 'system';
  at?: Date;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  data?: Record<string, unknown>;
}

/** Appends to the case timeline and returns the sequence numbers given. Callers hold the case row lock. */
export async function appendCaseEvents(trx: Trx, events: NewEvent[]): Promise<number[]> {
  if (!events.length) return [];
  const first = events[0]!;
  const { max } = await trx
    .selectFrom('case_events')
    .select((eb) => eb.fn.max<number | null>('seq').as('max'))
    .where('org_id', '=', first.orgId)
    .where('case_id', '=', first.caseId)
    .executeTakeFirstOrThrow();
  let seq = max ?? 0;
  const firstSeq = seq + 1;
  await trx
    .insertInto('case_events')
    .values(
      events.map((e) => ({
        org_id: e.orgId,
        case_id: e.caseId,
        seq: ++seq,
        type: e.type,
        actor_id: e.actorId,
        actor_kind: e.actorKind,
        at: e.at ?? new Date(),
        from_status: e.fromStatus ?? null,
        to_status: e.toStatus ?? null,
        reason: e.reason ?? null,
        data: JSON.stringify(e.data ?? {}),
      })),
    )
    .execute();
  return events.map((_, k) => firstSeq + k);
}

export async function lockCase(trx: Trx, orgId: string, id: string) {
  return trx
    .selectFrom('cases')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function findCaseIdByNumber(db: DbOrTrx, orgId: string, number: string) {
  const row = await db
    .selectFrom('cases')
    .select('id')
    .where('org_id', '=', orgId)
    .where('number', '=', number)
    .executeTakeFirst();
  return row?.id ?? null;
}

function caseViewQuery(db: DbOrTrx, orgId: string) {
  return db
    .selectFrom('cases as c')
    .innerJoin('departments as d', (j) =>
      j.onRef('d.org_id', '=', 'c.org_id').onRef('d.id', '=', 'c.department_id'),
    )
    .innerJoin('users as o', (j) => j.onRef('o.org_id', '=', 'c.org_id').onRef('o.id', '=', 'c.owner_id'))
    .innerJoin('customers as cu', (j) =>
      j.onRef('cu.org_id', '=', 'c.org_id').onRef('cu.id', '=', 'c.customer_id'),
    )
    .leftJoin('categories as cat', (j) =>
      j.onRef('cat.org_id', '=', 'c.org_id').onRef('cat.id', '=', 'c.category_id'),
    )
    .leftJoin('services as s', (j) => j.onRef('s.org_id', '=', 'c.org_id').onRef('s.id', '=', 'c.service_id'))
    .select([
      'c.id',
      'c.number',
      'c.tracking_token',
      'c.type',
      'c.status',
      'c.channel',
      'c.priority',
      'c.assessment',
      'c.subject',
      'c.description',
      'c.remedy_sought',
      'c.served_by',
      'c.form_data',
      'c.locale',
      'c.first_contact_resolution',
      'c.rejection_reason',
      'c.created_at',
      'c.updated_at',
      'c.acknowledged_at',
      'c.response_communicated_at',
      'c.closed_at',
      'c.department_id',
      'c.owner_id',
      'c.escalation_level',
      'd.code as department_code',
      'd.name as department_name',
      'o.display_name as owner_name',
      'cu.id as customer_id',
      'cu.kind as customer_kind',
      'cu.first_name',
      'cu.last_name',
      'cu.patronymic',
      'cu.business_name',
      'cu.segment',
      'cat.id as category_id',
      'cat.code as category_code',
      'cat.name as category_name',
      's.id as service_id',
      's.code as service_code',
      's.name as service_name',
      (eb) =>
        eb
          .selectFrom('customer_contacts as cc')
          .select('cc.value')
          .whereRef('cc.org_id', '=', 'c.org_id')
          .whereRef('cc.customer_id', '=', 'c.customer_id')
          .where('cc.kind', '=', 'phone')
          .limit(1)
          .as('customer_phone'),
    ])
    .where('c.org_id', '=', orgId);
}

type ViewRow = Awaited<ReturnType<ReturnType<typeof caseViewQuery>['executeTakeFirstOrThrow']>>;

export interface CaseView {
  id: string;
  number: string;
  trackingToken: string;
  type: string;
  status: string;
  tmfStatus: string;
  channel: string;
  priority: string;
  assessment: unknown;
  subject: string;
  description: string;
  remedySought: string | null;
  servedBy: string | null;
  customFields: unknown;
  locale: string;
  firstContactResolution: boolean;
  rejectionReason: string | null;
  createdAt: string;
  updatedAt: string;
  acknowledgedAt: string | null;
  responseCommunicatedAt: string | null;
  closedAt: string | null;
  department: { id: string; code: string; name: LocalizedText };
  owner: { id: string; displayName: string };
  customer: {
    id: string;
    kind: string;
    segment: string;
    firstName: string | null;
    lastName: string | null;
    patronymic: string | null;
    businessName: string | null;
    phoneMasked: string | null;
  };
  category: { id: string; code: string; name: LocalizedText } | null;
  service: { id: string; code: string; name: LocalizedText } | null;
  escalationLevel: number;
  sla: SlaView | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toView(r: ViewRow): CaseView {
  return {
    id: r.id,
    number: r.number,
    trackingToken: r.tracking_token,
    type: r.type,
    status: r.status,
    tmfStatus: TMF621_STATUS[r.status as CaseStatus],
    channel: r.channel,
    priority: r.priority,
    assessment: r.assessment,
    subject: r.subject,
    description: r.description,
    remedySought: r.remedy_sought,
    servedBy: r.served_by,
    customFields: r.form_data,
    locale: r.locale,
    firstContactResolution: r.first_contact_resolution,
    rejectionReason: r.rejection_reason,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    acknowledgedAt: iso(r.acknowledged_at),
    responseCommunicatedAt: iso(r.response_communicated_at),
    closedAt: iso(r.closed_at),
    department: { id: r.department_id, code: r.department_code, name: r.department_name as LocalizedText },
    owner: { id: r.owner_id, displayName: r.owner_name },
    customer: {
      id: r.customer_id,
      kind: r.customer_kind,
      segment: r.segment,
      firstName: r.first_name,
      lastName: r.last_name,
      patronymic: r.patronymic,
      businessName: r.business_name,
      phoneMasked: r.customer_phone ? maskPhone(r.customer_phone) : null,
    },
    category: r.category_id
      ? { id: r.category_id, code: r.category_code!, name: r.category_name as LocalizedText }
      : null,
    service: r.service_id
      ? { id: r.service_id, code: r.service_code!, name: r.service_name as LocalizedText }
      : null,
    escalationLevel: r.escalation_level,
    sla: null,
  };
}

async function withSla(db: DbOrTrx, orgId: string, views: CaseView[], locale?: Locale): Promise<CaseView[]> {
  if (!views.length) return views;
  const org = await db
    .selectFrom('orgs')
    .select(['timezone', 'country', 'default_locale', 'settings'])
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  const sla = await slaViews(
    db,
    orgId,
    views.map((v) => v.id),
    {
      locale: locale ?? (org.default_locale as Locale),
      timeZone: org.timezone,
      hijri: Boolean((org.settings as { hijri?: boolean }).hijri),
      region: org.country,
    },
  );
  for (const v of views) v.sla = sla.get(v.id) ?? null;
  return views;
}

/** One case as staff see it; dates for people are written in `locale` (default: the org's). */
export async function getCaseView(
  db: DbOrTrx,
  orgId: string,
  id: string,
  locale?: Locale,
): Promise<CaseView | null> {
  const row = await caseViewQuery(db, orgId).where('c.id', '=', id).executeTakeFirst();
  return row ? (await withSla(db, orgId, [toView(row)], locale))[0]! : null;
}

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
}

export async function listCaseViews(
  db: DbOrTrx,
  orgId: string,
  f: CaseListFilters,
  locale?: Locale,
): Promise<CaseView[]> {
  let q = caseViewQuery(db, orgId);
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
  if (f.scope) {
    const { departmentId, userId } = f.scope;
    q = q.where((eb) =>
      eb.or([
        eb('c.owner_id', '=', userId),
        ...(departmentId ? [eb('c.department_id', '=', departmentId)] : []),
      ]),
    );
  }
  if (f.tsQuery) {
    const tsq = f.tsQuery;
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`c.search_vector @@ ${tsq}::tsquery`,
        eb(
          'c.id',
          'in',
          eb
            .selectFrom('case_messages as m')
            .select('m.case_id')
            .where('m.org_id', '=', orgId)
            .where(sql<boolean>`m.search_vector @@ ${tsq}::tsquery`),
        ),
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
  const rows = await q.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(f.limit).execute();
  return withSla(db, orgId, rows.map(toView), locale);
}

export async function getTimeline(db: DbOrTrx, orgId: string, caseId: string) {
  const rows = await db
    .selectFrom('case_events as e')
    .leftJoin('users as u', (j) => j.onRef('u.org_id', '=', 'e.org_id').onRef('u.id', '=', 'e.actor_id'))
    .select([
      'e.seq',
      'e.type',
      'e.at',
      'e.actor_id',
      'e.actor_kind',
      'u.display_name as actor_name',
      'e.from_status',
      'e.to_status',
      'e.reason',
      'e.data',
    ])
    .where('e.org_id', '=', orgId)
    .where('e.case_id', '=', caseId)
    .orderBy('e.seq')
    .execute();
  return rows.map((r) => ({
    seq: r.seq,
    type: r.type,
    at: r.at.toISOString(),
    actor: { kind: r.actor_kind, id: r.actor_id, name: r.actor_name },
    fromStatus: r.from_status,
    toStatus: r.to_status,
    reason: r.reason,
    data: r.data,
  }));
}

/**
 * Open cases in each of the agent's queues: their own, their department's, the not yet picked up
 * ("unassigned": received and untouched — every case always has an accountable owner), and all.
 */
export async function queueCounts(
  db: DbOrTrx,
  orgId: string,
  who: { userId: string; departmentId: string | null; readOrg: boolean },
): Promise<{ mine: number; department: number | null; unassigned: number; all: number | null }> {
  const open = OPEN_CASE_STATUSES as readonly string[];
  const count = async (extra: (q: ReturnType<typeof base>) => ReturnType<typeof base>) =>
    Number(
      (
        await extra(base())
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const base = () => db.selectFrom('cases').where('org_id', '=', orgId).where('status', 'in', open);
  const scoped = (q: ReturnType<typeof base>) =>
    who.readOrg
      ? q
      : q.where((eb) =>
          eb.or([
            eb('owner_id', '=', who.userId),
            ...(who.departmentId ? [eb('department_id', '=', who.departmentId)] : []),
          ]),
        );
  const [mine, department, unassigned, all] = await Promise.all([
    count((q) => q.where('owner_id', '=', who.userId)),
    who.departmentId ? count((q) => q.where('department_id', '=', who.departmentId!)) : Promise.resolve(null),
    count((q) => scoped(q).where('status', '=', 'received')),
    who.readOrg ? count((q) => q) : Promise.resolve(null),
  ]);
  return { mine, department, unassigned, all };
}
