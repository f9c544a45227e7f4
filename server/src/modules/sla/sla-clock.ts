// The clock of one SLA stage on one case (SPEC R-SLA-2…5). Pure: the calendar and "now" are
// passed in; the repository stores what these functions return.
//
// - A paused clock remembers the business time it had left; resuming adds that much business
//   time to the moment of resumption, so the due instant moves later by exactly the business time
//   spent paused.
// - A met clock also remembers what it had left, so a reopened case resumes where it stopped.
// - An extension moves the due instant (never earlier) and opens a new breach slot, so missing the
//   extended date is a second, separately recorded breach.
import { addBusinessDays, addBusinessHours, businessMillisBetween } from '../calendar/business-time.ts';
import type { CalendarSpec } from '../calendar/calendar.ts';
import type { SlaStage, SlaTarget } from './sla-policy.ts';

const HOUR_MS = 3_600_000;

export interface StageClock {
  stage: SlaStage;
  cycle: number;
  target: SlaTarget;
  startedAt: Date;
  originalDueAt: Date;
  dueAt: Date;
  warnAt: Date | null;
  warnedAt: Date | null;
  breachedAt: Date | null;
  managerEscalateAt: Date | null;
  managerEscalatedAt: Date | null;
  metAt: Date | null;
  stoppedAt: Date | null;
  pausedAt: Date | null;
  /** Business ms left when paused or met; negative when overdue. */
  remainingMs: number | null;
  pausedBusinessMs: number;
  extensions: number;
}

export type StageState = 'on_track' | 'due_soon' | 'breached' | 'met' | 'paused' | 'stopped';

export function addTarget(cal: CalendarSpec, from: Date, target: SlaTarget): Date {
  return target.unit === 'business_days'
    ? addBusinessDays(cal, from, target.amount)
    : addBusinessHours(cal, from, target.amount);
}

function addMs(cal: CalendarSpec, from: Date, ms: number): Date {
  return addBusinessHours(cal, from, Math.max(0, ms) / HOUR_MS);
}

/** The instant at which warnPercent of the business time from `from` to `due` has passed. */
function warnInstant(cal: CalendarSpec, from: Date, due: Date, warnPercent: number): Date | null {
  const total = businessMillisBetween(cal, from, due);
  if (total <= 0) return null;
  return addMs(cal, from, Math.round((total * warnPercent) / 100));
}

export function startStage(
  cal: CalendarSpec,
  stage: SlaStage,
  target: SlaTarget,
  startedAt: Date,
  warnPercent: number,
): StageClock {
  const dueAt = addTarget(cal, startedAt, target);
  return {
    stage,
    cycle: 1,
    target,
    startedAt,
    originalDueAt: dueAt,
    dueAt,
    warnAt: warnInstant(cal, startedAt, dueAt, warnPercent),
    warnedAt: null,
    breachedAt: null,
    managerEscalateAt: null,
    managerEscalatedAt: null,
    metAt: null,
    stoppedAt: null,
    pausedAt: null,
    remainingMs: null,
    pausedBusinessMs: 0,
    extensions: 0,
  };
}

const running = (c: StageClock) => !c.metAt && !c.stoppedAt && !c.pausedAt;

export function pauseStage(cal: CalendarSpec, c: StageClock, now: Date): StageClock {
  if (!running(c)) return c;
  return { ...c, pausedAt: now, remainingMs: businessMillisBetween(cal, now, c.dueAt) };
}

export function resumeStage(cal: CalendarSpec, c: StageClock, now: Date, warnPercent: number): StageClock {
  if (!c.pausedAt || c.metAt || c.stoppedAt) return c;
  const remaining = c.remainingMs ?? 0;
  const pausedBusinessMs = c.pausedBusinessMs + Math.max(0, businessMillisBetween(cal, c.pausedAt, now));
  const base = { ...c, pausedAt: null, remainingMs: null, pausedBusinessMs };
  // Already overdue when paused: the due instant and its breach stay as they were.
  if (remaining <= 0) return base;
  const dueAt = addMs(cal, now, remaining);
  return { ...base, dueAt, warnAt: c.warnedAt ? c.warnAt : shiftedWarn(cal, c, now, dueAt, warnPercent) };
}

/** Keep the warning at the same share of the whole target, counted on the moved due instant. */
function shiftedWarn(
  cal: CalendarSpec,
  c: StageClock,
  now: Date,
  dueAt: Date,
  warnPercent: number,
): Date | null {
  const total = businessMillisBetween(cal, c.startedAt, c.originalDueAt);
  const warnBeforeDue = Math.round((total * (100 - warnPercent)) / 100);
  const left = businessMillisBetween(cal, now, dueAt);
  return left <= warnBeforeDue ? now : addMs(cal, now, left - warnBeforeDue);
}

export function meetStage(cal: CalendarSpec, c: StageClock, now: Date): StageClock {
  if (c.metAt || c.stoppedAt) return c;
  const remainingMs = c.pausedAt ? (c.remainingMs ?? 0) : businessMillisBetween(cal, now, c.dueAt);
  return { ...c, metAt: now, pausedAt: null, remainingMs };
}

export function stopStage(c: StageClock, now: Date): StageClock {
  if (c.metAt || c.stoppedAt) return c;
  return { ...c, stoppedAt: now };
}

/** A reopened case: the stage runs again with the business time it had left when it was met. */
export function reopenStage(cal: CalendarSpec, c: StageClock, now: Date, warnPercent: number): StageClock {
  if (!c.metAt) return c;
  const remaining = c.remainingMs ?? 0;
  const base = { ...c, cycle: c.cycle + 1, metAt: null, remainingMs: null };
  if (remaining <= 0) return base; // met late: it stays overdue; its breach is already recorded
  const dueAt = addMs(cal, now, remaining);
  return {
    ...base,
    dueAt,
    warnedAt: null,
    breachedAt: null,
    managerEscalateAt: null,
    managerEscalatedAt: null,
    warnAt: shiftedWarn(cal, { ...c, warnedAt: null }, now, dueAt, warnPercent),
  };
}

/** R-SLA-4: a new due instant with a reason (checked by the caller); never earlier. */
export function extendStage(
  cal: CalendarSpec,
  c: StageClock,
  now: Date,
  newDueAt: Date,
  warnPercent: number,
): StageClock {
  return {
    ...c,
    dueAt: newDueAt,
    extensions: c.extensions + 1,
    warnedAt: null,
    breachedAt: null,
    managerEscalateAt: null,
    managerEscalatedAt: null,
    warnAt: warnInstant(cal, now, newDueAt, warnPercent),
  };
}

/** What the state of a clock depends on. */
export type StateOfClock = Pick<
  StageClock,
  'metAt' | 'stoppedAt' | 'pausedAt' | 'dueAt' | 'warnAt' | 'remainingMs'
>;

export function stageState(c: StateOfClock, now: Date): StageState {
  if (c.metAt) return 'met';
  if (c.stoppedAt) return 'stopped';
  if (c.pausedAt) return 'paused';
  if (now >= c.dueAt) return 'breached';
  if (c.warnAt && now >= c.warnAt) return 'due_soon';
  return 'on_track';
}

/** Business time left (negative when overdue); frozen while paused or met; null when stopped. */
export function remainingBusinessMs(cal: CalendarSpec, c: StateOfClock, now: Date): number | null {
  if (c.stoppedAt) return null;
  if (c.metAt || c.pausedAt) return c.remainingMs;
  return businessMillisBetween(cal, now, c.dueAt);
}

/** The next instant the sweep must look at this clock, or null when nothing is pending. */
export function nextCheckAt(c: StageClock): Date | null {
  if (!running(c)) return null;
  const candidates: Date[] = [];
  if (c.warnAt && !c.warnedAt && !c.breachedAt) candidates.push(c.warnAt);
  if (!c.breachedAt) candidates.push(c.dueAt);
  else if (c.managerEscalateAt && !c.managerEscalatedAt) candidates.push(c.managerEscalateAt);
  if (candidates.length === 0) return null;
  return new Date(Math.min(...candidates.map((d) => d.getTime())));
}

export type SweepStep =
  | { kind: 'warn' }
  | { kind: 'breach'; managerEscalateAt: Date | null }
  | { kind: 'escalate_manager' }
  | { kind: 'none' };

/** What is due on this clock at `now`, the earliest obligation first. */
export function dueStep(
  cal: CalendarSpec,
  c: StageClock,
  now: Date,
  managerAfter: SlaTarget | null,
): SweepStep {
  if (!running(c)) return { kind: 'none' };
  if (!c.breachedAt && now >= c.dueAt) {
    return { kind: 'breach', managerEscalateAt: managerAfter ? addTarget(cal, c.dueAt, managerAfter) : null };
  }
  if (!c.breachedAt && !c.warnedAt && c.warnAt && now >= c.warnAt) return { kind: 'warn' };
  if (c.breachedAt && c.managerEscalateAt && !c.managerEscalatedAt && now >= c.managerEscalateAt) {
    return { kind: 'escalate_manager' };
  }
  return { kind: 'none' };
}
