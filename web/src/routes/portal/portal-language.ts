// Which language the portal opens in, and the order the switch offers them: a customer's own choice
// (the address, the device), else their browser's language if we speak it, else the org's.
import i18next from 'i18next';
import type { Locale } from '../../api/types.ts';
import { isLanguage, LANGUAGES } from '../../i18n/languages.ts';

// the keys web/src/i18n/i18n.ts keeps a chosen language under (the device's, and ?lng= for a tab)
const CHOSEN_KEYS: [Storage | undefined, string][] = [
  [globalThis.localStorage, 'riza.lng'],
  [globalThis.sessionStorage, 'riza.lng.override'],
];

function someoneChose(): boolean {
  if (isLanguage(new URLSearchParams(window.location.search).get('lng'))) return true;
  return CHOSEN_KEYS.some(([storage, key]) => {
    try {
      return isLanguage(storage?.getItem(key));
    } catch {
      return false;
    }
  });
}

function browserSpeaksOneOfOurs(): boolean {
  return navigator.languages.some((l) => isLanguage(l.split('-')[0]));
}

/**
 * A visitor whose browser speaks none of the five languages would otherwise get English: the
 * org's own language serves them better. Not remembered: it is our guess, not their choice.
 */
export async function openInOrgLanguage(defaultLanguage: Locale): Promise<void> {
  if (someoneChose() || browserSpeaksOneOfOurs()) return;
  if (i18next.language !== defaultLanguage) await i18next.changeLanguage(defaultLanguage);
}

/** The org's languages first, in its order, then the others. */
export function languagesFor(orgLanguages: readonly Locale[]): { own: Locale[]; others: Locale[] } {
  const own = orgLanguages.filter((l) => LANGUAGES.includes(l));
  return { own, others: LANGUAGES.filter((l) => !own.includes(l)) };
}
