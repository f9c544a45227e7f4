// Call records as staff read them: the contact-centre list with its totals (answered, abandoned,
// unanswered, over the hold limit) and one call with the events it was built from.
import { type ExpressionBuilder, sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/db.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { maskPhone } from '../../customers/contacts.ts';

export interface CallListFilters {
  from?: Date;
  to?: Date;
  /** over the hold limit (R-QA-1) */
  flagged?: boolean;
  abandoned?: boolean;
  unanswered?: boolean;
  /** the inbox code the call landed in */
  queue?: string;
  limit: number;
}

export interface CallView {
  id: string;
  callId: string;
  channel: string;
  state: string;
  caller: string | null;
  callee: string | null;
  queue: string | null;
  department: string | null;
  segment: string;
  agent: { id: string; email: string; name: string } | null;
  customerId: string | null;
  case: { id: string; number: string } | null;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  waitSeconds: number | null;
  talkSeconds: number | null;
  holdCount: number;
  holdSeconds: number;
  holdLimitExceeded: boolean;
  abandoned: boolean;
  unanswered: boolean;
  hasRecording: boolean;
}

function baseQuery(db: DbOrTrx, orgId: string) {
  return db
    .selectFrom('calls as k')
    .innerJoin('channels as ch', (j) =>
      j.onRef('ch.org_id', '=', 'k.org_id').onRef('ch.id', '=', 'k.channel_id'),
    )
    .leftJoin('inboxes as i', (j) => j.onRef('i.org_id', '=', 'k.org_id').onRef('i.code', '=', 'k.queue'))
    .leftJoin('departments as d', (j) =>
      j.onRef('d.org_id', '=', 'i.org_id').onRef('d.id', '=', 'i.department_id'),
    )
    .leftJoin('users as u', (j) => j.onRef('u.org_id', '=', 'k.org_id').onRef('u.id', '=', 'k.agent_id'))
    .leftJoin('cases as c', (j) => j.onRef('c.org_id', '=', 'k.org_id').onRef('c.id', '=', 'k.case_id'))
    .where('k.org_id', '=', orgId);
}

type Row = Awaited<ReturnType<typeof selectView>>[number];
function selectView(q: ReturnType<typeof baseQuery>) {
  return q
    .selectAll('k')
    .select((eb) => [
      'ch.code as channel_code',
      'd.code as department_code',
      'u.email as agent_email',
      'u.display_name as agent_name',
      'c.number as case_number',
      routedSegment(eb).as('segment'),
    ])
    .execute();
}

/** The segment the call's queue serves, as decided when the call was routed. */
function routedSegment(eb: ExpressionBuilder<Database & { k: Database['calls'] }, 'k'>) {
  return eb
    .selectFrom('call_events as e')
    .select(sql<string>`e.data->>'segment'`.as('segment'))
    .whereRef('e.org_id', '=', 'k.org_id')
    .whereRef('e.call_id', '=', 'k.id')
    .where('e.type', '=', 'routed')
    .orderBy('e.seq', 'desc')
    .limit(1);
}

function toView(r: Row, showContacts: boolean): CallView {
  const contact = (v: string | null) => (v && !showContacts && v.startsWith('+') ? maskPhone(v) : v);
  return {
    id: r.id,
    callId: r.external_id,
    channel: r.channel_code,
    state: r.state,
    caller: contact(r.caller),
    callee: r.callee,
    queue: r.queue,
    department: r.department_code,
    segment: r.segment ?? 'individual',
    agent: r.agent_id && r.agent_email ? { id: r.agent_id, email: r.agent_email, name: r.agent_name! } : null,
    customerId: r.customer_id,
    case: r.case_id && r.case_number ? { id: r.case_id, number: r.case_number } : null,
    startedAt: r.started_at.toISOString(),
    answeredAt: r.answered_at?.toISOString() ?? null,
    endedAt: r.ended_at?.toISOString() ?? null,
    waitSeconds: r.wait_seconds,
    talkSeconds: r.talk_seconds,
    holdCount: r.hold_count,
    holdSeconds: r.hold_seconds,
    holdLimitExceeded: r.hold_limit_exceeded,
    abandoned: r.abandoned,
    unanswered: r.unanswered,
    hasRecording: r.recording_attachment_id !== null,
  };
}

export async function listCalls(
  db: DbOrTrx,
  orgId: string,
  f: CallListFilters,
  opts: { showContacts: boolean },
) {
  let q = baseQuery(db, orgId);
  if (f.from) q = q.where('k.started_at', '>=', f.from);
  if (f.to) q = q.where('k.started_at', '<', f.to);
  if (f.queue) q = q.where('k.queue', '=', f.queue);
  const totals = await q
    .select((eb) => [
      eb.fn.countAll<string>().as('calls'),
      sql<string>`count(*) filter (where k.answered_at is not null)`.as('answered'),
      sql<string>`count(*) filter (where k.abandoned)`.as('abandoned'),
      sql<string>`count(*) filter (where k.unanswered)`.as('unanswered'),
      sql<string>`count(*) filter (where k.hold_limit_exceeded)`.as('hold_limit_exceeded'),
    ])
    .executeTakeFirstOrThrow();
  if (f.flagged !== undefined) q = q.where('k.hold_limit_exceeded', '=', f.flagged);
  if (f.abandoned !== undefined) q = q.where('k.abandoned', '=', f.abandoned);
  if (f.unanswered !== undefined) q = q.where('k.unanswered', '=', f.unanswered);
  const rows = await selectView(q.orderBy('k.started_at', 'desc').orderBy('k.id', 'desc').limit(f.limit));
  return {
    items: rows.map((r) => toView(r, opts.showContacts)),
    totals: {
      calls: Number(totals.calls),
      answered: Number(totals.answered),
      abandoned: Number(totals.abandoned),
      unanswered: Number(totals.unanswered),
      holdLimitExceeded: Number(totals.hold_limit_exceeded),
    },
  };
}

export async function getCallView(db: DbOrTrx, orgId: string, id: string, opts: { showContacts: boolean }) {
  const [row] = await selectView(baseQuery(db, orgId).where('k.id', '=', id));
  if (!row) return null;
  const events = await db
    .selectFrom('call_events')
    .select(['seq', 'type', 'at', 'data'])
    .where('org_id', '=', orgId)
    .where('call_id', '=', id)
    .orderBy('seq')
    .execute();
  return {
    ...toView(row, opts.showContacts),
    events: events.map((e) => {
      // storage details of a recording stay on the server
      const { key: _key, storageKey: _storageKey, ...data } = (e.data ?? {}) as Record<string, unknown>;
      if (typeof data.caller === 'string' && !opts.showContacts) data.caller = maskPhone(data.caller);
      return { seq: e.seq, type: e.type, at: e.at.toISOString(), data };
    }),
  };
}
