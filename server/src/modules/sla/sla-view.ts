// The SLA as agents and API clients see it on a case: per stage the due instant, the state and
// the business time left, computed at read time from the stored clocks.
import type { DbOrTrx } from '../../platform/db/db.ts';
import type { CaseSlaStageRow } from '../../platform/db/schema.ts';
import { type DateForPeople, formatDateForPeople } from '../../platform/i18n/dates.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { CalendarSpec } from '../calendar/calendar.ts';
import { clocksForCases, getCalendarsByIds, type LoadedCalendar, toClock } from './sla.repository.ts';
import { remainingBusinessMs, type StageState, type StateOfClock, stageState } from './sla-clock.ts';
import { SLA_STAGES, type SlaStage, type SlaUnit } from './sla-policy.ts';

export interface SlaStageView {
  stage: SlaStage;
  target: { amount: number; unit: SlaUnit };
  startedAt: string;
  dueAt: string;
  originalDueAt: string;
  state: StageState;
  remainingBusinessMs: number | null;
  metAt: string | null;
  breachedAt: string | null;
  metOnTime: boolean | null;
  cycle: number;
}

export interface SlaView {
  stages: SlaStageView[];
  paused: boolean;
  extensions: number;
  /** the resolution stage's due instant: the date promised to the customer (R-FLOW-6) */
  expectedResolutionAt: string | null;
  /** the same, as the reader says it: their language, the org's zone, Hijri beside it where enabled */
  expectedResolution: DateForPeople | null;
}

export interface PeopleDates {
  locale: Locale;
  timeZone: string;
  hijri: boolean;
  region: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function slaViews(
  db: DbOrTrx,
  orgId: string,
  caseIds: string[],
  people: PeopleDates,
  now = new Date(),
): Promise<Map<string, SlaView>> {
  const byCase = await clocksForCases(db, orgId, caseIds);
  // Every calendar of the page in one statement: a page costs two queries, not one per clock.
  const calendars = await getCalendarsByIds(
    db,
    orgId,
    [...byCase.values()].flatMap((rows) => rows.map((r) => r.calendar_id)),
  );
  const out = new Map<string, SlaView>();
  for (const [caseId, rows] of byCase) out.set(caseId, toView(calendars, rows, people, now));
  return out;
}

function toView(
  calendars: Map<string, LoadedCalendar>,
  rows: CaseSlaStageRow[],
  people: PeopleDates,
  now: Date,
): SlaView {
  const stages: SlaStageView[] = [];
  for (const row of [...rows].sort(
    (a, b) => SLA_STAGES.indexOf(a.stage as SlaStage) - SLA_STAGES.indexOf(b.stage as SlaStage),
  )) {
    const cal = calendars.get(row.calendar_id)?.spec;
    if (!cal) throw new Error(`calendar ${row.calendar_id} of a clock is missing`);
    const k = toClock(row);
    stages.push({
      stage: k.stage,
      target: k.target,
      startedAt: k.startedAt.toISOString(),
      dueAt: k.dueAt.toISOString(),
      originalDueAt: k.originalDueAt.toISOString(),
      state: stageState(k, now),
      remainingBusinessMs: remainingBusinessMs(cal, k, now),
      metAt: iso(k.metAt),
      breachedAt: iso(k.breachedAt),
      metOnTime: k.metAt ? k.metAt <= k.dueAt : null,
      cycle: k.cycle,
    });
  }
  const resolution = stages.find((s) => s.stage === 'resolution');
  return {
    stages,
    paused: stages.some((s) => s.state === 'paused'),
    extensions: rows.reduce((n, r) => n + r.extensions, 0),
    expectedResolutionAt: resolution?.dueAt ?? null,
    expectedResolution: resolution
      ? formatDateForPeople(new Date(resolution.dueAt), {
          locale: people.locale,
          timeZone: people.timeZone,
          hijri: people.hijri,
          region: people.region,
          withTime: true,
        })
      : null,
  };
}

/** A running stage's states, the most pressing first: what a list row shows of a case's SLA. */
export const PRESSING: readonly StageState[] = ['breached', 'due_soon', 'on_track', 'paused'];

/**
 * The SLA in a list row: the case's most pressing running stage (overdue first, then due soon, on
 * track, paused; the earliest due among equals). The full view, every stage with its dates, is the
 * single case's.
 */
export interface SlaSummary {
  stage: SlaStage;
  state: StageState;
  dueAt: string;
  /** business time left (negative when overdue), in the case's calendar */
  remainingBusinessMs: number | null;
}

/** The summary of the stage clock chosen as the most pressing (the list query picks it in SQL). */
export function slaSummary(
  cal: CalendarSpec,
  clock: StateOfClock & { stage: SlaStage },
  now: Date,
): SlaSummary {
  return {
    stage: clock.stage,
    state: stageState(clock, now),
    dueAt: clock.dueAt.toISOString(),
    remainingBusinessMs: remainingBusinessMs(cal, clock, now),
  };
}
