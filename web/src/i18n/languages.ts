import type { Locale } from '../api/types.ts';

export const LANGUAGES: readonly Locale[] = ['ar', 'en', 'ru', 'kk', 'az'];
/** Pseudo-locale for finding untranslated text: English with every string wrapped in ⟦…⟧. */
export const PSEUDO = 'xx';
export type UiLanguage = Locale | typeof PSEUDO;

/** Each language named in itself, as people look for their own language in a switcher. */
export const ENDONYMS: Record<Locale, string> = {
  ar: 'العربية',
  en: 'English',
  ru: 'Русский',
  kk: 'Қазақша',
  az: 'Azərbaycanca',
};

export function isLanguage(value: unknown): value is UiLanguage {
  return value === PSEUDO || (LANGUAGES as readonly unknown[]).includes(value);
}

export function directionOf(lng: string): 'rtl' | 'ltr' {
  return lng === 'ar' ? 'rtl' : 'ltr';
}

/** The BCP 47 tag for <html lang> and Intl; the pseudo-locale is formatted as English. */
export function bcp47(lng: string): string {
  return lng === PSEUDO ? 'en-XA' : lng;
}

/** Locale for Intl formatting (dates, numbers). */
export function intlLocale(lng: string): string {
  return lng === PSEUDO ? 'en' : lng;
}
