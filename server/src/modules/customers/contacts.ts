// Contact values are stored normalised so that find-or-create matches the same person however
// the number or address was typed. Pure.
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** E.164 (`+994501234567`) or null when the number is not valid for the org's country or any. */
export function normalizePhone(raw: string, defaultCountry?: string): string | null {
  const cleaned = raw.replace(/[\s().-]/g, '').replace(/^00/, '+');
  const parsed = parsePhoneNumberFromString(cleaned, defaultCountry as CountryCode | undefined);
  if (!parsed?.isValid()) return null;
  return parsed.number;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeEmail(raw: string): string | null {
  const e = raw.trim().toLowerCase();
  return EMAIL.test(e) && e.length <= 254 ? e : null;
}

export function normalizeIdentifier(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** Shows enough of a phone number to recognise it, not to use it: +99450•••••67 */
export function maskPhone(e164: string): string {
  if (e164.length <= 6) return '•'.repeat(e164.length);
  return e164.slice(0, 6) + '•'.repeat(e164.length - 8) + e164.slice(-2);
}
