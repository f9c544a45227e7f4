import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../server/src/modules/customers/contacts.ts';
import { countries, mobileNumber } from './people.ts';

describe('generated mobile numbers', () => {
  it('are valid for their country as the API normalises them', () => {
    for (const country of countries()) {
      for (const n of [0, 1, 17, 999, 123_456, 2_999_999]) {
        const phone = mobileNumber(country, n);
        expect(normalizePhone(phone, country), `${country} ${phone}`).toBe(phone);
      }
    }
  });

  it('never repeat for different customers', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 50_000; n++) seen.add(mobileNumber('JO', n));
    expect(seen.size).toBe(50_000);
  });
});
