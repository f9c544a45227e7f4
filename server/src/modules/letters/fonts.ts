// Fonts for the written answer, all from fontsource packages in node_modules so a letter looks the same
// on every machine, with or without system fonts: Arabic from @fontsource/noto-naskh-arabic; Latin, Latin
// Extended (Azerbaijani ə ğ ı ş) and Cyrillic with its extension (Kazakh ә ғ қ ң ө ұ ү һ і) from
// @fontsource/noto-serif. Fontsource splits a font into per-script subset files, so a "face" here is one
// file and every character is drawn with the first face that really has a glyph for it.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { create, type Font } from 'fontkit';

export type Weight = 'regular' | 'bold';

export interface Face {
  /** Name the face is registered under in a pdfkit document. */
  readonly id: string;
  readonly path: string;
  readonly data: Buffer;
  readonly font: Font;
  /** 'arabic' faces are tried first for Arabic-script characters, 'text' faces for everything else. */
  readonly role: 'arabic' | 'text';
  /** Multiplier on the nominal size, so that Naskh and the text family look equally large side by side. */
  readonly scale: number;
}

/** The faces of one weight in the two orders characters are matched against. */
export interface FaceOrder {
  readonly arabicFirst: readonly Face[];
  readonly textFirst: readonly Face[];
}

export interface FontSet {
  /** The package the Latin and Cyrillic faces come from, for diagnostics. */
  readonly textFamily: string;
  readonly regular: FaceOrder;
  readonly bold: FaceOrder;
  readonly all: readonly Face[];
}

// Noto Naskh's letter bodies are small for their point size next to a Latin/Cyrillic serif.
const ARABIC_SCALE = 1.12;

const require = createRequire(import.meta.url);

function fontsourceFiles(pkg: string, family: string, subsets: readonly string[], weight: number) {
  let dir: string;
  try {
    dir = dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    return undefined;
  }
  const files = subsets.map((subset) => join(dir, 'files', `${family}-${subset}-${weight}-normal.woff`));
  return files.every((f) => existsSync(f)) ? files : undefined;
}

const TEXT_SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext'] as const;

/** The text family's package, for diagnostics and error messages. */
export const TEXT_FAMILY = '@fontsource/noto-serif';

function textFiles(weight: Weight): string[] {
  const files = fontsourceFiles(TEXT_FAMILY, 'noto-serif', TEXT_SUBSETS, weight === 'bold' ? 700 : 400);
  if (!files)
    throw new Error(
      `${TEXT_FAMILY} is not installed (or lacks a ${TEXT_SUBSETS.join('/')} file): the letter cannot draw Latin or Cyrillic`,
    );
  return files;
}

function arabicFiles(weight: Weight, subsets: readonly string[]): string[] {
  const files = fontsourceFiles(
    '@fontsource/noto-naskh-arabic',
    'noto-naskh-arabic',
    subsets,
    weight === 'bold' ? 700 : 400,
  );
  if (!files)
    throw new Error('@fontsource/noto-naskh-arabic is not installed: the letter cannot draw Arabic');
  return files;
}

/**
 * Unpacks a WOFF 1.0 file into the plain TrueType/OpenType font it wraps. fontkit reads WOFF directly
 * but inflates a table with a JavaScript inflater each time it reads it, which made every Arabic letter
 * take seconds; node's zlib does it once here.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compLength);
    return {
      tag: woff.subarray(at, at + 4),
      checksum: woff.readUInt32BE(at + 16),
      data: compLength < origLength ? inflateSync(raw) : raw,
    };
  });
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + numTables * 16);
  header.writeUInt32BE(woff.readUInt32BE(4), 0); // the wrapped font's own sfnt version ("flavor")
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    t.tag.copy(header, at);
    header.writeUInt32BE(t.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(t.data.length, at + 12);
    const padding = (4 - (t.data.length % 4)) % 4;
    parts.push(t.data, Buffer.alloc(padding));
    offset += t.data.length + padding;
  });
  return Buffer.concat(parts);
}

function loadFace(path: string, id: string, role: Face['role']): Face {
  const file = readFileSync(path);
  const data = path.endsWith('.woff') ? woffToSfnt(file) : file;
  return { id, path, data, font: create(data), role, scale: role === 'arabic' ? ARABIC_SCALE : 1 };
}

function loadWeight(weight: Weight): FaceOrder {
  const arabic = arabicFiles(weight, ['arabic']).map((p, i) =>
    loadFace(p, `${weight}-arabic-${i}`, 'arabic'),
  );
  const text = textFiles(weight).map((p, i) => loadFace(p, `${weight}-text-${i}`, 'text'));
  return { arabicFirst: [...arabic, ...text], textFirst: [...text, ...arabic] };
}

let cached: FontSet | undefined;

/** Finds and parses the fonts once per process. */
export function loadFontSet(): FontSet {
  if (!cached) {
    const regular = loadWeight('regular');
    const bold = loadWeight('bold');
    cached = {
      textFamily: TEXT_FAMILY,
      regular,
      bold,
      all: [...regular.textFirst, ...bold.textFirst],
    };
  }
  return cached;
}

const ARABIC_SCRIPT = /\p{Script_Extensions=Arabic}/u;
const NEUTRAL = /[\p{Script=Common}\p{Script=Inherited}]/u;
/** Bidi formatting characters: they steer the bidi algorithm and are never drawn. */
export const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/**
 * The face for every UTF-16 unit of `text` (both halves of a surrogate pair get the same face), and
 * the characters no face can draw. Spaces, digits and punctuation stay in the face of the character
 * before them when it has them, so a line is not cut into needlessly many runs.
 */
export function assignFaces(text: string, order: FaceOrder): { faces: Face[]; missing: string[] } {
  const faces: Face[] = [];
  const missing = new Set<string>();
  const fallback = order.textFirst[0]!;
  let prev: Face | undefined;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let face: Face | undefined;
    if (BIDI_CONTROL.test(ch) || ch === '\u200C' || ch === '\u200D') {
      face = prev ?? fallback;
    } else if (NEUTRAL.test(ch) && !ARABIC_SCRIPT.test(ch) && prev?.font.hasGlyphForCodePoint(cp)) {
      face = prev;
    } else {
      const candidates = ARABIC_SCRIPT.test(ch) ? order.arabicFirst : order.textFirst;
      face = candidates.find((f) => f.font.hasGlyphForCodePoint(cp));
      if (!face) {
        if (!/\s/u.test(ch)) missing.add(ch);
        face = prev ?? fallback;
      }
    }
    for (let i = 0; i < ch.length; i++) faces.push(face);
    prev = face;
  }
  return { faces, missing: [...missing] };
}

/** Characters of `text` that no installed face of the given weight can draw. */
export function missingGlyphs(text: string, order: FaceOrder): string[] {
  return assignFaces(text, order).missing;
}
