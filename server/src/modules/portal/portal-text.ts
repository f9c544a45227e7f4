// Customer-facing wording: field labels for the portal's own fields (taken from the message
// catalogues, so every language is translated in one place) and localised texts.
import type { FieldError } from '../../platform/errors.ts';
import { LOCALES, type Locale, type LocalizedText } from '../../platform/i18n/locales.ts';
import { type MessageKey, t } from '../../platform/i18n/translate.ts';

type LabelKey = Extract<MessageKey, `portal.label.${string}`>;

function label(key: LabelKey): LocalizedText {
  return Object.fromEntries(LOCALES.map((l) => [l, t(l, key)])) as LocalizedText;
}

/** A field error that carries its label in every language. */
export function portalFieldError(
  field: 'code' | 'consent' | 'message' | 'rating' | 'comment' | 'number',
  reason: string,
  params?: Record<string, string | number>,
): FieldError {
  return { field, reason, label: label(`portal.label.${field}`), ...(params ? { params } : {}) };
}

export function privacyNotice(locale: Locale, orgName: string, own?: LocalizedText): string {
  return own?.[locale] ?? t(locale, 'portal.privacy_notice', { org: orgName });
}
