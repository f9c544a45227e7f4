import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCalendar } from './calendar.ts';
import { defaultHolidays, hasDefaultHolidays, libraryHolidays } from './holidays.ts';

const dates = (country: string, year: number) => defaultHolidays(country, year).map((h) => h.date);
const find = (country: string, date: string) =>
  defaultHolidays(country, Number(date.slice(0, 4))).find((h) => h.date === date);

describe('library holidays (date-holidays: SA, KZ, AZ)', () => {
  it('gives Saudi Arabia 2026 as whole days, without the eve of the Islamic holidays', () => {
    // date-holidays starts Eid al-Fitr at 18:00 on 18 March; the 18th stays a working day.
    expect(dates('SA', 2026)).toEqual([
      '2026-02-22',
      '2026-03-19',
      '2026-03-20',
      '2026-03-21',
      '2026-03-22',
      '2026-05-26',
      '2026-05-27',
      '2026-05-28',
      '2026-05-29',
      '2026-09-23',
    ]);
  });

  it('marks Islamic-calendar holidays estimated and fixed-date ones not', () => {
    expect(find('SA', '2026-03-20')).toEqual({
      date: '2026-03-20',
      name: { ar: 'عيد الفطر', en: 'End of Ramadan (Eid al-Fitr)' },
      estimated: true,
    });
    expect(find('SA', '2026-09-23')?.estimated).toBe(false);
    expect(find('KZ', '2026-05-27')?.estimated).toBe(true);
  });

  it('gives Kazakhstan 2026 with substitute days and names in Kazakh, Russian and English', () => {
    expect(dates('KZ', 2026)).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-07',
      '2026-03-08',
      '2026-03-09',
      '2026-03-15',
      '2026-03-16',
      '2026-03-21',
      '2026-03-22',
      '2026-03-23',
      '2026-03-24',
      '2026-05-01',
      '2026-05-07',
      '2026-05-09',
      '2026-05-11',
      '2026-05-27',
      '2026-07-06',
      '2026-10-25',
      '2026-10-26',
      '2026-12-16',
    ]);
    expect(find('KZ', '2026-01-01')?.name).toEqual({ kk: 'Жаңа жыл', ru: 'Новый год', en: "New Year's Day" });
    expect(find('KZ', '2026-03-23')?.name?.en).toBe('Nauryz; Nauryz (substitute day)');
  });

  it('gives Azerbaijan 2026 public days only, merging two holidays on one date', () => {
    const az = dates('AZ', 2026);
    expect(az).toContain('2026-06-15');
    expect(az).toContain('2026-06-26');
    expect(az).not.toContain('2026-01-20'); // an observance in the library, not a day off
    expect(find('AZ', '2026-03-20')).toEqual({
      date: '2026-03-20',
      name: { az: 'Ramazan Bayramı; Novruz', en: 'End of Ramadan (Eid al-Fitr); Spring Festival' },
      estimated: true,
    });
    expect(az).toHaveLength(19);
  });

  it('includes observances only when asked for that type', () => {
    expect(libraryHolidays('AZ', 2026, ['observance']).map((h) => h.date)).toEqual(['2026-01-20']);
  });

  const csv = fileURLToPath(
    new URL(
      '../../../../../shared/data/holidays_date-holidays-3.37.0_SA_KZ_AZ_2020-2030.csv',
      import.meta.url,
    ),
  );
  it.skipIf(!existsSync(csv))('matches the reference export of date-holidays 3.37.0 for 2020–2030', () => {
    for (const line of readFileSync(csv, 'utf8').split('\n').slice(1)) {
      const m = /^(SA|KZ|AZ),"(\d{4})-(\d{2}-\d{2})[^"]*",[^,]*,[^,]*,(\w+),/.exec(line);
      if (m?.[4] !== 'public') continue;
      expect(dates(m[1]!, Number(m[2])), `${m[1]} ${m[2]}-${m[3]}`).toContain(`${m[2]}-${m[3]}`);
    }
  });
});

describe('editable lists (JO, SY)', () => {
  it('gives Jordan 2026 with Eid al-Fitr and Eid al-Adha marked estimated', () => {
    expect(find('JO', '2026-03-20')).toEqual({
      date: '2026-03-20',
      name: { en: 'Eid al-Fitr', ar: 'عيد الفطر' },
      estimated: true,
    });
    expect(dates('JO', 2026).filter((d) => d.startsWith('2026-05-2'))).toEqual([
      '2026-05-25',
      '2026-05-26',
      '2026-05-27',
      '2026-05-28',
      '2026-05-29',
    ]);
    expect(find('JO', '2026-05-25')?.estimated).toBe(false);
  });

  it('gives Syria 2026 and 2027 including fixed national days', () => {
    expect(find('SY', '2026-12-08')).toEqual({
      date: '2026-12-08',
      name: { en: 'Liberation Day', ar: 'عيد التحرير' },
      estimated: false,
    });
    expect(dates('SY', 2027)).toHaveLength(21);
  });

  it('fails loudly for a year or country without data', () => {
    expect(hasDefaultHolidays('JO', 2030)).toBe(false);
    expect(() => defaultHolidays('JO', 2030)).toThrow(/no default holidays for JO 2030/);
    expect(() => defaultHolidays('XX', 2026)).toThrow(RangeError);
  });
});

describe('every default list', () => {
  it('is accepted as the holidays of a calendar', () => {
    for (const country of ['SA', 'KZ', 'AZ', 'JO', 'SY']) {
      for (const year of [2026, 2027]) {
        const result = parseCalendar({
          timezone: 'UTC',
          week: { mon: [['09:00', '18:00']] },
          holidays: defaultHolidays(country, year),
        });
        expect(result.ok ? [] : result.problems, `${country} ${year}`).toEqual([]);
      }
    }
  });
});
