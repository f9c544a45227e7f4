// Dates as the customer reads them: their language, the org's zone, Hijri beside Gregorian where
// the org enables it (R-I18N-2).
import type { DbOrTrx } from '../../platform/db/db.ts';
import { type DateForPeople, formatDateForPeople } from '../../platform/i18n/dates.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { OrgContext } from '../orgs/org.repository.ts';
import { type PeopleDates, slaViews } from '../sla/sla-view.ts';

export function peopleDates(org: OrgContext, locale: Locale): PeopleDates {
  return { locale, timeZone: org.timezone, hijri: Boolean(org.settings.hijri), region: org.country };
}

export function dateForPeople(org: OrgContext, locale: Locale, at: Date): DateForPeople {
  return formatDateForPeople(at, { ...peopleDates(org, locale), withTime: true });
}

export interface ExpectedResolution {
  at: string;
  date: DateForPeople;
}

/** The resolution stage's due instant: the date promised to the customer; null without an SLA. */
export async function expectedResolution(
  db: DbOrTrx,
  org: OrgContext,
  caseId: string,
  locale: Locale,
  now = new Date(),
): Promise<ExpectedResolution | null> {
  const view = (await slaViews(db, org.orgId, [caseId], peopleDates(org, locale), now)).get(caseId);
  if (!view?.expectedResolutionAt || !view.expectedResolution) return null;
  return { at: view.expectedResolutionAt, date: view.expectedResolution };
}
