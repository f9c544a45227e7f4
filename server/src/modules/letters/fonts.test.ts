import { readFileSync } from 'node:fs';
import { create } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../platform/i18n/locales.ts';
import { assignFaces, loadFontSet, missingGlyphs, woffToSfnt } from './fonts.ts';
import { assertFontsCover } from './letter.ts';
import { ALPHABETS } from './wording.ts';

const fonts = loadFontSet();

describe('letter fonts', () => {
  it.each(LOCALES)('draw every letter of the %s alphabet in regular and bold', (locale) => {
    expect(missingGlyphs(ALPHABETS[locale], fonts.regular)).toEqual([]);
    expect(missingGlyphs(ALPHABETS[locale], fonts.bold)).toEqual([]);
    expect(() => assertFontsCover(locale, fonts)).not.toThrow();
  });

  it('draw the Kazakh and Azerbaijani letters other fonts often lack', () => {
    expect(missingGlyphs('әғқңөұүһі ӘҒҚҢӨҰҮҺІ', fonts.regular)).toEqual([]);
    expect(missingGlyphs('əğışçöü ƏĞIŞÇÖÜİ', fonts.regular)).toEqual([]);
  });

  it('come only from fontsource packages in node_modules, never from system font folders', () => {
    expect(fonts.all.length).toBeGreaterThan(0);
    for (const face of fonts.all) {
      expect(face.path).toMatch(
        /[\\/]node_modules[\\/]@fontsource[\\/]noto-(serif|naskh-arabic)[\\/]files[\\/]/,
      );
    }
  });

  it.each(['en', 'ru', 'kk', 'az'] as const)(
    'draw every %s letter with Noto Serif, in regular and bold',
    (locale) => {
      const serif = /noto-serif-(latin|latin-ext|cyrillic|cyrillic-ext)-(400|700)-normal\.woff$/;
      for (const order of [fonts.regular, fonts.bold]) {
        const fromElsewhere = Array.from(ALPHABETS[locale]).filter(
          (ch) => !serif.test(assignFaces(ch, order).faces[0]!.path),
        );
        expect(fromElsewhere).toEqual([]);
      }
    },
  );

  it('report characters no font has', () => {
    expect(missingGlyphs('abc \u{1F600}', fonts.regular)).toEqual(['\u{1F600}']);
  });

  it('take Arabic letters from Noto Naskh and Cyrillic from the text family', () => {
    const text = 'قرار Қазақ';
    const { faces } = assignFaces(text, fonts.regular);
    expect(faces[0]!.role).toBe('arabic');
    expect(faces[0]!.path).toMatch(/noto-naskh-arabic-arabic-400/);
    expect(faces[text.indexOf('Қ')]!.role).toBe('text');
  });

  it('keep a space in the face of the word before it, but give digits a face that has them', () => {
    const text = 'رقم 2025';
    const { faces } = assignFaces(text, fonts.regular);
    expect(faces[3]).toBe(faces[0]);
    expect(faces[4]!.font.hasGlyphForCodePoint('2'.codePointAt(0)!)).toBe(true);
  });

  it('give both halves of a surrogate pair the same face', () => {
    const { faces } = assignFaces('a\u{1D400}b', fonts.regular);
    expect(faces).toHaveLength(4);
    expect(faces[1]).toBe(faces[2]);
  });

  it('unpack a WOFF file into the same font, table for table', () => {
    const path = fonts.regular.arabicFirst[0]!.path;
    const woff = readFileSync(path);
    const sfnt = woffToSfnt(woff);
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
    const fromWoff = create(woff);
    const fromSfnt = create(sfnt);
    expect(fromSfnt.postscriptName).toBe(fromWoff.postscriptName);
    expect(fromSfnt.unitsPerEm).toBe(fromWoff.unitsPerEm);
    for (const ch of 'ابتثجحخلمنهوي') {
      expect(fromSfnt.hasGlyphForCodePoint(ch.codePointAt(0)!)).toBe(true);
    }
    expect(() => woffToSfnt(sfnt)).toThrow(/WOFF/);
  });
});
