import { describe, expect, it } from 'vitest';
import { normalizeForSearch, searchDocument, searchQuery, searchTokens } from './normalize.ts';

/**
 * Evaluates the tsquery literals searchQuery() builds ('lexeme', 'lexeme':*, &, |, parentheses)
 * against a document's lexemes, as PostgreSQL's @@ does; search-plan.test.ts checks the same in
 * PostgreSQL itself.
 */
function matches(lexemes: string[], query: string): boolean {
  const tokens = query.match(/'(?:[^']|'')*'(?::\*)?|[&|()]/g) ?? [];
  let i = 0;
  const term = (): boolean => {
    const t = tokens[i++]!;
    if (t === '(') {
      const v = or();
      i++; // ')'
      return v;
    }
    const prefix = t.endsWith(':*');
    const lexeme = t.slice(1, prefix ? -3 : -1).replace(/''/g, "'");
    return lexemes.some((l) => (prefix ? l.startsWith(lexeme) : l === lexeme));
  };
  const and = (): boolean => {
    let v = term();
    while (tokens[i] === '&') {
      i++;
      v = term() && v;
    }
    return v;
  };
  const or = (): boolean => {
    let v = and();
    while (tokens[i] === '|') {
      i++;
      v = and() || v;
    }
    return v;
  };
  return or();
}

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
    expect(searchTokens('الفاتورة')).toEqual(['الفاتوره', 'فاتوره']);
    expect(searchQuery('الفاتورة')).toBe("('الفاتوره':* | 'فاتوره':*)");
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
  it('builds a prefix query that requires every word', () => {
    expect(searchQuery('internet slow')).toBe("'internet':* & 'slow':*");
  });
  it('finds suffixed forms by prefix, indexing each word once', () => {
    expect(searchTokens('Soyuducunun')).toEqual(['soyuducunun']);
    expect(searchQuery('soyuducu')).toBe("'soyuducu':*");
    expect(searchQuery('  !!  ')).toBeNull();
  });
  it('never asks for the stem markers that texts indexed before still hold', () => {
    expect(searchQuery('§soyud')).toBe("'soyud':*");
  });
  it('finds a word of exactly five letters in a text containing that very word', () => {
    // "رصيدي" (my balance), "жауап" (answer): five letters, the length where indexing and querying disagreed
    for (const word of ['رصيدي', 'жауап', 'kuryr', 'сумма']) {
      expect(matches(searchDocument(`some text ${word} more`), searchQuery(word)!), word).toBe(true);
      expect(matches(searchDocument(`${word}лар ${word}ы`), searchQuery(word)!), `${word}…`).toBe(true);
      expect(matches(searchDocument('other words only'), searchQuery(word)!), `not ${word}`).toBe(false);
    }
  });
  it('finds every word as typed, whatever its length, and its longer forms', () => {
    for (const word of ['ақша', 'refund', 'soyuducu', 'çatdırıl', 'الانترنت', 'رصيد']) {
      expect(matches(searchDocument(`x ${word} y`), searchQuery(word)!), word).toBe(true);
      expect(matches(searchDocument(`x ${word}nun y`), searchQuery(word)!), `${word}nun`).toBe(true);
    }
  });
  it('never lets quotes or operators through into the tsquery', () => {
    const q = searchQuery("o'brien & | ! :* ( )");
    expect(q).toBe("'o':* & 'brien':*");
  });
  it('joins document parts, skipping empty ones', () => {
    expect(searchDocument('A', null, 'b')).toEqual(['a', 'b']);
  });
});
