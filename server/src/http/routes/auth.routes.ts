import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import { createApiToken, login, logout } from '../../modules/access/auth.ts';
import type { Db } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, requirePermission, SESSION_COOKIE } from '../auth.ts';

export function authRoutes(app: FastifyInstance, db: Db, config: Config) {
  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with organisation, e-mail and password; sets the session cookie',
        security: [],
        body: Type.Object(
          {
            org: Type.String({ minLength: 1, maxLength: 100 }),
            email: Type.String({ minLength: 1, maxLength: 254 }),
            password: Type.String({ minLength: 1, maxLength: 500 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const body = request.body as { org: string; email: string; password: string };
      const s = await login(db, { ...body, ip: request.ip }, config.sessionTtlHours);
      reply.setCookie(SESSION_COOKIE, s.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        expires: s.expiresAt,
      });
      return {
        user: { id: s.actor.userId, role: s.actor.roleCode, locale: s.actor.locale },
        csrfToken: s.csrfToken,
      };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out' } },
    async (request, reply) => {
      actorOf(request);
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) await logout(db, cookie);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.get(
    '/api/v1/auth/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user' } },
    async (request) => {
      const actor = actorOf(request);
      const user = await db
        .selectFrom('users')
        .select(['id', 'email', 'display_name', 'locale', 'role_code', 'department_id'])
        .where('org_id', '=', actor.orgId)
        .where('id', '=', actor.userId)
        .executeTakeFirstOrThrow();
      // a page reloaded in a new tab needs the token for its next change; it is bound to the session
      // cookie, which a cross-site page cannot read this answer with
      return {
        user,
        orgId: actor.orgId,
        permissions: [...actor.permissions],
        ...(request.csrfToken ? { csrfToken: request.csrfToken } : {}),
      };
    },
  );

  app.post(
    '/api/v1/api-tokens',
    {
      preValidation: requirePermission('users:manage'),
      schema: {
        tags: ['auth'],
        summary: 'Create an API token for an integration user (shown once)',
        body: Type.Object(
          { userId: Type.String({ format: 'uuid' }), name: Type.String({ minLength: 1, maxLength: 100 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const body = request.body as { userId: string; name: string };
      const user = await db
        .selectFrom('users')
        .select('id')
        .where('org_id', '=', actor.orgId)
        .where('id', '=', body.userId)
        .executeTakeFirst();
      if (!user) throw new AppError('NOT_FOUND');
      reply.status(201);
      return createApiToken(db, actor, body.userId, body.name);
    },
  );
}
