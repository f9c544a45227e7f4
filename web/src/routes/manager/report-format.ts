// Numbers, shares and period labels of the reports, through Intl in the user's language (Arabic
// gets Arabic-Indic digits, as the rest of its UI).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../i18n/languages.ts';
import type { Grain } from './period.ts';

export interface ReportFormat {
  number(n: number): string;
  /** a share 0–1 as a percentage, one decimal at most */
  percent(share: number): string;
  /** a mean rating, one decimal */
  rating(n: number): string;
  /** a bucket key (YYYY-MM-DD) as a short label for its grain */
  bucket(key: string, grain: Grain): string;
  /** a bucket key in full, for tables and tooltips */
  bucketLong(key: string, grain: Grain): string;
}

export function makeReportFormat(lng: string): ReportFormat {
  const locale = intlLocale(lng);
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const rating = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  // bucket keys are calendar dates already in the org's zone: format them as UTC dates
  const short = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const monthLong = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const asDate = (key: string) => new Date(`${key}T00:00:00Z`);
  return {
    number: (n) => number.format(n),
    percent: (s) => percent.format(s),
    rating: (n) => rating.format(n),
    bucket: (key, grain) => (grain === 'month' ? month : short).format(asDate(key)),
    bucketLong: (key, grain) => (grain === 'month' ? monthLong : long).format(asDate(key)),
  };
}

export function useReportFormat(): ReportFormat {
  const { i18n } = useTranslation();
  return useMemo(() => makeReportFormat(i18n.language), [i18n.language]);
}
