// The call record as the PBX's events describe it: answer time, waiting, talk and hold time, the hold
// protocol (R-QA-1) and abandoned / unanswered calls (R-QA-2). Pure: the whole record is rebuilt from
// every event received so far, so events arriving late, twice or out of order give the same record.
import type { CallRules } from './phone-config.ts';

/** Normalised CTI events (Asterisk AMI / FreeSWITCH ESL names in docs/channels.md). */
export const CTI_EVENT_TYPES = [
  'ringing',
  'answered',
  'hold',
  'unhold',
  'transfer',
  'hangup',
  'abandoned',
] as const;
export type CtiEventType = (typeof CTI_EVENT_TYPES)[number];

export interface CallEventFacts {
  type: CtiEventType;
  at: Date;
  /** the PBX's own sequence number, when it sends one (ESL Event-Sequence) */
  pbxSeq?: number | null;
  caller?: string | null;
  callee?: string | null;
  queue?: string | null;
  agent?: string | null;
  waitSeconds?: number | null;
  target?: string | null;
}

export type CallState = 'ringing' | 'answered' | 'on_hold' | 'ended' | 'abandoned';

export interface CallRecord {
  state: CallState;
  caller: string | null;
  callee: string | null;
  queue: string | null;
  /** the agent (as the PBX names them) who last took the call */
  agent: string | null;
  startedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
  waitSeconds: number | null;
  /** connected time without the time on hold */
  talkSeconds: number | null;
  holdCount: number;
  holdSeconds: number;
  heldSince: Date | null;
  holdLimitExceeded: boolean;
  abandoned: boolean;
  unanswered: boolean;
}

const seconds = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

/** Time order; the PBX's sequence, then arrival order, break ties within one timestamp. */
export function orderEvents<T extends CallEventFacts>(events: readonly T[]): T[] {
  return events
    .map((e, arrival) => ({ e, arrival }))
    .sort(
      (a, b) =>
        a.e.at.getTime() - b.e.at.getTime() ||
        (a.e.pbxSeq != null && b.e.pbxSeq != null ? a.e.pbxSeq - b.e.pbxSeq : 0) ||
        a.arrival - b.arrival,
    )
    .map((x) => x.e);
}

export function buildCallRecord(events: readonly CallEventFacts[], rules: CallRules): CallRecord {
  if (!events.length) throw new Error('a call record needs at least one event');
  const ordered = orderEvents(events);
  const first = ordered[0]!;
  const r: CallRecord = {
    state: 'ringing',
    caller: null,
    callee: null,
    queue: null,
    agent: null,
    startedAt: (ordered.find((e) => e.type === 'ringing') ?? first).at,
    answeredAt: null,
    endedAt: null,
    waitSeconds: null,
    talkSeconds: null,
    holdCount: 0,
    holdSeconds: 0,
    heldSince: null,
    holdLimitExceeded: false,
    abandoned: false,
    unanswered: false,
  };
  let reportedWait: number | null = null;
  const closeHold = (at: Date) => {
    if (!r.heldSince) return;
    r.holdSeconds += seconds(r.heldSince, at);
    r.heldSince = null;
  };
  for (const e of ordered) {
    r.caller ??= e.caller ?? null;
    r.callee ??= e.callee ?? null;
    r.queue ??= e.queue ?? null;
    if (r.endedAt && e.type !== 'hangup' && e.type !== 'abandoned') continue; // nothing happens after the end
    switch (e.type) {
      case 'ringing':
        break;
      case 'answered':
        r.answeredAt ??= e.at;
        if (e.agent) r.agent = e.agent;
        if (reportedWait === null && e.waitSeconds != null) reportedWait = e.waitSeconds;
        break;
      case 'hold':
        // a repeated hold while already holding is the same hold
        if (!r.heldSince) {
          r.holdCount += 1;
          r.heldSince = e.at;
        }
        break;
      case 'unhold':
        closeHold(e.at);
        break;
      case 'transfer':
        // the target's agent takes over when the PBX reports them answering
        closeHold(e.at);
        break;
      case 'abandoned':
        if (r.answeredAt) break; // only a caller still waiting can abandon
        r.abandoned = true;
        r.endedAt ??= e.at;
        if (e.waitSeconds != null) reportedWait = e.waitSeconds;
        break;
      case 'hangup':
        closeHold(e.at);
        r.endedAt ??= e.at;
        if (!r.answeredAt) {
          r.abandoned = true;
          if (reportedWait === null && e.waitSeconds != null) reportedWait = e.waitSeconds;
        }
        break;
    }
  }
  if (r.answeredAt) {
    r.waitSeconds = reportedWait ?? seconds(r.startedAt, r.answeredAt);
    if (r.endedAt) r.talkSeconds = Math.max(0, seconds(r.answeredAt, r.endedAt) - r.holdSeconds);
  } else if (r.abandoned && r.endedAt) {
    r.waitSeconds = reportedWait ?? seconds(r.startedAt, r.endedAt);
  }
  r.holdLimitExceeded = rules.holdLimit !== null && r.holdCount > rules.holdLimit;
  r.unanswered = r.abandoned && (r.waitSeconds ?? 0) > rules.abandonThresholdSeconds;
  r.state = r.abandoned
    ? 'abandoned'
    : r.endedAt
      ? 'ended'
      : r.heldSince
        ? 'on_hold'
        : r.answeredAt
          ? 'answered'
          : 'ringing';
  return r;
}
