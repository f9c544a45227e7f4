import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { businessMillisBetween } from '../calendar/business-time.ts';
import { calendarOrThrow } from '../calendar/calendar.ts';
import {
  dueStep,
  extendStage,
  meetStage,
  nextCheckAt,
  pauseStage,
  remainingBusinessMs,
  reopenStage,
  resumeStage,
  stageState,
  startStage,
  stopStage,
} from './sla-clock.ts';

const HOUR = 3_600_000;
const nine = [['09:00', '18:00']] as [string, string][];
const kh = calendarOrThrow({
  timezone: 'Asia/Baku',
  week: { mon: nine, tue: nine, wed: nine, thu: nine, fri: nine },
  holidays: [{ date: '2026-06-15' }, { date: '2026-06-26' }],
});
const at = (local: string) => DateTime.fromISO(local, { zone: 'Asia/Baku' }).toJSDate();
const iso = (d: Date | null) =>
  d ? DateTime.fromJSDate(d, { zone: 'Asia/Baku' }).toISO({ suppressMilliseconds: true }) : null;

const days = (amount: number) => ({ amount, unit: 'business_days' as const });

describe('an SLA stage clock', () => {
  const registered = at('2026-06-12T17:00');
  const resolution = startStage(kh, 'resolution', days(10), registered, 75);

  it('is due 10 business days after a Friday 17:00 registration, skipping the holidays', () => {
    expect(iso(resolution.dueAt)).toBe('2026-06-30T17:00:00+04:00');
    expect(resolution.originalDueAt).toEqual(resolution.dueAt);
  });

  it('warns when 75 % of the business time has passed', () => {
    const total = businessMillisBetween(kh, registered, resolution.dueAt);
    expect(businessMillisBetween(kh, registered, resolution.warnAt!)).toBe(Math.round(total * 0.75));
    expect(stageState(resolution, new Date(resolution.warnAt!.getTime() - 1))).toBe('on_track');
    expect(stageState(resolution, resolution.warnAt!)).toBe('due_soon');
    expect(stageState(resolution, resolution.dueAt)).toBe('breached');
  });

  it('moves the due instant later by exactly the business time spent waiting on the customer', () => {
    const paused = pauseStage(kh, resolution, at('2026-06-22T10:00'));
    expect(stageState(paused, at('2026-07-20T10:00'))).toBe('paused');
    expect(nextCheckAt(paused)).toBeNull();
    const resumed = resumeStage(kh, paused, at('2026-06-24T10:00'), 75);
    expect(iso(resumed.dueAt)).toBe('2026-07-02T17:00:00+04:00');
    const pausedMs = businessMillisBetween(kh, at('2026-06-22T10:00'), at('2026-06-24T10:00'));
    expect(pausedMs).toBe(18 * HOUR);
    expect(businessMillisBetween(kh, resolution.dueAt, resumed.dueAt)).toBe(pausedMs);
    expect(resumed.pausedBusinessMs).toBe(pausedMs);
  });

  it('keeps the remaining time frozen while paused', () => {
    const paused = pauseStage(kh, resolution, at('2026-06-22T10:00'));
    expect(remainingBusinessMs(kh, paused, at('2026-06-22T10:00'))).toBe(52 * HOUR);
    expect(remainingBusinessMs(kh, paused, at('2026-07-22T10:00'))).toBe(52 * HOUR);
  });

  it('a clock already overdue when paused stays overdue when it resumes', () => {
    const paused = pauseStage(kh, resolution, at('2026-07-01T10:00'));
    expect(paused.remainingMs).toBeLessThan(0);
    const resumed = resumeStage(kh, paused, at('2026-07-03T10:00'), 75);
    expect(resumed.dueAt).toEqual(resolution.dueAt);
  });

  it('a reopened case resumes its clock with the time it had left when answered', () => {
    const met = meetStage(kh, resolution, at('2026-06-24T12:00'));
    expect(stageState(met, at('2026-08-01T00:00'))).toBe('met');
    const left = met.remainingMs!;
    const reopened = reopenStage(kh, met, at('2026-07-06T09:00'), 75);
    expect(reopened.cycle).toBe(2);
    expect(reopened.metAt).toBeNull();
    expect(businessMillisBetween(kh, at('2026-07-06T09:00'), reopened.dueAt)).toBe(left);
  });

  it('an extension moves the due instant, counts, and lets a second miss be recorded', () => {
    const breached = { ...resolution, breachedAt: resolution.dueAt };
    const extended = extendStage(kh, breached, at('2026-06-30T12:00'), at('2026-07-07T18:00'), 75);
    expect(extended.extensions).toBe(1);
    expect(extended.breachedAt).toBeNull();
    expect(iso(extended.dueAt)).toBe('2026-07-07T18:00:00+04:00');
    expect(stageState(extended, at('2026-07-01T10:00'))).not.toBe('breached');
    expect(dueStep(kh, extended, at('2026-07-07T18:00'), null).kind).toBe('breach');
  });

  it('owes a breach first, then (with a manager delay) the manager escalation', () => {
    const step = dueStep(kh, resolution, at('2026-06-30T17:00'), days(1));
    expect(step.kind).toBe('breach');
    if (step.kind !== 'breach') return;
    expect(iso(step.managerEscalateAt)).toBe('2026-07-01T17:00:00+04:00');
    const breached = {
      ...resolution,
      breachedAt: at('2026-06-30T17:00'),
      managerEscalateAt: step.managerEscalateAt,
    };
    expect(nextCheckAt(breached)).toEqual(step.managerEscalateAt);
    expect(dueStep(kh, breached, at('2026-07-01T16:59'), days(1)).kind).toBe('none');
    expect(dueStep(kh, breached, at('2026-07-01T17:00'), days(1)).kind).toBe('escalate_manager');
  });

  it('a stopped clock owes nothing and shows no remaining time', () => {
    const stopped = stopStage(resolution, at('2026-06-20T10:00'));
    expect(stageState(stopped, at('2026-08-01T00:00'))).toBe('stopped');
    expect(nextCheckAt(stopped)).toBeNull();
    expect(remainingBusinessMs(kh, stopped, at('2026-06-20T10:00'))).toBeNull();
  });
});
