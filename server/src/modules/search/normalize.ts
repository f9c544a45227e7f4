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

/** Tokens to index: each normalised word, plus Arabic words without the definite article. */
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

/** Document text for `to_tsvector('simple', …)`: tokens joined by spaces. */
export function searchDocument(...parts: (string | null | undefined)[]): string {
  return searchTokens(parts.filter(Boolean).join(' ')).join(' ');
}

/**
 * A `to_tsquery('simple', …)` expression: every word must match. Returns null when the query
 * has no searchable words. Arabic words are matched without their article too. Whole words, not
 * prefixes: PostgreSQL can estimate how rare a word is, but not a prefix, and a bad estimate
 * turns an index lookup into a scan of every case.
 */
export function searchQuery(query: string): string | null {
  const terms: string[] = [];
  for (const word of normalizeForSearch(query).split(' ')) {
    if (!word) continue;
    const safe = (w: string) => `'${w.replace(/'/g, "''").replace(/\\/g, '')}'`;
    const m = ARABIC_ARTICLE.exec(word);
    terms.push(m?.[2] ? `(${safe(word)} | ${safe(m[2])})` : safe(word));
  }
  return terms.length ? terms.join(' & ') : null;
}
