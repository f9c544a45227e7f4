// i18next set-up: five catalogues, plurals from Intl.PluralRules (i18next's _zero/_one/_two/_few/
// _many/_other suffixes, so Arabic gets all six forms), and the pseudo-locale.
import i18next, { type PostProcessorModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setServerLanguage } from '../api/client.ts';
import { CATALOGUES } from './catalogues.ts';
import { bcp47, directionOf, isLanguage, LANGUAGES, PSEUDO, type UiLanguage } from './languages.ts';

const pseudo: PostProcessorModule = {
  type: 'postProcessor',
  name: 'pseudo',
  process: (value: string) => `⟦${value}⟧`,
};

const DEVICE_KEY = 'riza.lng';
const userKey = (userId: string) => `riza.lng.${userId}`;
const SESSION_OVERRIDE = 'riza.lng.override';
// picked on the sign-in page of this tab, before we knew who the user is
const BEFORE_SIGN_IN = 'riza.lng.beforeSignIn';

function read(storage: Storage, key: string): UiLanguage | null {
  try {
    const v = storage.getItem(key);
    return isLanguage(v) ? v : null;
  } catch {
    return null;
  }
}

/** ?lng=xx in the address wins for this tab (testers and screenshots), then the device's choice. */
function initialLanguage(): UiLanguage {
  const fromUrl = new URLSearchParams(window.location.search).get('lng');
  if (isLanguage(fromUrl)) {
    sessionStorage.setItem(SESSION_OVERRIDE, fromUrl);
    return fromUrl;
  }
  const override = read(sessionStorage, SESSION_OVERRIDE);
  if (override) return override;
  const device = read(localStorage, DEVICE_KEY);
  if (device) return device;
  const browser = navigator.languages.map((l) => l.split('-')[0]).find(isLanguage);
  return browser ?? 'en';
}

function applyToDocument(lng: string) {
  const html = document.documentElement;
  html.lang = bcp47(lng);
  html.dir = directionOf(lng);
  setServerLanguage(lng === PSEUDO ? 'en' : lng);
}

export async function initI18n(): Promise<typeof i18next> {
  const lng = initialLanguage();
  i18next.on('languageChanged', applyToDocument);
  await i18next
    .use(pseudo)
    .use(initReactI18next)
    .init({
      lng,
      supportedLngs: [...LANGUAGES, PSEUDO],
      fallbackLng: 'en',
      resources: {
        ar: { translation: CATALOGUES.ar! },
        en: { translation: CATALOGUES.en! },
        ru: { translation: CATALOGUES.ru! },
        kk: { translation: CATALOGUES.kk! },
        az: { translation: CATALOGUES.az! },
        [PSEUDO]: { translation: CATALOGUES.en! },
      },
      postProcess: lng === PSEUDO ? ['pseudo'] : false,
      interpolation: { escapeValue: false }, // React escapes
      returnEmptyString: false,
    });
  applyToDocument(lng);
  return i18next;
}

/** The user picked a language: remember it for them and for this device. */
export async function chooseLanguage(lng: UiLanguage, userId?: string): Promise<void> {
  if (lng !== PSEUDO) {
    localStorage.setItem(DEVICE_KEY, lng);
    if (userId) localStorage.setItem(userKey(userId), lng);
    else sessionStorage.setItem(BEFORE_SIGN_IN, lng);
    sessionStorage.removeItem(SESSION_OVERRIDE);
  }
  i18next.options.postProcess = lng === PSEUDO ? ['pseudo'] : false;
  await i18next.changeLanguage(lng);
}

/**
 * After sign-in: the user's own saved choice, else the language they just picked on the sign-in
 * page, else the language of their staff profile.
 */
export async function languageForUser(userId: string, profileLocale: string): Promise<void> {
  if (read(sessionStorage, SESSION_OVERRIDE)) return;
  const lng =
    read(localStorage, userKey(userId)) ??
    read(sessionStorage, BEFORE_SIGN_IN) ??
    (isLanguage(profileLocale) ? profileLocale : null);
  sessionStorage.removeItem(BEFORE_SIGN_IN);
  if (!lng) return;
  if (lng !== i18next.language) await chooseLanguage(lng, userId);
  else localStorage.setItem(userKey(userId), lng);
}
