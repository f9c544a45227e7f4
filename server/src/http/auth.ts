// Who is calling: a session cookie (UI, with a CSRF header on changes) or a bearer API token.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiTokenActor, csrfMatches, sessionActor } from '../modules/access/auth.ts';
import { type Actor, can, type Permission } from '../modules/access/permissions.ts';
import type { Db } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';

export const SESSION_COOKIE = 'riza_session';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    /** the session's CSRF token, so a reloaded page can pick it up from /auth/me */
    csrfToken?: string;
    actor: Actor | null;
  }
}

export function installAuth(app: FastifyInstance, db: Db): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    // The public portal never acts as staff: a staff cookie in the same browser must not make its
    // requests fail the staff CSRF check (the portal has its own session and SameSite=Strict cookie).
    if (request.url.startsWith('/api/v1/portal/')) return;
    // platforms' webhooks prove themselves by signature and never act as staff
    if (request.url.startsWith('/api/v1/webhooks/') || request.url.startsWith('/api/v1/cti/')) return;
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      request.actor = await apiTokenActor(db, header.slice(7).trim());
      if (!request.actor) throw new AppError('UNAUTHENTICATED');
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const session = await sessionActor(db, cookie);
    if (!session) return;
    // Cookies ride along on cross-site requests; the CSRF header cannot.
    if (
      !SAFE.has(request.method) &&
      !csrfMatches(session.csrfToken, request.headers['x-csrf-token'] as string | undefined)
    ) {
      throw new AppError('CSRF_FAILED');
    }
    request.actor = session.actor;
    request.csrfToken = session.csrfToken;
  });
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

/** preHandler: signed in and holding every listed permission. */
export function requirePermission(...permissions: Permission[]) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const actor = actorOf(request);
    if (!permissions.every((p) => can(actor, p))) throw new AppError('FORBIDDEN');
  };
}

/** preHandler: signed in and holding at least one of the listed permissions. */
export function requireAnyPermission(...permissions: Permission[]) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const actor = actorOf(request);
    if (!permissions.some((p) => can(actor, p))) throw new AppError('FORBIDDEN');
  };
}
