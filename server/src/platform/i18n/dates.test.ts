import { describe, expect, it } from 'vitest';
import { defaultDigits, formatDateForPeople } from './dates.ts';
import { LOCALES } from './locales.ts';

const ARABIC_INDIC = /[٠-٩]/;
const LATIN_DIGIT = /[0-9]/;

describe('formatDateForPeople', () => {
  // 2026-11-22 09:00 in Riyadh
  const at = new Date('2026-11-22T06:00:00Z');

  it('gives the Umm al-Qura date for Riyadh: 22 November 2026 is 12 Jumada II 1448 AH', () => {
    const en = formatDateForPeople(at, { locale: 'en', timeZone: 'Asia/Riyadh', hijri: true });
    expect(en.gregorian).toBe('November 22, 2026');
    expect(en.hijri).toBe('Jumada II 12, 1448 AH');

    const ar = formatDateForPeople(at, { locale: 'ar', timeZone: 'Asia/Riyadh', hijri: true });
    expect(ar.hijri).toBe('١٢ جمادى الآخرة ١٤٤٨ هـ');
    expect(ar.gregorian).toBe('٢٢ نوفمبر ٢٠٢٦');
  });

  it('leaves the Hijri date out unless the org asks for it', () => {
    const r = formatDateForPeople(at, { locale: 'ar', timeZone: 'Asia/Riyadh', hijri: false });
    expect(r.hijri).toBeUndefined();
    expect(r).not.toHaveProperty('hijri');
  });

  it('gives the ISO instant with the zone offset', () => {
    expect(formatDateForPeople(at, { locale: 'en', timeZone: 'Asia/Riyadh', hijri: false }).iso).toBe(
      '2026-11-22T09:00:00+03:00',
    );
    expect(formatDateForPeople(at, { locale: 'az', timeZone: 'Asia/Baku', hijri: false }).iso).toBe(
      '2026-11-22T10:00:00+04:00',
    );
  });

  it('writes an Azerbaijani date and time with a comma, not the slash CLDR joins them with', () => {
    const r = formatDateForPeople(at, { locale: 'az', timeZone: 'Asia/Baku', hijri: true, withTime: true });
    expect(r.gregorian).toBe('22 noyabr 2026, 10:00');
    expect(r.hijri).not.toContain('/');
    expect(r.hijri).toMatch(/, 10:00$/);
  });

  it('moves both calendar dates to the next day across midnight in the org time zone', () => {
    // 22:30 UTC on 21 November is already 01:30 on 22 November in Riyadh
    const lateEvening = new Date('2026-11-21T22:30:00Z');
    const utc = formatDateForPeople(lateEvening, { locale: 'en', timeZone: 'UTC', hijri: true });
    const riyadh = formatDateForPeople(lateEvening, { locale: 'en', timeZone: 'Asia/Riyadh', hijri: true });
    expect(utc.gregorian).toBe('November 21, 2026');
    expect(utc.hijri).toBe('Jumada II 11, 1448 AH');
    expect(riyadh.gregorian).toBe('November 22, 2026');
    expect(riyadh.hijri).toBe('Jumada II 12, 1448 AH');
    expect(riyadh.iso).toBe('2026-11-22T01:30:00+03:00');
  });

  it('shows the time in the zone when asked', () => {
    const r = formatDateForPeople(at, {
      locale: 'ru',
      timeZone: 'Asia/Almaty',
      hijri: false,
      withTime: true,
    });
    expect(r.gregorian).toContain('22 ноября 2026');
    expect(r.gregorian).toContain('11:00');
    const noTime = formatDateForPeople(at, { locale: 'ru', timeZone: 'Asia/Almaty', hijri: false });
    expect(noTime.gregorian).not.toContain('11:00');
  });

  it('writes Arabic with Arabic-Indic digits by default and Latin digits on request', () => {
    expect(defaultDigits('ar')).toBe('arab');
    const native = formatDateForPeople(at, {
      locale: 'ar',
      timeZone: 'Asia/Riyadh',
      hijri: true,
      withTime: true,
    });
    expect(native.gregorian).toMatch(ARABIC_INDIC);
    expect(native.gregorian).not.toMatch(LATIN_DIGIT);
    expect(native.hijri).toMatch(ARABIC_INDIC);

    const latin = formatDateForPeople(at, {
      locale: 'ar',
      timeZone: 'Asia/Riyadh',
      hijri: true,
      digits: 'latn',
    });
    expect(latin.gregorian).toBe('22 نوفمبر 2026');
    expect(latin.hijri).toBe('12 جمادى الآخرة 1448 هـ');
  });

  it('writes the other languages with Latin digits', () => {
    for (const locale of ['en', 'ru', 'kk', 'az'] as const) {
      expect(defaultDigits(locale)).toBe('latn');
      const r = formatDateForPeople(at, { locale, timeZone: 'Asia/Riyadh', hijri: true });
      expect(r.gregorian, locale).toMatch(/2026/);
      expect(r.hijri, locale).toMatch(/1448/);
    }
  });

  it('uses Levantine month names for Arabic in Jordan and Syria', () => {
    const amman = formatDateForPeople(at, {
      locale: 'ar',
      timeZone: 'Asia/Amman',
      hijri: false,
      region: 'JO',
    });
    expect(amman.gregorian).toBe('٢٢ تشرين الثاني ٢٠٢٦');
  });

  it('keeps the Gregorian calendar even for a Saudi Arabic locale', () => {
    const r = formatDateForPeople(at, { locale: 'ar', timeZone: 'Asia/Riyadh', hijri: true, region: 'SA' });
    expect(r.gregorian).toMatch(/٢٠٢٦/);
    expect(r.hijri).toMatch(/١٤٤٨/);
  });

  it('gives non-empty text in every language, with and without time', () => {
    for (const locale of LOCALES) {
      for (const withTime of [false, true]) {
        const r = formatDateForPeople(at, { locale, timeZone: 'Asia/Baku', hijri: true, withTime });
        expect(r.gregorian.trim().length, locale).toBeGreaterThan(5);
        expect(r.hijri?.trim().length ?? 0, locale).toBeGreaterThan(5);
        expect(r.gregorian).not.toBe(r.hijri);
      }
    }
  });

  it('rejects an unknown time zone', () => {
    expect(() => formatDateForPeople(at, { locale: 'en', timeZone: 'Mars/Olympus', hijri: false })).toThrow(
      RangeError,
    );
  });
});
