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
  const gregorian = formatter(gregorianTag, { ...style, calendar: 'gregory' }).format(at);

  const iso = DateTime.fromJSDate(at, { zone: timeZone }).toISO({ suppressMilliseconds: true });
  if (!iso) throw new RangeError(`Unknown time zone: ${timeZone}`);

  if (!options.hijri) return { gregorian, iso };
  const hijriTag = locale === 'ar' ? 'ar-SA' : locale;
  const hijri = formatter(hijriTag, { ...style, calendar: 'islamic-umalqura' }).format(at);
  return { gregorian, hijri, iso };
}
