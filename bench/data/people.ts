// Generated customers' contact details: mobile numbers that are valid for the org's country (so
// the API's own find-or-create normalises them to the same E.164 value) and unique per customer.
import { normalizePhone } from '../../server/src/modules/customers/contacts.ts';

/** Mobile prefixes (E.164) per country and how many subscriber digits follow them. */
const MOBILE: Record<string, { digits: number; prefixes: string[] }> = {
  // Jordan's operators hold ranges by the third digit (077 0/5–9, 078 0–2/5–9, 079 any)
  JO: {
    digits: 6,
    prefixes: [
      ...['0', '5', '6', '7', '8', '9'].map((d) => `+96277${d}`),
      ...['0', '1', '2', '5', '6', '7', '8', '9'].map((d) => `+96278${d}`),
      ...['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => `+96279${d}`),
    ],
  },
  KZ: {
    digits: 7,
    prefixes: [
      '+7700',
      '+7701',
      '+7702',
      '+7705',
      '+7707',
      '+7708',
      '+7747',
      '+7771',
      '+7775',
      '+7776',
      '+7777',
    ],
  },
  SY: { digits: 7, prefixes: ['+96393', '+96394', '+96395', '+96396', '+96398', '+96399'] },
  SA: { digits: 7, prefixes: ['+96650', '+96653', '+96654', '+96655', '+96656', '+96658', '+96659'] },
  AZ: { digits: 7, prefixes: ['+99450', '+99451', '+99455', '+99470', '+99477', '+99410', '+99499'] },
};

// An odd multiplier not divisible by 5 is a bijection on 0…10^k-1, so numbers never repeat
// within a prefix while still looking scattered.
const SCRAMBLE = 7_654_321;

/** The n-th customer's mobile number in E.164; distinct n give distinct numbers. */
export function mobileNumber(country: string, n: number): string {
  const plan = MOBILE[country];
  if (!plan) throw new Error(`no mobile prefixes for country ${country}`);
  const { prefixes, digits } = plan;
  const subscribers = 10 ** digits;
  const prefix = prefixes[n % prefixes.length]!;
  const k = Math.floor(n / prefixes.length);
  if (k >= subscribers) throw new Error(`more than ${subscribers * prefixes.length} customers in ${country}`);
  const subscriber = Number((BigInt(k) * BigInt(SCRAMBLE)) % BigInt(subscribers));
  return prefix + String(subscriber).padStart(digits, '0');
}

/** Checks a spread of generated numbers with the same parser the API uses; throws on the first bad one. */
export function checkMobileNumbers(country: string, samples = 200): void {
  for (let i = 0; i < samples; i++) {
    const n = i * 48_271 + (i % 7);
    const phone = mobileNumber(country, n);
    if (normalizePhone(phone, country) !== phone) {
      throw new Error(`generated phone ${phone} is not a valid ${country} mobile number`);
    }
  }
}

export function countries(): string[] {
  return Object.keys(MOBILE);
}
