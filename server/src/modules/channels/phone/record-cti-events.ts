// Use-case: the PBX posts a batch of call events (CTI). Each event is kept once per call — by the
// PBX's sequence number when it sends one, else by what the event says — and the call record is
// rebuilt from all of the call's events, so a replayed or reordered batch changes nothing. The
// caller's number finds the customer, the agent's e-mail or extension the user, and the dialled
// line or queue decides which queue (inbox) the call lands in.
import { createHash, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Db, DbOrTrx, Trx } from '../../../platform/db/db.ts';
import { validation } from '../../../platform/errors.ts';
import { normalizePhone } from '../../customers/contacts.ts';
import { findCustomerIdByContact } from '../../customers/customer.repository.ts';
import type { OrgContext } from '../../orgs/org.repository.ts';
import {
  buildCallRecord,
  type CallEventFacts,
  type CallRecord,
  CTI_EVENT_TYPES,
  type CtiEventType,
} from './call-record.ts';
import { callRules, type PhoneConfig } from './phone-config.ts';

export interface CtiEventInput {
  type: CtiEventType;
  /** the PBX's id of the call (AMI Linkedid, ESL Unique-ID) */
  callId: string;
  at: string | Date;
  seq?: number;
  caller?: string;
  callee?: string;
  queue?: string;
  agent?: string;
  waitSeconds?: number;
  target?: string;
}

export interface PhoneChannel {
  id: string;
  code: string;
  inboxId: string;
  inboxCode: string;
  departmentCode: string;
  config: PhoneConfig;
}

export interface CtiBatchResult {
  accepted: number;
  duplicates: number;
  calls: {
    callId: string;
    id: string;
    state: string;
    holdCount: number;
    holdLimitExceeded: boolean;
    abandoned: boolean;
    unanswered: boolean;
  }[];
}

/** Where a call landed: its queue (inbox) and the customer segment that queue serves. */
export interface CallRoute {
  line: 'main' | 'owners';
  inbox: string;
  department: string;
  segment: 'individual' | 'business_owner';
  problem?: string;
}

export async function loadPhoneChannel(
  db: DbOrTrx,
  orgId: string,
  code: string,
): Promise<PhoneChannel | null> {
  const row = await db
    .selectFrom('channels as ch')
    .innerJoin('inboxes as i', (j) => j.onRef('i.org_id', '=', 'ch.org_id').onRef('i.id', '=', 'ch.inbox_id'))
    .innerJoin('departments as d', (j) =>
      j.onRef('d.org_id', '=', 'i.org_id').onRef('d.id', '=', 'i.department_id'),
    )
    .select(['ch.id', 'ch.code', 'ch.config', 'i.id as inbox_id', 'i.code as inbox_code', 'd.code as dept'])
    .where('ch.org_id', '=', orgId)
    .where('ch.code', '=', code)
    .where('ch.kind', '=', 'phone')
    .where('ch.active', '=', true)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    code: row.code,
    inboxId: row.inbox_id,
    inboxCode: row.inbox_code,
    departmentCode: row.dept,
    config: row.config as PhoneConfig,
  };
}

/** Constant-time comparison; hashing first keeps the secret's length from leaking too. */
export function ctiSecretMatches(expected: string | undefined, given: string | undefined): boolean {
  if (!expected || !given) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

/** The identity an event is deduplicated by within its call. */
export function eventKey(e: CtiEventInput, at: Date): string {
  if (e.seq !== undefined) return `seq:${e.seq}`;
  const identity = JSON.stringify([
    e.type,
    at.toISOString(),
    e.caller ?? null,
    e.callee ?? null,
    e.queue ?? null,
    e.agent ?? null,
    e.waitSeconds ?? null,
    e.target ?? null,
  ]);
  return `id:${createHash('sha256').update(identity).digest('hex')}`;
}

export async function recordCtiEvents(
  db: Db,
  org: OrgContext,
  channel: PhoneChannel,
  events: CtiEventInput[],
): Promise<CtiBatchResult> {
  const parsed = events.map((e, i) => {
    const at = e.at instanceof Date ? e.at : new Date(e.at);
    if (Number.isNaN(at.getTime())) throw validation([{ field: `events.${i}.at`, reason: 'invalid_format' }]);
    if (!CTI_EVENT_TYPES.includes(e.type))
      throw validation([{ field: `events.${i}.type`, reason: 'invalid_value' }]);
    return { e, at, key: eventKey(e, at) };
  });
  const byCall = new Map<string, typeof parsed>();
  for (const p of parsed) byCall.set(p.e.callId, [...(byCall.get(p.e.callId) ?? []), p]);
  const result: CtiBatchResult = { accepted: 0, duplicates: 0, calls: [] };
  await db.transaction().execute(async (trx) => {
    // one order for every batch, so two batches touching the same calls never deadlock
    for (const callId of [...byCall.keys()].sort()) {
      const batch = byCall.get(callId)!;
      const r = await recordCall(trx, org, channel, callId, batch);
      result.accepted += r.accepted;
      result.duplicates += batch.length - r.accepted;
      result.calls.push({
        callId,
        id: r.id,
        state: r.record.state,
        holdCount: r.record.holdCount,
        holdLimitExceeded: r.record.holdLimitExceeded,
        abandoned: r.record.abandoned,
        unanswered: r.record.unanswered,
      });
    }
  });
  return result;
}

async function recordCall(
  trx: Trx,
  org: OrgContext,
  channel: PhoneChannel,
  externalId: string,
  batch: { e: CtiEventInput; at: Date; key: string }[],
): Promise<{ id: string; accepted: number; record: CallRecord }> {
  const earliest = new Date(Math.min(...batch.map((b) => b.at.getTime())));
  await trx
    .insertInto('calls')
    .values({
      org_id: org.orgId,
      id: uuidv7(),
      channel_id: channel.id,
      external_id: externalId,
      state: 'ringing',
      started_at: earliest,
      queue: channel.inboxCode,
    })
    .onConflict((oc) => oc.columns(['org_id', 'channel_id', 'external_id']).doNothing())
    .execute();
  // the row lock serialises batches, links and recordings of one call
  const call = await trx
    .selectFrom('calls')
    .select(['id', 'customer_id', 'queue'])
    .where('org_id', '=', org.orgId)
    .where('channel_id', '=', channel.id)
    .where('external_id', '=', externalId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const stored = await trx
    .selectFrom('call_events')
    .select(['seq', 'type', 'at', 'data'])
    .where('org_id', '=', org.orgId)
    .where('call_id', '=', call.id)
    .orderBy('seq')
    .execute();
  const seen = new Set(stored.map((s) => (s.data as { key?: string }).key).filter(Boolean));
  let seq = stored.reduce((m, s) => Math.max(m, s.seq), 0);
  const fresh = batch.filter((b) => {
    if (seen.has(b.key)) return false;
    seen.add(b.key); // the same event twice in one batch counts once
    return true;
  });
  if (fresh.length) {
    await trx
      .insertInto('call_events')
      .values(
        fresh.map((b) => ({
          org_id: org.orgId,
          call_id: call.id,
          seq: ++seq,
          type: b.e.type,
          at: b.at,
          data: JSON.stringify({
            key: b.key,
            pbxSeq: b.e.seq,
            caller: b.e.caller,
            callee: b.e.callee,
            queue: b.e.queue,
            agent: b.e.agent,
            waitSeconds: b.e.waitSeconds,
            target: b.e.target,
          }),
        })),
      )
      .execute();
  }
  const facts: CallEventFacts[] = [
    ...stored.filter((s) => isCtiType(s.type)).map((s) => toFacts(s.type as CtiEventType, s.at, s.data)),
    ...fresh.map((b) => ({ ...b.e, at: b.at, pbxSeq: b.e.seq ?? null })),
  ];
  const record = buildCallRecord(facts, callRules(org, channel.config));
  const route = await routeCall(trx, org, channel, record);
  if (route.inbox !== call.queue || !stored.some((s) => s.type === 'routed')) {
    await trx
      .insertInto('call_events')
      .values({
        org_id: org.orgId,
        call_id: call.id,
        seq: ++seq,
        type: 'routed',
        at: record.startedAt,
        data: JSON.stringify(route),
      })
      .execute();
  }
  const caller = record.caller ? (normalizePhone(record.caller, org.country) ?? record.caller) : null;
  const customerId =
    call.customer_id ??
    (caller?.startsWith('+')
      ? await findCustomerIdByContact(trx, org.orgId, { kind: 'phone', value: caller })
      : null);
  const agentId = record.agent ? await resolveAgent(trx, org.orgId, channel.config, record.agent) : null;
  await trx
    .updateTable('calls')
    .set({
      caller,
      callee: record.callee,
      queue: route.inbox,
      agent_id: agentId,
      customer_id: customerId,
      state: record.state,
      started_at: record.startedAt,
      answered_at: record.answeredAt,
      ended_at: record.endedAt,
      wait_seconds: record.waitSeconds,
      talk_seconds: record.talkSeconds,
      hold_count: record.holdCount,
      hold_seconds: record.holdSeconds,
      held_since: record.heldSince,
      hold_limit_exceeded: record.holdLimitExceeded,
      abandoned: record.abandoned,
      unanswered: record.unanswered,
    })
    .where('org_id', '=', org.orgId)
    .where('id', '=', call.id)
    .execute();
  return { id: call.id, accepted: fresh.length, record };
}

const isCtiType = (t: string): t is CtiEventType => (CTI_EVENT_TYPES as readonly string[]).includes(t);

function toFacts(type: CtiEventType, at: Date, data: unknown): CallEventFacts {
  const d = (data ?? {}) as Record<string, unknown>;
  const s = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : null);
  const n = (k: string) => (typeof d[k] === 'number' ? (d[k] as number) : null);
  return {
    type,
    at,
    pbxSeq: n('pbxSeq'),
    caller: s('caller'),
    callee: s('callee'),
    queue: s('queue'),
    agent: s('agent'),
    waitSeconds: n('waitSeconds'),
    target: s('target'),
  };
}

/** The establishment owners' line (HRDF) by its dialled number or PBX queue; else the channel's queue. */
async function routeCall(
  trx: Trx,
  org: OrgContext,
  channel: PhoneChannel,
  record: CallRecord,
): Promise<CallRoute> {
  const main: CallRoute = {
    line: 'main',
    inbox: channel.inboxCode,
    department: channel.departmentCode,
    segment: 'individual',
  };
  const owners = channel.config.ownersLine;
  if (!owners) return main;
  const sameNumber = (a: string | null, b: string | undefined) =>
    Boolean(a && b) &&
    (normalizePhone(a!, org.country) ?? a!.replace(/\D/g, '')) ===
      (normalizePhone(b!, org.country) ?? b!.replace(/\D/g, ''));
  const sameQueue = (a: string | null, b: string | undefined) =>
    Boolean(a && b) && a!.trim().toLowerCase() === b!.trim().toLowerCase();
  if (!sameNumber(record.callee, owners.did) && !sameQueue(record.queue, owners.queue)) return main;
  const inbox = await trx
    .selectFrom('inboxes as i')
    .innerJoin('departments as d', (j) =>
      j.onRef('d.org_id', '=', 'i.org_id').onRef('d.id', '=', 'i.department_id'),
    )
    .select(['i.code', 'd.code as dept'])
    .where('i.org_id', '=', org.orgId)
    .where('i.code', '=', owners.inbox)
    .executeTakeFirst();
  // a line configured to an inbox that no longer exists still reaches someone: the channel's queue
  if (!inbox) return { ...main, line: 'owners', segment: 'business_owner', problem: 'inbox_not_found' };
  return { line: 'owners', inbox: inbox.code, department: inbox.dept, segment: 'business_owner' };
}

async function resolveAgent(
  trx: Trx,
  orgId: string,
  config: PhoneConfig,
  ref: string,
): Promise<string | null> {
  const email = ref.includes('@') ? ref : config.extensions?.[ref];
  if (!email) return null;
  const user = await trx
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', orgId)
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
  return user?.id ?? null;
}
