import { describe, expect, it } from 'vitest';
import { parseCalendar } from './calendar.ts';

const valid = {
  name: 'HRDF',
  timezone: 'Asia/Riyadh',
  week: {
    sun: [['08:00', '20:00']],
    mon: [
      ['08:00', '12:00'],
      ['13:00', '20:00'],
    ],
    fri: [],
  },
  holidays: [{ date: '2026-03-20', name: { ar: 'عيد الفطر', en: 'Eid al-Fitr' }, estimated: true }],
  closures: [{ from: '2026-05-01T10:00', to: '2026-05-01T14:00', reason: 'maintenance' }],
};

function problemsOf(json: unknown): string[] {
  const result = parseCalendar(json);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('parseCalendar', () => {
  it('accepts a complete calendar and returns an equal copy', () => {
    const result = parseCalendar(valid);
    expect(result).toEqual({ ok: true, calendar: valid });
    if (result.ok) expect(result.calendar).not.toBe(valid);
  });

  it('defaults missing holidays and closures to empty lists', () => {
    const result = parseCalendar({ timezone: 'Asia/Baku', week: { mon: [['09:00', '18:00']] } });
    expect(result.ok && result.calendar).toEqual({
      timezone: 'Asia/Baku',
      week: { mon: [['09:00', '18:00']] },
      holidays: [],
      closures: [],
    });
  });

  it('accepts 24:00 as a closing time and touching intervals (a night shift split at midnight)', () => {
    const result = parseCalendar({
      timezone: 'Asia/Riyadh',
      week: {
        fri: [['22:00', '24:00']],
        sat: [['00:00', '06:00']],
        sun: [
          ['08:00', '12:00'],
          ['12:00', '16:00'],
        ],
      },
    });
    expect(result.ok).toBe(true);
  });

  it('rejects a non-object document', () => {
    expect(problemsOf([])).toEqual(['calendar: must be a JSON object']);
    expect(problemsOf(null)).toEqual(['calendar: must be a JSON object']);
  });

  it('reports every problem at once, each with the path of the field', () => {
    const problems = problemsOf({
      timezone: 'Mars/Olympus',
      week: { mon: [['9:00', '18:00']], tue: [['18:00', '09:00']], funday: [] },
      holidays: [{ date: '2026-02-30' }, { date: '2026-03-01', name: { fr: 'x' } }, { date: '2026-03-01' }],
      closures: [{ from: '2026-05-01T10:00+03:00', to: '2026-05-01T09:00' }],
      colour: 'blue',
    });
    expect(problems).toEqual([
      'calendar: unknown field "colour"',
      'timezone: must be an IANA time zone such as "Asia/Riyadh"',
      'week.mon[0]: opening time must be "HH:MM" from 00:00 to 23:59',
      'week.tue[0]: closing time 09:00 must be after opening time 18:00 (split a night shift at 24:00)',
      'week: unknown weekday "funday" (use sun, mon, tue, wed, thu, fri, sat)',
      'week: at least one weekday must have working hours',
      'holidays[0].date: must be a real date "YYYY-MM-DD"',
      'holidays[1].name: unknown language "fr"',
      'holidays[2].date: 2026-03-01 is listed twice (merge the names)',
      'closures[0].from: must be a local date-time "YYYY-MM-DDTHH:MM" (no offset)',
    ]);
  });

  it('rejects overlapping intervals of a day', () => {
    expect(
      problemsOf({
        timezone: 'Asia/Riyadh',
        week: {
          sun: [
            ['08:00', '13:00'],
            ['12:00', '20:00'],
          ],
        },
      }),
    ).toEqual(['week.sun: intervals 0 and 1 overlap']);
  });

  it('rejects a closure that ends before it starts and a week without any working hours', () => {
    expect(
      problemsOf({
        timezone: 'Asia/Baku',
        week: { mon: [] },
        closures: [{ from: '2026-05-01T10:00', to: '2026-05-01T10:00' }],
      }),
    ).toEqual([
      'week: at least one weekday must have working hours',
      'closures[0]: "to" must be after "from"',
    ]);
  });

  it('rejects badly typed holiday fields', () => {
    expect(
      problemsOf({
        timezone: 'Asia/Baku',
        week: { mon: [['09:00', '18:00']] },
        holidays: [{ date: '2026-01-01', estimated: 'yes', name: { en: '' }, note: 'x' }],
      }),
    ).toEqual([
      'holidays[0]: unknown field "note"',
      'holidays[0].name.en: must be non-empty text',
      'holidays[0].estimated: must be true or false',
    ]);
  });
});
