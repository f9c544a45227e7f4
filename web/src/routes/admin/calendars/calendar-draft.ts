// A calendar being edited: the server's JSON (docs/calendars/README.md) with a stable id per row
// so React keeps each input while rows are added and removed, and back again for saving.
import type { LocalizedText } from '../../../api/types.ts';
import { type CalendarSpec, WEEKDAYS, type Weekday } from '../api.ts';

export interface HolidayRow {
  id: number;
  date: string;
  name: LocalizedText;
  estimated: boolean;
}
export interface ClosureRow {
  id: number;
  from: string;
  to: string;
  reason: string;
}
export interface CalendarDraft {
  name: string;
  timezone: string;
  week: Record<Weekday, { id: number; open: string; close: string }[]>;
  holidays: HolidayRow[];
  closures: ClosureRow[];
}

let nextId = 1;
export const rowId = () => nextId++;

export function toDraft(spec: CalendarSpec): CalendarDraft {
  return {
    name: spec.name ?? '',
    timezone: spec.timezone,
    week: Object.fromEntries(
      WEEKDAYS.map((d) => [d, (spec.week[d] ?? []).map(([open, close]) => ({ id: rowId(), open, close }))]),
    ) as CalendarDraft['week'],
    // sorted once on loading, never while typing: a row must not jump away from the cursor
    holidays: [...spec.holidays]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((h) => ({
        id: rowId(),
        date: h.date,
        name: { ...(h.name ?? {}) },
        estimated: Boolean(h.estimated),
      })),
    closures: [...spec.closures]
      .sort((a, b) => a.from.localeCompare(b.from))
      .map((c) => ({ id: rowId(), from: c.from, to: c.to, reason: c.reason ?? '' })),
  };
}

/** The JSON the server checks; rows keep their order, so its `holidays[3]` is the fourth row here. */
export function toSpec(draft: CalendarDraft): CalendarSpec {
  const week: CalendarSpec['week'] = {};
  for (const d of WEEKDAYS) {
    if (draft.week[d].length) week[d] = draft.week[d].map((i) => [i.open.trim(), i.close.trim()]);
  }
  return {
    ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
    timezone: draft.timezone,
    week,
    holidays: draft.holidays.map((h) => {
      const name = Object.fromEntries(
        Object.entries(h.name)
          .map(([k, v]) => [k, v?.trim()] as const)
          .filter(([, v]) => v),
      );
      return { date: h.date, ...(Object.keys(name).length ? { name } : {}), estimated: h.estimated };
    }),
    closures: draft.closures.map((c) => ({
      from: c.from,
      to: c.to,
      ...(c.reason.trim() ? { reason: c.reason.trim() } : {}),
    })),
  };
}

/** Comparable form of a draft (without the row ids) to tell whether anything changed. */
export function fingerprint(draft: CalendarDraft): string {
  return JSON.stringify(toSpec(draft));
}

/** Weekdays in the order the organisation's country starts its week (Sunday in the Gulf, Monday in Baku). */
export function weekOrder(country: string): Weekday[] {
  let first = 1;
  try {
    const locale = new Intl.Locale(`und-${country}`) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    first = (locale.getWeekInfo?.() ?? locale.weekInfo)?.firstDay ?? 1;
  } catch {
    // an unknown region keeps Monday
  }
  const start = first % 7; // Intl counts Monday = 1 … Sunday = 7; WEEKDAYS starts on Sunday = 0
  return WEEKDAYS.map((_, i) => WEEKDAYS[(start + i) % 7]!);
}

/** The weekday's name in the UI language (5 January 2025 was a Sunday). */
export function weekdayName(day: Weekday, locale: string, width: 'long' | 'short' = 'long'): string {
  const date = new Date(Date.UTC(2025, 0, 5 + WEEKDAYS.indexOf(day), 12));
  return new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' }).format(date);
}

/** A local calendar date ("YYYY-MM-DD") written for people, with its weekday; Hijri on request. */
export function describeDate(date: string, locale: string, hijri: boolean): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const at = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(at.getTime())) return null;
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(at);
  if (!hijri) return weekday;
  const h = new Intl.DateTimeFormat(`${locale}-u-ca-islamic-umalqura`, {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
  return `${weekday} · ${h.format(at)}`;
}
