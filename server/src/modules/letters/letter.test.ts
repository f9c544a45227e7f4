import { beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../platform/i18n/locales.ts';
import { renderAnswerLetter } from './letter.ts';
import { SAMPLE_LETTERS, withManySteps } from './test-fixtures.ts';
import {
  normalizeExtracted,
  type PdfWord,
  pdfFonts,
  pdfInfo,
  pdfText,
  pdfWords,
  requirePoppler,
  squashExtracted,
} from './testing-poppler.ts';

// A4 is 595.28 pt wide and the letter keeps 62 pt margins on both sides.
const LEFT_MARGIN_X = 62;
const RIGHT_MARGIN_X = 595.28 - 62;

/** Words whose boxes overlap `word` vertically: the same printed line (or table row line). */
const onSameLine = (words: PdfWord[], word: PdfWord) =>
  words.filter((w) => w.yMin < word.yMax && w.yMax > word.yMin);

const rendered = new Map<Locale, Buffer>();

beforeAll(async () => {
  requirePoppler();
  for (const locale of ['ar', 'en', 'ru', 'kk', 'az'] as const) {
    rendered.set(locale, await renderAnswerLetter(SAMPLE_LETTERS[locale]));
  }
}, 60_000);

const pdfOf = (locale: Locale) => rendered.get(locale)!;

describe('answer letter PDF', () => {
  it.each(['ar', 'en', 'ru', 'kk', 'az'] as const)(
    '%s letter is a well-formed A4 PDF with metadata',
    (locale) => {
      const pdf = pdfOf(locale);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const info = pdfInfo(pdf);
      expect(info.warnings).toBe('');
      expect(info.pages).toBeGreaterThanOrEqual(1);
      expect(info.fields['Page size']).toMatch(/^595\.28 x 841\.89 pts \(A4\)/);
      expect(info.fields.Title).toContain(SAMPLE_LETTERS[locale].caseNumber);
    },
  );

  it.each(['ar', 'en', 'ru', 'kk', 'az'] as const)('%s letter embeds every font it uses', (locale) => {
    const fonts = pdfFonts(pdfOf(locale));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
  });

  it.each(['ar', 'en', 'ru', 'kk', 'az'] as const)('%s letter uses only the bundled Noto fonts', (locale) => {
    const names = pdfFonts(pdfOf(locale)).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(names.filter((n) => !/^Noto(Serif|NaskhArabic)-(Regular|Bold)$/.test(n))).toEqual([]);
    expect(names).toContain('NotoSerif-Regular');
  });

  it('sets the lines of a paragraph no more than 1.5 sizes apart, so extractors keep them together', () => {
    // The intro is 10.5 pt body text over several lines; poppler joins lines into one block only up to
    // 1.5 times the font size from baseline to baseline.
    const words = pdfWords(pdfOf('ru'));
    const lineTops = [
      ...new Set(words.filter((w) => Math.abs(w.xMin - LEFT_MARGIN_X) < 0.5).map((w) => w.yMin)),
    ].sort((a, b) => a - b);
    const first = words.find((w) => w.text === 'Благодарим')!;
    const next = lineTops.find((y) => y > first.yMin)!;
    expect(next - first.yMin).toBeGreaterThanOrEqual(1.2 * 10.5);
    expect(next - first.yMin).toBeLessThanOrEqual(1.5 * 10.5);
  });

  it.each(['en', 'ru', 'kk', 'az'] as const)(
    '%s letter text holds the case number, the result and every step with its date',
    (locale) => {
      const input = SAMPLE_LETTERS[locale];
      const text = normalizeExtracted(pdfText(pdfOf(locale)));
      expect(text).toContain(input.caseNumber);
      expect(text).toContain(input.customerName);
      expect(text).toContain(normalizeExtracted(input.result));
      for (const step of input.steps) expect(text).toContain(normalizeExtracted(step.text));
      expect(text).toContain(input.agentName);
    },
  );

  it('dates follow the letter language and the org time zone', () => {
    // 2025-03-10T04:00Z is 09:00 in Almaty (UTC+5).
    const kk = normalizeExtracted(pdfText(pdfOf('kk')));
    expect(kk).toContain('2025 ж. 10 наурыз');
    expect(kk).toContain('10.03.2025');
    expect(kk).toContain('09:00');
    const en = normalizeExtracted(pdfText(pdfOf('en')));
    expect(en).toContain('registered on 1 April 2025');
    expect(en).toContain('9 April 2025');
  });

  it('Kazakh and Azerbaijani letters come out as the letters that were written', () => {
    const kk = normalizeExtracted(pdfText(pdfOf('kk')));
    for (const word of [
      'Зуһра',
      'Ғабитқызы',
      'Нұрланова',
      'өтінішіңізді',
      'Құрметпен',
      'Айгүл',
      'тексерілді',
    ]) {
      expect(kk).toContain(word);
    }
    const az = normalizeExtracted(pdfText(pdfOf('az')));
    for (const word of ['Şəbnəm', 'Ağayeva', 'Hörmətli', 'müraciətinizə', 'çatdırılma', 'İsmayılova']) {
      expect(az).toContain(word);
    }
  });

  describe('Arabic', () => {
    // pdftotext rebuilds reading order from where glyphs stand on the page, so these only match when
    // the letter is laid out right to left with Latin and digits in their proper places, and when the
    // text behind the joined letter forms is the real one (dots included: خالد, not حالد).
    const text = () => squashExtracted(pdfText(pdfOf('ar')));
    const expectRead = (expected: string) => expect(text()).toContain(squashExtracted(expected));

    it('reads back the fixed wording and the customer name in reading order', () => {
      expectRead('حضرة أحمد خالد العلي المحترم/ة،');
      expectRead('تحية طيبة وبعد،');
      expectRead('الموضوع: خطأ في فاتورة الإنترنت لشهر شباط');
      expectRead('نتيجة دراسة الشكوى');
      expectRead('وتفضلوا بقبول فائق الاحترام والتقدير،');
      expectRead('ليلى حداد');
    });

    it('keeps a Latin case number, digits and dates in place inside Arabic sentences', () => {
      expectRead('المرجع: الشكوى رقم UM-2025-000417 المسجلة بتاريخ 2 مارس 2025');
      expectRead('تبين لنا أن فاتورتكم لشهر شباط تضمنت رسوم باقة VDSL 100 لم تطلبوها');
      expectRead('12.500 دينار إلى حسابكم (رقم الحساب');
      expectRead('على الرقم +962 6 500 5000 مع ذكر رقم الشكوى UM-2025-000417');
    });

    it('lists every step, an English one in its own direction among Arabic ones', () => {
      for (const step of SAMPLE_LETTERS.ar.steps) expectRead(step.text);
    });

    it('aligns Arabic paragraphs and the step numbers on the right, the date on the left', () => {
      const words = pdfWords(pdfOf('ar'));
      const reading = (w: PdfWord) => Array.from(w.text).reverse().join('');
      const salutation = words.find((w) => reading(w).includes('حضرة'))!;
      expect(salutation.xMax).toBeCloseTo(RIGHT_MARGIN_X, 0);
      const firstStepText = words.find((w) => reading(w).includes('تسجيل الشكوى'))!;
      const firstStepNumber = onSameLine(words, firstStepText).find((w) => w.text === '1')!;
      expect(firstStepNumber.xMax).toBeCloseTo(RIGHT_MARGIN_X, 0);
      // The action text sits left of the number and date columns, starting from its own right edge.
      expect(firstStepText.xMax).toBeLessThan(firstStepNumber.xMin - 60);
      const year = words.find((w) => w.text === '2025')!;
      expect(year.xMin).toBeCloseTo(LEFT_MARGIN_X, 0);
    });
  });

  it('aligns a left-to-right letter on the left, step numbers included', () => {
    const words = pdfWords(pdfOf('en'));
    expect(words.find((w) => w.text === 'Dear')!.xMin).toBeCloseTo(LEFT_MARGIN_X, 0);
    const firstDate = words.find((w) => w.text === '01/04/2025')!;
    const firstStepNumber = onSameLine(words, firstDate).find((w) => w.text === '1')!;
    expect(firstStepNumber.xMin).toBeCloseTo(LEFT_MARGIN_X, 0);
    expect(firstDate.xMin).toBeGreaterThan(firstStepNumber.xMax);
  });

  it('a 40-step letter flows onto further pages and numbers them', async () => {
    const input = withManySteps(SAMPLE_LETTERS.en, 40);
    const pdf = await renderAnswerLetter(input);
    const { pages } = pdfInfo(pdf);
    expect(pages).toBeGreaterThan(1);
    const all = normalizeExtracted(pdfText(pdf));
    for (const step of input.steps) expect(all).toContain(step.text);
    expect(normalizeExtracted(pdfText(pdf, { first: 1 }))).toContain(`Page 1 of ${pages}`);
    const last = normalizeExtracted(pdfText(pdf, { first: pages }));
    expect(last).toContain(`Page ${pages} of ${pages}`);
    expect(last).toContain('Yours sincerely,');
    // Later pages repeat the table header, so a loose page still says what its columns are.
    expect(normalizeExtracted(pdfText(pdf, { first: 2 }))).toContain('No. Date Action taken');
  });

  it('a step text too long for one page continues on the next', async () => {
    const long = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const input = { ...SAMPLE_LETTERS.ru, steps: [{ at: SAMPLE_LETTERS.ru.registeredAt, text: long }] };
    const pdf = await renderAnswerLetter(input);
    expect(pdfInfo(pdf).pages).toBeGreaterThan(1);
    // Every word once, in order, across the page break (the footer and running header come between).
    const words = normalizeExtracted(pdfText(pdf)).match(/word\d+/g);
    expect(words).toEqual(long.split(' '));
    expect(pdfText(pdf, { first: 2 })).toContain('word399');
  });

  it('lists steps in time order whatever order they come in', async () => {
    const base = SAMPLE_LETTERS.en;
    const pdf = await renderAnswerLetter({ ...base, steps: [...base.steps].reverse() });
    const text = normalizeExtracted(pdfText(pdf));
    const positions = base.steps.map((s) => text.indexOf(s.text));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('refuses an unknown time zone and an invalid date before drawing anything', async () => {
    await expect(renderAnswerLetter({ ...SAMPLE_LETTERS.en, timeZone: 'Mars/Olympus' })).rejects.toThrow(
      RangeError,
    );
    await expect(renderAnswerLetter({ ...SAMPLE_LETTERS.en, answeredAt: new Date('nope') })).rejects.toThrow(
      /answeredAt/,
    );
  });

  it('renders the same answer to the same bytes', async () => {
    const again = await renderAnswerLetter(SAMPLE_LETTERS.az);
    expect(again.equals(pdfOf('az'))).toBe(true);
  });
});
