// Who the benchmark acts as: API tokens (made with the product's own createApiToken) for a
// manager, queue owners and department staff of each org, sample case ids for case views, and
// valid case bodies for intake.
import { randomInt } from 'node:crypto';
import { actorFor, createApiToken } from '../../server/src/modules/access/auth.ts';
import { OPEN_STATUSES } from '../../server/src/modules/cases/case-status.ts';
import type { Db } from '../../server/src/platform/db/db.ts';
import type { Locale } from '../../server/src/platform/i18n/locales.ts';
import { PROFILES } from '../../server/src/profiles/index.ts';
import { type Corpus, caseText } from '../data/corpus.ts';
import { mobileNumber } from '../data/people.ts';
import { PATRONYMICS, PHRASES } from '../data/phrases.ts';
import type { Rng } from '../lib/random.ts';

export interface OrgFixture {
  orgId: string;
  slug: string;
  country: string;
  locales: Locale[];
  managerToken: string;
  /** the profile's contact-centre agent: registers cases, reads the department queue */
  agentToken: string;
  /** department members (contact centre and specialised departments) */
  departmentTokens: string[];
  /** the owners with the most open cases */
  ownerTokens: string[];
  caseIds: string[];
  categories: { code: string; name: Record<string, string> }[];
  services: string[];
  serviceRequired: boolean;
  patronymic: boolean;
}

async function token(db: Db, orgId: string, adminId: string, userId: string): Promise<string> {
  const admin = await actorFor(db, orgId, adminId);
  if (!admin) throw new Error(`no administrator in org ${orgId}`);
  return (await createApiToken(db, admin, userId, 'benchmark')).token;
}

export async function prepareFixtures(db: Db, sampleCases = 400): Promise<OrgFixture[]> {
  const out: OrgFixture[] = [];
  for (const profile of PROFILES) {
    const org = await db
      .selectFrom('orgs')
      .select(['org_id', 'country', 'locales'])
      .where('slug', '=', profile.slug)
      .executeTakeFirst();
    if (!org)
      throw new Error(`org ${profile.slug} is missing: generate the data set first (npm run bench:data)`);
    const orgId = org.org_id;
    const users = await db
      .selectFrom('users')
      .select(['id', 'email', 'role_code', 'department_id'])
      .where('org_id', '=', orgId)
      .where('active', '=', true)
      .execute();
    const admin = users.find((u) => u.role_code === 'administrator')!;
    const manager = users.find((u) => u.role_code === 'cs_manager')!;
    const profileAgent = profile.users.find((u) => u.role === 'agent')!;
    const agent = users.find((u) => u.email === profileAgent.email.toLowerCase())!;
    const owners = await db
      .selectFrom('cases')
      .select(['owner_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('org_id', '=', orgId)
      .where('status', 'in', [...OPEN_STATUSES])
      .groupBy('owner_id')
      .orderBy('n', 'desc')
      .limit(3)
      .execute();
    const staff = users.filter((u) => u.role_code === 'department_staff' && u.department_id).slice(0, 2);
    const ids = await db
      .selectFrom('cases')
      .select('id')
      .where('org_id', '=', orgId)
      // a case with its timeline (a data set grown by copies has none on the copies)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('case_events as e')
            .select('e.seq')
            .whereRef('e.org_id', '=', 'cases.org_id')
            .whereRef('e.case_id', '=', 'cases.id'),
        ),
      )
      .orderBy(({ fn }) => fn('random'))
      .limit(sampleCases)
      .execute();
    const categories = await db
      .selectFrom('categories')
      .select(['code', 'name'])
      .where('org_id', '=', orgId)
      .where('active', '=', true)
      .execute();
    const services = await db.selectFrom('services').select('code').where('org_id', '=', orgId).execute();
    const form = new Map(profile.form.map((f) => [f.key, f.required]));
    out.push({
      orgId,
      slug: profile.slug,
      country: org.country,
      locales: org.locales as Locale[],
      managerToken: await token(db, orgId, admin.id, manager.id),
      agentToken: await token(db, orgId, admin.id, agent.id),
      departmentTokens: [
        await token(db, orgId, admin.id, agent.id),
        ...(await Promise.all(staff.map((s) => token(db, orgId, admin.id, s.id)))),
      ],
      ownerTokens: await Promise.all(owners.map((o) => token(db, orgId, admin.id, o.owner_id))),
      caseIds: ids.map((r) => r.id),
      categories: categories.map((c) => ({ code: c.code, name: c.name as Record<string, string> })),
      services: services.map((s) => s.code),
      serviceRequired: form.get('service') === true,
      patronymic: form.has('patronymic'),
    });
  }
  return out;
}

const PHONE_BASE = 3_000_000 + randomInt(0, 15_000_000);

/** A case as a call-centre agent would register it: valid for the org's approved form. */
export function intakeBody(f: OrgFixture, n: number, corpus: Corpus, rng: Rng): string {
  const locale = rng.pick(f.locales);
  const category = rng.pick(f.categories);
  const text = caseText(corpus, locale, 'complaint', category.name[locale] ?? category.name.en ?? '', rng);
  const names = PHRASES[locale];
  const patronymics = PATRONYMICS[locale] ?? PATRONYMICS.az!;
  return JSON.stringify({
    type: 'complaint',
    channel: 'call_centre',
    category: category.code,
    ...(f.serviceRequired || rng.chance(0.5) ? { service: rng.pick(f.services) } : {}),
    subject: text.subject.slice(0, 200),
    description: text.description,
    ...(text.remedySought ? { remedySought: text.remedySought } : {}),
    locale,
    customer: {
      firstName: rng.pick(names.firstNames),
      lastName: rng.pick(names.lastNames),
      ...(f.patronymic ? { patronymic: rng.pick(patronymics) } : {}),
      // far above the generated customers' numbers and different on each run, so almost every
      // intake is a new customer
      phone: mobileNumber(f.country, PHONE_BASE + n),
    },
  });
}
