// The authorisation matrix: every route in the OpenAPI document, for every role, for a user of
// another org and for nobody. Fails if a route is missing from the table below, or if any
// answer is more permissive than the role's permissions.
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { createOrg, khComplaint, registerAs, type TestOrg } from '../../../test/factories.ts';
import { createTestApp, type Session, signIn } from '../../../test/http.ts';
import { DEFAULT_ROLE_PERMISSIONS, type Permission, type RoleCode } from '../modules/access/permissions.ts';
import type { Db } from '../platform/db/db.ts';

type Rule = { public: true } | { signedIn: true } | { any: Permission[] } | { all: Permission[] };
const READ: Rule = { any: ['cases:read:org', 'cases:read:department'] };

/** What each route demands. A new route must be added here, or this test fails. */
const MATRIX: Record<string, Rule> = {
  'POST /api/v1/auth/login': { public: true },
  'POST /api/v1/auth/logout': { signedIn: true },
  'GET /api/v1/auth/me': { signedIn: true },
  'POST /api/v1/api-tokens': { all: ['users:manage'] },
  'GET /api/v1/org': { signedIn: true },
  'GET /api/v1/users': { all: ['cases:read:org'] },
  'POST /api/v1/admin/departments': { all: ['settings:manage'] },
  'POST /api/v1/admin/categories': { all: ['settings:manage'] },
  'POST /api/v1/admin/services': { all: ['settings:manage'] },
  'POST /api/v1/admin/users': { all: ['users:manage'] },
  'PUT /api/v1/admin/form': { all: ['settings:manage'] },
  'PATCH /api/v1/admin/org': { all: ['settings:manage'] },
  'PATCH /api/v1/admin/departments/{code}': { all: ['settings:manage'] },
  'PATCH /api/v1/admin/categories/{code}': { all: ['settings:manage'] },
  'PATCH /api/v1/admin/services/{code}': { all: ['settings:manage'] },
  'PATCH /api/v1/admin/users/{id}': { all: ['users:manage'] },
  'GET /api/v1/admin/roles': { all: ['users:manage'] },
  'PUT /api/v1/admin/roles/{code}': { all: ['users:manage'] },
  'GET /api/v1/customers': { all: ['customers:read'] },
  'GET /api/v1/customers/{id}': { all: ['customers:read'] },
  'POST /api/v1/customers/{id}/merge': { all: ['customers:write'] },
  'POST /api/v1/cases': { all: ['cases:create'] },
  'GET /api/v1/cases': READ,
  'GET /api/v1/cases/{id}': READ,
  'GET /api/v1/cases/counts': READ,
  'GET /api/v1/cases/{id}/timeline': READ,
  'POST /api/v1/cases/{id}/actions/{action}': { any: ['cases:work', 'cases:close'] },
  'POST /api/v1/cases/{id}/notes': { all: ['cases:work'] },
  'POST /api/v1/cases/{id}/assign': { all: ['cases:assign'] },
  'POST /api/v1/cases/bulk': { all: ['cases:close'] },
  'POST /api/v1/cases/{id}/attachments': { all: ['cases:work'] },
  'GET /api/v1/cases/{id}/attachments': READ,
  'GET /api/v1/cases/{id}/attachments/{attachmentId}': READ,
  'GET /api/v1/audit': { all: ['audit:read'] },
  'POST /api/v1/audit/verify': { all: ['audit:read'] },
  'GET /api/v1/admin/calendars': { all: ['settings:manage'] },
  'GET /api/v1/admin/calendars/{code}': { all: ['settings:manage'] },
  'PUT /api/v1/admin/calendars/{code}': { all: ['settings:manage'] },
  'PUT /api/v1/admin/departments/{code}/calendar': { all: ['settings:manage'] },
  'GET /api/v1/admin/sla-policies': { all: ['settings:manage'] },
  'PUT /api/v1/admin/sla-policies/{code}': { all: ['settings:manage'] },
  'POST /api/v1/cases/{id}/sla/extend': { all: ['cases:work'] },
  'GET /api/v1/reports/sla': { all: ['reports:read'] },
  'GET /api/v1/portal/{org}': { public: true },
  'POST /api/v1/portal/{org}/cases': { public: true },
  'POST /api/v1/portal/{org}/track': { public: true },
  'POST /api/v1/portal/{org}/track/verify': { public: true },
  'DELETE /api/v1/portal/{org}/session': { public: true },
  // customers: a portal session for the case, not a staff permission (portal.test.ts)
  'GET /api/v1/portal/{org}/cases/{number}': { public: true },
  'POST /api/v1/portal/{org}/cases/{number}/reply': { public: true },
  'POST /api/v1/portal/{org}/cases/{number}/attachments': { public: true },
  'GET /api/v1/portal/{org}/cases/{number}/letter.pdf': { public: true },
  'GET /api/v1/portal/{org}/survey/{token}': { public: true },
  'POST /api/v1/portal/{org}/survey/{token}': { public: true },
  'GET /api/v1/reports/csat': { all: ['reports:read'] },
  'GET /api/v1/admin/providers': { all: ['settings:manage'] },
  'PUT /api/v1/admin/providers/{channel}': { all: ['settings:manage'] },
  'GET /api/v1/admin/templates': { all: ['settings:manage'] },
  'PUT /api/v1/admin/templates/{event}/{channel}/{locale}': { all: ['settings:manage'] },
  'DELETE /api/v1/admin/templates/{event}/{channel}/{locale}': { all: ['settings:manage'] },
  'POST /api/v1/admin/templates/preview': { all: ['settings:manage'] },
  'GET /api/v1/admin/outbox': { all: ['settings:manage'] },
  'GET /api/v1/cases/{id}/notifications': READ,
  'GET /api/v1/cases/{id}/letter.pdf': READ,
  'GET /api/v1/cases/{id}/offers': READ,
  'GET /api/v1/admin/inboxes': { all: ['settings:manage'] },
  'GET /api/v1/reports/volumes': { all: ['reports:read'] },
  'GET /api/v1/live': READ,
  'GET /api/v1/reports/backlog': { all: ['reports:read'] },
  'GET /api/v1/reports/team': { all: ['reports:read'] },
  'PUT /api/v1/admin/inboxes/{code}': { all: ['settings:manage'] },
  'GET /api/v1/admin/channels': { all: ['settings:manage'] },
  'PUT /api/v1/admin/channels/{code}': { all: ['settings:manage'] },
  'POST /api/v1/cases/{id}/replies': { all: ['cases:work'] },
  // web chat: the visitor's socket and the agents' live socket are WebSockets, not in the document
  // (chat.test.ts covers their origin, session and CSRF checks)
  'GET /api/v1/chats': READ,
  'GET /api/v1/chats/{id}': READ,
  'POST /api/v1/chats/{id}/take': { all: ['cases:work'] },
  'POST /api/v1/chats/{id}/messages': { all: ['cases:work'] },
  'POST /api/v1/chats/{id}/close': { all: ['cases:work'] },
  'POST /api/v1/chats/{id}/case': { all: ['cases:work', 'cases:create'] },
  'POST /api/v1/chats/{id}/attach': { all: ['cases:work'] },
  // the PBX: authenticated by the channel's event secret, not a staff session (calls.test.ts)
  'POST /api/v1/cti/{org}/{channel}/events': { public: true },
  'GET /api/v1/calls': { any: ['reports:read', 'cases:read:org'] },
  'GET /api/v1/calls/{id}': { any: ['reports:read', 'cases:read:org'] },
  'POST /api/v1/calls/{id}/link': { all: ['cases:work'] },
  'POST /api/v1/calls/{id}/recording': { all: ['cases:work'] },
  'GET /api/v1/calls/{id}/recording': { any: ['reports:read', 'cases:read:org'] },
  'POST /api/v1/cases/{id}/video-calls': { all: ['cases:work'] },
  // messaging platforms: the request proves itself by signature or secret (messaging/webhooks.test.ts)
  'GET /api/v1/webhooks/{org}/{channel}': { public: true },
  'POST /api/v1/webhooks/{org}/{channel}': { public: true },
  'POST /api/v1/cases/{id}/offers': { all: ['cases:work'] },
  'POST /api/v1/cases/{id}/offers/{offerId}/answer': { all: ['cases:work'] },
  'POST /api/v1/cases/{id}/identity-check': { all: ['cases:work'] },
  'GET /api/v1/cases/{id}/customer': { all: ['customers:read'] },
};

function allowed(rule: Rule, perms: readonly string[]): boolean {
  if ('public' in rule || 'signedIn' in rule) return true;
  if ('any' in rule) return rule.any.some((p) => perms.includes(p));
  return rule.all.every((p) => perms.includes(p));
}

let db: Db;
let app: FastifyInstance;
let kh: TestOrg;
let other: TestOrg;
let caseId: string;
let customerId: string;
let routes: { method: string; path: string }[];

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
  other = await createOrg(db, 'kontakt-home', { as: 'other-retailer' });
  app = await createTestApp(db);
  const agent = await kh.actor('agent');
  const c = await registerAs(db, kh, agent, khComplaint());
  caseId = c.id;
  customerId = (
    await db.selectFrom('cases').select('customer_id').where('id', '=', caseId).executeTakeFirstOrThrow()
  ).customer_id;
  const doc = app.swagger() as { paths: Record<string, Record<string, unknown>> };
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => ({ method: m.toUpperCase(), path })),
  );
});

const QUERY: Record<string, string> = {
  '/api/v1/reports/sla': '?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z',
  '/api/v1/reports/volumes': '?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z&by=channel',
  '/api/v1/reports/csat': '?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z',
};

function url(path: string): string {
  const code = path.includes('/departments/')
    ? 'customer_care'
    : path.includes('sla-policies')
      ? 'standard'
      : 'main';
  return (path + (QUERY[path] ?? ''))
    .replace('{code}', code)
    .replace('{channel}', 'email')
    .replace('{event}', 'registered')
    .replace('{locale}', 'en')
    .replace('{id}', path.startsWith('/api/v1/customers') ? customerId : caseId)
    .replace('{action}', 'acknowledge')
    .replace('{attachmentId}', '00000000-0000-7000-8000-000000000000')
    .replace('{offerId}', '00000000-0000-7000-8000-000000000000');
}

const SOME_UUID = '00000000-0000-7000-8000-000000000001';
/** Bodies valid enough to get past validation, so that only authorisation can refuse them. */
const BODIES: Record<string, object> = {
  'POST /api/v1/customers/{id}/merge': { duplicateId: SOME_UUID },
  'POST /api/v1/cases/{id}/notes': { body: 'note' },
  'POST /api/v1/cases/{id}/assign': { ownerId: SOME_UUID },
  'PUT /api/v1/admin/calendars/{code}': {
    timezone: 'Asia/Baku',
    week: { mon: [['09:00', '18:00']], tue: [['09:00', '18:00']] },
  },
  'PUT /api/v1/admin/departments/{code}/calendar': { calendar: null },
  'PUT /api/v1/admin/sla-policies/{code}': {
    name: { en: 'Standard' },
    targets: { acknowledge: { amount: 3, unit: 'business_days' } },
  },
  'POST /api/v1/cases/{id}/sla/extend': { newDueAt: '2030-01-15', reason: 'Waiting for the supplier' },
  'PUT /api/v1/admin/providers/{channel}': { config: null },
  'POST /api/v1/cases/{id}/offers': {
    kind: 'alternative',
    description: 'LTE instead of fibre',
    reason: 'No port',
  },
  'POST /api/v1/cases/{id}/offers/{offerId}/answer': { answer: 'accepted' },
  'PUT /api/v1/admin/inboxes/{code}': { name: { en: 'Main' }, department: 'customer_care' },
  'PUT /api/v1/admin/channels/{code}': { inbox: 'main', kind: 'store' },
  'POST /api/v1/cases/{id}/replies': { body: 'Hello' },
  'POST /api/v1/chats/{id}/messages': { body: 'Hello' },
  'POST /api/v1/chats/{id}/attach': { number: 'KH-2026-000001' },
  'POST /api/v1/cases/{id}/identity-check': { questions: ['national_id', 'date_of_birth'] },
  'POST /api/v1/calls/{id}/link': { caseId: SOME_UUID },
  'POST /api/v1/cases/{id}/video-calls': {
    url: 'https://meet.example.org/r/1',
    durationSeconds: 60,
    at: '2026-01-01T10:00:00Z',
  },
  'PUT /api/v1/admin/templates/{event}/{channel}/{locale}': {
    subject: 'Case {caseNumber}',
    body: 'We registered {caseNumber}: {trackingUrl}',
  },
  'POST /api/v1/admin/templates/preview': {
    event: 'registered',
    channel: 'sms',
    locale: 'en',
    body: '{caseNumber} {trackingUrl}',
  },
};

async function call(route: { method: string; path: string }, s: Session | null) {
  const payload = route.method === 'GET' ? undefined : (BODIES[`${route.method} ${route.path}`] ?? {});
  return app.inject({
    method: route.method as 'GET',
    url: url(route.path),
    headers: s?.headers ?? {},
    payload,
  });
}

describe('authorisation matrix', () => {
  it('classifies every documented route', () => {
    const documented = routes.map((r) => `${r.method} ${r.path}`).sort();
    expect(documented).toEqual(Object.keys(MATRIX).sort());
  });

  it('turns away callers who are not signed in', async () => {
    for (const r of routes) {
      const rule = MATRIX[`${r.method} ${r.path}`]!;
      if ('public' in rule) continue;
      const res = await call(r, null);
      expect(res.statusCode, `${r.method} ${r.path}`).toBe(401);
    }
  });

  const roles = Object.keys(DEFAULT_ROLE_PERMISSIONS) as RoleCode[];
  for (const role of roles) {
    it(`gives the ${role} exactly what the role allows`, async () => {
      const user = kh.profile.users.find((u) => u.role === role);
      if (!user) return; // the profile has no such user; the default permissions are still checked by other roles
      const s = await signIn(app, 'kontakt-home', user.email.toLowerCase());
      const perms = DEFAULT_ROLE_PERMISSIONS[role];
      for (const r of routes) {
        const key = `${r.method} ${r.path}`;
        const rule = MATRIX[key]!;
        if (key === 'POST /api/v1/auth/logout') continue; // would end the session used here
        const res = await call(r, s);
        if (allowed(rule, perms)) {
          expect([401, 403], `${role} ${key} → ${res.statusCode} ${res.body}`).not.toContain(res.statusCode);
        } else {
          expect(res.statusCode, `${role} ${key}`).toBe(403);
        }
      }
    });
  }

  it("never shows one org's case or customer to another org's manager", async () => {
    const s = await signIn(app, 'other-retailer', other.userEmail('cs_manager'));
    for (const r of routes.filter((x) => x.path.includes('{id}'))) {
      const res = await call(r, s);
      expect([403, 404], `${r.method} ${r.path} → ${res.statusCode} ${res.body}`).toContain(res.statusCode);
    }
  });

  it('denies closing a case to every role without cases:close', async () => {
    for (const role of roles) {
      const user = kh.profile.users.find((u) => u.role === role);
      if (!user || DEFAULT_ROLE_PERMISSIONS[role].includes('cases:close')) continue;
      const s = await signIn(app, 'kontakt-home', user.email.toLowerCase());
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/cases/${caseId}/actions/close`,
        headers: s.headers,
        payload: {},
      });
      expect([403, 404], `${role}`).toContain(res.statusCode);
    }
  });
});
