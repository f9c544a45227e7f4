// The life of one generated case, replayed with the product's own pure rules: the status table
// (nextStatus), the SLA policy's stages (stagesFor, slaEffect) and the stage clocks (startStage,
// meetStage, … and dueStep for what the sweep records). Whatever has happened by `now` is kept,
// so old cases are concluded, recent ones are still open, and every event, clock and SLA record
// agrees with the case's status. Pure: no I/O; ids come from the caller.

import { businessMillisBetween } from '../../server/src/modules/calendar/business-time.ts';
import type { CalendarSpec } from '../../server/src/modules/calendar/calendar.ts';
import { type CaseAction, type CaseStatus, nextStatus } from '../../server/src/modules/cases/case-status.ts';
import type { StoredPolicy } from '../../server/src/modules/sla/sla.repository.ts';
import {
  dueStep,
  meetStage,
  nextCheckAt,
  pauseStage,
  reopenStage,
  resumeStage,
  type StageClock,
  startStage,
  stopStage,
} from '../../server/src/modules/sla/sla-clock.ts';
import { slaEffect, stagesFor } from '../../server/src/modules/sla/sla-policy.ts';
import type { Rng } from '../lib/random.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface CaseEventRow {
  type: string;
  actorId: string | null;
  actorKind: 'user' | 'customer' | 'system';
  at: Date;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  data: Record<string, unknown>;
}

export interface CaseMessageRow {
  id: string;
  kind: 'inbound' | 'outbound' | 'note';
  channel: string;
  body: string;
  authorId: string | null;
  createdAt: Date;
}

export interface SlaRecordRow {
  stage: string;
  cycle: number;
  kind: 'met' | 'breached' | 'warned';
  seq: number;
  at: Date;
  dueAt: Date;
  onTime: boolean | null;
  businessMs: number | null;
  /** the case's department when the record was written (reports group by it) */
  departmentId: string;
}

export interface LifecycleInput {
  caseId: string;
  number: string;
  createdAt: Date;
  now: Date;
  channel: string;
  type: string;
  priority: string;
  segment: string;
  departmentId: string;
  ownerId: string;
  /** the staff member who registered it, or null when the customer did (portal, app) */
  registrarId: string | null;
  customerCreated: boolean;
  managerId: string;
  /** a supervisor hands the new case to this member of the department, or null */
  assignTo: string | null;
  /** where a transfer would send the case, if the plan has one */
  transferTo: { departmentId: string; ownerId: string } | null;
  policy: StoredPolicy | null;
  calendar: { id: string; spec: CalendarSpec } | null;
  /** a backlog case: it never gets as far as an answer */
  stuck: boolean;
  rng: Rng;
  newId: (at: Date) => string;
  wording: { reply(): string; question(): string; customerReply(): string; note(): string; reason(): string };
}

export interface LifecycleResult {
  status: CaseStatus;
  resumeStatus: CaseStatus | null;
  departmentId: string;
  ownerId: string;
  firstContactResolution: boolean;
  rejectionReason: string | null;
  acknowledgedAt: Date | null;
  responseCommunicatedAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
  escalationLevel: number;
  slaPolicyId: string | null;
  events: CaseEventRow[];
  messages: CaseMessageRow[];
  clocks: StageClock[];
  records: SlaRecordRow[];
}

interface Step {
  action: CaseAction | 'note' | 'assign';
  at: number;
}

type Path = 'resolved_on_the_spot' | 'answered' | 'rejected' | 'withdrawn' | 'reopened' | 'objected';

/** The actions this case would go through, with wall-clock delays typical of a contact centre. */
function plan(input: LifecycleInput): { path: Path; steps: Step[] } {
  const { rng } = input;
  const staffDesk = input.registrarId !== null && ['call_centre', 'store'].includes(input.channel);
  const path: Path = rng.weighted<Path>([
    ['resolved_on_the_spot', staffDesk ? 25 : 0],
    ['answered', 62],
    ['rejected', 4],
    ['withdrawn', 3],
    ['reopened', 4],
    ['objected', 2],
  ]);
  let t = input.createdAt.getTime();
  const steps: Step[] = [];
  const after = (mean: number, action: Step['action']) => {
    t += Math.max(60_000, rng.exp(mean));
    steps.push({ action, at: t });
  };
  if (path === 'resolved_on_the_spot') {
    if (rng.chance(0.6)) after(2 * DAY, 'close');
    return { path, steps };
  }
  if (input.assignTo) after(HOUR, 'assign');
  after(5 * HOUR, 'acknowledge');
  if (path === 'rejected') {
    after(6 * HOUR, 'reject');
    if (rng.chance(0.5)) after(DAY, 'close');
    return { path, steps };
  }
  if (rng.chance(0.6)) after(10 * HOUR, 'investigate');
  if (rng.chance(0.1)) after(5 * HOUR, 'note');
  if (rng.chance(0.15)) {
    after(8 * HOUR, 'request_information');
    after(30 * HOUR, 'customer_replied');
  }
  if (input.transferTo && rng.chance(0.2)) after(6 * HOUR, 'transfer');
  if (path === 'withdrawn') {
    after(DAY, 'withdraw');
    return { path, steps };
  }
  after(3 * DAY, 'respond');
  if (path === 'reopened' || path === 'objected') {
    after(3 * DAY, path === 'reopened' ? 'reopen' : 'object');
    after(5 * HOUR, 'investigate');
    if (path === 'objected' && rng.chance(0.15)) {
      after(DAY, 'escalate_externally');
      return { path, steps };
    }
    after(2 * DAY, 'respond');
  }
  if (rng.chance(0.8)) after(2 * DAY, 'close');
  return { path, steps };
}

const EVENT_TYPE: Record<Step['action'], string> = {
  acknowledge: 'acknowledged',
  assess: 'assessed',
  investigate: 'investigation_started',
  request_information: 'information_requested',
  customer_replied: 'customer_replied',
  transfer: 'transferred',
  respond: 'responded',
  close: 'closed',
  reopen: 'reopened',
  object: 'objection_raised',
  escalate_externally: 'escalated_externally',
  withdraw: 'withdrawn',
  reject: 'rejected',
  note: 'note_added',
  assign: 'owner_changed',
};

const MANAGER_ACTIONS = new Set<string>(['close', 'reject', 'reopen']);
const REASON_REQUIRED = new Set<string>([
  'transfer',
  'reopen',
  'reject',
  'withdraw',
  'escalate_externally',
  'object',
]);

export function simulateCase(input: LifecycleInput): LifecycleResult {
  const { rng, calendar, policy } = input;
  const cal = calendar?.spec ?? null;
  const now = input.now.getTime();
  const registeredAt = input.createdAt;
  const { path, steps: planned } = plan(input);

  // A backlog case stops before its answer; everything else stops at "now".
  let steps = planned.filter((s) => s.at <= now);
  if (input.stuck) {
    const answer = steps.findIndex((s) => ['respond', 'reject', 'withdraw'].includes(s.action));
    if (answer >= 0) steps = steps.slice(0, answer);
    steps = steps.slice(0, rng.int(0, steps.length));
  }
  const resolvedNow = path === 'resolved_on_the_spot' && !input.stuck;

  const events: CaseEventRow[] = [];
  const messages: CaseMessageRow[] = [];
  const records: SlaRecordRow[] = [];
  let status: CaseStatus = resolvedNow ? 'response_communicated' : 'received';
  let resumeStatus: CaseStatus | null = null;
  let departmentId = input.departmentId;
  let ownerId = input.ownerId;
  let acknowledgedAt: Date | null = null;
  let responseCommunicatedAt: Date | null = resolvedNow ? registeredAt : null;
  let closedAt: Date | null = null;
  let rejectionReason: string | null = null;
  let updatedAt = registeredAt;
  let level = 0;

  const recordMet = (k: StageClock) => {
    const at = k.metAt!;
    records.push({
      stage: k.stage,
      cycle: k.cycle,
      kind: 'met',
      seq: 0,
      at,
      dueAt: k.dueAt,
      onTime: at <= k.dueAt,
      businessMs: Math.round(businessMillisBetween(cal!, k.startedAt, at) - k.pausedBusinessMs),
      departmentId,
    });
  };

  // Registration: the policy's stages start; a first-contact resolution meets them all at once,
  // and a staff member on the phone or at the desk has given the first response.
  let clocks: StageClock[] = [];
  if (policy && cal) {
    clocks = stagesFor(policy.targets, input.channel).map(([stage, target]) =>
      startStage(cal, stage, target, registeredAt, policy.warnAtPercent),
    );
    clocks = clocks.map((k) =>
      resolvedNow || (input.registrarId !== null && k.stage === 'first_response')
        ? meetStage(cal, k, registeredAt)
        : k,
    );
    for (const k of clocks) if (k.metAt) recordMet(k);
  }
  const actorKind = input.registrarId ? 'user' : 'customer';
  events.push({
    type: 'registered',
    actorId: input.registrarId,
    actorKind,
    at: registeredAt,
    fromStatus: null,
    toStatus: 'received',
    reason: null,
    data: {
      channel: input.channel,
      number: input.number,
      departmentId,
      ownerId,
      customerCreated: input.customerCreated,
      slaPolicyId: policy && cal ? policy.id : null,
    },
  });
  if (resolvedNow) {
    const body = input.wording.reply();
    const messageId = input.newId(registeredAt);
    messages.push({
      id: messageId,
      kind: 'outbound',
      channel: input.channel,
      body,
      authorId: input.registrarId,
      createdAt: registeredAt,
    });
    events.push({
      type: 'responded',
      actorId: input.registrarId,
      actorKind,
      at: registeredAt,
      fromStatus: 'received',
      toStatus: 'response_communicated',
      reason: null,
      data: {
        messageId,
        response: body,
        mode: 'written',
        customerAgreedToVerbal: false,
        firstContactResolution: true,
      },
    });
  }

  // What the SLA sweep records between actions: warnings, breaches, escalations, each at its instant.
  const settle = (until: number) => {
    if (!cal) return;
    for (let guard = 0; guard < 32; guard++) {
      let next = -1;
      let at = Number.POSITIVE_INFINITY;
      clocks.forEach((k, i) => {
        const due = nextCheckAt(k)?.getTime();
        if (due !== undefined && due <= until && due < at) {
          at = due;
          next = i;
        }
      });
      if (next < 0) return;
      const k = clocks[next]!;
      const when = new Date(at);
      const step = dueStep(cal, k, when, policy?.managerAfter ?? null);
      if (step.kind === 'warn') {
        clocks[next] = { ...k, warnedAt: when };
        records.push({
          stage: k.stage,
          cycle: k.cycle,
          kind: 'warned',
          seq: k.extensions,
          at: when,
          dueAt: k.dueAt,
          onTime: null,
          businessMs: null,
          departmentId,
        });
        events.push(systemEvent('sla_warning', when, { stage: k.stage, dueAt: k.dueAt.toISOString() }));
      } else if (step.kind === 'breach') {
        clocks[next] = { ...k, breachedAt: when, managerEscalateAt: step.managerEscalateAt };
        records.push({
          stage: k.stage,
          cycle: k.cycle,
          kind: 'breached',
          seq: k.extensions,
          at: when,
          dueAt: k.dueAt,
          onTime: null,
          businessMs: null,
          departmentId,
        });
        events.push(
          systemEvent('sla_breached', when, { stage: k.stage, dueAt: k.dueAt.toISOString(), cycle: k.cycle }),
        );
        if (level < 1) {
          level = 1;
          events.push(
            systemEvent('escalated', when, { level: 1, to: 'supervisor', stage: k.stage, notified: [] }),
          );
        }
      } else if (step.kind === 'escalate_manager') {
        clocks[next] = { ...k, managerEscalatedAt: when };
        if (level < 2) {
          level = 2;
          events.push(
            systemEvent('escalated', when, { level: 2, to: 'manager', stage: k.stage, notified: [] }),
          );
        }
      } else return;
    }
  };

  for (const step of steps) {
    settle(step.at);
    const at = new Date(step.at);
    const actorId = MANAGER_ACTIONS.has(step.action) ? input.managerId : ownerId;
    if (step.action === 'assign') {
      const toOwnerId = input.assignTo!;
      events.push({
        type: 'owner_changed',
        actorId: input.managerId,
        actorKind: 'user',
        at,
        fromStatus: null,
        toStatus: null,
        reason: null,
        data: { fromOwnerId: ownerId, toOwnerId },
      });
      ownerId = toOwnerId;
      updatedAt = at;
      continue;
    }
    if (step.action === 'note') {
      const body = input.wording.note();
      const messageId = input.newId(at);
      messages.push({
        id: messageId,
        kind: 'note',
        channel: 'internal',
        body,
        authorId: actorId,
        createdAt: at,
      });
      events.push({
        type: 'note_added',
        actorId,
        actorKind: 'user',
        at,
        fromStatus: null,
        toStatus: null,
        reason: null,
        data: { messageId, body },
      });
      updatedAt = at;
      continue;
    }
    const action = step.action;
    const t = nextStatus(status, action, resumeStatus);
    if (!t.ok) continue;
    const from = status;
    const data: Record<string, unknown> = {};
    const reason = REASON_REQUIRED.has(action) ? input.wording.reason() : null;
    let message: string | null = null;
    switch (action) {
      case 'acknowledge':
        acknowledgedAt ??= at;
        break;
      case 'request_information':
        resumeStatus = from;
        message = input.wording.question();
        break;
      case 'customer_replied':
        resumeStatus = null;
        message = input.wording.customerReply();
        break;
      case 'transfer': {
        const to = input.transferTo!;
        Object.assign(data, {
          fromDepartmentId: departmentId,
          toDepartmentId: to.departmentId,
          fromOwnerId: ownerId,
          toOwnerId: to.ownerId,
        });
        departmentId = to.departmentId;
        ownerId = to.ownerId;
        break;
      }
      case 'respond':
        responseCommunicatedAt = at;
        message = input.wording.reply();
        Object.assign(data, { mode: 'written', customerAgreedToVerbal: false, steps: [] });
        break;
      case 'close':
        closedAt = at;
        break;
      case 'reopen':
        closedAt = null;
        break;
      case 'reject':
        rejectionReason = rng.pick(['spam', 'duplicate', 'out_of_scope']);
        data.rejection = rejectionReason;
        break;
      default:
        break;
    }
    if (message) {
      const kind = action === 'customer_replied' ? 'inbound' : 'outbound';
      const messageId = input.newId(at);
      messages.push({
        id: messageId,
        kind,
        channel: input.channel,
        body: message,
        authorId: kind === 'outbound' ? actorId : null,
        createdAt: at,
      });
      Object.assign(data, { messageId, message });
    }
    status = t.to;
    updatedAt = at;

    // The clocks move exactly as applySlaForAction moves them.
    const effect = slaEffect(action);
    if (cal) {
      const warn = policy?.warnAtPercent ?? 75;
      clocks = clocks.map((before) => {
        let k = before;
        if (effect.meet.includes(k.stage)) k = meetStage(cal, k, at);
        if (effect.pause) k = pauseStage(cal, k, at);
        if (effect.resume) k = resumeStage(cal, k, at, warn);
        if (effect.reopen && k.stage === 'resolution') k = reopenStage(cal, k, at, warn);
        if (effect.stop) k = stopStage(k, at);
        if (k !== before && k.metAt && !before.metAt) recordMet(k);
        return k;
      });
    }
    events.push({
      type: EVENT_TYPE[action],
      actorId,
      actorKind: 'user',
      at,
      fromStatus: from,
      toStatus: status,
      reason,
      data,
    });
  }
  settle(now);

  // The timeline in time order (sweep events fall between actions).
  const ordered = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.i - b.i)
    .map((x) => x.e);
  return {
    status,
    resumeStatus,
    departmentId,
    ownerId,
    firstContactResolution: resolvedNow,
    rejectionReason,
    acknowledgedAt,
    responseCommunicatedAt,
    closedAt,
    updatedAt,
    escalationLevel: level,
    slaPolicyId: policy && cal ? policy.id : null,
    events: ordered,
    messages,
    clocks,
    records,
  };
}

function systemEvent(type: string, at: Date, data: Record<string, unknown>): CaseEventRow {
  return {
    type,
    actorId: null,
    actorKind: 'system',
    at,
    fromStatus: null,
    toStatus: null,
    reason: null,
    data,
  };
}
