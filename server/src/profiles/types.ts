// A policy profile: the ready configuration an administrator loads for one organisation
// (SPEC: "Each of the five must be runnable as a policy profile"). Data only.

import type { RoleCode } from '../modules/access/permissions.ts';
import type { Locale, LocalizedText } from '../platform/i18n/locales.ts';

export type CaseType = 'complaint' | 'suggestion' | 'inquiry' | 'compliment';
export type Channel =
  | 'call_centre'
  | 'store'
  | 'web_form'
  | 'mobile_app'
  | 'chat'
  | 'email'
  | 'social'
  | 'messaging'
  | 'video'
  | 'letter';

/** Standard keys map onto case/customer columns; `custom.<name>` keys are kept in form_data. */
export type FormFieldKey =
  | 'first_name'
  | 'last_name'
  | 'patronymic'
  | 'business_name'
  | 'phone'
  | 'email'
  | 'national_id'
  | 'account_id'
  | 'served_by'
  | 'subject'
  | 'description'
  | 'remedy_sought'
  | 'category'
  | 'service'
  | `custom.${string}`;

export interface FormField {
  key: FormFieldKey;
  required: boolean;
  label: LocalizedText;
  maxLength?: number;
  /** For custom fields with a fixed set of answers. */
  options?: { value: string; label: LocalizedText }[];
}

export interface ProfileUser {
  email: string;
  displayName: string;
  role: RoleCode;
  /** department code */
  department?: string;
  locale: Locale;
  /** this user is the accountable lead of the department with this code */
  leads?: string;
}

export interface ProfileSampleCase {
  type: CaseType;
  channel: Channel;
  category: string;
  service?: string;
  subject: string;
  description: string;
  remedySought?: string;
  locale: Locale;
  customer: {
    kind?: 'person' | 'business';
    segment?: 'individual' | 'business_owner';
    firstName?: string;
    lastName?: string;
    patronymic?: string;
    businessName?: string;
    phone: string;
    email?: string;
  };
  servedBy?: string;
  /** where the demo leaves this case; the seeder replays the actions to get there */
  stage?: 'received' | 'acknowledged' | 'transferred' | 'responded' | 'closed' | 'resolved_on_the_spot';
}

export interface PolicyProfile {
  /** also the seed policy id: UM, JM, PH, HR, KH */
  policyId: 'UM' | 'JM' | 'PH' | 'HR' | 'KH';
  slug: string;
  /** prefix of human-quotable case numbers, e.g. KH → KH-2026-000123 */
  casePrefix: string;
  name: LocalizedText;
  country: string;
  defaultLocale: Locale;
  locales: Locale[];
  timezone: string;
  /** Show Hijri (Umm al-Qura) dates beside Gregorian ones. */
  hijri: boolean;
  caseTypes: Partial<Record<CaseType, { enabled: boolean; name?: LocalizedText }>>;
  channels: Channel[];
  roles: Partial<Record<RoleCode, LocalizedText>>;
  departments: {
    code: string;
    kind: 'contact_centre' | 'specialised' | 'field' | 'finance' | 'quality' | 'management';
    name: LocalizedText;
  }[];
  services: { code: string; name: LocalizedText }[];
  categories: {
    code: string;
    name: LocalizedText;
    department: string;
    defaultPriority?: 'low' | 'normal' | 'high' | 'urgent';
    healthOrSafety?: boolean;
  }[];
  form: FormField[];
  users: ProfileUser[];
  sampleCases: ProfileSampleCase[];
}
