// Dates and numbers through Intl in the user's language and the organisation's time zone: an
// agent in Baku reading an Amman case sees Amman times, as the SLA clock counts them.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../api/types.ts';
import { intlLocale, PSEUDO } from './languages.ts';

export interface Formatters {
  dateTime(iso: string): string;
  /** Month, day and time without the year: for dense lists. */
  compact(iso: string): string;
  date(iso: string): string;
  /** Umm al-Qura date, for organisations that show it beside the Gregorian one. */
  hijriDate(iso: string): string;
  number(n: number): string;
  /** A duration in business time, e.g. remaining time before an SLA deadline. */
  duration(ms: number): string;
}

export function makeFormatters(lng: string, timeZone: string | undefined): Formatters {
  const locale = intlLocale(lng);
  const tz = timeZone || undefined;
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: tz });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: tz });
  const compact = new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: tz,
  });
  const hijri = new Intl.DateTimeFormat(`${locale}-u-ca-islamic-umalqura`, {
    dateStyle: 'medium',
    timeZone: tz,
  });
  const number = new Intl.NumberFormat(locale);
  const hours = new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'short' });
  const minutes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' });
  const days = new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'short' });
  return {
    dateTime: (iso) => dateTime.format(new Date(iso)),
    date: (iso) => date.format(new Date(iso)),
    compact: (iso) => compact.format(new Date(iso)),
    hijriDate: (iso) => hijri.format(new Date(iso)),
    number: (n) => number.format(n),
    duration: (ms) => {
      const abs = Math.abs(ms);
      const h = Math.floor(abs / 3_600_000);
      if (h >= 48) return days.format(Math.round(h / 24));
      if (h >= 1) return hours.format(h);
      return minutes.format(Math.max(1, Math.round(abs / 60_000)));
    },
  };
}

export function useFormatters(timeZone: string | undefined): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => makeFormatters(i18n.language, timeZone), [i18n.language, timeZone]);
}

/** Text the organisation stored in several languages, in the best one for this user. */
export function pickText(text: LocalizedText | null | undefined, lng: string, fallback?: string): string {
  if (!text) return '';
  const lang = lng === PSEUDO ? 'en' : lng;
  return (
    text[lang as keyof LocalizedText] ??
    (fallback ? text[fallback as keyof LocalizedText] : undefined) ??
    text.en ??
    Object.values(text).find(Boolean) ??
    ''
  );
}
