// Default public holidays per country and year (SPEC R-SLA-1): from the maintained `date-holidays`
// library where it covers the country (SA, KZ, AZ), else from the editable lists (JO, SY). Always whole
// local days, ready for CalendarSpec.holidays; administrators confirm and edit them per year.
import Holidays, { type HolidaysTypes } from 'date-holidays';
import { DateTime } from 'luxon';
import type { LocalizedText } from '../../platform/i18n/locales.ts';
import type { CalendarHoliday } from './calendar.ts';
import { isListCountry, listedHolidays } from './holiday-lists.ts';

export const LIBRARY_COUNTRIES = {
  SA: { zone: 'Asia/Riyadh', languages: ['ar', 'en'] },
  KZ: { zone: 'Asia/Almaty', languages: ['kk', 'ru', 'en'] },
  AZ: { zone: 'Asia/Baku', languages: ['az', 'en'] },
} as const;
export type LibraryCountry = keyof typeof LIBRARY_COUNTRIES;

/** Public days off; bank holidays count too because contact centres of these orgs close on them. */
export const DEFAULT_HOLIDAY_TYPES: readonly HolidaysTypes.HolidayType[] = ['public', 'bank'];

// Rules on the Islamic calendar move every year and depend on moon sighting: mark them estimated.
const LUNAR_RULE = /Muharram|Safar|Rabi|Jumada|Rajab|Shaban|Ramadan|Shawwal|Dhu/i;

export function isLibraryCountry(country: string): country is LibraryCountry {
  return Object.hasOwn(LIBRARY_COUNTRIES, country);
}

/**
 * The local dates a library holiday covers: those whose noon lies inside [start, end). date-holidays
 * runs Islamic holidays from 18:00 the evening before to 18:00 on their last day; taking the day
 * boundaries literally would close the office early on the eve, which is not a day off.
 */
function coveredDates(holiday: HolidaysTypes.Holiday, zone: string): string[] {
  const start = holiday.start.getTime();
  const end = holiday.end.getTime();
  const dates: string[] = [];
  let day = DateTime.fromMillis(start, { zone }).startOf('day');
  for (let guard = 0; guard < 400 && day.toMillis() < end; guard++, day = day.plus({ days: 1 })) {
    const noon = day.set({ hour: 12 }).toMillis();
    if (noon >= start && noon < end) dates.push(day.toISODate()!);
  }
  return dates;
}

interface Merged {
  names: Partial<Record<string, string[]>>;
  estimated: boolean;
}

// date-holidays evaluates its rules on every call (tens of ms per country-year): keep the results.
const memo = new Map<string, CalendarHoliday[]>();

/** Library holidays of one country and year, merged per date (names joined with "; "). */
export function libraryHolidays(
  country: LibraryCountry,
  year: number,
  types: readonly HolidaysTypes.HolidayType[] = DEFAULT_HOLIDAY_TYPES,
): CalendarHoliday[] {
  const key = `${country}:${year}:${[...types].sort().join(',')}`;
  let list = memo.get(key);
  if (!list) {
    list = computeLibraryHolidays(country, year, types);
    memo.set(key, list);
  }
  return list.map((h) => ({ ...h, name: { ...h.name } }));
}

function computeLibraryHolidays(
  country: LibraryCountry,
  year: number,
  types: readonly HolidaysTypes.HolidayType[],
): CalendarHoliday[] {
  const { zone, languages } = LIBRARY_COUNTRIES[country];
  const hd = new Holidays(country, { timezone: zone, languages: [...languages] });
  const byDate = new Map<string, Merged>();
  // A holiday of the previous year may run into January, so look one year back.
  for (const y of [year - 1, year]) {
    for (const lang of languages) {
      // Stable sort so a day's own name comes before a substitute day's name landing on the same date.
      const list = hd.getHolidays(y, lang).sort((a, b) => Number(!!a.substitute) - Number(!!b.substitute));
      for (const holiday of list) {
        if (!types.includes(holiday.type)) continue;
        for (const date of coveredDates(holiday, zone)) {
          if (!date.startsWith(`${year}-`)) continue;
          const entry = byDate.get(date) ?? { names: {}, estimated: false };
          const names = entry.names[lang] ?? [];
          if (!names.includes(holiday.name)) names.push(holiday.name);
          entry.names[lang] = names;
          entry.estimated ||= LUNAR_RULE.test(holiday.rule);
          byDate.set(date, entry);
        }
      }
    }
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, { names, estimated }]) => {
      const name: LocalizedText = {};
      for (const lang of languages) {
        const list = names[lang];
        if (list?.length) name[lang] = list.join('; ');
      }
      return { date, name, estimated };
    });
}

export function hasDefaultHolidays(country: string, year: number): boolean {
  if (isLibraryCountry(country)) return true;
  return isListCountry(country) && listedHolidays(country, year) !== undefined;
}

/**
 * Default holidays for a country (ISO 3166 alpha-2) and year. Throws RangeError when there is no
 * library data and no list for that year, so a missing list is noticed rather than silently empty.
 */
export function defaultHolidays(country: string, year: number): CalendarHoliday[] {
  if (!Number.isInteger(year)) throw new RangeError(`year must be a whole number, got ${year}`);
  if (isLibraryCountry(country)) return libraryHolidays(country, year);
  const listed = isListCountry(country) ? listedHolidays(country, year) : undefined;
  if (!listed) {
    throw new RangeError(
      `no default holidays for ${country} ${year}: add a list in holiday-lists.ts or enter them in the calendar`,
    );
  }
  return listed;
}
