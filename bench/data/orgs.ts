// The five policy profiles as loaded by the product (loadProfile), read back with the ids the
// bulk rows must point at, plus synthetic staff so that owner queues have a realistic size.
import { v7 as uuidv7 } from 'uuid';
import type { CalendarSpec } from '../../server/src/modules/calendar/calendar.ts';
import {
  calendarForDepartment,
  listPolicies,
  type StoredPolicy,
} from '../../server/src/modules/sla/sla.repository.ts';
import type { Db } from '../../server/src/platform/db/db.ts';
import type { Locale, LocalizedText } from '../../server/src/platform/i18n/locales.ts';
import type { PolicyProfile } from '../../server/src/profiles/index.ts';
import type { Rng } from '../lib/random.ts';
import { PHRASES } from './phrases.ts';

export interface OrgModel {
  orgId: string;
  slug: string;
  casePrefix: string;
  country: string;
  timezone: string;
  /** languages customers write in, with weights */
  localeWeights: [Locale, number][];
  caseTypes: [string, number][];
  channels: [string, number][];
  departments: { id: string; code: string; kind: string; leadUserId: string | null }[];
  /** staff who can own cases, by department id */
  staff: Map<string, string[]>;
  /** agents who register cases at the desk or on the phone */
  registrars: string[];
  managerId: string;
  categories: {
    id: string;
    departmentId: string;
    priority: string;
    name: LocalizedText;
  }[];
  services: string[];
  serviceRequired: boolean;
  patronymic: boolean;
  calendar: { id: string; spec: CalendarSpec } | null;
  policies: StoredPolicy[];
}

const LOCALE_WEIGHTS: Record<string, [Locale, number][]> = {
  umniah: [
    ['ar', 90],
    ['en', 10],
  ],
  sawa: [
    ['ar', 94],
    ['en', 6],
  ],
  hrdf: [
    ['ar', 92],
    ['en', 8],
  ],
  'jusan-mobile': [
    ['kk', 55],
    ['ru', 40],
    ['en', 5],
  ],
  'kontakt-home': [
    ['az', 75],
    ['ru', 20],
    ['en', 5],
  ],
};

const TYPE_WEIGHTS: Record<string, number> = { complaint: 70, inquiry: 15, suggestion: 8, compliment: 7 };
const CHANNEL_WEIGHTS: Record<string, number> = {
  call_centre: 45,
  store: 15,
  web_form: 12,
  mobile_app: 8,
  chat: 8,
  email: 5,
  social: 4,
  messaging: 3,
  video: 1,
  letter: 1,
};

/** Share of all generated cases each org receives (a big operator handles the most). */
export const ORG_SHARE: Record<string, number> = {
  umniah: 30,
  'jusan-mobile': 25,
  'kontakt-home': 20,
  sawa: 15,
  hrdf: 10,
};

/**
 * Reads the loaded profile back and adds `staffPerOrg` synthetic staff (agents in the contact
 * centre, department staff elsewhere), so that a case load of hundreds of thousands is spread over
 * a plausible team rather than the profile's dozen demo users.
 */
export async function loadOrgModel(
  db: Db,
  orgId: string,
  profile: PolicyProfile,
  staffPerOrg: number,
  rng: Rng,
): Promise<OrgModel> {
  const [departments, users, categories, services, policies, calendar] = await Promise.all([
    db
      .selectFrom('departments')
      .select(['id', 'code', 'kind', 'lead_user_id'])
      .where('org_id', '=', orgId)
      .orderBy('code')
      .execute(),
    db.selectFrom('users').select(['id', 'role_code', 'department_id']).where('org_id', '=', orgId).execute(),
    db
      .selectFrom('categories')
      .select(['id', 'department_id', 'default_priority', 'health_or_safety', 'name'])
      .where('org_id', '=', orgId)
      .where('active', '=', true)
      .execute(),
    db.selectFrom('services').select('id').where('org_id', '=', orgId).execute(),
    listPolicies(db, orgId),
    calendarForDepartment(db, orgId, null),
  ]);

  // Synthetic staff: half in the contact centre(s), the rest across the other working departments.
  const working = departments.filter((d) => !['quality', 'management'].includes(d.kind));
  const centre = working.filter((d) => d.kind === 'contact_centre');
  const names = PHRASES[profile.defaultLocale];
  const added: {
    id: string;
    department_id: string;
    role_code: string;
    email: string;
    display_name: string;
  }[] = [];
  for (let i = 0; i < staffPerOrg; i++) {
    const inCentre = i % 2 === 0 && centre.length > 0;
    const dept = inCentre ? centre[i % centre.length]! : working[i % working.length]!;
    added.push({
      id: uuidv7(),
      department_id: dept.id,
      role_code: dept.kind === 'contact_centre' ? 'agent' : 'department_staff',
      email: `staff${i + 1}.${dept.code}@${profile.slug}.bench`.toLowerCase(),
      display_name: `${rng.pick(names.firstNames)} ${rng.pick(names.lastNames)}`,
    });
  }
  if (added.length) {
    await db
      .insertInto('users')
      .values(
        added.map((u) => ({
          org_id: orgId,
          id: u.id,
          email: u.email,
          display_name: u.display_name,
          locale: profile.defaultLocale,
          role_code: u.role_code,
          department_id: u.department_id,
          password_hash: null,
        })),
      )
      .execute();
  }

  const all = [...users, ...added];
  const staff = new Map<string, string[]>();
  for (const u of all) {
    if (
      !u.department_id ||
      !['agent', 'department_staff', 'supervisor', 'after_sales_agent'].includes(u.role_code)
    )
      continue;
    const list = staff.get(u.department_id) ?? [];
    list.push(u.id);
    staff.set(u.department_id, list);
  }
  const registrars = all
    .filter((u) => u.role_code === 'agent' && centre.some((d) => d.id === u.department_id))
    .map((u) => u.id);
  const manager =
    users.find((u) => u.role_code === 'cs_manager') ?? users.find((u) => u.role_code === 'administrator');
  if (!manager) throw new Error(`${profile.slug}: no customer-service manager`);
  const enabledTypes = Object.entries(TYPE_WEIGHTS).filter(
    ([t]) => (profile.caseTypes as Record<string, { enabled: boolean } | undefined>)[t]?.enabled ?? true,
  );
  const formKeys = new Map(profile.form.map((f) => [f.key, f.required]));
  return {
    orgId,
    slug: profile.slug,
    casePrefix: profile.casePrefix,
    country: profile.country,
    timezone: profile.timezone,
    localeWeights: LOCALE_WEIGHTS[profile.slug] ?? [[profile.defaultLocale, 1]],
    caseTypes: enabledTypes,
    channels: profile.channels.map((c) => [c, CHANNEL_WEIGHTS[c] ?? 1]),
    departments: departments.map((d) => ({
      id: d.id,
      code: d.code,
      kind: d.kind,
      leadUserId: d.lead_user_id,
    })),
    staff,
    registrars: registrars.length ? registrars : [manager.id],
    managerId: manager.id,
    categories: categories.map((c) => ({
      id: c.id,
      departmentId: c.department_id,
      priority: c.health_or_safety ? 'urgent' : c.default_priority,
      name: c.name as LocalizedText,
    })),
    services: services.map((s) => s.id),
    serviceRequired: formKeys.get('service') === true,
    patronymic: formKeys.has('patronymic'),
    calendar,
    policies,
  };
}
