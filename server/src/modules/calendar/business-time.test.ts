import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addBusinessHours,
  businessHoursBetween,
  businessMillisBetween,
  isOpen,
  localDate,
  nextOpening,
} from './business-time.ts';
import { type CalendarSpec, calendarOrThrow, type WorkingInterval } from './calendar.ts';

const SUN_THU = ['sun', 'mon', 'tue', 'wed', 'thu'];
const MON_FRI = ['mon', 'tue', 'wed', 'thu', 'fri'];

function calendar(
  timezone: string,
  days: string[],
  hours: WorkingInterval[],
  extra: Partial<CalendarSpec> = {},
): CalendarSpec {
  return calendarOrThrow({ timezone, week: Object.fromEntries(days.map((d) => [d, hours])), ...extra });
}

/** Local wall time in the calendar's zone → Date. */
function at(cal: CalendarSpec, local: string): Date {
  return DateTime.fromISO(local, { zone: cal.timezone }).toJSDate();
}

/** Date → ISO with the calendar zone's offset, e.g. 2026-11-29T10:00:00+03:00. */
function iso(cal: CalendarSpec, date: Date): string {
  return DateTime.fromJSDate(date, { zone: cal.timezone }).toISO({ suppressMilliseconds: true })!;
}

const hrdf = calendar('Asia/Riyadh', SUN_THU, [['08:00', '20:00']]);
const kontakt = calendar('Asia/Baku', MON_FRI, [['09:00', '18:00']], {
  holidays: [
    { date: '2026-06-15', name: { en: 'National Salvation Day' } },
    { date: '2026-06-26', name: { en: 'Armed Forces Day' } },
  ],
});

describe('required examples', () => {
  it('Thursday 19:00 Riyadh + 3 business hours on Sun–Thu 08–20 is Sunday 10:00', () => {
    const due = addBusinessHours(hrdf, new Date('2026-11-26T19:00:00+03:00'), 3);
    expect(iso(hrdf, due)).toBe('2026-11-29T10:00:00+03:00');
  });

  it('a Kontakt Home complaint of Friday 17:00 is due +3 and +10 business days later, skipping holidays', () => {
    const registered = new Date('2026-06-12T17:00:00+04:00');
    // +3: Mon 15 is a holiday → Tue 16, Wed 17, Thu 18.
    expect(iso(kontakt, addBusinessDays(kontakt, registered, 3))).toBe('2026-06-18T17:00:00+04:00');
    // +10: also skips Fri 26 → ends Tue 30 June.
    expect(iso(kontakt, addBusinessDays(kontakt, registered, 10))).toBe('2026-06-30T17:00:00+04:00');
    const noHolidays = calendar('Asia/Baku', MON_FRI, [['09:00', '18:00']]);
    expect(iso(noHolidays, addBusinessDays(noHolidays, registered, 3))).toBe('2026-06-17T17:00:00+04:00');
    expect(iso(noHolidays, addBusinessDays(noHolidays, registered, 10))).toBe('2026-06-26T17:00:00+04:00');
  });
});

describe('business hours', () => {
  it('ends at closing time, not the next opening, when the amount runs out exactly at closing', () => {
    expect(iso(hrdf, addBusinessHours(hrdf, at(hrdf, '2026-11-29T08:00'), 12))).toBe(
      '2026-11-29T20:00:00+03:00',
    );
    expect(iso(hrdf, addBusinessHours(hrdf, at(hrdf, '2026-11-26T19:00'), 1))).toBe(
      '2026-11-26T20:00:00+03:00',
    );
  });

  it('counts a start outside working hours from the next opening', () => {
    expect(iso(hrdf, addBusinessHours(hrdf, at(hrdf, '2026-11-27T10:00'), 1))).toBe(
      '2026-11-29T09:00:00+03:00',
    );
    expect(iso(hrdf, addBusinessHours(hrdf, at(hrdf, '2026-11-29T06:30'), 1.5))).toBe(
      '2026-11-29T09:30:00+03:00',
    );
  });

  it('treats a start exactly at closing time as outside hours', () => {
    expect(iso(hrdf, addBusinessHours(hrdf, at(hrdf, '2026-11-26T20:00'), 2))).toBe(
      '2026-11-29T10:00:00+03:00',
    );
  });

  it('adding zero hours gives the start, or the next opening when closed', () => {
    expect(iso(hrdf, addBusinessHours(hrdf, at(hrdf, '2026-11-29T11:00'), 0))).toBe(
      '2026-11-29T11:00:00+03:00',
    );
    expect(iso(hrdf, addBusinessHours(hrdf, at(hrdf, '2026-11-27T11:00'), 0))).toBe(
      '2026-11-29T08:00:00+03:00',
    );
  });

  it('skips a lunch break in a split shift', () => {
    const split = calendar('Asia/Almaty', MON_FRI, [
      ['09:00', '13:00'],
      ['14:00', '18:00'],
    ]);
    expect(iso(split, addBusinessHours(split, at(split, '2026-03-13T12:00'), 2))).toBe(
      '2026-03-13T15:00:00+05:00',
    );
    expect(businessHoursBetween(split, at(split, '2026-03-13T12:30'), at(split, '2026-03-13T14:30'))).toBe(1);
  });

  it('removes a whole holiday and a closure interval', () => {
    const cal = calendar('Asia/Riyadh', SUN_THU, [['08:00', '20:00']], {
      holidays: [{ date: '2026-11-29' }],
      closures: [{ from: '2026-11-30T09:00', to: '2026-11-30T11:30', reason: 'maintenance' }],
    });
    // Thu 19–20 (1 h), Sun holiday, Mon 08–09 (1 h), closed until 11:30, then 1 h more.
    expect(iso(cal, addBusinessHours(cal, at(cal, '2026-11-26T19:00'), 3))).toBe('2026-11-30T12:30:00+03:00');
    expect(businessHoursBetween(cal, at(cal, '2026-11-30T08:00'), at(cal, '2026-11-30T12:00'))).toBe(1.5);
    expect(isOpen(cal, at(cal, '2026-11-30T10:00'))).toBe(false);
  });

  it('measures negative business time when the end is before the start', () => {
    const a = at(hrdf, '2026-11-26T19:00');
    const b = at(hrdf, '2026-11-29T10:00');
    expect(businessMillisBetween(hrdf, a, b)).toBe(3 * 3_600_000);
    expect(businessMillisBetween(hrdf, b, a)).toBe(-3 * 3_600_000);
  });

  it('rejects negative, non-finite amounts and invalid dates', () => {
    const from = at(hrdf, '2026-11-26T19:00');
    expect(() => addBusinessHours(hrdf, from, -1)).toThrow(RangeError);
    expect(() => addBusinessHours(hrdf, from, Number.NaN)).toThrow(RangeError);
    expect(() => addBusinessDays(hrdf, from, 1.5)).toThrow(RangeError);
    expect(() => isOpen(hrdf, new Date('nope'))).toThrow(RangeError);
  });
});

describe('business days', () => {
  const kh = calendar('Asia/Baku', MON_FRI, [['09:00', '18:00']]);

  it('rolls a non-working-day start to the next working day, counts N and ends at that day’s close', () => {
    // Saturday → Monday (day 0); Monday + 3 working days = Thursday; the start was outside hours → 18:00.
    expect(iso(kh, addBusinessDays(kh, at(kh, '2026-06-13T12:00'), 3))).toBe('2026-06-18T18:00:00+04:00');
  });

  it('counts a start before opening or after closing from the next opening’s day, ending at the close', () => {
    // Friday at or after closing → Monday is day 0 → Thursday 18:00; Monday before opening → the same.
    for (const start of ['2026-06-12T18:00', '2026-06-12T23:59', '2026-06-15T08:59']) {
      expect(iso(kh, addBusinessDays(kh, at(kh, start), 3))).toBe('2026-06-18T18:00:00+04:00');
    }
    // Monday after closing → Tuesday is day 0 → Friday 18:00.
    expect(iso(kh, addBusinessDays(kh, at(kh, '2026-06-15T19:00'), 3))).toBe('2026-06-19T18:00:00+04:00');
  });

  it('keeps the clock time of a start inside working hours, the opening instant included', () => {
    expect(iso(kh, addBusinessDays(kh, at(kh, '2026-06-15T09:00'), 3))).toBe('2026-06-18T09:00:00+04:00');
    expect(iso(kh, addBusinessDays(kh, at(kh, '2026-06-15T09:01'), 3))).toBe('2026-06-18T09:01:00+04:00');
  });

  it('keeps the clock time when it is inside the target day', () => {
    expect(iso(kh, addBusinessDays(kh, at(kh, '2026-06-10T10:15'), 2))).toBe('2026-06-12T10:15:00+04:00');
  });

  it('clamps a clock time after the target day closes to that closing time', () => {
    const shortThursday = calendarOrThrow({
      timezone: 'Asia/Riyadh',
      week: {
        sun: [['08:00', '20:00']],
        mon: [['08:00', '20:00']],
        wed: [['08:00', '20:00']],
        thu: [['08:00', '14:00']],
      },
    });
    const due = addBusinessDays(shortThursday, at(shortThursday, '2026-11-25T16:00'), 1);
    expect(iso(shortThursday, due)).toBe('2026-11-26T14:00:00+03:00');
  });

  it('clamps a clock time inside the target day’s break back to the break’s start', () => {
    const cal = calendarOrThrow({
      timezone: 'Asia/Baku',
      week: {
        mon: [['09:00', '18:00']],
        tue: [
          ['09:00', '12:00'],
          ['13:00', '18:00'],
        ],
      },
    });
    expect(iso(cal, addBusinessDays(cal, at(cal, '2026-06-15T12:30'), 1))).toBe('2026-06-16T12:00:00+04:00');
  });

  it('clamps a clock time before the target day opens to the previous closing time', () => {
    const cal = calendarOrThrow({
      timezone: 'Asia/Baku',
      week: { fri: [['09:00', '18:00']], sat: [['10:00', '14:00']] },
    });
    // Saturday 09:30 has no working time before it: equivalent to Friday's close.
    expect(iso(cal, addBusinessDays(cal, at(cal, '2026-06-12T09:30'), 1))).toBe('2026-06-12T18:00:00+04:00');
    expect(iso(cal, addBusinessDays(cal, at(cal, '2026-06-12T11:00'), 1))).toBe('2026-06-13T11:00:00+04:00');
  });

  it('does not count a day entirely closed by a closure as a working day', () => {
    const cal = calendar('Asia/Baku', MON_FRI, [['09:00', '18:00']], {
      closures: [{ from: '2026-06-16T00:00', to: '2026-06-17T00:00' }],
    });
    expect(iso(cal, addBusinessDays(cal, at(cal, '2026-06-15T10:00'), 1))).toBe('2026-06-17T10:00:00+04:00');
  });

  it('adding zero days gives the start when open, or the end of the next working day when closed', () => {
    expect(iso(kh, addBusinessDays(kh, at(kh, '2026-06-15T10:00'), 0))).toBe('2026-06-15T10:00:00+04:00');
    expect(iso(kh, addBusinessDays(kh, at(kh, '2026-06-13T12:00'), 0))).toBe('2026-06-15T18:00:00+04:00');
  });

  it('adds ten years of business days in one call (2600 days = 520 Mon–Fri weeks)', () => {
    expect(iso(kh, addBusinessDays(kh, at(kh, '2026-06-15T10:00'), 2600))).toBe('2036-06-02T10:00:00+04:00');
  });
});

describe('open, next opening and zones', () => {
  it('is open at the opening instant and closed at the closing instant', () => {
    expect(isOpen(hrdf, at(hrdf, '2026-11-29T08:00'))).toBe(true);
    expect(isOpen(hrdf, at(hrdf, '2026-11-29T19:59:59.999'))).toBe(true);
    expect(isOpen(hrdf, at(hrdf, '2026-11-29T20:00'))).toBe(false);
  });

  it('nextOpening returns the instant itself when open and the next opening otherwise', () => {
    const open = at(hrdf, '2026-11-29T09:15');
    expect(nextOpening(hrdf, open)).toEqual(open);
    expect(iso(hrdf, nextOpening(hrdf, at(hrdf, '2026-11-26T20:00')))).toBe('2026-11-29T08:00:00+03:00');
  });

  it('uses Kazakhstan’s single UTC+5 zone for Asia/Almaty', () => {
    const almaty = calendar('Asia/Almaty', MON_FRI, [['09:00', '18:00']]);
    expect(isOpen(almaty, new Date('2026-06-01T09:30:00+05:00'))).toBe(true);
    expect(isOpen(almaty, new Date('2026-06-01T09:30:00+06:00'))).toBe(false);
  });

  it('keeps local clock times across a DST change (Europe/Berlin, 29 March 2026)', () => {
    const berlin = calendar('Europe/Berlin', MON_FRI, [['09:00', '18:00']]);
    const due = addBusinessDays(berlin, new Date('2026-03-27T10:00:00+01:00'), 1);
    expect(iso(berlin, due)).toBe('2026-03-30T10:00:00+02:00');
    const always = calendar('Europe/Berlin', ['sat', 'sun'], [['00:00', '24:00']]);
    const day = businessHoursBetween(always, at(always, '2026-03-28T12:00'), at(always, '2026-03-29T12:00'));
    expect(day).toBe(23);
  });

  it('counts a night shift split at midnight as continuous working time', () => {
    const night = calendarOrThrow({
      timezone: 'Asia/Riyadh',
      week: { fri: [['22:00', '24:00']], sat: [['00:00', '06:00']] },
    });
    expect(isOpen(night, at(night, '2026-11-28T00:00'))).toBe(true);
    expect(iso(night, addBusinessHours(night, at(night, '2026-11-27T23:00'), 2))).toBe(
      '2026-11-28T01:00:00+03:00',
    );
    expect(localDate(night, at(night, '2026-11-28T00:00'))).toBe('2026-11-28');
  });
});
