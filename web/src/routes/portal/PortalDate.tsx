// Dates on the portal, written the way the server writes the expected date on the same page (and
// in the SMS): the org's time zone, Arabic-Indic digits and the country's month names in Arabic,
// the Umm al-Qura date beside the Gregorian one where the org enables it.
import { Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale, PSEUDO } from '../../i18n/languages.ts';
import { usePortal } from './PortalContext.tsx';
import type { PeopleDate } from './portal-api.ts';

/** Month names and the order of a long date, from our catalogue, for browsers without the locale. */
export interface DateWords {
  month(n: number): string;
  pattern(parts: { day: string; month: string; year: string; time?: string }): string;
}

const withoutData = new Map<string, boolean>();
/**
 * Browsers ship locale data for their own UI languages only: Chromium has no Kazakh or
 * Azerbaijani month names and writes "2026 M11 22". Such a locale is detected once.
 */
function lacksMonthNames(tag: string): boolean {
  let known = withoutData.get(tag);
  if (known === undefined) {
    const probe = new Intl.DateTimeFormat(tag, { month: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2026, 10, 15)),
    );
    known = /\d/.test(probe);
    withoutData.set(tag, known);
  }
  return known;
}

export function formatPeopleDate(
  iso: string,
  opts: { lng: string; timeZone: string; country: string; hijri: boolean; withTime?: boolean },
  words?: DateWords,
): PeopleDate {
  const arabic = opts.lng === 'ar';
  const withTime = opts.withTime !== false;
  const style: Intl.DateTimeFormatOptions = {
    timeZone: opts.timeZone,
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
    ...(arabic ? { numberingSystem: 'arab' } : {}),
  };
  const at = new Date(iso);
  const tag = arabic ? `ar-${opts.country.toUpperCase()}` : intlLocale(opts.lng);
  let gregorian: string;
  if (words && lacksMonthNames(tag)) {
    // the numbers from Intl (right zone, right calendar), the words from our catalogue
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: opts.timeZone,
      calendar: 'gregory',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(at);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    gregorian = words.pattern({
      day: String(Number(part('day'))),
      month: words.month(Number(part('month'))),
      year: part('year'),
      ...(withTime ? { time: `${part('hour')}:${part('minute')}` } : {}),
    });
  } else {
    gregorian = new Intl.DateTimeFormat(tag, { ...style, calendar: 'gregory' }).format(at);
  }
  if (!opts.hijri) return { gregorian, iso };
  const hijriTag = arabic ? 'ar-SA' : intlLocale(opts.lng === PSEUDO ? 'en' : opts.lng);
  const hijri = new Intl.DateTimeFormat(hijriTag, { ...style, calendar: 'islamic-umalqura' }).format(at);
  return { gregorian, hijri, iso };
}

/** A number in the reader's digits, as the dates beside it (Arabic-Indic in Arabic). */
export function formatNumber(n: number, lng: string): string {
  return new Intl.NumberFormat(lng === 'ar' ? 'ar-u-nu-arab' : intlLocale(lng)).format(n);
}

/** A date from the server, or an instant formatted here, with its Hijri date beside it. */
export function PortalDate({
  date,
  iso,
  withTime = true,
  size = 'sm',
  stacked = false,
}: {
  date?: PeopleDate | null;
  iso?: string;
  withTime?: boolean;
  size?: string;
  /** the Hijri date on its own line (cards), rather than after a dot (lists) */
  stacked?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { info } = usePortal();
  const formatted = useMemo(() => {
    if (date) return date;
    if (!iso) return null;
    const words: DateWords = {
      month: (n) => t(`portal.date.m${String(n).padStart(2, '0')}`),
      pattern: ({ time, ...parts }) =>
        time ? t('portal.date.longWithTime', { ...parts, time }) : t('portal.date.long', parts),
    };
    return formatPeopleDate(
      iso,
      {
        lng: i18n.language,
        timeZone: info.org.timezone,
        country: info.org.country,
        hijri: info.hijri,
        withTime,
      },
      words,
    );
  }, [date, iso, i18n.language, info, withTime, t]);
  if (!formatted) return null;
  if (stacked) {
    return (
      <Text component="div" size={size} translate="no">
        <time dateTime={formatted.iso}>{formatted.gregorian}</time>
        {formatted.hijri && (
          <Text size="sm" c="dimmed" data-hijri="">
            {formatted.hijri}
          </Text>
        )}
      </Text>
    );
  }
  return (
    <Text component="span" size={size} translate="no">
      <time dateTime={formatted.iso}>{formatted.gregorian}</time>
      {formatted.hijri && (
        <Text component="span" size={size} c="dimmed" data-hijri="">
          {' · '}
          {formatted.hijri}
        </Text>
      )}
    </Text>
  );
}
