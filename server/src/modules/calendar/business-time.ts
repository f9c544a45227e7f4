// Pure business-time arithmetic on a CalendarSpec (SPEC R-SLA-6). No clock, no I/O: every instant is
// passed in. Zone rules come from luxon (the runtime's ICU time-zone database), never fixed offsets.
//
// Model: working time is a set of half-open instant intervals [open, close). Each local calendar date
// has its intervals from the weekly hours, unless it is a holiday (whole day removed); closures are then
// cut out. Per-day interval lists are cached per calendar object, so arithmetic walks whole days and a
// typical SLA computation costs a handful of map look-ups. Treat a CalendarSpec as immutable once used.
//
// Conventions:
// - A start outside working time (or exactly at a closing time) counts from the next opening.
// - Adding N business hours returns the EARLIEST instant at which N hours have elapsed, so a result that
//   falls exactly at a closing time stays there instead of jumping to the next opening.
// - Adding N business days (SPEC R-SLA-6, literally): a start outside working time first moves to the
//   next opening (from a non-working day, that is the next working day); from that day D0, step to the
//   N-th working date T (a working date has working time left after holidays and closures). When the start
//   was inside working time the result is the same wall-clock time on T; when it was outside, the end of
//   T's working day. Saturday + 3 on a Mon–Fri 09–18 week is therefore Thursday 18:00, and Monday 10:00 + 3
//   is Thursday 10:00. A clock time that T does not have (shorter day, a break) becomes the latest closing
//   time at or before it, so results never land in closed time.
import { DateTime, IANAZone } from 'luxon';
import { type CalendarSpec, clockMinutes, localDateTimeToMillis, WEEKDAYS } from './calendar.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Give up when this many consecutive local days have no working time (a calendar closed for ever). */
const MAX_EMPTY_DAYS = 3660;
const MAX_CACHED_DAYS = 20_000;

class CompiledCalendar {
  private readonly zone: IANAZone;
  /** Per weekday (0 = Sunday): sorted [openMinute, closeMinute] pairs. */
  private readonly week: [number, number][][];
  private readonly holidays: Set<number>;
  /** Sorted, merged [from, to) instants. */
  private readonly closures: [number, number][];
  /** Local epoch day → flat [open, close, open, close, …] instants. */
  private readonly days = new Map<number, number[]>();
  /** Local epoch day → instant of its local midnight. */
  private readonly starts = new Map<number, number>();
  private readonly guessOffsetMs: number;

  constructor(spec: CalendarSpec) {
    this.zone = IANAZone.create(spec.timezone);
    if (!this.zone.isValid) throw new RangeError(`unknown time zone ${spec.timezone}`);
    this.guessOffsetMs = this.zone.offset(Date.UTC(2026, 0, 1)) * 60_000;
    this.week = WEEKDAYS.map((name) =>
      (spec.week[name] ?? [])
        .map(([open, close]) => [clockMinutes(open) ?? 0, clockMinutes(close) ?? 0] as [number, number])
        .filter(([open, close]) => close > open)
        .sort((a, b) => a[0] - b[0]),
    );
    if (this.week.every((spans) => spans.length === 0)) throw new RangeError('calendar has no working hours');
    this.holidays = new Set(spec.holidays.map((h) => Date.parse(`${h.date}T00:00:00Z`) / DAY_MS));
    const closures = spec.closures
      .map((c) => ({
        from: localDateTimeToMillis(c.from, spec.timezone),
        to: localDateTimeToMillis(c.to, spec.timezone),
      }))
      .flatMap(({ from, to }) =>
        from !== null && to !== null && to > from ? [[from, to] as [number, number]] : [],
      )
      .sort((a, b) => a[0] - b[0]);
    this.closures = [];
    for (const c of closures) {
      const last = this.closures[this.closures.length - 1];
      if (last && c[0] <= last[1]) last[1] = Math.max(last[1], c[1]);
      else this.closures.push([c[0], c[1]]);
    }
  }

  /** Local calendar date of an instant, as days since 1970-01-01. */
  localDay(ms: number): number {
    // Guess from a typical offset, then settle against the exact local midnights from luxon.
    let day = Math.floor((ms + this.guessOffsetMs) / DAY_MS);
    while (ms < this.startOf(day)) day--;
    while (ms >= this.startOf(day + 1)) day++;
    return day;
  }

  /** The instant of local midnight (or of the first instant of the day when midnight is skipped). */
  private startOf(day: number): number {
    let start = this.starts.get(day);
    if (start === undefined) {
      const date = new Date(day * DAY_MS);
      start = DateTime.fromObject(
        { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() },
        { zone: this.zone },
      ).toMillis();
      if (this.starts.size >= MAX_CACHED_DAYS) this.starts.clear();
      this.starts.set(day, start);
    }
    return start;
  }

  /** A day without a DST change is exactly 24 h long, so wall clock and instant differ by a constant. */
  private isPlainDay(day: number): boolean {
    return this.startOf(day + 1) - this.startOf(day) === DAY_MS;
  }

  /** Milliseconds since local midnight of the instant's wall-clock time. */
  wallClock(ms: number): number {
    const day = this.localDay(ms);
    if (this.isPlainDay(day)) return ms - this.startOf(day);
    return ms + this.zone.offset(ms) * 60_000 - day * DAY_MS;
  }

  /** The instant of a wall-clock time on a local day; luxon resolves DST gaps and overlaps. */
  instantAt(day: number, clockMs: number): number {
    if (this.isPlainDay(day)) return this.startOf(day) + clockMs;
    const date = new Date(day * DAY_MS);
    return DateTime.fromObject(
      {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
        hour: Math.floor(clockMs / HOUR_MS),
        minute: Math.floor(clockMs / 60_000) % 60,
        second: Math.floor(clockMs / 1000) % 60,
        millisecond: clockMs % 1000,
      },
      { zone: this.zone },
    ).toMillis();
  }

  intervals(day: number): number[] {
    const cached = this.days.get(day);
    if (cached) return cached;
    let result: number[] = [];
    if (!this.holidays.has(day)) {
      const spans = this.week[(((day + 4) % 7) + 7) % 7]!; // 1970-01-01 was a Thursday
      for (const [open, close] of spans) {
        const from = this.instantAt(day, open * 60_000);
        // "24:00" is the next day's midnight, which luxon does not accept as an hour of this day.
        const to = close === 1440 ? this.instantAt(day + 1, 0) : this.instantAt(day, close * 60_000);
        if (to > from) result.push(from, to);
      }
      if (this.closures.length > 0 && result.length > 0) result = this.cutClosures(result);
    }
    if (this.days.size >= MAX_CACHED_DAYS) this.days.clear();
    this.days.set(day, result);
    return result;
  }

  private cutClosures(intervals: number[]): number[] {
    const out: number[] = [];
    for (let i = 0; i < intervals.length; i += 2) {
      let from = intervals[i]!;
      const to = intervals[i + 1]!;
      // First closure ending after `from` (binary search; closures are sorted and disjoint).
      let lo = 0;
      let hi = this.closures.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.closures[mid]![1] <= from) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < this.closures.length && from < to; k++) {
        const [cFrom, cTo] = this.closures[k]!;
        if (cFrom >= to) break;
        if (cFrom > from) out.push(from, cFrom);
        from = Math.max(from, cTo);
      }
      if (from < to) out.push(from, to);
    }
    return out;
  }

  /** Earliest open instant at or after ms. */
  nextOpening(ms: number): number {
    const first = this.localDay(ms);
    for (let day = first; day - first <= MAX_EMPTY_DAYS; day++) {
      const iv = this.intervals(day);
      for (let i = 0; i < iv.length; i += 2) {
        if (ms < iv[i + 1]!) return Math.max(ms, iv[i]!);
      }
    }
    throw new RangeError(`calendar has no working time within ${MAX_EMPTY_DAYS} days after ${iso(ms)}`);
  }

  isOpen(ms: number): boolean {
    const iv = this.intervals(this.localDay(ms));
    for (let i = 0; i < iv.length; i += 2) {
      if (iv[i]! <= ms && ms < iv[i + 1]!) return true;
    }
    return false;
  }

  addMillis(fromMs: number, amount: number): number {
    const start = this.nextOpening(fromMs);
    let remaining = amount;
    let empty = 0;
    for (let day = this.localDay(start); empty <= MAX_EMPTY_DAYS; day++) {
      const iv = this.intervals(day);
      empty = iv.length === 0 ? empty + 1 : 0;
      for (let i = 0; i < iv.length; i += 2) {
        const to = iv[i + 1]!;
        if (to <= start) continue;
        const from = Math.max(iv[i]!, start);
        if (remaining <= to - from) return from + remaining; // `<=`: ending at closing stays at closing
        remaining -= to - from;
      }
    }
    throw new RangeError(`calendar has no working time within ${MAX_EMPTY_DAYS} days`);
  }

  millisBetween(fromMs: number, toMs: number): number {
    if (toMs < fromMs) return 0 - this.millisBetween(toMs, fromMs); // `0 -` avoids -0
    let total = 0;
    const last = this.localDay(toMs);
    for (let day = this.localDay(fromMs); day <= last; day++) {
      const iv = this.intervals(day);
      for (let i = 0; i < iv.length; i += 2) {
        const overlap = Math.min(iv[i + 1]!, toMs) - Math.max(iv[i]!, fromMs);
        if (overlap > 0) total += overlap;
      }
    }
    return total;
  }

  addDays(fromMs: number, days: number): number {
    const start = this.nextOpening(fromMs);
    const outside = start !== fromMs;
    let target = this.localDay(start);
    let empty = 0;
    for (let counted = 0; counted < days; ) {
      target++;
      if (this.intervals(target).length > 0) {
        counted++;
        empty = 0;
      } else if (++empty > MAX_EMPTY_DAYS) {
        throw new RangeError(`calendar has no working time within ${MAX_EMPTY_DAYS} days`);
      }
    }
    const iv = this.intervals(target);
    if (outside) return iv[iv.length - 1]!;
    return this.latestEquivalent(this.instantAt(target, this.wallClock(start)));
  }

  /** `ms` itself when inside working time or at a closing time; else the last closing before it. */
  private latestEquivalent(ms: number): number {
    const first = this.localDay(ms);
    for (let day = first; first - day <= MAX_EMPTY_DAYS; day--) {
      const iv = this.intervals(day);
      for (let i = iv.length - 2; i >= 0; i -= 2) {
        if (iv[i + 1]! <= ms) return iv[i + 1]!;
        if (iv[i]! <= ms) return ms;
      }
    }
    throw new RangeError(`calendar has no working time within ${MAX_EMPTY_DAYS} days before ${iso(ms)}`);
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

const compiled = new WeakMap<CalendarSpec, CompiledCalendar>();

function compile(cal: CalendarSpec): CompiledCalendar {
  let c = compiled.get(cal);
  if (!c) {
    c = new CompiledCalendar(cal);
    compiled.set(cal, c);
  }
  return c;
}

function millisOf(at: Date, label: string): number {
  const ms = at instanceof Date ? at.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`${label} must be a valid Date`);
  return ms;
}

function checkAmount(value: number, label: string, integer: boolean): void {
  if (!Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw new RangeError(`${label} must be a ${integer ? 'whole' : 'finite'} number ≥ 0, got ${value}`);
  }
}

/** Whether the calendar is open at this instant (opening instant included, closing instant excluded). */
export function isOpen(cal: CalendarSpec, at: Date): boolean {
  return compile(cal).isOpen(millisOf(at, 'at'));
}

/** The earliest open instant at or after `at` (`at` itself when open). */
export function nextOpening(cal: CalendarSpec, at: Date): Date {
  return new Date(compile(cal).nextOpening(millisOf(at, 'at')));
}

/** The earliest instant by which `hours` business hours have elapsed since `from` (rounded to the ms). */
export function addBusinessHours(cal: CalendarSpec, from: Date, hours: number): Date {
  checkAmount(hours, 'hours', false);
  return new Date(compile(cal).addMillis(millisOf(from, 'from'), Math.round(hours * HOUR_MS)));
}

/** Same clock time `days` working days later; see the conventions at the top of this file. */
export function addBusinessDays(cal: CalendarSpec, from: Date, days: number): Date {
  checkAmount(days, 'days', true);
  return new Date(compile(cal).addDays(millisOf(from, 'from'), days));
}

/** Working milliseconds in [from, to); negative when `to` is before `from`. */
export function businessMillisBetween(cal: CalendarSpec, from: Date, to: Date): number {
  return compile(cal).millisBetween(millisOf(from, 'from'), millisOf(to, 'to'));
}

export function businessHoursBetween(cal: CalendarSpec, from: Date, to: Date): number {
  return businessMillisBetween(cal, from, to) / HOUR_MS;
}

/** The local calendar date ("YYYY-MM-DD") of an instant in the calendar's zone. */
export function localDate(cal: CalendarSpec, at: Date): string {
  return new Date(compile(cal).localDay(millisOf(at, 'at')) * DAY_MS).toISOString().slice(0, 10);
}
