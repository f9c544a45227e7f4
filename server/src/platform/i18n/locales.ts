export const LOCALES = ['ar', 'en', 'ru', 'kk', 'az'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Text in several languages, as stored for names and labels. */
export type LocalizedText = Partial<Record<Locale, string>>;

/** Picks the best language from an Accept-Language header (q-values honoured). */
export function negotiateLocale(header: string | undefined, fallback: Locale = DEFAULT_LOCALE): Locale {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (isLocale(base)) return base;
  }
  return fallback;
}

export function pickText(
  text: LocalizedText | null | undefined,
  locale: Locale,
  ...fallbacks: Locale[]
): string {
  if (!text) return '';
  for (const l of [locale, ...fallbacks, 'en' as Locale]) {
    const v = text[l];
    if (v) return v;
  }
  return Object.values(text).find(Boolean) ?? '';
}

export function textDirection(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}
