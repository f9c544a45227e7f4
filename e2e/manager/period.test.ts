// Report periods are whole days in the organisation's zone, and the buckets match what the report
// API groups by (PostgreSQL date_trunc in that zone, weeks from Monday).
import { describe, expect, it } from 'vitest';
import { bucketsOf, resolvePeriod } from '../../web/src/routes/manager/period.ts';

// 2026-03-10 20:30 UTC is already 11 March in Almaty (UTC+5) but still 10 March in Damascus (UTC+3)
const NOW = new Date('2026-03-10T20:30:00Z');

describe('report periods', () => {
  it('counts "today" from midnight in the organisation’s zone, not the browser’s', () => {
    expect(resolvePeriod('today', {}, 'Asia/Almaty', NOW)).toEqual({
      fromDay: '2026-03-11',
      toDay: '2026-03-11',
      from: '2026-03-10T19:00:00.000Z',
      to: '2026-03-11T19:00:00.000Z',
      grain: 'day',
    });
    expect(resolvePeriod('today', {}, 'Asia/Damascus', NOW)?.fromDay).toBe('2026-03-10');
  });

  it('makes "7 days" today and the six days before it, one bucket per day with none missing', () => {
    const p = resolvePeriod('days7', {}, 'Asia/Almaty', NOW)!;
    expect([p.fromDay, p.toDay]).toEqual(['2026-03-05', '2026-03-11']);
    expect(bucketsOf(p)).toEqual([
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
      '2026-03-10',
      '2026-03-11',
    ]);
  });

  it('takes the whole previous month for "last month", ending at the first midnight of this one', () => {
    const p = resolvePeriod('lastMonth', {}, 'Asia/Baku', NOW)!;
    expect([p.fromDay, p.toDay, p.to]).toEqual(['2026-02-01', '2026-02-28', '2026-02-28T20:00:00.000Z']);
  });

  it('groups long custom ranges by Monday-based weeks, and very long ones by month', () => {
    const weeks = resolvePeriod('custom', { from: '2026-01-01', to: '2026-03-31' }, 'Asia/Amman', NOW)!;
    expect(weeks.grain).toBe('week');
    const keys = bucketsOf(weeks);
    expect(keys[0]).toBe('2025-12-29'); // the Monday of the week holding 1 January
    expect(keys.at(-1)).toBe('2026-03-30');
    expect(keys.every((k) => new Date(`${k}T00:00:00Z`).getUTCDay() === 1)).toBe(true);

    const months = resolvePeriod('custom', { from: '2024-06-15', to: '2026-03-10' }, 'Asia/Riyadh', NOW)!;
    expect(months.grain).toBe('month');
    expect(bucketsOf(months).slice(0, 2)).toEqual(['2024-06-01', '2024-07-01']);
    expect(bucketsOf(months)).toHaveLength(22);
  });

  it('refuses an incomplete or backwards custom range', () => {
    expect(resolvePeriod('custom', { from: '2026-03-01' }, 'Asia/Almaty', NOW)).toBeNull();
    expect(resolvePeriod('custom', { from: '2026-03-10', to: '2026-03-01' }, 'Asia/Almaty', NOW)).toBeNull();
    expect(resolvePeriod('custom', { from: '10.03.2026', to: '2026-03-12' }, 'Asia/Almaty', NOW)).toBeNull();
  });
});
