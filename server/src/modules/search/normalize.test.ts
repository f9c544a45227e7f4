import { describe, expect, it } from 'vitest';
import { normalizeForSearch, searchDocument, searchQuery, searchTokens } from './normalize.ts';

describe('search normalisation', () => {
  it('folds hamza-carrying alef so الإنترنت and الانترنت are the same word', () => {
    expect(normalizeForSearch('الإنترنت')).toBe(normalizeForSearch('الانترنت'));
  });
  it('removes Arabic diacritics and tatweel', () => {
    expect(normalizeForSearch('مُشْكِلَة')).toBe(normalizeForSearch('مشكلة'));
    expect(normalizeForSearch('مشـــكلة')).toBe(normalizeForSearch('مشكلة'));
  });
  it('folds taa marbuta and alef maqsura', () => {
    expect(normalizeForSearch('فاتورة')).toBe(normalizeForSearch('فاتوره'));
    expect(normalizeForSearch('مستشفى')).toBe(normalizeForSearch('مستشفي'));
  });
  it('indexes Arabic words with and without the definite article', () => {
    expect(searchTokens('الفاتورة')).toEqual(expect.arrayContaining(['الفاتوره', 'فاتوره', '§فاتور']));
  });
  it('lower-cases Cyrillic and folds ё', () => {
    expect(normalizeForSearch('ЁЛКА Интернет')).toBe('елка интернет');
  });
  it('keeps Kazakh letters distinct but lower-cased', () => {
    expect(normalizeForSearch('ҚЫЗМЕТ Көрсету')).toBe('қызмет көрсету');
  });
  it('folds Azerbaijani letters for typing without the national keyboard', () => {
    expect(normalizeForSearch('Şikayət ÇATDIRILMA')).toBe(normalizeForSearch('sikayet catdirilma'));
  });
  it('builds a prefix query that requires every word, anchored on stems the planner can estimate', () => {
    expect(searchQuery('internet slow')).toBe("('§inter' & 'internet':*) & 'slow':*");
  });
  it('indexes a stem marker so that suffixed forms are found', () => {
    expect(searchTokens('Soyuducunun')).toEqual(['soyuducunun', '§soyud']);
    expect(searchQuery('soyuducu')).toBe("('§soyud' & 'soyuducu':*)");
    expect(searchQuery('  !!  ')).toBeNull();
  });
  it('never lets quotes or operators through into the tsquery', () => {
    const q = searchQuery("o'brien & | ! :* ( )");
    expect(q).toBe("'o':* & ('§brien' & 'brien':*)");
  });
  it('joins document parts, skipping empty ones', () => {
    expect(searchDocument('A', null, 'b')).toEqual(['a', 'b']);
  });
});
