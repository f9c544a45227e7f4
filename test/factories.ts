// Test data built through the real use-cases: an org loaded from a policy profile, and actors.
import { actorFor } from '../server/src/modules/access/auth.ts';
import type { Actor } from '../server/src/modules/access/permissions.ts';
import type { CaseInput } from '../server/src/modules/cases/case-form.ts';
import { registerCase } from '../server/src/modules/cases/register-case.ts';
import { loadProfile } from '../server/src/modules/orgs/load-profile.ts';
import { getOrgById, type OrgContext } from '../server/src/modules/orgs/org.repository.ts';
import type { Db } from '../server/src/platform/db/db.ts';
import { PROFILES } from '../server/src/profiles/index.ts';
import type { PolicyProfile } from '../server/src/profiles/types.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

export function profile(slug: string): PolicyProfile {
  const p = PROFILES.find((x) => x.slug === slug);
  if (!p) throw new Error(`no profile ${slug}`);
  return p;
}

export interface TestOrg {
  org: OrgContext;
  profile: PolicyProfile;
  actor(role: string, index?: number): Promise<Actor>;
  userEmail(role: string, index?: number): string;
}

export async function createOrg(db: Db, slug: string, opts: { as?: string } = {}): Promise<TestOrg> {
  const base = profile(slug);
  // a second copy of a profile (for cross-org tests) gets its own slug and prefix
  const p: PolicyProfile = opts.as ? { ...base, slug: opts.as, casePrefix: `${base.casePrefix}X` } : base;
  const loaded = await loadProfile(db, p, { password: TEST_PASSWORD, withSampleCases: false });
  const org = (await getOrgById(db, loaded.orgId))!;
  const userEmail = (role: string, index = 0) => {
    const u = p.users.filter((x) => x.role === role)[index];
    if (!u) throw new Error(`profile ${slug} has no ${role} #${index}`);
    return u.email.toLowerCase();
  };
  return {
    org,
    profile: p,
    userEmail,
    async actor(role, index = 0) {
      const row = await db
        .selectFrom('users')
        .select('id')
        .where('org_id', '=', org.orgId)
        .where('email', '=', userEmail(role, index))
        .executeTakeFirstOrThrow();
      return (await actorFor(db, org.orgId, row.id))!;
    },
  };
}

let phoneCounter = 0;
/** A valid, unique Azerbaijani mobile number per call. */
export function azPhone(): string {
  phoneCounter += 1;
  return `+99450${String(1000000 + phoneCounter).slice(-7)}`;
}

export function khComplaint(overrides: Partial<CaseInput> = {}): CaseInput {
  return {
    type: 'complaint',
    channel: 'call_centre',
    description: 'Soyuducu çatdırılma zamanı zədələnib, qapısı bağlanmır.',
    remedySought: 'Soyuducunun dəyişdirilməsi',
    locale: 'az',
    ...overrides,
    customer: {
      firstName: 'Leyla',
      lastName: 'Məmmədova',
      patronymic: 'Rauf qızı',
      phone: azPhone(),
      ...(overrides.customer ?? {}),
    },
  };
}

export async function registerAs(db: Db, t: TestOrg, actor: Actor | null, input: CaseInput, now?: Date) {
  return db
    .transaction()
    .execute((trx) =>
      registerCase(
        trx,
        t.org,
        { userId: actor?.userId ?? null, departmentId: actor?.departmentId ?? null },
        input,
        now ? { now } : {},
      ),
    );
}
