import { describe, expect, it } from 'vitest';
import { cleanText, firstStrongDirection, type LayoutOptions, layoutParagraph } from './bidi-layout.ts';
import { loadFontSet } from './fonts.ts';
import { isolate } from './wording.ts';

const fonts = loadFontSet();

// Five points per code point: simple to reason about, and line breaking only needs widths to add up.
const options = (over: Partial<LayoutOptions> = {}): LayoutOptions => ({
  direction: 'auto',
  fallback: 'ltr',
  maxWidth: 10_000,
  faces: fonts.regular,
  measure: (text) => Array.from(text).length * 5,
  ...over,
});

/** The pieces of each line, left to right, as the text a reader sees there (logical order per piece). */
const visual = (text: string, over: Partial<LayoutOptions> = {}) =>
  layoutParagraph(text, options(over)).lines.map((line) =>
    line.pieces.map((p) => p.logical.replace(/\u00A0/g, ' ').trim()).filter(Boolean),
  );

describe('paragraph direction', () => {
  it('follows the first strong letter', () => {
    expect(firstStrongDirection('2025 رقم الشكوى')).toBe('rtl');
    expect(firstStrongDirection('12 Mar رقم')).toBe('ltr');
    expect(firstStrongDirection('2025/03/12')).toBeUndefined();
  });

  it('looks past isolated inserts, as a template sentence with a Latin value needs', () => {
    expect(firstStrongDirection(`${isolate('KH-1')} رقم الشكوى`)).toBe('rtl');
  });

  it('falls back to the letter direction for text with no letters', () => {
    expect(layoutParagraph('12/03/2025', options({ fallback: 'rtl' })).direction).toBe('rtl');
  });
});

describe('visual order of mixed lines', () => {
  it('puts a Latin case number between the Arabic words around it, right to left', () => {
    expect(visual('الشكوى رقم KH-2025-000981 بتاريخ')).toEqual([['بتاريخ', 'KH-2025-000981', 'الشكوى رقم']]);
  });

  it('keeps numbers left to right inside Arabic text', () => {
    expect(visual('إعادة 12.500 دينار')).toEqual([['دينار', '12.500', 'إعادة']]);
  });

  it('keeps an isolated phone number whole and in its own order', () => {
    expect(visual(`على الرقم ${isolate('+962 6 500 5000')} مع ذكر`)).toEqual([
      ['مع ذكر', '+962 6 500 5000', 'على الرقم'],
    ]);
  });

  it('places an Arabic name inside an English sentence as one right-to-left run', () => {
    const [line] = layoutParagraph('Dear أحمد خالد, thank you', options()).lines;
    expect(line!.pieces.map((p) => [p.logical.trim(), p.rtl])).toEqual([
      ['Dear', false],
      ['أحمد خالد', true],
      [', thank you', false],
    ]);
  });

  it('mirrors brackets in right-to-left text', () => {
    const [line] = layoutParagraph('(مثال)', options()).lines;
    // Drawn left to right: the closing bracket of the text comes first and is drawn as an opening one.
    expect(line!.pieces.map((p) => p.text)).toEqual(['(', 'مثال', ')']);
  });

  it('hands Arabic to fontkit in logical order and pre-reverses Arabic-Indic digits it would flip', () => {
    const [line] = layoutParagraph('رقم ١٢٣', options()).lines;
    const digits = line!.pieces.find((p) => p.logical === '١٢٣')!;
    expect(digits.rtl).toBe(false);
    expect(digits.text).toBe('٣٢١');
    expect(line!.pieces.find((p) => p.logical.includes('رقم'))!.text).toContain('رقم');
  });

  it('never draws bidi control characters', () => {
    const laid = layoutParagraph(`\u200Fرقم ${isolate('UM-1')}\u200E`, options());
    for (const piece of laid.lines.flatMap((l) => l.pieces)) {
      expect(piece.text).not.toMatch(/[\u200E\u200F\u2066-\u2069]/);
    }
  });
});

describe('line breaking', () => {
  const words = Array.from({ length: 60 }, (_, i) => (i % 2 ? `كلمة${i}` : `word${i}`));
  const text = words.join(' ');

  it('fills lines up to the width and loses no word', () => {
    const laid = layoutParagraph(text, options({ maxWidth: 200 }));
    expect(laid.lines.length).toBeGreaterThan(5);
    for (const line of laid.lines) expect(line.width).toBeLessThanOrEqual(200);
    // Digits after Arabic letters form their own run, so compare characters rather than words.
    const chars = (t: string) => Array.from(t.replace(/\s/g, '')).sort();
    expect(chars(laid.lines.flatMap((l) => l.pieces.map((p) => p.logical)).join(''))).toEqual(chars(text));
  });

  it('breaks lines in reading order: an RTL paragraph starts with its first words', () => {
    const laid = layoutParagraph('أولا ثانيا ثالثا رابعا خامسا', options({ maxWidth: 60 }));
    const firstLine = laid.lines[0]!.pieces.map((p) => p.logical).join('');
    expect(firstLine).toContain('أولا');
    expect(
      laid.lines
        .at(-1)!
        .pieces.map((p) => p.logical)
        .join(''),
    ).toContain('خامسا');
  });

  it('cuts a word longer than a line between characters', () => {
    const laid = layoutParagraph('x'.repeat(100), options({ maxWidth: 100 }));
    expect(laid.lines.map((l) => l.pieces.map((p) => p.text).join(''))).toEqual(
      Array(5).fill('x'.repeat(20)),
    );
  });

  it('does not break at a no-break space', () => {
    const laid = layoutParagraph('aaaa №\u00A0JM-2025-1 bbbb', options({ maxWidth: 60 }));
    const lines = laid.lines.map((l) => l.pieces.map((p) => p.logical).join(''));
    expect(lines.some((l) => l.includes('№\u00A0JM-2025-1'))).toBe(true);
  });
});

describe('text cleaning', () => {
  it('drops control characters and turns tabs into spaces, keeping line feeds', () => {
    expect(cleanText('a\tb\u0007c\r\nd')).toBe('a bc\nd');
  });

  it('ties the number sign and digit groups to what follows', () => {
    expect(cleanText('(№ TT-55120), 2 000 теңге, 12 март')).toBe(
      '(№\u00A0TT-55120), 2\u00A0000 теңге, 12 март',
    );
  });
});
