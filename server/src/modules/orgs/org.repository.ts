import type { DbOrTrx } from '../../platform/db/db.ts';
import type { Locale, LocalizedText } from '../../platform/i18n/locales.ts';
import type { CaseType, FormField } from '../../profiles/types.ts';

export interface OrgSettings {
  caseTypes?: Partial<Record<CaseType, { enabled: boolean; name?: LocalizedText }>>;
  channels?: string[];
  hijri?: boolean;
  policyId?: string;
}

export interface OrgContext {
  orgId: string;
  slug: string;
  casePrefix: string;
  name: LocalizedText;
  country: string;
  defaultLocale: Locale;
  locales: Locale[];
  timezone: string;
  settings: OrgSettings;
}

export async function getOrgById(db: DbOrTrx, orgId: string): Promise<OrgContext | null> {
  const row = await db.selectFrom('orgs').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  return row ? toContext(row) : null;
}

export async function getOrgBySlug(db: DbOrTrx, slug: string): Promise<OrgContext | null> {
  const row = await db.selectFrom('orgs').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row ? toContext(row) : null;
}

function toContext(row: {
  org_id: string;
  slug: string;
  case_prefix: string;
  name: unknown;
  country: string;
  default_locale: string;
  locales: string[];
  timezone: string;
  settings: unknown;
}): OrgContext {
  return {
    orgId: row.org_id,
    slug: row.slug,
    casePrefix: row.case_prefix,
    name: row.name as LocalizedText,
    country: row.country,
    defaultLocale: row.default_locale as Locale,
    locales: row.locales as Locale[],
    timezone: row.timezone,
    settings: (row.settings ?? {}) as OrgSettings,
  };
}

export async function getActiveForm(
  db: DbOrTrx,
  orgId: string,
): Promise<{ version: number; fields: FormField[] }> {
  const row = await db
    .selectFrom('case_forms')
    .select(['version', 'fields'])
    .where('org_id', '=', orgId)
    .where('active', '=', true)
    .executeTakeFirst();
  return row ? { version: row.version, fields: row.fields as FormField[] } : { version: 0, fields: [] };
}

export async function listDepartments(db: DbOrTrx, orgId: string) {
  return db.selectFrom('departments').selectAll().where('org_id', '=', orgId).orderBy('code').execute();
}
export async function listCategories(db: DbOrTrx, orgId: string) {
  return db.selectFrom('categories').selectAll().where('org_id', '=', orgId).orderBy('code').execute();
}
export async function listServices(db: DbOrTrx, orgId: string) {
  return db.selectFrom('services').selectAll().where('org_id', '=', orgId).orderBy('code').execute();
}
