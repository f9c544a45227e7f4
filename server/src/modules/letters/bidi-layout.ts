// Paragraph layout for mixed-direction text: line breaking in logical order, then the Unicode
// Bidirectional Algorithm (bidi-js) gives each line's visual order, cut into pieces of one face and
// one direction. pdfkit draws each piece; fontkit shapes it (joined Arabic letter forms).
import type { Bidi } from 'bidi-js';
import * as bidiJs from 'bidi-js';
import { assignFaces, BIDI_CONTROL, type Face, type FaceOrder } from './fonts.ts';

// bidi-js is CommonJS (module.exports = factory) while its types declare an ES default export; under
// NodeNext both import forms give the factory at run time as `default` of the namespace.
const bidi = (bidiJs.default as unknown as () => Bidi)();

export type Direction = 'ltr' | 'rtl';

/** A run of text ready to be drawn left to right at its x: `text` is what to hand to pdfkit. */
export interface Piece {
  readonly text: string;
  /** The same characters in logical (reading) order, unmirrored: the text a reader copies out. */
  readonly logical: string;
  readonly face: Face;
  readonly width: number;
  readonly rtl: boolean;
}

export interface Line {
  /** In visual order, left to right. */
  readonly pieces: readonly Piece[];
  readonly width: number;
}

export interface LaidParagraph {
  readonly direction: Direction;
  readonly lines: readonly Line[];
  /** Characters no installed font can draw (they come out as empty boxes). */
  readonly missing: readonly string[];
}

export interface LayoutOptions {
  /** 'auto' takes the direction of the first strong character (UAX #9 P2), else `fallback`. */
  readonly direction: Direction | 'auto';
  readonly fallback: Direction;
  readonly maxWidth: number;
  readonly faces: FaceOrder;
  /** Advance width in points of `text` drawn with `face` at the paragraph's size. */
  readonly measure: (text: string, face: Face) => number;
}

const ISOLATE_OPEN = /[\u2066-\u2068]/u;
const ISOLATE_CLOSE = '\u2069';

/** Direction of the first strong character outside isolates, or undefined when there is none. */
export function firstStrongDirection(text: string): Direction | undefined {
  let depth = 0;
  for (const ch of text) {
    if (ISOLATE_OPEN.test(ch)) depth++;
    else if (ch === ISOLATE_CLOSE) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const type = bidi.getBidiCharTypeName(ch);
      if (type === 'L') return 'ltr';
      if (type === 'R' || type === 'AL') return 'rtl';
    }
  }
  return undefined;
}

// fontkit reverses a glyph run by itself when the run's first character of a real script (not Common,
// Inherited or Unknown) belongs to one of these scripts (its RTL table); others it lays out left to right.
const FIRST_REAL_SCRIPT = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;
const FONTKIT_RTL_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Cypriot}\p{Script=Kharoshthi}\p{Script=Phoenician}\p{Script=Nko}\p{Script=Lydian}\p{Script=Avestan}\p{Script=Imperial_Aramaic}\p{Script=Inscriptional_Pahlavi}\p{Script=Inscriptional_Parthian}\p{Script=Old_South_Arabian}\p{Script=Old_Turkic}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Meroitic_Cursive}\p{Script=Meroitic_Hieroglyphs}\p{Script=Manichaean}\p{Script=Mende_Kikakui}\p{Script=Nabataean}\p{Script=Old_North_Arabian}\p{Script=Palmyrene}\p{Script=Psalter_Pahlavi}]/u;

function fontkitReverses(text: string): boolean {
  const first = FIRST_REAL_SCRIPT.exec(text)?.[0];
  return first !== undefined && FONTKIT_RTL_SCRIPT.test(first);
}

const reverseCodePoints = (s: string) => Array.from(s).reverse().join('');

/**
 * Cleans text for drawing: no C0/C1 controls; tabs and breaking spaces of other widths become plain
 * spaces. No-break spaces (U+00A0, U+202F) stay: lines break only at plain spaces. "№ 12" and digit
 * groups such as "2 000" are tied together so a line never ends between them.
 */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\v\f\u2000-\u200A\u205F\u3000]/g, ' ')
    .replace(/(?!\n)\p{Cc}/gu, '')
    .replace(/№ (?=\S)/g, '№\u00A0')
    .replace(/(?<=\d) (?=\d{3}(?!\d))/g, '\u00A0');
}

interface Token {
  start: number;
  /** End of the word (exclusive), before its trailing spaces. */
  wordEnd: number;
  end: number;
}

/**
 * Lays out one paragraph (no line feeds) into lines no wider than maxWidth, each in visual order.
 */
export function layoutParagraph(rawText: string, options: LayoutOptions): LaidParagraph {
  const text = cleanText(rawText).replace(/\n/g, ' ');
  const direction =
    options.direction === 'auto' ? (firstStrongDirection(text) ?? options.fallback) : options.direction;
  if (text.trim() === '') return { direction, lines: [], missing: [] };

  const levels = bidi.getEmbeddingLevels(text, direction);
  const { faces, missing } = assignFaces(text, options.faces);

  const measureRange = (start: number, end: number): number => {
    let width = 0;
    let runStart = start;
    for (let i = start + 1; i <= end; i++) {
      if (i === end || faces[i] !== faces[runStart]) {
        const piece = text.slice(runStart, i).replace(new RegExp(BIDI_CONTROL.source, 'gu'), '');
        if (piece) width += options.measure(piece, faces[runStart]!);
        runStart = i;
      }
    }
    return width;
  };

  const tokens: Token[] = [];
  for (const m of text.matchAll(/([^ ]+)( *)/gu)) {
    const start = m.index;
    tokens.push({ start, wordEnd: start + m[1]!.length, end: start + m[0].length });
  }

  // Greedy line filling over words; a word wider than a whole line is cut between graphemes.
  const ranges: [number, number][] = [];
  let lineStart = -1;
  let lineEnd = -1;
  let lineWidth = 0;
  let pendingSpace = 0;
  const flush = () => {
    if (lineStart >= 0) ranges.push([lineStart, lineEnd]);
    lineStart = -1;
    lineWidth = 0;
    pendingSpace = 0;
  };
  for (const token of tokens) {
    const wordWidth = measureRange(token.start, token.wordEnd);
    if (lineStart >= 0 && lineWidth + pendingSpace + wordWidth <= options.maxWidth) {
      lineEnd = token.wordEnd;
      lineWidth += pendingSpace + wordWidth;
    } else {
      flush();
      if (wordWidth <= options.maxWidth) {
        lineStart = token.start;
        lineEnd = token.wordEnd;
        lineWidth = wordWidth;
      } else {
        const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
        for (const g of segmenter.segment(text.slice(token.start, token.wordEnd))) {
          const gStart = token.start + g.index;
          const gEnd = gStart + g.segment.length;
          const gWidth = measureRange(gStart, gEnd);
          if (lineStart >= 0 && lineWidth + gWidth > options.maxWidth) flush();
          if (lineStart < 0) lineStart = gStart;
          lineEnd = gEnd;
          lineWidth += gWidth;
        }
      }
    }
    pendingSpace = token.end > token.wordEnd ? measureRange(token.wordEnd, token.end) : 0;
  }
  flush();

  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels);
  const lines = ranges.map(([start, end]) => {
    const visual = bidi
      .getReorderedIndices(text, levels, start, end - 1)
      .slice(start, end)
      .filter((i) => !BIDI_CONTROL.test(text[i]!));
    const pieces: Piece[] = [];
    let k = 0;
    while (k < visual.length) {
      const first = visual[k]!;
      const level = levels.levels[first]!;
      const face = faces[first]!;
      const step = level % 2 === 1 ? -1 : 1;
      let j = k + 1;
      // A piece continues while the visual neighbour is the logical neighbour (skipping bidi controls)
      // at the same level and in the same face.
      while (j < visual.length) {
        const prev = visual[j - 1]!;
        const next = visual[j]!;
        if (levels.levels[next] !== level || faces[next] !== face) break;
        let expected = prev + step;
        while (expected !== next && BIDI_CONTROL.test(text[expected] ?? '')) expected += step;
        if (expected !== next) break;
        j++;
      }
      const indices = visual.slice(k, j);
      const lo = Math.min(...indices);
      const hi = Math.max(...indices);
      let logical = '';
      let shaped = '';
      for (let i = lo; i <= hi; i++) {
        const ch = text[i]!;
        if (BIDI_CONTROL.test(ch)) continue;
        logical += ch;
        shaped += mirrored.get(i) ?? ch;
      }
      const rtl = step === -1;
      // The piece must end up in visual order after fontkit, which reverses RTL-script runs itself.
      const drawn = rtl === fontkitReverses(shaped) ? shaped : reverseCodePoints(shaped);
      pieces.push({ text: drawn, logical, face, width: options.measure(drawn, face), rtl });
      k = j;
    }
    return { pieces, width: pieces.reduce((sum, p) => sum + p.width, 0) };
  });
  return { direction, lines, missing };
}
