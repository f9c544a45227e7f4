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
    expect(searchTokens('الفاتورة')).toEqual(expect.arrayContaining(['الفاتوره', 'فاتوره']));
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
  it('builds a query that requires every word', () => {
    expect(searchQuery('internet slow')).toBe("'internet' & 'slow'");
    expect(searchQuery('  !!  ')).toBeNull();
  });
  it('never lets quotes or operators through into the tsquery', () => {
    const q = searchQuery("o'brien & | ! :* ( )");
    expect(q).toBe("'o' & 'brien'");
  });
  it('joins document parts, skipping empty ones', () => {
    expect(searchDocument('A', null, 'b')).toBe('a b');
  });
});
