// Sign-in for people (session cookie + CSRF token bound to the session) and bearer tokens for
// integrations. Only hashes of secrets are stored.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import argon2 from 'argon2';
import { v7 as uuidv7 } from 'uuid';
import type { Db, DbOrTrx } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors.ts';
import { hitRateLimit } from '../../platform/rate-limit.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Actor } from './permissions.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

// Verifying against a dummy hash when the user does not exist keeps timing uniform.
let dummyHash: Promise<string> | undefined;

export async function login(
  db: Db,
  input: { org: string; email: string; password: string; ip: string },
  ttlHours: number,
): Promise<{ token: string; csrfToken: string; actor: Actor; expiresAt: Date }> {
  const email = input.email.trim().toLowerCase();
  const org = await db.selectFrom('orgs').select('org_id').where('slug', '=', input.org).executeTakeFirst();
  await hitRateLimit(db, {
    orgId: org?.org_id,
    bucket: `login:ip:${input.ip}`,
    limit: 30,
    windowSeconds: 900,
  });
  await hitRateLimit(db, {
    orgId: org?.org_id,
    bucket: `login:user:${email}`,
    limit: 10,
    windowSeconds: 900,
  });
  const user = org
    ? await db
        .selectFrom('users')
        .select(['id', 'password_hash', 'active'])
        .where('org_id', '=', org.org_id)
        .where('email', '=', email)
        .executeTakeFirst()
    : undefined;
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const ok = await argon2.verify(user?.password_hash ?? (await dummyHash), input.password).catch(() => false);
  if (!org || !user?.active || !user.password_hash || !ok) throw new AppError('INVALID_CREDENTIALS');
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('sessions')
      .values({
        org_id: org.org_id,
        token_hash: sha256(token),
        user_id: user.id,
        csrf_token: csrfToken,
        expires_at: expiresAt,
      })
      .execute();
    await appendAudit(trx, [
      {
        orgId: org.org_id,
        actorId: user.id,
        actorKind: 'user',
        action: 'user.signed_in',
        entity: 'user',
        entityId: user.id,
        data: { ip: input.ip },
      },
    ]);
  });
  const actor = await actorFor(db, org.org_id, user.id);
  if (!actor) throw new AppError('INVALID_CREDENTIALS');
  // Session tokens carry the org so that lookups use the (org_id, …) key.
  return { token: `${org.org_id}.${token}`, csrfToken, actor, expiresAt };
}

export async function actorFor(db: DbOrTrx, orgId: string, userId: string): Promise<Actor | null> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('roles as r', (j) => j.onRef('r.org_id', '=', 'u.org_id').onRef('r.code', '=', 'u.role_code'))
    .select(['u.id', 'u.role_code', 'u.department_id', 'u.locale', 'u.active', 'r.permissions'])
    .where('u.org_id', '=', orgId)
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!row?.active) return null;
  return toActor(orgId, row);
}

function toActor(
  orgId: string,
  row: { id: string; role_code: string; department_id: string | null; locale: string; permissions: string[] },
): Actor {
  return {
    orgId,
    userId: row.id,
    roleCode: row.role_code,
    departmentId: row.department_id,
    permissions: new Set(row.permissions),
    locale: row.locale,
  };
}

function splitToken(raw: string): { orgId: string; secret: string } | null {
  const dot = raw.indexOf('.');
  if (dot !== 36) return null;
  const orgId = raw.slice(0, 36);
  if (!/^[0-9a-f-]{36}$/.test(orgId)) return null;
  return { orgId, secret: raw.slice(37) };
}

export async function sessionActor(
  db: Db,
  cookie: string,
): Promise<{ actor: Actor; csrfToken: string } | null> {
  const parts = splitToken(cookie);
  if (!parts) return null;
  const s = await db
    .selectFrom('sessions')
    .select(['user_id', 'csrf_token', 'expires_at'])
    .where('org_id', '=', parts.orgId)
    .where('token_hash', '=', sha256(parts.secret))
    .executeTakeFirst();
  if (!s || s.expires_at.getTime() < Date.now()) return null;
  const actor = await actorFor(db, parts.orgId, s.user_id);
  return actor ? { actor, csrfToken: s.csrf_token } : null;
}

export async function logout(db: Db, cookie: string): Promise<void> {
  const parts = splitToken(cookie);
  if (!parts) return;
  await db
    .deleteFrom('sessions')
    .where('org_id', '=', parts.orgId)
    .where('token_hash', '=', sha256(parts.secret))
    .execute();
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Creates an API token for a user; the secret is shown once and only its hash is kept. */
export async function createApiToken(db: Db, actor: Actor, userId: string, name: string) {
  const id = uuidv7();
  const secret = randomBytes(32).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('api_tokens')
      .values({ org_id: actor.orgId, id, user_id: userId, name, token_hash: sha256(secret) })
      .execute();
    await appendAudit(trx, [
      {
        orgId: actor.orgId,
        actorId: actor.userId,
        actorKind: 'user',
        action: 'api_token.created',
        entity: 'api_token',
        entityId: id,
        data: { userId, name },
      },
    ]);
  });
  return { id, token: `riza_${actor.orgId}.${secret}` };
}

export async function apiTokenActor(db: Db, bearer: string): Promise<Actor | null> {
  if (!bearer.startsWith('riza_')) return null;
  const parts = splitToken(bearer.slice(5));
  if (!parts) return null;
  // token, user and role in one statement: every API request pays for it
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', (j) => j.onRef('u.org_id', '=', 't.org_id').onRef('u.id', '=', 't.user_id'))
    .innerJoin('roles as r', (j) => j.onRef('r.org_id', '=', 'u.org_id').onRef('r.code', '=', 'u.role_code'))
    .select([
      't.revoked_at',
      'u.id',
      'u.role_code',
      'u.department_id',
      'u.locale',
      'u.active',
      'r.permissions',
    ])
    .where('t.org_id', '=', parts.orgId)
    .where('t.token_hash', '=', sha256(parts.secret))
    .executeTakeFirst();
  if (!row || row.revoked_at || !row.active) return null;
  return toActor(parts.orgId, row);
}
