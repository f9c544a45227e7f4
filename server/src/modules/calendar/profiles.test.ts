import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { defaultHolidays } from './holidays.ts';
import { PROFILE_CALENDAR_SLUGS, profileCalendar } from './profiles.ts';

const EXPECTED = {
  umniah: { zone: 'Asia/Amman', country: 'JO', days: ['sun', 'mon', 'tue', 'wed', 'thu'] },
  'jusan-mobile': { zone: 'Asia/Almaty', country: 'KZ', days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
  sawa: { zone: 'Asia/Damascus', country: 'SY', days: ['sun', 'mon', 'tue', 'wed', 'thu'] },
  hrdf: { zone: 'Asia/Riyadh', country: 'SA', days: ['sun', 'mon', 'tue', 'wed', 'thu'] },
  'kontakt-home': { zone: 'Asia/Baku', country: 'AZ', days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
} as const;

describe('profileCalendar', () => {
  it('loads a valid calendar for each of the five profiles with its zone and working week', () => {
    expect(PROFILE_CALENDAR_SLUGS).toEqual(Object.keys(EXPECTED));
    for (const [slug, expected] of Object.entries(EXPECTED)) {
      const cal = profileCalendar(slug);
      expect(cal.timezone).toBe(expected.zone);
      const working = Object.entries(cal.week)
        .filter(([, spans]) => spans.length > 0)
        .map(([day]) => day);
      expect(working.sort(), slug).toEqual([...expected.days].sort());
    }
  });

  it('gives HRDF its Sun–Thu 08:00–20:00 hours from the policy', () => {
    expect(profileCalendar('hrdf').week.sun).toEqual([['08:00', '20:00']]);
  });

  it('carries exactly the 2026 default holidays of the country in each example file', () => {
    for (const [slug, expected] of Object.entries(EXPECTED)) {
      expect(profileCalendar(slug).holidays, slug).toEqual(defaultHolidays(expected.country, 2026));
    }
  });

  it('returns the same frozen object on every call, so caches keyed by it stay warm', () => {
    const cal = profileCalendar('sawa');
    expect(profileCalendar('sawa')).toBe(cal);
    expect(Object.isFrozen(cal.holidays[0])).toBe(true);
    expect(() => profileCalendar('acme')).toThrow(/unknown profile "acme"/);
  });

  it('runs on a time-zone database where Asia/Almaty is UTC+5 (Kazakhstan single zone since March 2024)', () => {
    expect(
      DateTime.fromISO('2026-01-15T12:00', { zone: profileCalendar('jusan-mobile').timezone }).offset,
    ).toBe(300);
  });
});
