// Use-case: a customer submits a complaint or suggestion through the org's approved form on the
// web portal or in the mobile app (R-INTAKE-2, -3, -4). Same validation and case path as the staff
// API (registerCase), plus the privacy-notice consent, which is recorded on the case.
import { randomInt } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Trx } from '../../platform/db/db.ts';
import { type FieldError, validation } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { formatCaseNumber } from '../cases/case.repository.ts';
import type { CaseInput } from '../cases/case-form.ts';
import { fieldPath, validateCaseInput } from '../cases/case-form.ts';
import { loadFormAndLookups, registerCase } from '../cases/register-case.ts';
import { normalizePhone } from '../customers/contacts.ts';
import type { OrgContext } from '../orgs/org.repository.ts';
import { dateForPeople, type ExpectedResolution, expectedResolution } from './portal-dates.ts';
import { portalFieldError } from './portal-text.ts';

export const PORTAL_CHANNELS = ['web_form', 'mobile_app'] as const;

export interface PortalCaseInput extends Omit<CaseInput, 'priority' | 'department'> {
  /** the customer accepted the privacy notice */
  consent?: boolean;
  /** honeypot: hidden from people, filled in by form-filling robots */
  website?: string;
}

export interface PortalReceipt {
  number: string;
  expectedResolutionAt: string | null;
  expectedResolution: ExpectedResolution['date'] | null;
}

export function isHoneypotFilled(input: { website?: unknown }): boolean {
  return typeof input.website === 'string' && input.website.trim() !== '';
}

/** The phone the form names, as stored (E.164), to limit how often one number submits. */
export function submittedPhone(org: OrgContext, input: PortalCaseInput): string | null {
  const raw = input.customer?.phone?.trim();
  return raw ? (normalizePhone(raw, org.country) ?? raw.replace(/\D/g, '')) : null;
}

async function formErrors(trx: Trx, org: OrgContext, input: CaseInput): Promise<FieldError[]> {
  const { form, lookups } = await loadFormAndLookups(trx, org);
  const checked = validateCaseInput(input, form.fields, lookups);
  if (checked.ok) return [];
  const labels = new Map(form.fields.map((f) => [fieldPath(f.key), f.label]));
  return checked.errors.map((e) => ({ ...e, label: labels.get(e.field) }));
}

export async function submitPortalCase(
  trx: Trx,
  org: OrgContext,
  input: PortalCaseInput,
  now = new Date(),
): Promise<{ id: string; number: string }> {
  const { consent, website: _honeypot, ...rest } = input;
  const caseInput: CaseInput = { ...rest };
  const extra: FieldError[] = [];
  if (!(PORTAL_CHANNELS as readonly string[]).includes(caseInput.channel)) {
    extra.push({ field: 'channel', reason: 'invalid_value' });
  }
  if (consent !== true) extra.push(portalFieldError('consent', 'consent_required'));
  // every problem at once, the form's as well, and nothing registered
  if (extra.length) {
    const all = [...(await formErrors(trx, org, caseInput)), ...extra];
    throw validation(all.filter((f, i) => all.findIndex((g) => g.field === f.field) === i));
  }
  return registerCase(trx, org, { userId: null, departmentId: null }, caseInput, {
    now,
    privacyConsentAt: now,
  });
}

export async function portalReceipt(
  trx: Trx,
  org: OrgContext,
  registered: { id: string; number: string },
  locale: Locale,
  now = new Date(),
): Promise<PortalReceipt> {
  const expected = await expectedResolution(trx, org, registered.id, locale, now);
  return {
    number: registered.number,
    expectedResolutionAt: expected?.at ?? null,
    expectedResolution: expected?.date ?? null,
  };
}

/**
 * What a robot that filled the honeypot is told: a receipt shaped like a real one, so it has no
 * reason to try again differently. Nothing is stored and no number is used up.
 */
export function decoyReceipt(org: OrgContext, locale: Locale, now = new Date()): PortalReceipt {
  const year = DateTime.fromJSDate(now, { zone: org.timezone }).year;
  const due = DateTime.fromJSDate(now, { zone: org.timezone }).plus({ days: 14 }).toJSDate();
  return {
    number: formatCaseNumber(org.casePrefix, year, randomInt(1, 1_000_000)),
    expectedResolutionAt: due.toISOString(),
    expectedResolution: dateForPeople(org, locale, due),
  };
}
