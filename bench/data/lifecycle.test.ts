import { describe, expect, it } from 'vitest';
import { profileCalendar } from '../../server/src/modules/calendar/profiles.ts';
import { isOpen } from '../../server/src/modules/cases/case-status.ts';
import { nextCheckAt } from '../../server/src/modules/sla/sla-clock.ts';
import { PROFILE_SLA_POLICIES } from '../../server/src/profiles/sla-policies.ts';
import { Rng } from '../lib/random.ts';
import { type LifecycleInput, simulateCase } from './lifecycle.ts';

const NOW = new Date('2026-05-12T10:00:00Z');
const DAY = 86_400_000;
const policy = { id: 'policy-1', ...PROFILE_SLA_POLICIES.UM[0]! };
const calendar = { id: 'cal-1', spec: profileCalendar('umniah') };

function input(seed: number, over: Partial<LifecycleInput> = {}): LifecycleInput {
  let n = 0;
  return {
    caseId: 'case-1',
    number: 'UM-2026-000001',
    createdAt: new Date(NOW.getTime() - 400 * DAY),
    now: NOW,
    channel: 'web_form',
    type: 'complaint',
    priority: 'normal',
    segment: 'individual',
    departmentId: 'dept-1',
    ownerId: 'lead-1',
    registrarId: null,
    customerCreated: true,
    managerId: 'manager-1',
    assignTo: 'agent-1',
    transferTo: { departmentId: 'dept-2', ownerId: 'staff-2' },
    policy,
    calendar,
    stuck: false,
    rng: new Rng(seed),
    newId: () => `id-${++n}`,
    wording: {
      reply: () => 'r',
      question: () => 'q',
      customerReply: () => 'c',
      note: () => 'n',
      reason: () => 'why',
    },
    ...over,
  };
}

describe('simulateCase', () => {
  it('concludes a case registered long ago and leaves none of its clocks pending', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const r = simulateCase(input(seed));
      expect(isOpen(r.status), `seed ${seed}: ${r.status}`).toBe(false);
      expect(r.clocks.map(nextCheckAt).filter(Boolean), `seed ${seed}`).toEqual([]);
    }
  });

  it('keeps a backlog case open, with its overdue resolution breached and escalated', () => {
    const r = simulateCase(input(5, { stuck: true, createdAt: new Date(NOW.getTime() - 60 * DAY) }));
    expect(isOpen(r.status)).toBe(true);
    expect(r.records.some((x) => x.stage === 'resolution' && x.kind === 'breached')).toBe(true);
    expect(r.events.map((e) => e.type)).toEqual(expect.arrayContaining(['sla_breached', 'escalated']));
    expect(r.escalationLevel).toBeGreaterThanOrEqual(1);
  });

  it('writes a timeline in time order in which each status change starts where the last one ended', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const r = simulateCase(input(seed, { createdAt: new Date(NOW.getTime() - (seed % 20) * DAY) }));
      const times = r.events.map((e) => e.at.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      let status: string | null = null;
      for (const e of r.events.filter((x) => x.toStatus)) {
        if (e.type !== 'registered') expect(e.fromStatus, `seed ${seed} ${e.type}`).toBe(status);
        status = e.toStatus;
      }
      expect(status).toBe(r.status);
    }
  });

  it('records a stage met late as met, not on time, with the business time it took', () => {
    let found = false;
    for (let seed = 1; seed <= 300 && !found; seed++) {
      const r = simulateCase(input(seed));
      const late = r.records.find((x) => x.kind === 'met' && x.onTime === false);
      if (!late) continue;
      found = true;
      expect(late.at.getTime()).toBeGreaterThan(late.dueAt.getTime());
      expect(late.businessMs).toBeGreaterThan(0);
    }
    expect(found).toBe(true);
  });
});
