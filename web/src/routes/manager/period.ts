// Report periods in the organisation's time zone: a preset or a custom range of whole days turns
// into the [from, to) instants the report API takes, the grain its series are grouped by, and the
// list of every bucket in between (the API leaves out days with nothing, the charts should not).
import { DateTime } from 'luxon';

export const PRESETS = ['today', 'days7', 'days30', 'thisMonth', 'lastMonth', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];
export type Grain = 'day' | 'week' | 'month';

export interface Period {
  /** first day, YYYY-MM-DD, in the org's zone */
  fromDay: string;
  /** last day included, YYYY-MM-DD */
  toDay: string;
  /** instants for the API: midnight of fromDay, midnight after toDay */
  from: string;
  to: string;
  grain: Grain;
}

export function isPreset(v: unknown): v is Preset {
  return (PRESETS as readonly unknown[]).includes(v);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Today in the organisation's zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;
}

/**
 * The period a preset (or a custom from/to) stands for. Null when a custom range is incomplete
 * or backwards. Long ranges are grouped by week or month so a chart keeps a readable number of bars.
 */
export function resolvePeriod(
  preset: Preset,
  custom: { from?: string | null; to?: string | null },
  timeZone: string,
  now: Date = new Date(),
): Period | null {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  let first: DateTime;
  let last: DateTime;
  switch (preset) {
    case 'today':
      first = today;
      last = today;
      break;
    case 'days7':
      first = today.minus({ days: 6 });
      last = today;
      break;
    case 'days30':
      first = today.minus({ days: 29 });
      last = today;
      break;
    case 'thisMonth':
      first = today.startOf('month');
      last = today;
      break;
    case 'lastMonth':
      first = today.minus({ months: 1 }).startOf('month');
      last = first.endOf('month').startOf('day');
      break;
    case 'custom': {
      if (!custom.from || !custom.to || !DAY.test(custom.from) || !DAY.test(custom.to)) return null;
      first = DateTime.fromISO(custom.from, { zone: timeZone });
      last = DateTime.fromISO(custom.to, { zone: timeZone });
      if (!first.isValid || !last.isValid || last < first) return null;
      break;
    }
  }
  const days = last.diff(first, 'days').days + 1;
  const grain: Grain = days <= 62 ? 'day' : days <= 366 ? 'week' : 'month';
  return {
    fromDay: first.toISODate()!,
    toDay: last.toISODate()!,
    from: first.toUTC().toISO()!,
    to: last.plus({ days: 1 }).toUTC().toISO()!,
    grain,
  };
}

/**
 * Every bucket key of the period, as the API writes them (`date_trunc` of the grain, YYYY-MM-DD;
 * weeks start on Monday as in PostgreSQL).
 */
export function bucketsOf(period: Period): string[] {
  const unit = period.grain;
  let at = DateTime.fromISO(period.fromDay, { zone: 'UTC' }).startOf(unit === 'week' ? 'week' : unit);
  const end = DateTime.fromISO(period.toDay, { zone: 'UTC' });
  const out: string[] = [];
  while (at <= end) {
    out.push(at.toISODate()!);
    at = at.plus({ [`${unit}s`]: 1 });
  }
  return out;
}
