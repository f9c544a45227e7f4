import { describe, expect, it } from 'vitest';
import { countSegments, isGsm7, planSms } from './sms-encoding.ts';

describe('SMS encoding', () => {
  it('uses GSM 7-bit for Latin text and UCS-2 for Arabic, Kazakh, Russian and Azerbaijani', () => {
    expect(isGsm7('Your case KH-2026-000123 is registered.')).toBe(true);
    expect(planSms('Case UM-2026-000001').dataCoding).toBe(0);
    for (const text of [
      'تم تسجيل شكواك',
      'Өтінішіңіз тіркелді',
      'Ваша заявка',
      'Müraciətiniz qeydə alındı',
    ]) {
      expect(planSms(text).dataCoding).toBe(8);
    }
  });

  it('fits 160 GSM characters in one part and splits the 161st into two parts of 153 and 8', () => {
    expect(countSegments('a'.repeat(160))).toBe(1);
    const plan = planSms('a'.repeat(161));
    expect(plan.parts.map((p) => p.length)).toEqual([153, 8]);
  });

  it('counts GSM extension characters such as € as two septets', () => {
    expect(countSegments('€'.repeat(80))).toBe(1);
    expect(countSegments('€'.repeat(81))).toBe(2);
  });

  it('never separates a GSM escape from the character it introduces', () => {
    const plan = planSms(`${'a'.repeat(152)}€${'b'.repeat(10)}`);
    expect(plan.parts[0]!.length).toBe(152);
    expect(plan.parts[1]![0]).toBe(0x1b);
  });

  it('fits 70 UCS-2 characters in one part and 67 in each part of a longer text', () => {
    expect(countSegments('ش'.repeat(70))).toBe(1);
    expect(planSms('ش'.repeat(71)).parts.map((p) => p.length / 2)).toEqual([67, 4]);
  });

  it('keeps both halves of a surrogate pair in the same part', () => {
    const text = `${'ش'.repeat(66)}😀${'ش'.repeat(10)}`;
    const plan = planSms(text);
    expect(plan.parts[0]!.length).toBe(132);
    const decoded = plan.parts.map((p) => Buffer.from(p).swap16().toString('utf16le'));
    expect(decoded.join('')).toBe(text);
    expect(decoded[1]!.startsWith('😀')).toBe(true);
  });
});
