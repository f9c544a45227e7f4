// When the demo's sample cases are said to have been registered, so that the demo shows every SLA
// state (on track, due soon, breached, met, paused) whatever the day `npm start` runs. Pure.
import type { CalendarSpec } from '../calendar/calendar.ts';
import { stageState, startStage } from '../sla/sla-clock.ts';
import { type SlaPolicy, type SlaStage, stagesFor } from '../sla/sla-policy.ts';

export type DemoAge = 'fresh' | 'due_soon' | 'overdue' | 'days_ago';

const HOUR = 3_600_000;

export function demoRegistrationTime(
  cal: CalendarSpec,
  policy: SlaPolicy | null,
  channel: string,
  metStages: readonly SlaStage[],
  age: DemoAge,
  now: Date,
): Date {
  if (age === 'fresh') return new Date(now.getTime() - 10 * 60_000);
  if (age === 'days_ago') return new Date(now.getTime() - 3 * 24 * HOUR);
  if (age === 'overdue') return new Date(now.getTime() - 60 * 24 * HOUR);
  // due soon: walk back (finely over the first week, where short targets and weekends meet) until
  // a running stage is past its warning and none is overdue
  const stages = policy ? stagesFor(policy.targets, channel).filter(([s]) => !metStages.includes(s)) : [];
  for (let back = 5 * 60_000; back <= 90 * 24 * HOUR && stages.length; ) {
    const t = new Date(now.getTime() - back);
    const states = stages.map(([stage, target]) =>
      stageState(startStage(cal, stage, target, t, policy!.warnAtPercent), now),
    );
    if (states.includes('due_soon') && !states.includes('breached')) return t;
    back += back < 7 * 24 * HOUR ? 5 * 60_000 : HOUR;
  }
  return new Date(now.getTime() - 10 * 60_000);
}
