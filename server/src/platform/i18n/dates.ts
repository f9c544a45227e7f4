// Dates as people read them (R-I18N-2): in their language and the org's time zone, with the
// Umm al-Qura Hijri date beside the Gregorian one where the org wants it.
import { DateTime } from 'luxon';
import type { Locale } from './locales.ts';

export type Digits = 'arab' | 'latn';

export interface DateForPeopleOptions {
  locale: Locale;
  /** IANA zone, e.g. `Asia/Riyadh`; the calendar day is the day in this zone */
  timeZone: string;
  /** also give the Umm al-Qura (Saudi official) Hijri date */
  hijri: boolean;
  withTime?: boolean;
  /**
   * Country of the org (ISO 3166 alpha-2), used for Arabic Gregorian month names: Jordan and Syria
   * say "تشرين الثاني" where Saudi Arabia says "نوفمبر". Without it plain `ar` is used.
   */
  region?: string;
  /** Digits to write with; Arabic defaults to Arabic-Indic (٠١٢…), the rest to Latin. */
  digits?: Digits;
}

export interface DateForPeople {
  gregorian: string;
  hijri?: string;
  /** the instant with the zone's offset, e.g. `2026-11-22T12:00:00+03:00` (for `<time datetime>`) */
  iso: string;
}

/**
 * ICU's default digits for Arabic changed between CLDR versions (plain `ar` now defaults to Latin,
 * `ar-SA` to Arabic-Indic), so the choice is made here, not left to the runtime.
 */
export function defaultDigits(locale: Locale): Digits {
  return locale === 'ar' ? 'arab' : 'latn';
}

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${tag}|${JSON.stringify(options)}`;
  let fmt = cache.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(tag, options);
    cache.set(key, fmt);
  }
  return fmt;
}

/**
 * CLDR 48 joins an Azerbaijani long date and time with a slash ("7 dekabr 2026/18:00"), which
 * Azerbaijani readers do not write; they write "7 dekabr 2026, 18:00", as CLDR's medium form does.
 */
const JOINED_WITH_COMMA = new Set(['az']);

function format(tag: string, options: Intl.DateTimeFormatOptions, at: Date): string {
  if (!JOINED_WITH_COMMA.has(tag) || !options.timeStyle) return formatter(tag, options).format(at);
  const { timeStyle, ...dateOnly } = options;
  const { dateStyle: _date, ...timeOnly } = options;
  return `${formatter(tag, dateOnly).format(at)}, ${formatter(tag, { ...timeOnly, timeStyle }).format(at)}`;
}

export function formatDateForPeople(at: Date, options: DateForPeopleOptions): DateForPeople {
  const { locale, timeZone, withTime = false } = options;
  const numberingSystem = options.digits ?? defaultDigits(locale);
  const style: Intl.DateTimeFormatOptions = {
    timeZone,
    numberingSystem,
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
  };
  const gregorianTag = locale === 'ar' && options.region ? `ar-${options.region.toUpperCase()}` : locale;
  // `calendar` is explicit because some locales (ar-SA in older CLDR) default to the Hijri calendar.
  const gregorian = format(gregorianTag, { ...style, calendar: 'gregory' }, at);

  const iso = DateTime.fromJSDate(at, { zone: timeZone }).toISO({ suppressMilliseconds: true });
  if (!iso) throw new RangeError(`Unknown time zone: ${timeZone}`);

  if (!options.hijri) return { gregorian, iso };
  const hijriTag = locale === 'ar' ? 'ar-SA' : locale;
  const hijri = format(hijriTag, { ...style, calendar: 'islamic-umalqura' }, at);
  return { gregorian, hijri, iso };
}
