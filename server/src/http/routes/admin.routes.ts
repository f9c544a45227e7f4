// Administration beyond creation: change or retire departments, categories, services and users,
// edit roles' permissions and the organisation's settings. Every change is audited; nothing is
// deleted (a retired department keeps its history).
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { type Actor, PERMISSIONS, ROLE_CODES } from '../../modules/access/permissions.ts';
import { appendAudit } from '../../modules/audit/audit.ts';
import { PRIORITIES } from '../../modules/cases/case-status.ts';
import type { Db, Trx } from '../../platform/db/db.ts';
import { AppError, notFound, validation } from '../../platform/errors.ts';
import { LOCALES } from '../../platform/i18n/locales.ts';
import { actorOf, requirePermission } from '../auth.ts';

const Localized = Type.Partial(
  Type.Record(Type.Union(LOCALES.map((l) => Type.Literal(l))), Type.String({ minLength: 1, maxLength: 300 })),
);
const CodeParams = Type.Object({ code: Type.String({ pattern: '^[a-z0-9_-]{1,60}$' }) });
const CHANNELS = [
  'call_centre',
  'store',
  'web_form',
  'mobile_app',
  'chat',
  'email',
  'social',
  'messaging',
  'video',
  'letter',
];
const CASE_TYPES = ['complaint', 'suggestion', 'inquiry', 'compliment'] as const;

async function audit(
  trx: Trx,
  actor: Actor,
  action: string,
  entity: string,
  entityId: string,
  data: Record<string, unknown>,
) {
  await appendAudit(trx, [
    { orgId: actor.orgId, actorId: actor.userId, actorKind: 'user', action, entity, entityId, data },
  ]);
}

async function departmentId(trx: Trx, orgId: string, code: string, field: string): Promise<string> {
  const d = await trx
    .selectFrom('departments')
    .select('id')
    .where('org_id', '=', orgId)
    .where('code', '=', code)
    .executeTakeFirst();
  if (!d) throw validation([{ field, reason: 'not_found' }]);
  return d.id;
}

export function adminRoutes(app: FastifyInstance, db: Db) {
  const settings = requirePermission('settings:manage');
  const users = requirePermission('users:manage');

  app.patch(
    '/api/v1/admin/org',
    {
      preValidation: settings,
      schema: {
        tags: ['administration'],
        summary:
          'Change the organisation: name, languages, time zone, Hijri dates, channels and case types in use',
        body: Type.Object(
          {
            name: Type.Optional(Localized),
            defaultLocale: Type.Optional(Type.Union(LOCALES.map((l) => Type.Literal(l)))),
            locales: Type.Optional(
              Type.Array(Type.Union(LOCALES.map((l) => Type.Literal(l))), { minItems: 1, uniqueItems: true }),
            ),
            timezone: Type.Optional(Type.String({ maxLength: 64 })),
            hijri: Type.Optional(Type.Boolean()),
            channels: Type.Optional(
              Type.Array(Type.Union(CHANNELS.map((c) => Type.Literal(c))), { uniqueItems: true }),
            ),
            caseTypes: Type.Optional(
              Type.Partial(
                Type.Object(
                  Object.fromEntries(CASE_TYPES.map((t) => [t, Type.Object({ enabled: Type.Boolean() })])),
                ),
              ),
            ),
            requireIdentityCheck: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const b = request.body as {
        name?: Record<string, string>;
        defaultLocale?: string;
        locales?: string[];
        timezone?: string;
        hijri?: boolean;
        channels?: string[];
        caseTypes?: Record<string, { enabled: boolean }>;
        requireIdentityCheck?: boolean;
      };
      if (b.timezone && !Intl.supportedValuesOf('timeZone').includes(b.timezone) && b.timezone !== 'UTC') {
        throw validation([{ field: 'timezone', reason: 'invalid_value' }]);
      }
      await db.transaction().execute(async (trx) => {
        const org = await trx
          .selectFrom('orgs')
          .selectAll()
          .where('org_id', '=', actor.orgId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        const locales = b.locales ?? org.locales;
        const defaultLocale = b.defaultLocale ?? org.default_locale;
        if (!locales.includes(defaultLocale))
          throw validation([{ field: 'defaultLocale', reason: 'invalid_value' }]);
        const current = org.settings as Record<string, unknown>;
        const caseTypes = { ...((current.caseTypes as Record<string, unknown>) ?? {}) };
        for (const [t, v] of Object.entries(b.caseTypes ?? {})) {
          caseTypes[t] = { ...((caseTypes[t] as object) ?? {}), enabled: v.enabled };
        }
        const next = {
          ...current,
          ...(b.hijri === undefined ? {} : { hijri: b.hijri }),
          ...(b.channels ? { channels: b.channels } : {}),
          ...(b.requireIdentityCheck === undefined ? {} : { requireIdentityCheck: b.requireIdentityCheck }),
          caseTypes,
        };
        await trx
          .updateTable('orgs')
          .set({
            name: b.name ? JSON.stringify({ ...(org.name as object), ...b.name }) : JSON.stringify(org.name),
            default_locale: defaultLocale,
            locales,
            timezone: b.timezone ?? org.timezone,
            settings: JSON.stringify(next),
          })
          .where('org_id', '=', actor.orgId)
          .execute();
        await audit(trx, actor, 'org.updated', 'org', actor.orgId, b);
      });
      return { ok: true };
    },
  );

  app.patch(
    '/api/v1/admin/departments/:code',
    {
      preValidation: settings,
      schema: {
        tags: ['administration'],
        summary: 'Rename a department, change its accountable lead, or retire it',
        params: CodeParams,
        body: Type.Object(
          {
            name: Type.Optional(Localized),
            leadUserId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const code = (request.params as { code: string }).code;
      const b = request.body as {
        name?: Record<string, string>;
        leadUserId?: string | null;
        active?: boolean;
      };
      await db.transaction().execute(async (trx) => {
        const d = await trx
          .selectFrom('departments')
          .select(['id', 'name'])
          .where('org_id', '=', actor.orgId)
          .where('code', '=', code)
          .forUpdate()
          .executeTakeFirst();
        if (!d) throw notFound();
        if (b.leadUserId) {
          const u = await trx
            .selectFrom('users')
            .select('id')
            .where('org_id', '=', actor.orgId)
            .where('id', '=', b.leadUserId)
            .where('active', '=', true)
            .executeTakeFirst();
          if (!u) throw validation([{ field: 'leadUserId', reason: 'not_found' }]);
        }
        if (b.active === false) {
          const open = await trx
            .selectFrom('cases')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('org_id', '=', actor.orgId)
            .where('department_id', '=', d.id)
            .where('status', 'not in', ['closed', 'withdrawn', 'rejected'])
            .executeTakeFirstOrThrow();
          // a department still holding cases cannot be retired: they would have no queue
          if (Number(open.n) > 0) throw new AppError('CONFLICT', { reason: 'department_has_open_cases' });
        }
        await trx
          .updateTable('departments')
          .set({
            ...(b.name ? { name: JSON.stringify({ ...(d.name as object), ...b.name }) } : {}),
            ...(b.leadUserId === undefined ? {} : { lead_user_id: b.leadUserId }),
            ...(b.active === undefined ? {} : { active: b.active }),
          })
          .where('org_id', '=', actor.orgId)
          .where('id', '=', d.id)
          .execute();
        await audit(trx, actor, 'department.updated', 'department', code, b);
      });
      return { ok: true };
    },
  );

  app.patch(
    '/api/v1/admin/categories/:code',
    {
      preValidation: settings,
      schema: {
        tags: ['administration'],
        summary:
          'Change a category: name, routing department, default priority, health-or-safety flag, or retire it',
        params: CodeParams,
        body: Type.Object(
          {
            name: Type.Optional(Localized),
            department: Type.Optional(Type.String({ maxLength: 60 })),
            defaultPriority: Type.Optional(Type.Union(PRIORITIES.map((p) => Type.Literal(p)))),
            healthOrSafety: Type.Optional(Type.Boolean()),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const code = (request.params as { code: string }).code;
      const b = request.body as {
        name?: Record<string, string>;
        department?: string;
        defaultPriority?: string;
        healthOrSafety?: boolean;
        active?: boolean;
      };
      await db.transaction().execute(async (trx) => {
        const c = await trx
          .selectFrom('categories')
          .select(['id', 'name'])
          .where('org_id', '=', actor.orgId)
          .where('code', '=', code)
          .forUpdate()
          .executeTakeFirst();
        if (!c) throw notFound();
        const dept = b.department
          ? await departmentId(trx, actor.orgId, b.department, 'department')
          : undefined;
        await trx
          .updateTable('categories')
          .set({
            ...(b.name ? { name: JSON.stringify({ ...(c.name as object), ...b.name }) } : {}),
            ...(dept ? { department_id: dept } : {}),
            ...(b.defaultPriority ? { default_priority: b.defaultPriority } : {}),
            ...(b.healthOrSafety === undefined ? {} : { health_or_safety: b.healthOrSafety }),
            ...(b.active === undefined ? {} : { active: b.active }),
          })
          .where('org_id', '=', actor.orgId)
          .where('id', '=', c.id)
          .execute();
        await audit(trx, actor, 'category.updated', 'category', code, b);
      });
      return { ok: true };
    },
  );

  app.patch(
    '/api/v1/admin/services/:code',
    {
      preValidation: settings,
      schema: {
        tags: ['administration'],
        summary: 'Rename a service of the catalogue, or retire it',
        params: CodeParams,
        body: Type.Object(
          { name: Type.Optional(Localized), active: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const code = (request.params as { code: string }).code;
      const b = request.body as { name?: Record<string, string>; active?: boolean };
      await db.transaction().execute(async (trx) => {
        const s = await trx
          .selectFrom('services')
          .select(['id', 'name'])
          .where('org_id', '=', actor.orgId)
          .where('code', '=', code)
          .forUpdate()
          .executeTakeFirst();
        if (!s) throw notFound();
        await trx
          .updateTable('services')
          .set({
            ...(b.name ? { name: JSON.stringify({ ...(s.name as object), ...b.name }) } : {}),
            ...(b.active === undefined ? {} : { active: b.active }),
          })
          .where('org_id', '=', actor.orgId)
          .where('id', '=', s.id)
          .execute();
        await audit(trx, actor, 'service.updated', 'service', code, b);
      });
      return { ok: true };
    },
  );

  app.patch(
    '/api/v1/admin/users/:id',
    {
      preValidation: users,
      schema: {
        tags: ['administration'],
        summary:
          "Change a staff member's name, role, department or language, or deactivate them (their sessions end)",
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: Type.Object(
          {
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            role: Type.Optional(Type.Union(ROLE_CODES.map((r) => Type.Literal(r)))),
            department: Type.Optional(Type.Union([Type.String({ maxLength: 60 }), Type.Null()])),
            locale: Type.Optional(Type.Union(LOCALES.map((l) => Type.Literal(l)))),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = (request.params as { id: string }).id;
      const b = request.body as {
        displayName?: string;
        role?: string;
        department?: string | null;
        locale?: string;
        active?: boolean;
      };
      if (id === actor.userId && (b.active === false || (b.role && b.role !== actor.roleCode))) {
        // nobody locks themselves out of administration by mistake
        throw new AppError('CONFLICT', { reason: 'cannot_change_own_access' });
      }
      await db.transaction().execute(async (trx) => {
        const u = await trx
          .selectFrom('users')
          .select('id')
          .where('org_id', '=', actor.orgId)
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst();
        if (!u) throw notFound();
        const dept = b.department
          ? await departmentId(trx, actor.orgId, b.department, 'department')
          : b.department;
        await trx
          .updateTable('users')
          .set({
            ...(b.displayName ? { display_name: b.displayName.trim() } : {}),
            ...(b.role ? { role_code: b.role } : {}),
            ...(dept === undefined ? {} : { department_id: dept }),
            ...(b.locale ? { locale: b.locale } : {}),
            ...(b.active === undefined ? {} : { active: b.active }),
          })
          .where('org_id', '=', actor.orgId)
          .where('id', '=', id)
          .execute();
        if (b.active === false) {
          await trx
            .deleteFrom('sessions')
            .where('org_id', '=', actor.orgId)
            .where('user_id', '=', id)
            .execute();
          await trx
            .updateTable('api_tokens')
            .set({ revoked_at: new Date() })
            .where('org_id', '=', actor.orgId)
            .where('user_id', '=', id)
            .where('revoked_at', 'is', null)
            .execute();
        }
        await audit(trx, actor, 'user.updated', 'user', id, b);
      });
      return { ok: true };
    },
  );

  app.get(
    '/api/v1/admin/roles',
    { preValidation: users, schema: { tags: ['administration'], summary: 'Roles and their permissions' } },
    async (request) => {
      const actor = actorOf(request);
      const roles = await db
        .selectFrom('roles')
        .select(['code', 'name', 'permissions'])
        .where('org_id', '=', actor.orgId)
        .orderBy('code')
        .execute();
      return { permissions: PERMISSIONS, items: roles };
    },
  );

  app.put(
    '/api/v1/admin/roles/:code',
    {
      preValidation: users,
      schema: {
        tags: ['administration'],
        summary: "Rename a role or change its permissions (the administrator's stay complete)",
        params: Type.Object({ code: Type.Union(ROLE_CODES.map((r) => Type.Literal(r))) }),
        body: Type.Object(
          {
            name: Type.Optional(Localized),
            permissions: Type.Array(Type.Union(PERMISSIONS.map((p) => Type.Literal(p))), {
              uniqueItems: true,
            }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const code = (request.params as { code: string }).code;
      const b = request.body as { name?: Record<string, string>; permissions: string[] };
      if (code === 'administrator' && b.permissions.length !== PERMISSIONS.length) {
        throw new AppError('CONFLICT', { reason: 'administrator_keeps_all_permissions' });
      }
      await db.transaction().execute(async (trx) => {
        const r = await trx
          .selectFrom('roles')
          .select(['name'])
          .where('org_id', '=', actor.orgId)
          .where('code', '=', code)
          .forUpdate()
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('roles')
          .set({
            permissions: b.permissions,
            ...(b.name ? { name: JSON.stringify({ ...(r.name as object), ...b.name }) } : {}),
          })
          .where('org_id', '=', actor.orgId)
          .where('code', '=', code)
          .execute();
        await audit(trx, actor, 'role.updated', 'role', code, b);
      });
      return { ok: true };
    },
  );
}
