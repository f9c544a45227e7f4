import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from './locales.ts';
import { ar } from './messages/ar.ts';
import { az } from './messages/az.ts';
import { en, type MessageKey } from './messages/en.ts';
import { kk } from './messages/kk.ts';
import { ru } from './messages/ru.ts';

export type { MessageKey };
export const catalogues: Record<Locale, Record<MessageKey, string>> = { ar, en, ru, kk, az };

const compiled = new Map<string, IntlMessageFormat>();

/** Formats a server message with ICU plural/select rules of the locale (Arabic's six forms included). */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const cacheKey = `${locale}\u0000${key}`;
  let fmt = compiled.get(cacheKey);
  if (!fmt) {
    fmt = new IntlMessageFormat(catalogues[locale][key] ?? en[key], locale);
    compiled.set(cacheKey, fmt);
  }
  return String(fmt.format(params));
}
