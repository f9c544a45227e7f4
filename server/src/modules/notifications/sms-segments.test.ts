import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smsSegments, splitSms } from './sms-segments.ts';

describe('smsSegments — GSM-7', () => {
  it('keeps plain Latin text, digits and punctuation in GSM-7', () => {
    expect(smsSegments('Your case KH-2026-000123 is registered. Thank you!')).toMatchObject({
      encoding: 'GSM-7',
      units: 50,
      segments: 1,
    });
  });

  it('counts every character of the default alphabet, including £ ¥ è Ä ñ § ¿ Δ Ω, as one septet', () => {
    const text = '@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà\n\r';
    expect(smsSegments(text)).toMatchObject({ encoding: 'GSM-7', units: [...text].length });
  });

  it('counts each extension character { } [ ] ~ \\ | ^ € and form feed as two septets', () => {
    for (const ch of ['{', '}', '[', ']', '~', '\\', '|', '^', '€', '\f']) {
      expect(smsSegments(`a${ch}`), ch).toMatchObject({ encoding: 'GSM-7', units: 3 });
    }
  });

  it('fits 160 septets in one SMS and needs two segments of 153 at 161', () => {
    expect(smsSegments('a'.repeat(160))).toEqual({
      encoding: 'GSM-7',
      units: 160,
      segments: 1,
      perSegment: 160,
      remainingInSegment: 0,
    });
    expect(smsSegments('a'.repeat(161))).toEqual({
      encoding: 'GSM-7',
      units: 161,
      segments: 2,
      perSegment: 153,
      remainingInSegment: 145,
    });
  });

  it('needs a third segment after 306 septets', () => {
    expect(smsSegments('a'.repeat(306))).toMatchObject({ segments: 2, remainingInSegment: 0 });
    expect(smsSegments('a'.repeat(307))).toMatchObject({ segments: 3, remainingInSegment: 152 });
  });

  it('makes an extension character push a 159-character text past one SMS', () => {
    expect(smsSegments(`${'a'.repeat(158)}€`)).toMatchObject({ units: 160, segments: 1 });
    expect(smsSegments(`${'a'.repeat(159)}€`)).toMatchObject({ units: 161, segments: 2 });
  });

  it('never splits an escape sequence: the character moves whole to the next segment', () => {
    const text = `${'a'.repeat(152)}{${'b'.repeat(10)}`;
    const info = smsSegments(text);
    expect(info.units).toBe(164);
    expect(splitSms(text)).toEqual(['a'.repeat(152), `{${'b'.repeat(10)}`]);
    // first segment holds 152 septets (one left unused), the second 2 + 10
    expect(info).toMatchObject({ segments: 2, remainingInSegment: 153 - 12 });
  });

  it('treats an empty text as one empty SMS', () => {
    expect(smsSegments('')).toEqual({
      encoding: 'GSM-7',
      units: 0,
      segments: 1,
      perSegment: 160,
      remainingInSegment: 160,
    });
    expect(splitSms('')).toEqual(['']);
  });
});

describe('smsSegments — UCS-2', () => {
  it.each([
    ['Arabic', 'تم تسجيل شكواك'],
    ['Russian', 'Ваше обращение зарегистрировано'],
    ['Kazakh', 'Өтінішіңіз тіркелді'],
    ['Azerbaijani ə', 'Müraciətiniz'],
    ['Azerbaijani ı', 'Sifarişin nömrəsı'],
    ['Azerbaijani ş', 'Teşəkkür'],
    ['Azerbaijani ğ', 'Bağlı'],
    ['lower-case ç, absent from the default alphabet', 'çox'],
    ['a curly apostrophe', 'It’s done'],
  ])('switches to UCS-2 for %s', (_name, text) => {
    expect(smsSegments(text)).toMatchObject({ encoding: 'UCS-2', units: text.length });
  });

  it('counts an extension character as one code unit once the message is UCS-2', () => {
    expect(smsSegments('ж{')).toMatchObject({ encoding: 'UCS-2', units: 2 });
  });

  it('fits 70 code units in one SMS and needs two segments of 67 at 71', () => {
    expect(smsSegments('ب'.repeat(70))).toEqual({
      encoding: 'UCS-2',
      units: 70,
      segments: 1,
      perSegment: 70,
      remainingInSegment: 0,
    });
    expect(smsSegments('ب'.repeat(71))).toEqual({
      encoding: 'UCS-2',
      units: 71,
      segments: 2,
      perSegment: 67,
      remainingInSegment: 63,
    });
  });

  it('needs a third segment after 134 code units', () => {
    expect(smsSegments('д'.repeat(134))).toMatchObject({ segments: 2, remainingInSegment: 0 });
    expect(smsSegments('д'.repeat(135))).toMatchObject({ segments: 3, remainingInSegment: 66 });
  });

  it('counts an emoji as two code units and switches a Latin text to UCS-2', () => {
    expect(smsSegments('Thanks 👍')).toMatchObject({ encoding: 'UCS-2', units: 9, segments: 1 });
    expect(smsSegments(`${'a'.repeat(68)}😀`)).toMatchObject({ units: 70, segments: 1 });
    expect(smsSegments(`${'a'.repeat(69)}😀`)).toMatchObject({ units: 71, segments: 2 });
  });

  it('never splits a surrogate pair across segments', () => {
    // 66 + 2 + 3 = 71 units: two segments, and the emoji would straddle the 67-unit boundary
    const text = `${'a'.repeat(66)}😀bcd`;
    expect(splitSms(text)).toEqual(['a'.repeat(66), '😀bcd']);
    expect(smsSegments(text)).toMatchObject({ units: 71, segments: 2, remainingInSegment: 67 - 5 });
  });
});

describe('splitSms', () => {
  it('returns the whole text when it fits one SMS', () => {
    expect(splitSms('Hello')).toEqual(['Hello']);
  });

  it('splits a long GSM text into 153-septet parts', () => {
    const parts = splitSms('x'.repeat(400));
    expect(parts.map((p) => p.length)).toEqual([153, 153, 94]);
  });

  it('joins back to the original text, with as many parts as segments, each within the limit', () => {
    const alphabet = fc.constantFrom('a', 'Z', ' ', '€', '{', 'é', 'ж', 'ş', 'ب', '😀', '👍🏽', '\n');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 500 }), (chars) => {
        const text = chars.join('');
        const parts = splitSms(text);
        const info = smsSegments(text);
        expect(parts.join('')).toBe(text);
        expect(parts).toHaveLength(info.segments);
        for (const part of parts) {
          const cost =
            info.encoding === 'GSM-7'
              ? [...part].reduce((n, ch) => n + ('€{}[]~\\|^\f'.includes(ch) ? 2 : 1), 0)
              : part.length;
          expect(cost).toBeLessThanOrEqual(info.perSegment);
          // no part starts with a lone low surrogate
          expect(part.charCodeAt(0) >= 0xdc00 && part.charCodeAt(0) <= 0xdfff).toBe(false);
        }
      }),
    );
  });
});
