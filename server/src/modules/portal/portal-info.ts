// What the portal and the mobile app need to draw the org's approved form, in the reader's
// language: names, enabled case types, form fields, categories, services, the privacy notice.
import type { DbOrTrx } from '../../platform/db/db.ts';
import { type Locale, type LocalizedText, pickText, textDirection } from '../../platform/i18n/locales.ts';
import { BUILTIN_LABELS, CASE_TYPES, fieldPath } from '../cases/case-form.ts';
import { getActiveForm, type OrgContext } from '../orgs/org.repository.ts';
import { privacyNotice } from './portal-text.ts';
import { PORTAL_CHANNELS } from './submit-case.ts';

export interface PortalInfo {
  org: { slug: string; name: string; country: string; timezone: string };
  locale: Locale;
  direction: 'rtl' | 'ltr';
  languages: Locale[];
  defaultLanguage: Locale;
  hijri: boolean;
  /** intake channels of the public API that the org accepts */
  channels: string[];
  caseTypes: { code: string; name: string }[];
  form: {
    version: number;
    fields: {
      key: string;
      /** where the value goes in the submission body, e.g. `customer.phone` */
      field: string;
      label: string;
      required: boolean;
      maxLength?: number;
      options?: { value: string; label: string }[];
    }[];
  };
  categories: { code: string; name: string }[];
  services: { code: string; name: string }[];
  privacyNotice: string;
}

export async function getPortalInfo(db: DbOrTrx, org: OrgContext, locale: Locale): Promise<PortalInfo> {
  const text = (v: LocalizedText | null | undefined) => pickText(v, locale, org.defaultLocale);
  const [form, categories, services] = await Promise.all([
    getActiveForm(db, org.orgId),
    db
      .selectFrom('categories')
      .select(['code', 'name'])
      .where('org_id', '=', org.orgId)
      .where('active', '=', true)
      .orderBy('code')
      .execute(),
    db
      .selectFrom('services')
      .select(['code', 'name'])
      .where('org_id', '=', org.orgId)
      .where('active', '=', true)
      .orderBy('code')
      .execute(),
  ]);
  const types = org.settings.caseTypes ?? {};
  const fields = form.fields.map((f) => {
    const path = fieldPath(f.key);
    return {
      key: f.key as string,
      field: path,
      label: text(f.label) || text(BUILTIN_LABELS[path]) || f.key,
      // the nature of the complaint is never optional, whatever the form says
      required: f.required || path === 'description',
      ...(f.maxLength ? { maxLength: f.maxLength } : {}),
      ...(f.options ? { options: f.options.map((o) => ({ value: o.value, label: text(o.label) })) } : {}),
    };
  });
  if (!fields.some((f) => f.field === 'description')) {
    fields.push({
      key: 'description',
      field: 'description',
      label: text(BUILTIN_LABELS.description),
      required: true,
    });
  }
  const orgName = text(org.name);
  const own = (org.settings as { privacyNotice?: LocalizedText }).privacyNotice;
  return {
    org: { slug: org.slug, name: orgName, country: org.country, timezone: org.timezone },
    locale,
    direction: textDirection(locale),
    languages: org.locales,
    defaultLanguage: org.defaultLocale,
    hijri: Boolean(org.settings.hijri),
    channels: PORTAL_CHANNELS.filter((c) => (org.settings.channels ?? []).includes(c)),
    caseTypes: CASE_TYPES.filter((c) => types[c]?.enabled ?? true).map((code) => ({
      code,
      name: text(types[code]?.name) || code,
    })),
    form: {
      version: form.version,
      fields,
    },
    categories: categories.map((c) => ({ code: c.code, name: text(c.name as LocalizedText) })),
    services: services.map((s) => ({ code: s.code, name: text(s.name as LocalizedText) })),
    privacyNotice: privacyNotice(locale, orgName, own),
  };
}
