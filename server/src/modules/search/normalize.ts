// Text normalisation for search in Arabic, Cyrillic (ru/kk) and Latin (az/en). Applied in the
// application both when indexing and when querying, so any PostgreSQL ≥ 15 gives the same
// results whatever its collation. Pure.

const ARABIC_MAP: Record<string, string> = {
  ة: 'ه', // taa marbuta → haa
  ى: 'ي', // alef maqsura → yaa
  ی: 'ي', // Persian yeh
  ک: 'ك', // Persian kaf
  ٱ: 'ا', // alef wasla
};

const LATIN_MAP: Record<string, string> = {
  ı: 'i', // Azerbaijani/Turkish dotless i matches i
  ə: 'e', // schwa: Azerbaijani typed without its keyboard often uses e
  ё: 'е',
};

/**
 * Lower-cases, removes diacritics (Arabic harakat, hamza carriers, Latin accents), tatweel and
 * punctuation, and folds letter variants so that "الإنترنت" and "الانترنت" index alike.
 */
export function normalizeForSearch(text: string): string {
  let s = text.normalize('NFKD').toLowerCase();
  // combining marks: Latin accents, Arabic harakat (U+064B–U+065F), superscript alef (U+0670)
  s = s.replace(/\p{M}/gu, '');
  s = s.replace(/\u0640/g, ''); // tatweel
  s = s.replace(/[ةىیکٱıəё]/g, (c) => ARABIC_MAP[c] ?? LATIN_MAP[c] ?? c);
  s = s.replace(/[أإآ]/g, 'ا').replace(/ؤ/g, 'و').replace(/ئ/g, 'ي');
  s = s.replace(/[^\p{L}\p{N}@.+_-]+/gu, ' ').replace(/(^|\s)[.+_-]+|[.+_-]+(?=\s|$)/g, '$1');
  return s.replace(/\s+/g, ' ').trim();
}

const ARABIC_ARTICLE = /^(و?(?:ال|بال|كال|فال|لل))(.{2,})$/u;

/**
 * Lexemes to index: each normalised word, and Arabic words without their article too.
 *
 * Azerbaijani and Kazakh add suffixes (soyuducu → soyuducunun), Russian inflects: whole-word search
 * misses most forms, so searchQuery() matches every word as a prefix (`word:*`). PostgreSQL
 * estimates a prefix match from the column's most common lexemes; on the benchmark's million
 * cases that comes within a few per cent of the true count for common words. (Texts indexed
 * before 2026-11 also hold `§` + first five letters "stem markers", which the query once ANDed
 * with the prefix: the planner then multiplied two correlated selectivities and guessed 10–100
 * times too few rows, and a five-letter word, indexed without its marker, never matched. No query
 * asks for a `§` lexeme any more: § is not a letter, so normalisation removes it.)
 */
export function searchTokens(text: string): string[] {
  const out = new Set<string>();
  for (const word of normalizeForSearch(text).split(' ')) {
    if (!word || word.length > 60) continue;
    out.add(word);
    const m = ARABIC_ARTICLE.exec(word);
    if (m?.[2]) out.add(m[2]);
  }
  return [...out];
}

/** The lexemes of a document, for `array_to_tsvector(…)`. */
export function searchDocument(...parts: (string | null | undefined)[]): string[] {
  return searchTokens(parts.filter(Boolean).join(' '));
}

const quote = (w: string) => `'${w.replace(/'/g, "''").replace(/\\/g, '')}'`;

/** One word as a prefix match. */
const wordQuery = (word: string) => `${quote(word)}:*`;

/**
 * A `tsquery` literal (cast with ::tsquery, so our lexemes are taken as they are): every word must
 * match as a prefix (so "soyuducu" finds "soyuducunun"). Arabic words are matched without their
 * article too. Null when nothing is left.
 */
export function searchQuery(query: string): string | null {
  const terms: string[] = [];
  for (const word of normalizeForSearch(query).split(' ')) {
    if (!word) continue;
    const m = ARABIC_ARTICLE.exec(word);
    terms.push(m?.[2] ? `(${wordQuery(word)} | ${wordQuery(m[2])})` : wordQuery(word));
  }
  return terms.length ? terms.join(' & ') : null;
}
