// Administration over HTTP: changing and retiring what was created, roles, the organisation.
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { createOrg, khComplaint, type TestOrg } from '../../../test/factories.ts';
import { createTestApp, type Session, signIn } from '../../../test/http.ts';
import type { Db } from '../platform/db/db.ts';

let db: Db;
let app: FastifyInstance;
let kh: TestOrg;
let admin: Session;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
  app = await createTestApp(db);
  admin = await signIn(app, 'kontakt-home', kh.userEmail('administrator'));
});

const patch = (url: string, payload: object, s = admin) =>
  app.inject({ method: 'PATCH', url, headers: s.headers, payload });

describe('administration', () => {
  it('reroutes a category and new cases follow it', async () => {
    const code = kh.profile.categories[0]!.code;
    expect(
      (await patch(`/api/v1/admin/categories/${code}`, { department: 'finance', defaultPriority: 'high' }))
        .statusCode,
    ).toBe(200);
    const agent = await signIn(app, 'kontakt-home', kh.userEmail('agent'));
    const c = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: agent.headers,
        payload: khComplaint({ category: code }),
      })
    ).json();
    expect([c.department.code, c.priority]).toEqual(['finance', 'high']);
  });

  it('refuses to retire a department that still holds open cases', async () => {
    const res = await patch('/api/v1/admin/departments/finance', { active: false });
    expect(res.statusCode).toBe(409);
    expect(
      (await patch('/api/v1/admin/departments/quality', { name: { en: 'Quality & compliance' } })).statusCode,
    ).toBe(200);
  });

  it('deactivating a staff member ends their sessions at once', async () => {
    const email = kh.userEmail('agent');
    const agent = await signIn(app, 'kontakt-home', email);
    const id = (await app.inject({ url: '/api/v1/auth/me', headers: agent.headers })).json().user
      .id as string;
    expect((await patch(`/api/v1/admin/users/${id}`, { active: false })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: agent.headers })).statusCode).toBe(401);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { org: 'kontakt-home', email, password: 'correct horse battery staple' },
    });
    expect(login.statusCode).toBe(401);
    await patch(`/api/v1/admin/users/${id}`, { active: true });
  });

  it('lets an administrator change a role’s permissions but never strip the administrator', async () => {
    const roles = (await app.inject({ url: '/api/v1/admin/roles', headers: admin.headers })).json();
    expect(roles.permissions).toContain('cases:close');
    const agentRole = roles.items.find((r: { code: string }) => r.code === 'agent');
    const put = await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/roles/agent',
      headers: admin.headers,
      payload: { permissions: [...agentRole.permissions, 'reports:read'] },
    });
    expect(put.statusCode).toBe(200);
    const agent = await signIn(app, 'kontakt-home', kh.userEmail('agent'));
    expect((await app.inject({ url: '/api/v1/reports/backlog', headers: agent.headers })).statusCode).toBe(
      200,
    );
    const strip = await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/roles/administrator',
      headers: admin.headers,
      payload: { permissions: ['cases:read:org'] },
    });
    expect(strip.statusCode).toBe(409);
    const me = (await app.inject({ url: '/api/v1/auth/me', headers: admin.headers })).json().user
      .id as string;
    expect((await patch(`/api/v1/admin/users/${me}`, { active: false })).statusCode).toBe(409);
  });

  it('turns on Hijri dates and changes the languages, refusing a default outside them', async () => {
    expect(
      (await patch('/api/v1/admin/org', { locales: ['az', 'ru'], defaultLocale: 'en' })).statusCode,
    ).toBe(400);
    expect((await patch('/api/v1/admin/org', { hijri: true, locales: ['az', 'ru', 'en'] })).statusCode).toBe(
      200,
    );
    const org = (await app.inject({ url: '/api/v1/org', headers: admin.headers })).json();
    expect(org.settings.hijri).toBe(true);
    expect(org.locales).toEqual(['az', 'ru', 'en']);
  });
});
