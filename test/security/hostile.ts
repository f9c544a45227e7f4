// Hostile input for property tests: strings a browser, a script or a broken client could send —
// any code point, right-to-left overrides, control characters, numbers and keywords as strings,
// injection probes, lengths just past our limits — and JSON values built from them.
import fc from 'fast-check';

const BIDI = ['\u202E', '\u202B', '\u202D', '\u200F', '\u200E', '\u061C', '\u2066', '\u2067', '\u2069'];

const PROBES = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uFEFF',
  '\uFFFD',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  '1e309',
  'NaN',
  '٠١٢٣٤٥',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "'; DROP TABLE cases; --",
  "' OR '1'='1",
  '$1',
  '{"$ne":null}',
  '__proto__',
  'constructor',
  '../../etc/passwd',
  '%00',
  '%s%n',
  '\\',
  ':*&|!()',
  'UM-2026-000001',
  '+962791234567',
  'a@b',
  '\u202Efdp.exe',
  'مرحبا\u202Eabc',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩🏽‍💻',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 4, arbitrary: fc.constantFrom(...PROBES) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...BIDI), fc.string({ unit: 'grapheme', maxLength: 20 }))
      .map(([mark, s]) => `${mark}${s}${mark}`),
  },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double()).map(String) },
  // around and past the field limits (100, 200, 4 000, 20 000) and the 1 MB body limit, rarely
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(101, 201, 4_001, 20_001, 1_100_000), fc.constantFrom('x', 'ش', '\u202E'))
      .map(([n, c]) => c.repeat(n)),
  },
);

/** Any JSON value, nested a few levels, with hostile strings as keys and values. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    hostileString,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 5 }),
  ),
})).value;

/**
 * A valid body with some of its fields replaced by hostile values, dropped, or joined by unknown
 * ones: gets past the first checks far more often than random JSON, so the deeper layers are hit.
 */
export function mutated<T extends Record<string, unknown>>(
  valid: () => T,
  nested: Partial<Record<keyof T, string[]>> = {},
): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(valid());
  // mostly strings where strings belong, so many bodies pass the schema and reach the database
  const change = fc.oneof(
    { weight: 6, arbitrary: hostileString },
    { weight: 2, arbitrary: hostileJson },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const nestedKeys = Object.entries(nested) as [string, string[]][];
  return fc
    .record({
      top: fc.dictionary(
        fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: hostileString }),
        change,
        { maxKeys: 3 },
      ),
      inner: fc.array(
        fc.tuple(
          fc.constantFrom(...(nestedKeys.length ? nestedKeys : [['', ['']] as [string, string[]]])),
          fc.nat(),
          change,
        ),
        { maxLength: nestedKeys.length ? 2 : 0 },
      ),
    })
    .map(({ top, inner }) => {
      const body: Record<string, unknown> = valid();
      for (const [k, v] of Object.entries(top)) {
        if (v === undefined) delete body[k];
        else body[k] = v;
      }
      for (const [[parent, fields], i, v] of inner) {
        const obj = body[parent];
        if (!obj || typeof obj !== 'object' || Array.isArray(obj)) continue;
        const field = fields[i % fields.length]!;
        if (v === undefined) delete (obj as Record<string, unknown>)[field];
        else (obj as Record<string, unknown>)[field] = v;
      }
      return body;
    });
}

/**
 * A valid body whose free-text fields (dotted paths, e.g. `customer.firstName`) each hold a hostile
 * string or keep their value: well-formed requests that carry the hostile text all the way down.
 */
export function withHostileText<T extends Record<string, unknown>>(
  valid: () => T,
  paths: string[],
): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .array(fc.tuple(fc.constantFrom(...paths), hostileString), { minLength: 1, maxLength: paths.length })
    .map((changes) => {
      const body: Record<string, unknown> = valid();
      for (const [p, value] of changes) {
        const [head, leaf] = p.includes('.') ? p.split('.') : [null, p];
        const target = head ? (body[head] as Record<string, unknown>) : body;
        target[leaf!] = value;
      }
      return body;
    });
}
