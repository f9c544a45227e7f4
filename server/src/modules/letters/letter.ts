// The final written answer as an A4 PDF letter (SPEC R-FLOW-5; Kontakt Home's policy asks for a written
// answer that lists every step taken). pdfkit writes the PDF and fontkit shapes each run; line breaking,
// bidi reordering and right-to-left alignment are done here, because pdfkit lays text out left to right.
import PDFDocument from 'pdfkit';
import type { Locale } from '../../platform/i18n/locales.ts';
import { type Direction, type LaidParagraph, type Line, layoutParagraph } from './bidi-layout.ts';
import { type Face, type FaceOrder, type FontSet, loadFontSet, missingGlyphs, type Weight } from './fonts.ts';
import { ALPHABETS, isolate, type LetterWording, noBreak, WORDING } from './wording.ts';

export interface AnswerLetterStep {
  at: Date;
  text: string;
}

export interface AnswerLetterInput {
  locale: Locale;
  org: { name: string; address?: string; phone?: string };
  caseNumber: string;
  registeredAt: Date;
  answeredAt: Date;
  /** IANA zone the dates are shown in (the org's zone). */
  timeZone: string;
  customerName: string;
  subject: string;
  /** The decision, its reasons and the remedy; may be several paragraphs (line feeds). */
  result: string;
  /** Every step taken; listed in time order. */
  steps: AnswerLetterStep[];
  agentName: string;
  /** Outstanding actions and how to object or escalate. */
  nextSteps?: string;
}

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN_X = 62;
const TOP = 58;
const BOTTOM = PAGE_HEIGHT - 66;
const FOOTER_BASELINE = PAGE_HEIGHT - 34;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;

const INK = '#1b1b1b';
const MUTED = '#5f6670';
const ACCENT = '#1f3a5f';
const RULE = '#b9c0c8';

interface Style {
  readonly size: number;
  readonly weight: Weight;
  readonly color: string;
}

const S = {
  org: { size: 16, weight: 'bold', color: ACCENT },
  orgDetail: { size: 9, weight: 'regular', color: MUTED },
  body: { size: 10.5, weight: 'regular', color: INK },
  strong: { size: 10.5, weight: 'bold', color: INK },
  heading: { size: 11.5, weight: 'bold', color: ACCENT },
  tableHead: { size: 9, weight: 'bold', color: MUTED },
  cell: { size: 10, weight: 'regular', color: INK },
  cellMuted: { size: 9, weight: 'regular', color: MUTED },
  small: { size: 8.5, weight: 'regular', color: MUTED },
} satisfies Record<string, Style>;

interface ParagraphOptions {
  readonly direction?: Direction | 'auto';
  readonly align?: Align;
  /** Space after each paragraph, in points. */
  readonly after?: number;
}

/** Where a paragraph's lines sit: at the start of its own direction, or at the end of the letter's. */
type Align = 'start' | 'letter-end' | 'center';

/** One table cell: its lines (each with its own style), column and alignment. */
interface Cell {
  readonly lines: readonly { readonly line: Line; readonly style: Style; readonly direction: Direction }[];
  readonly x: number;
  readonly width: number;
}

// Vertical extent of a face's letters as a share of the size. Naskh's font-wide ascent/descent
// (1.07/0.63 em) reserve room for stacked marks that letters rarely use, so its lines are set tighter.
function faceExtent(face: Face): { ascent: number; descent: number } {
  const upm = face.font.unitsPerEm;
  const k = face.role === 'arabic' ? 0.8 : 1;
  return { ascent: (face.font.ascent / upm) * k, descent: (Math.abs(face.font.descent) / upm) * k };
}

/**
 * Baseline-to-baseline distance as a multiple of the drawn size. It is set here rather than taken from
 * the font: Noto Serif's own line height (1.36 em) leaves room for stacked Vietnamese accents and, with a
 * gap on top, spread lines beyond 1.5 em, the most text extractors (poppler's pdftotext among them) allow
 * between lines of one block: each line of a wrapped table cell then read as a block of its own, and the
 * time of day from the date column came out between them.
 */
const LEADING = 1.4;

/**
 * A line's height and the baseline's distance from its top, as in CSS: every piece gets LEADING times its
 * own size, its ascent and descent centred in that; the line spans all pieces. Naskh is drawn larger
 * (face.scale), so an Arabic line is a little taller than a Latin one of the same style.
 */
function lineBox(line: Line, style: Style): { ascent: number; height: number } {
  let above = 0;
  let below = 0;
  for (const piece of line.pieces) {
    const e = faceExtent(piece.face);
    const size = style.size * piece.face.scale;
    const halfLeading = (LEADING * size - (e.ascent + e.descent) * size) / 2;
    above = Math.max(above, e.ascent * size + halfLeading);
    below = Math.max(below, e.descent * size + halfLeading);
  }
  return { ascent: above, height: above + below };
}

class LetterWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly wording: LetterWording;
  readonly dir: Direction;
  y = TOP;
  private readonly widthCache = new Map<string, number>();

  constructor(
    readonly input: AnswerLetterInput,
    readonly fonts: FontSet,
  ) {
    this.wording = WORDING[input.locale];
    this.dir = this.wording.direction;
    this.doc = new PDFDocument({
      size: 'A4',
      margin: 0,
      bufferPages: true,
      autoFirstPage: true,
      pdfVersion: '1.7',
      lang: input.locale,
      displayTitle: true,
      info: {
        Title: `${input.caseNumber} — ${input.subject}`,
        Author: input.org.name,
        Subject: input.subject,
        // The answer's own date keeps the file the same when the same answer is rendered again.
        CreationDate: input.answeredAt,
      },
    });
    for (const face of fonts.all) this.doc.registerFont(face.id, face.data);
  }

  private faces(weight: Weight): FaceOrder {
    return weight === 'bold' ? this.fonts.bold : this.fonts.regular;
  }

  private measure(style: Style) {
    return (text: string, face: Face): number => {
      const size = style.size * face.scale;
      const key = `${face.id}\u0000${size}\u0000${text}`;
      let width = this.widthCache.get(key);
      if (width === undefined) {
        width = this.doc.font(face.id).fontSize(size).widthOfString(text, { features: [] });
        this.widthCache.set(key, width);
      }
      return width;
    };
  }

  /** Lays out one paragraph; 'auto' lets customer-written text take its own direction. */
  lay(text: string, style: Style, width: number, direction: Direction | 'auto' = this.dir): LaidParagraph {
    return layoutParagraph(text, {
      direction,
      fallback: this.dir,
      maxWidth: width,
      faces: this.faces(style.weight),
      measure: this.measure(style),
    });
  }

  drawLine(
    line: Line,
    style: Style,
    x: number,
    width: number,
    baseline: number,
    align: Align,
    dir: Direction,
  ) {
    let left: number;
    if (align === 'center') left = x + (width - line.width) / 2;
    else {
      const atRight = align === 'start' ? dir === 'rtl' : this.dir === 'ltr';
      left = atRight ? x + width - line.width : x;
    }
    for (const piece of line.pieces) {
      // Naskh builds ب ت ث ن ي from one dotless glyph plus dots, so a glyph-to-text map cannot say which
      // letter was drawn; an ActualText span carries the text. Like the glyphs of right-to-left runs in
      // PDFs generally it is in visual order, from which extractors (poppler's pdftotext) rebuild reading order.
      const actual = piece.rtl && piece.logical.trim() !== '';
      const size = style.size * piece.face.scale;
      this.doc.font(piece.face.id).fontSize(size).fillColor(style.color);
      if (actual) this.beginActualText(Array.from(piece.logical).reverse().join(''), size);
      this.doc.text(piece.text, left, baseline, { lineBreak: false, baseline: 'alphabetic', features: [] });
      if (actual) this.endActualText();
      left += piece.width;
    }
  }

  /**
   * Opens an ActualText span. Readers (poppler) place the span's text using the graphics state at its
   * end, and pdfkit's save/restore around each text leaves there neither a font nor the coordinate
   * flip the glyphs were drawn with; so the span lives in a state of its own that has both.
   */
  private beginActualText(actual: string, size: number) {
    // pdfkit keeps the current font's resource name (F1, F2, …) in a field its types do not declare.
    const id = (this.doc as unknown as { _font?: { id?: unknown } })._font?.id;
    this.doc.save();
    if (typeof id === 'string' && /^[A-Za-z0-9]+$/.test(id)) this.doc.addContent(`BT /${id} ${size} Tf ET`);
    this.doc.markContent('Span', { actual });
  }

  private endActualText() {
    this.doc.transform(1, 0, 0, -1, 0, this.doc.page.height).endMarkedContent().restore();
  }

  /** Starts a new page when `height` more points do not fit on this one. */
  ensure(height: number, onNewPage?: () => void) {
    if (this.y + height <= BOTTOM) return;
    this.doc.addPage();
    this.y = TOP;
    this.runningHeader();
    onNewPage?.();
  }

  /** Org and case number at the top of every page after the first, so loose pages can be matched. */
  private runningHeader() {
    const text = `${this.input.org.name} · ${this.input.caseNumber}`;
    const laid = this.lay(text, S.small, CONTENT_WIDTH);
    for (const line of laid.lines) {
      const box = lineBox(line, S.small);
      this.drawLine(line, S.small, MARGIN_X, CONTENT_WIDTH, this.y + box.ascent, 'start', laid.direction);
      this.y += box.height;
    }
    this.rule(ACCENT, 0.5);
    this.y += 14;
  }

  rule(color: string, width: number) {
    this.doc
      .save()
      .moveTo(MARGIN_X, this.y)
      .lineTo(PAGE_WIDTH - MARGIN_X, this.y)
      .lineWidth(width)
      .strokeColor(color)
      .stroke()
      .restore();
  }

  private parts(text: string, style: Style, opts: ParagraphOptions) {
    return text
      .split(/\n+/)
      .filter((part) => part.trim())
      .map((part) => {
        const laid = this.lay(part, style, CONTENT_WIDTH, opts.direction);
        return { laid, boxes: laid.lines.map((line) => lineBox(line, style)) };
      });
  }

  /** Height the paragraphs of `text` take, spacing after each included. */
  height(text: string, style: Style, opts: ParagraphOptions = {}): number {
    return this.parts(text, style, opts).reduce(
      (h, p) => h + p.boxes.reduce((s, b) => s + b.height, 0) + (opts.after ?? 5),
      0,
    );
  }

  /** Draws paragraphs line by line, flowing onto new pages. */
  paragraph(text: string, style: Style, opts: ParagraphOptions = {}) {
    for (const { laid, boxes } of this.parts(text, style, opts)) {
      const n = boxes.length;
      const span = (from: number, to: number) => boxes.slice(from, to).reduce((s, b) => s + b.height, 0);
      // No widows or orphans: up to three lines stay together, longer paragraphs leave at least two
      // lines on each side of a page break.
      this.ensure(n <= 3 ? span(0, n) : span(0, 2));
      laid.lines.forEach((line, i) => {
        const box = boxes[i]!;
        if (n > 3 && i === n - 2) this.ensure(span(i, n));
        this.ensure(box.height);
        this.drawLine(
          line,
          style,
          MARGIN_X,
          CONTENT_WIDTH,
          this.y + box.ascent,
          opts.align ?? 'start',
          laid.direction,
        );
        this.y += box.height;
      });
      this.y += opts.after ?? 5;
    }
  }

  /** Height of the first lines of a paragraph, to keep a heading with what follows it. */
  firstLinesHeight(text: string, style: Style, lines: number): number {
    const laid = this.lay(text.split(/\n+/).find((p) => p.trim()) ?? '', style, CONTENT_WIDTH, 'auto');
    return laid.lines.slice(0, lines).reduce((h, l) => h + lineBox(l, style).height, 0);
  }

  heading(text: string, next: number) {
    this.y += 9;
    const laid = this.lay(text, S.heading, CONTENT_WIDTH);
    const height = laid.lines.reduce((h, l) => h + lineBox(l, S.heading).height, 0);
    this.ensure(height + 4 + next);
    this.paragraph(text, S.heading, { after: 3 });
  }

  /** Cell content: the lines of one or more laid-out paragraphs, each line keeping its own style. */
  cell(x: number, width: number, ...parts: [LaidParagraph, Style][]): Cell {
    const lines = parts.flatMap(([laid, style]) =>
      laid.lines.map((line) => ({ line, style, direction: laid.direction })),
    );
    return { lines, x, width };
  }

  /** Draws cells side by side, line by line, so a tall row may continue on the next page. */
  row(cells: Cell[], onNewPage?: () => void) {
    const boxes = cells.map((c) => c.lines.map((l) => lineBox(l.line, l.style)));
    const count = Math.max(...cells.map((c) => c.lines.length));
    for (let r = 0; r < count; r++) {
      const ascent = Math.max(...boxes.map((b) => b[r]?.ascent ?? 0));
      const height = Math.max(...boxes.map((b) => b[r]?.height ?? 0));
      this.ensure(height, onNewPage);
      for (const cell of cells) {
        const l = cell.lines[r];
        if (l) this.drawLine(l.line, l.style, cell.x, cell.width, this.y + ascent, 'start', l.direction);
      }
      this.y += height;
    }
  }
}

function formatDates(input: AnswerLetterInput, wording: LetterWording) {
  const long = new Intl.DateTimeFormat(wording.dateLocale, { dateStyle: 'long', timeZone: input.timeZone });
  const day = new Intl.DateTimeFormat(wording.dateLocale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: input.timeZone,
  });
  const time = new Intl.DateTimeFormat(wording.dateLocale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: input.timeZone,
  });
  return {
    long: (d: Date) => long.format(d),
    day: (d: Date) => day.format(d),
    time: (d: Date) => time.format(d),
  };
}

function validate(input: AnswerLetterInput) {
  if (!(input.locale in WORDING)) throw new RangeError(`Unsupported letter locale: ${String(input.locale)}`);
  const dates: [string, Date][] = [
    ['registeredAt', input.registeredAt],
    ['answeredAt', input.answeredAt],
    ...input.steps.map((s, i): [string, Date] => [`steps[${i}].at`, s.at]),
  ];
  for (const [name, d] of dates) {
    if (!(d instanceof Date) || Number.isNaN(d.getTime()))
      throw new RangeError(`${name} is not a valid date`);
  }
  // Throws RangeError for an unknown zone before any drawing starts.
  new Intl.DateTimeFormat('en', { timeZone: input.timeZone });
}

/** Fails when the installed fonts cannot draw the letter's own language (a deployment problem). */
export function assertFontsCover(locale: Locale, fonts: FontSet = loadFontSet()): void {
  const w = WORDING[locale];
  const sample = [
    ALPHABETS[locale],
    w.reference('X', '1'),
    w.intro('X', '1', '1'),
    w.contact('1', '1'),
    w.signOff,
    w.stepsIntro,
    Object.values(w.columns).join(''),
    '0123456789.,:;()/-–—',
  ].join(' ');
  const missing = [
    ...new Set([...missingGlyphs(sample, fonts.regular), ...missingGlyphs(sample, fonts.bold)]),
  ];
  if (missing.length > 0) {
    throw new Error(
      `No letter font draws ${missing.join(' ')} for '${locale}' letters (the fonts come from ` +
        `${fonts.textFamily} and @fontsource/noto-naskh-arabic).`,
    );
  }
}

/** Renders the final written answer as an A4 PDF in the customer's language. */
export async function renderAnswerLetter(input: AnswerLetterInput): Promise<Buffer> {
  validate(input);
  const fonts = loadFontSet();
  assertFontsCover(input.locale, fonts);
  const w = new LetterWriter(input, fonts);
  const { doc, wording } = w;
  const fmt = formatDates(input, wording);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // Letterhead.
  w.paragraph(input.org.name, S.org, { direction: 'auto', after: 1 });
  if (input.org.address) w.paragraph(input.org.address, S.orgDetail, { direction: 'auto', after: 0 });
  if (input.org.phone)
    w.paragraph(`${wording.phoneLabel} ${isolate(noBreak(input.org.phone))}`, S.orgDetail, { after: 0 });
  w.y += 6;
  w.rule(ACCENT, 1.2);
  w.y += 16;

  w.paragraph(fmt.long(input.answeredAt), S.body, { align: 'letter-end', after: 10 });
  const registered = fmt.long(input.registeredAt);
  w.paragraph(wording.reference(input.caseNumber, registered), S.strong, { after: 2 });
  w.paragraph(wording.subject(input.subject), S.strong, { after: 14 });

  w.paragraph(wording.salutation(input.customerName), S.body, { after: wording.greeting ? 2 : 8 });
  if (wording.greeting) w.paragraph(wording.greeting, S.body, { after: 8 });
  w.paragraph(wording.intro(input.org.name, input.caseNumber, registered), S.body, { after: 4 });

  w.heading(wording.resultHeading, w.firstLinesHeight(input.result, S.body, 2));
  w.paragraph(input.result, S.body, { direction: 'auto' });

  const steps = input.steps
    .map((s, i) => ({ ...s, i }))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.i - b.i);
  if (steps.length > 0) {
    w.heading(wording.stepsHeading, 60);
    w.paragraph(wording.stepsIntro, S.body, { after: 6 });
    stepsTable(w, steps, fmt);
  }

  if (input.nextSteps?.trim()) {
    w.heading(wording.nextStepsHeading, w.firstLinesHeight(input.nextSteps, S.body, 2));
    w.paragraph(input.nextSteps, S.body, { direction: 'auto' });
  }

  // The last paragraph, the sign-off, room for a signature, the name and the organisation stay together.
  const closing: [string, Style, ParagraphOptions][] = [
    [wording.contact(input.caseNumber, input.org.phone), S.body, { after: 16 }],
    [wording.signOff, S.body, { after: 30 }],
    [input.agentName, S.strong, { direction: 'auto', after: 1 }],
    [input.org.name, S.body, { direction: 'auto', after: 0 }],
  ];
  w.y += 4;
  w.ensure(closing.reduce((h, [text, style, opts]) => h + w.height(text, style, opts), 0));
  for (const [text, style, opts] of closing) w.paragraph(text, style, opts);

  footers(w);
  doc.end();
  return done;
}

const NUMBER_WIDTH = 26;
const DATE_WIDTH = 78;
const COLUMN_GAP = 10;

function stepsTable(
  w: LetterWriter,
  steps: readonly AnswerLetterStep[],
  fmt: ReturnType<typeof formatDates>,
) {
  const actionWidth = CONTENT_WIDTH - NUMBER_WIDTH - DATE_WIDTH - 2 * COLUMN_GAP;
  // Column x positions mirror for right-to-left letters: the number column is always at the start side.
  const columnX = (offset: number, width: number) =>
    w.dir === 'ltr' ? MARGIN_X + offset : PAGE_WIDTH - MARGIN_X - offset - width;
  const numberX = columnX(0, NUMBER_WIDTH);
  const dateX = columnX(NUMBER_WIDTH + COLUMN_GAP, DATE_WIDTH);
  const actionX = columnX(NUMBER_WIDTH + DATE_WIDTH + 2 * COLUMN_GAP, actionWidth);

  const header = () => {
    const { columns } = w.wording;
    w.row([
      w.cell(numberX, NUMBER_WIDTH, [w.lay(columns.number, S.tableHead, NUMBER_WIDTH), S.tableHead]),
      w.cell(dateX, DATE_WIDTH, [w.lay(columns.date, S.tableHead, DATE_WIDTH), S.tableHead]),
      w.cell(actionX, actionWidth, [w.lay(columns.action, S.tableHead, actionWidth), S.tableHead]),
    ]);
    w.y += 2;
    w.rule(RULE, 0.6);
    w.y += 4;
  };
  w.ensure(60);
  header();
  steps.forEach((step, index) => {
    // Each paragraph of the action takes its own direction: agents may quote the customer's language.
    const parts = step.text.split(/\n+/).filter((p) => p.trim());
    const action = w.cell(
      actionX,
      actionWidth,
      ...(parts.length > 0 ? parts : ['—']).map((p): [LaidParagraph, Style] => [
        w.lay(p, S.cell, actionWidth, 'auto'),
        S.cell,
      ]),
    );
    const cells = [
      w.cell(numberX, NUMBER_WIDTH, [w.lay(String(index + 1), S.cell, NUMBER_WIDTH), S.cell]),
      w.cell(
        dateX,
        DATE_WIDTH,
        [w.lay(fmt.day(step.at), S.cell, DATE_WIDTH), S.cell],
        [w.lay(fmt.time(step.at), S.cellMuted, DATE_WIDTH), S.cellMuted],
      ),
      action,
    ];
    const onNewPage = () => header();
    // Do not start a step on the last line of a page.
    const firstTwo = cells[1]!.lines.reduce((h, l) => h + lineBox(l.line, l.style).height, 0);
    w.ensure(firstTwo, onNewPage);
    w.row(cells, onNewPage);
    w.y += 4;
    if (index < steps.length - 1) {
      w.rule('#e3e6ea', 0.4);
      w.y += 4;
    }
  });
  w.y += 6;
}

function footers(w: LetterWriter) {
  const range = w.doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    w.doc.switchToPage(i);
    const laid = w.lay(w.wording.page(i - range.start + 1, range.count), S.small, CONTENT_WIDTH);
    for (const line of laid.lines) {
      w.drawLine(line, S.small, MARGIN_X, CONTENT_WIDTH, FOOTER_BASELINE, 'center', laid.direction);
    }
  }
}
