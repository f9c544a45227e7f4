// The widget's words: the `widget` part of the chat feature catalogues (web/src/i18n/features/chat),
// so the web app's completeness test checks them too. {{name}} placeholders, plural forms by
// Intl.PluralRules, as i18next names them (key_one, key_few, …).
import { widget as ar } from '../src/i18n/features/chat/ar.json';
import { widget as az } from '../src/i18n/features/chat/az.json';
import { widget as en } from '../src/i18n/features/chat/en.json';
import { widget as kk } from '../src/i18n/features/chat/kk.json';
import { widget as ru } from '../src/i18n/features/chat/ru.json';

export const LANGS = ['ar', 'en', 'ru', 'kk', 'az'] as const;
export type Lang = (typeof LANGS)[number];

type Words = Record<string, string>;
// named imports: the bundle keeps only the widget's part of each catalogue
const WORDS: Record<Lang, Words> = { ar, az, en, kk, ru };

export const isLang = (v: unknown): v is Lang => (LANGS as readonly unknown[]).includes(v);

/**
 * The visitor's language: the tag's data-lang, else the page's <html lang>, else the browser's
 * preferences, else English.
 */
export function pickLang(explicit: string | null | undefined): Lang {
  const candidates = [
    explicit,
    document.documentElement.lang,
    ...(navigator.languages ?? []),
    navigator.language,
  ];
  for (const c of candidates) {
    const base = c?.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}

export function translator(lang: Lang) {
  const words = WORDS[lang];
  const plural = new Intl.PluralRules(lang);
  return (key: string, params: Record<string, string | number> = {}): string => {
    let text = words[key];
    if (typeof params.count === 'number')
      text = words[`${key}_${plural.select(params.count)}`] ?? words[`${key}_other`] ?? text;
    text ??= WORDS.en[key] ?? key;
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
  };
}
