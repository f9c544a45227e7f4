// The business-calendar document (SPEC R-SLA-1): the JSON an administrator edits through the admin API
// and checks with `riza calendar …`. Everything is in the calendar's own IANA zone; nothing carries an
// offset, so a calendar keeps meaning the same local hours whatever the server's zone or DST rules.
import { DateTime, IANAZone } from 'luxon';
import { isLocale, type LocalizedText } from '../../platform/i18n/locales.ts';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
/** Index in WEEKDAYS equals JavaScript's Date#getUTCDay() (0 = Sunday). */
export type Weekday = (typeof WEEKDAYS)[number];

/** Local wall-clock time "HH:MM", 00:00–23:59; "24:00" is allowed as a closing time (end of day). */
export type ClockTime = string;
/** One working interval [open, close) of a day. A night shift is split at midnight over two days. */
export type WorkingInterval = [open: ClockTime, close: ClockTime];

export interface CalendarHoliday {
  /** Local calendar date "YYYY-MM-DD"; the whole local day is non-working. */
  date: string;
  name?: LocalizedText;
  /** Lunar-calendar date not yet confirmed by the administrator for this year. */
  estimated?: boolean;
}

export interface CalendarClosure {
  /** Local date-time "YYYY-MM-DDTHH:MM[:SS]" in the calendar's zone, no offset; closed from here… */
  from: string;
  /** …until here (exclusive). */
  to: string;
  reason?: string;
}

export interface CalendarSpec {
  /** Optional label shown to administrators. */
  name?: string;
  /** IANA zone, e.g. "Asia/Riyadh"; all times below are local to it. */
  timezone: string;
  /** Working intervals per weekday; a weekday that is absent or [] is non-working. */
  week: Partial<Record<Weekday, WorkingInterval[]>>;
  holidays: CalendarHoliday[];
  closures: CalendarClosure[];
}

export type ParseCalendarResult = { ok: true; calendar: CalendarSpec } | { ok: false; problems: string[] };

const MAX_HOLIDAYS = 5000;
const MAX_CLOSURES = 1000;
const MAX_INTERVALS_PER_DAY = 12;
const TOP_LEVEL_KEYS = new Set(['name', 'timezone', 'week', 'holidays', 'closures']);
const HOLIDAY_KEYS = new Set(['date', 'name', 'estimated']);
const CLOSURE_KEYS = new Set(['from', 'to', 'reason']);
const CLOCK_RE = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/;

/** Minutes after local midnight for "HH:MM" (1440 for "24:00"), or null when malformed. */
export function clockMinutes(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = CLOCK_RE.exec(value);
  if (!m) return null;
  return Number(m[1] ?? m[3]) * 60 + Number(m[2] ?? m[4]);
}

export function isValidLocalDate(value: unknown): value is string {
  return typeof value === 'string' && DATE_RE.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}

/** A closure bound as an instant (epoch ms) in the zone; null when malformed. DST gaps resolve per luxon. */
export function localDateTimeToMillis(value: unknown, zone: string): number | null {
  if (typeof value !== 'string' || !LOCAL_DATE_TIME_RE.test(value)) return null;
  const dt = DateTime.fromISO(value, { zone });
  return dt.isValid ? dt.toMillis() : null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownKeys(obj: Record<string, unknown>, allowed: Set<string>, where: string, problems: string[]) {
  for (const key of Object.keys(obj)) {
    if (!allowed.has(key)) problems.push(`${where}: unknown field "${key}"`);
  }
}

function parseWeek(value: unknown, problems: string[]): CalendarSpec['week'] {
  const week: CalendarSpec['week'] = {};
  if (!isPlainObject(value)) {
    problems.push('week: must be an object mapping sun…sat to lists of ["HH:MM","HH:MM"] intervals');
    return week;
  }
  let anyHours = false;
  for (const [key, list] of Object.entries(value)) {
    if (!(WEEKDAYS as readonly string[]).includes(key)) {
      problems.push(`week: unknown weekday "${key}" (use ${WEEKDAYS.join(', ')})`);
      continue;
    }
    const where = `week.${key}`;
    if (!Array.isArray(list)) {
      problems.push(`${where}: must be a list of ["HH:MM","HH:MM"] intervals ([] for a day off)`);
      continue;
    }
    if (list.length > MAX_INTERVALS_PER_DAY) {
      problems.push(`${where}: at most ${MAX_INTERVALS_PER_DAY} intervals per day`);
      continue;
    }
    const intervals: WorkingInterval[] = [];
    const spans: [number, number, number][] = [];
    list.forEach((item, i) => {
      const at = `${where}[${i}]`;
      if (!Array.isArray(item) || item.length !== 2) {
        problems.push(`${at}: must be a pair ["HH:MM","HH:MM"]`);
        return;
      }
      const open = clockMinutes(item[0]);
      const close = clockMinutes(item[1]);
      if (open === null || open === 1440)
        problems.push(`${at}: opening time must be "HH:MM" from 00:00 to 23:59`);
      if (close === null) problems.push(`${at}: closing time must be "HH:MM" from 00:01 to 24:00`);
      if (open === null || open === 1440 || close === null) return;
      if (close <= open) {
        problems.push(
          `${at}: closing time ${item[1]} must be after opening time ${item[0]} (split a night shift at 24:00)`,
        );
        return;
      }
      intervals.push([item[0] as string, item[1] as string]);
      spans.push([open, close, i]);
    });
    spans.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) {
      const prev = spans[i - 1]!;
      const cur = spans[i]!;
      if (cur[0] < prev[1]) problems.push(`${where}: intervals ${prev[2]} and ${cur[2]} overlap`);
    }
    if (intervals.length > 0) anyHours = true;
    week[key as Weekday] = intervals;
  }
  if (!anyHours) problems.push('week: at least one weekday must have working hours');
  return week;
}

function parseHolidays(value: unknown, problems: string[]): CalendarHoliday[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push('holidays: must be a list of {"date":"YYYY-MM-DD", "name":{…}, "estimated":bool}');
    return [];
  }
  if (value.length > MAX_HOLIDAYS) problems.push(`holidays: at most ${MAX_HOLIDAYS} entries`);
  const seen = new Set<string>();
  const out: CalendarHoliday[] = [];
  value.forEach((item, i) => {
    const at = `holidays[${i}]`;
    if (!isPlainObject(item)) {
      problems.push(`${at}: must be an object with a "date"`);
      return;
    }
    unknownKeys(item, HOLIDAY_KEYS, at, problems);
    if (!isValidLocalDate(item.date)) {
      problems.push(`${at}.date: must be a real date "YYYY-MM-DD"`);
      return;
    }
    if (seen.has(item.date)) problems.push(`${at}.date: ${item.date} is listed twice (merge the names)`);
    seen.add(item.date);
    const holiday: CalendarHoliday = { date: item.date };
    if (item.name !== undefined) {
      if (!isPlainObject(item.name)) {
        problems.push(`${at}.name: must be an object of language → text, e.g. {"en":"…"}`);
      } else {
        for (const [lang, text] of Object.entries(item.name)) {
          if (!isLocale(lang)) problems.push(`${at}.name: unknown language "${lang}"`);
          else if (typeof text !== 'string' || text.trim() === '')
            problems.push(`${at}.name.${lang}: must be non-empty text`);
        }
        holiday.name = { ...(item.name as LocalizedText) };
      }
    }
    if (item.estimated !== undefined) {
      if (typeof item.estimated !== 'boolean') problems.push(`${at}.estimated: must be true or false`);
      else holiday.estimated = item.estimated;
    }
    out.push(holiday);
  });
  return out;
}

function parseClosures(value: unknown, zone: string | null, problems: string[]): CalendarClosure[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push(
      'closures: must be a list of {"from":"YYYY-MM-DDTHH:MM", "to":"YYYY-MM-DDTHH:MM", "reason":…}',
    );
    return [];
  }
  if (value.length > MAX_CLOSURES) problems.push(`closures: at most ${MAX_CLOSURES} entries`);
  const out: CalendarClosure[] = [];
  value.forEach((item, i) => {
    const at = `closures[${i}]`;
    if (!isPlainObject(item)) {
      problems.push(`${at}: must be an object with "from" and "to"`);
      return;
    }
    unknownKeys(item, CLOSURE_KEYS, at, problems);
    // Validate the shape even when the zone is bad, so one run reports every problem.
    const from = localDateTimeToMillis(item.from, zone ?? 'UTC');
    const to = localDateTimeToMillis(item.to, zone ?? 'UTC');
    if (from === null) problems.push(`${at}.from: must be a local date-time "YYYY-MM-DDTHH:MM" (no offset)`);
    if (to === null) problems.push(`${at}.to: must be a local date-time "YYYY-MM-DDTHH:MM" (no offset)`);
    if (from !== null && to !== null && to <= from) problems.push(`${at}: "to" must be after "from"`);
    if (item.reason !== undefined && typeof item.reason !== 'string')
      problems.push(`${at}.reason: must be text`);
    if (from === null || to === null) return;
    const closure: CalendarClosure = { from: item.from as string, to: item.to as string };
    if (typeof item.reason === 'string') closure.reason = item.reason;
    out.push(closure);
  });
  return out;
}

/**
 * Checks a calendar document and returns a normalised copy (holidays and closures default to []),
 * or every problem found, each prefixed with the path of the offending field.
 */
export function parseCalendar(json: unknown): ParseCalendarResult {
  const problems: string[] = [];
  if (!isPlainObject(json)) return { ok: false, problems: ['calendar: must be a JSON object'] };
  unknownKeys(json, TOP_LEVEL_KEYS, 'calendar', problems);
  let zone: string | null = null;
  if (typeof json.timezone !== 'string' || !IANAZone.isValidZone(json.timezone)) {
    problems.push('timezone: must be an IANA time zone such as "Asia/Riyadh"');
  } else {
    zone = json.timezone;
  }
  if (json.name !== undefined && typeof json.name !== 'string') problems.push('name: must be text');
  const week = parseWeek(json.week, problems);
  const holidays = parseHolidays(json.holidays, problems);
  const closures = parseClosures(json.closures, zone, problems);
  if (problems.length > 0 || zone === null) return { ok: false, problems };
  const calendar: CalendarSpec = { timezone: zone, week, holidays, closures };
  if (typeof json.name === 'string') calendar.name = json.name;
  return { ok: true, calendar };
}

/** parseCalendar for trusted documents (shipped profiles, tests): throws with every problem listed. */
export function calendarOrThrow(json: unknown, label = 'calendar'): CalendarSpec {
  const result = parseCalendar(json);
  if (!result.ok) throw new Error(`${label} is invalid:\n  ${result.problems.join('\n  ')}`);
  return result.calendar;
}
