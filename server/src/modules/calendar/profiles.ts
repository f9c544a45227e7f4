// The example calendars of the five policy profiles (docs/calendars/*.json) as validated specs. The
// JSON files are the single source: docs, CLI examples and profile seeding all read the same data.
import hrdf from '../../../../docs/calendars/hrdf.json' with { type: 'json' };
import jusanMobile from '../../../../docs/calendars/jusan-mobile.json' with { type: 'json' };
import kontaktHome from '../../../../docs/calendars/kontakt-home.json' with { type: 'json' };
import sawa from '../../../../docs/calendars/sawa.json' with { type: 'json' };
import umniah from '../../../../docs/calendars/umniah.json' with { type: 'json' };
import { type CalendarSpec, calendarOrThrow } from './calendar.ts';
import { defaultHolidays, hasDefaultHolidays } from './holidays.ts';

const SOURCES = {
  umniah,
  'jusan-mobile': jusanMobile,
  sawa,
  hrdf,
  'kontakt-home': kontaktHome,
} as const;

export type ProfileCalendarSlug = keyof typeof SOURCES;
export const PROFILE_CALENDAR_SLUGS = Object.keys(SOURCES) as ProfileCalendarSlug[];

const cache = new Map<string, CalendarSpec>();

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * The profile's calendar. The same frozen object is returned on every call, so business-time caches
 * keyed by the calendar object stay warm; clone it (structuredClone) to edit.
 */
export function profileCalendar(slug: string): CalendarSpec {
  let calendar = cache.get(slug);
  if (!calendar) {
    if (!Object.hasOwn(SOURCES, slug)) {
      throw new RangeError(`unknown profile "${slug}" (known: ${PROFILE_CALENDAR_SLUGS.join(', ')})`);
    }
    calendar = deepFreeze(
      calendarOrThrow(SOURCES[slug as ProfileCalendarSlug], `calendar of profile ${slug}`),
    );
    cache.set(slug, calendar);
  }
  return calendar;
}

/**
 * The calendar an organisation starts with: the profile's week, zone and closures, with the
 * default holidays of the years around `year` added where the profile file does not list them.
 */
export function orgStartingCalendar(slug: string, country: string, year: number): CalendarSpec {
  const base = profileCalendar(slug);
  const holidays = new Map(base.holidays.map((h) => [h.date, structuredClone(h)]));
  for (const y of [year - 1, year, year + 1]) {
    if (!hasDefaultHolidays(country, y)) continue;
    for (const h of defaultHolidays(country, y)) if (!holidays.has(h.date)) holidays.set(h.date, h);
  }
  return calendarOrThrow({
    ...structuredClone(base),
    holidays: [...holidays.values()].sort((a, b) => a.date.localeCompare(b.date)),
  });
}
