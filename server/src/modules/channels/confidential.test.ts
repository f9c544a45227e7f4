import { describe, expect, it } from 'vitest';
import { findConfidential } from './confidential.ts';

describe('confidential data in a message', () => {
  it('finds a card number only when its checksum holds', () => {
    expect(findConfidential('Kart: 4539 1488 0343 6467')).toEqual(['card_number']);
    expect(findConfidential('Order 4539 1488 0343 6468 shipped')).toEqual([]);
  });

  it('reads Arabic-Indic digits too', () => {
    expect(findConfidential('رقم البطاقة ٤٥٣٩١٤٨٨٠٣٤٣٦٤٦٧')).toContain('card_number');
  });

  it('finds a valid IBAN and national ids', () => {
    expect(findConfidential('IBAN: GB82 WEST 1234 5698 7654 32')).toContain('iban');
    expect(findConfidential('ИИН 900101300123')).toContain('national_id');
    expect(findConfidential('رقم الهوية 1012345678')).toContain('national_id');
  });

  it('finds passwords and codes said as such, in every language', () => {
    expect(findConfidential('Your password: Xy7!pq')).toContain('secret');
    expect(findConfidential('كلمة المرور: 1234abcd')).toContain('secret');
    expect(findConfidential('Şifrə: abc123')).toContain('secret');
  });

  it('lets an ordinary answer through', () => {
    expect(findConfidential('Your case KH-2026-000123 was resolved on 12 June; call 012 345 67 89.')).toEqual(
      [],
    );
  });
});
