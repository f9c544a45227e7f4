// The org's configuration as agents need it, and its administration (departments, categories,
// services, users, the approved form). Every change is audited.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { hashPassword } from '../../modules/access/auth.ts';
import type { Actor } from '../../modules/access/permissions.ts';
import { ROLE_CODES } from '../../modules/access/permissions.ts';
import { appendAudit } from '../../modules/audit/audit.ts';
import { FIELD_PATH, fieldPath } from '../../modules/cases/case-form.ts';
import {
  getActiveForm,
  getOrgById,
  listCategories,
  listDepartments,
  listServices,
} from '../../modules/orgs/org.repository.ts';
import type { Db, Trx } from '../../platform/db/db.ts';
import { AppError, notFound, validation } from '../../platform/errors.ts';
import { LOCALES } from '../../platform/i18n/locales.ts';
import type { FormField } from '../../profiles/types.ts';
import { actorOf, requirePermission } from '../auth.ts';

const Localized = Type.Record(
  Type.Union(LOCALES.map((l) => Type.Literal(l))),
  Type.String({ maxLength: 300 }),
  {
    description: 'text per language: ar, en, ru, kk, az',
  },
);
const Code = Type.String({ pattern: '^[a-z0-9_-]{1,60}$' });

async function audited(
  db: Db,
  actor: Actor,
  action: string,
  entity: string,
  entityId: string,
  data: Record<string, unknown>,
  work: (trx: Trx) => Promise<void>,
) {
  await db.transaction().execute(async (trx) => {
    await work(trx);
    await appendAudit(trx, [
      { orgId: actor.orgId, actorId: actor.userId, actorKind: 'user', action, entity, entityId, data },
    ]);
  });
}

function uniqueViolation(e: unknown, field: string): never {
  if ((e as { code?: string }).code === '23505') throw validation([{ field, reason: 'invalid_value' }]);
  throw e;
}

export function orgRoutes(app: FastifyInstance, db: Db) {
  const manage = requirePermission('settings:manage');

  app.get(
    '/api/v1/org',
    {
      schema: {
        tags: ['organisation'],
        summary:
          "The organisation's configuration: departments, categories, services, form, case types, channels",
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const org = await getOrgById(db, actor.orgId);
      if (!org) throw notFound();
      const [departments, categories, services, form, roles] = await Promise.all([
        listDepartments(db, actor.orgId),
        listCategories(db, actor.orgId),
        listServices(db, actor.orgId),
        getActiveForm(db, actor.orgId),
        db
          .selectFrom('roles')
          .select(['code', 'name', 'permissions'])
          .where('org_id', '=', actor.orgId)
          .orderBy('code')
          .execute(),
      ]);
      return {
        id: org.orgId,
        slug: org.slug,
        name: org.name,
        country: org.country,
        timezone: org.timezone,
        defaultLocale: org.defaultLocale,
        locales: org.locales,
        settings: org.settings,
        departments: departments.map((d) => ({
          id: d.id,
          code: d.code,
          name: d.name,
          kind: d.kind,
          leadUserId: d.lead_user_id,
          active: d.active,
        })),
        categories: categories.map((c) => ({
          id: c.id,
          code: c.code,
          name: c.name,
          departmentId: c.department_id,
          defaultPriority: c.default_priority,
          healthOrSafety: c.health_or_safety,
          active: c.active,
        })),
        services: services.map((s) => ({ id: s.id, code: s.code, name: s.name, active: s.active })),
        form: { version: form.version, fields: form.fields.map((f) => ({ ...f, path: fieldPath(f.key) })) },
        roles,
      };
    },
  );

  app.get(
    '/api/v1/users',
    {
      preValidation: requirePermission('cases:read:org'),
      schema: { tags: ['organisation'], summary: 'Staff of the organisation' },
    },
    async (request) => {
      const actor = actorOf(request);
      const users = await db
        .selectFrom('users')
        .select(['id', 'email', 'display_name', 'locale', 'role_code', 'department_id', 'active'])
        .where('org_id', '=', actor.orgId)
        .orderBy('display_name')
        .execute();
      return { items: users };
    },
  );

  app.post(
    '/api/v1/admin/departments',
    {
      preValidation: manage,
      schema: {
        tags: ['administration'],
        summary: 'Create a department / queue',
        body: Type.Object(
          {
            code: Code,
            name: Localized,
            kind: Type.Union(
              ['contact_centre', 'specialised', 'field', 'finance', 'quality', 'management'].map((k) =>
                Type.Literal(k),
              ),
            ),
            leadUserId: Type.Optional(Type.String({ format: 'uuid' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const b = request.body as {
        code: string;
        name: Record<string, string>;
        kind: string;
        leadUserId?: string;
      };
      const id = uuidv7();
      await audited(db, actor, 'department.created', 'department', id, { code: b.code }, async (trx) => {
        await trx
          .insertInto('departments')
          .values({
            org_id: actor.orgId,
            id,
            code: b.code,
            name: JSON.stringify(b.name),
            kind: b.kind,
            lead_user_id: b.leadUserId ?? null,
          })
          .execute()
          .catch((e) => uniqueViolation(e, 'code'));
      });
      reply.status(201);
      return { id };
    },
  );

  app.post(
    '/api/v1/admin/categories',
    {
      preValidation: manage,
      schema: {
        tags: ['administration'],
        summary: 'Create a category and its routing department',
        body: Type.Object(
          {
            code: Code,
            name: Localized,
            department: Code,
            defaultPriority: Type.Optional(
              Type.Union(['low', 'normal', 'high', 'urgent'].map((k) => Type.Literal(k))),
            ),
            healthOrSafety: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const b = request.body as {
        code: string;
        name: Record<string, string>;
        department: string;
        defaultPriority?: string;
        healthOrSafety?: boolean;
      };
      const dept = await db
        .selectFrom('departments')
        .select('id')
        .where('org_id', '=', actor.orgId)
        .where('code', '=', b.department)
        .executeTakeFirst();
      if (!dept) throw validation([{ field: 'department', reason: 'not_found' }]);
      const id = uuidv7();
      await audited(
        db,
        actor,
        'category.created',
        'category',
        id,
        { code: b.code, department: b.department },
        async (trx) => {
          await trx
            .insertInto('categories')
            .values({
              org_id: actor.orgId,
              id,
              code: b.code,
              name: JSON.stringify(b.name),
              department_id: dept.id,
              default_priority: b.defaultPriority ?? 'normal',
              health_or_safety: b.healthOrSafety ?? false,
            })
            .execute()
            .catch((e) => uniqueViolation(e, 'code'));
        },
      );
      reply.status(201);
      return { id };
    },
  );

  app.post(
    '/api/v1/admin/services',
    {
      preValidation: manage,
      schema: {
        tags: ['administration'],
        summary: 'Add a service to the catalogue',
        body: Type.Object({ code: Code, name: Localized }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const b = request.body as { code: string; name: Record<string, string> };
      const id = uuidv7();
      await audited(db, actor, 'service.created', 'service', id, { code: b.code }, async (trx) => {
        await trx
          .insertInto('services')
          .values({ org_id: actor.orgId, id, code: b.code, name: JSON.stringify(b.name) })
          .execute()
          .catch((e) => uniqueViolation(e, 'code'));
      });
      reply.status(201);
      return { id };
    },
  );

  app.post(
    '/api/v1/admin/users',
    {
      preValidation: requirePermission('users:manage'),
      schema: {
        tags: ['administration'],
        summary: 'Create a staff user',
        body: Type.Object(
          {
            email: Type.String({ format: 'email', maxLength: 254 }),
            displayName: Type.String({ minLength: 1, maxLength: 200 }),
            role: Type.Union(ROLE_CODES.map((r) => Type.Literal(r))),
            department: Type.Optional(Code),
            locale: Type.Union(LOCALES.map((l) => Type.Literal(l))),
            password: Type.String({ minLength: 12, maxLength: 500 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const b = request.body as {
        email: string;
        displayName: string;
        role: string;
        department?: string;
        locale: string;
        password: string;
      };
      let departmentId: string | null = null;
      if (b.department) {
        const d = await db
          .selectFrom('departments')
          .select('id')
          .where('org_id', '=', actor.orgId)
          .where('code', '=', b.department)
          .executeTakeFirst();
        if (!d) throw validation([{ field: 'department', reason: 'not_found' }]);
        departmentId = d.id;
      }
      const id = uuidv7();
      const passwordHash = await hashPassword(b.password);
      await audited(
        db,
        actor,
        'user.created',
        'user',
        id,
        { email: b.email.toLowerCase(), role: b.role },
        async (trx) => {
          await trx
            .insertInto('users')
            .values({
              org_id: actor.orgId,
              id,
              email: b.email.toLowerCase(),
              display_name: b.displayName,
              locale: b.locale,
              role_code: b.role,
              department_id: departmentId,
              password_hash: passwordHash,
            })
            .execute()
            .catch((e) => uniqueViolation(e, 'email'));
        },
      );
      reply.status(201);
      return { id };
    },
  );

  const knownKeys = new Set(Object.keys(FIELD_PATH));
  app.put(
    '/api/v1/admin/form',
    {
      preValidation: manage,
      schema: {
        tags: ['administration'],
        summary: 'Approve a new version of the case form (required fields and labels)',
        body: Type.Object(
          {
            fields: Type.Array(
              Type.Object(
                {
                  key: Type.String({ pattern: '^([a-z_]+|custom\\.[a-z0-9_]{1,60})$' }),
                  required: Type.Boolean(),
                  label: Localized,
                  maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 20_000 })),
                  options: Type.Optional(
                    Type.Array(Type.Object({ value: Type.String({ maxLength: 100 }), label: Localized }), {
                      maxItems: 100,
                    }),
                  ),
                },
                { additionalProperties: false },
              ),
              { maxItems: 60 },
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { fields } = request.body as { fields: FormField[] };
      const bad = fields.findIndex((f) => !f.key.startsWith('custom.') && !knownKeys.has(f.key));
      if (bad >= 0) throw validation([{ field: `fields.${bad}.key`, reason: 'invalid_value' }]);
      if (new Set(fields.map((f) => f.key)).size !== fields.length) throw new AppError('CONFLICT');
      let version = 0;
      await db.transaction().execute(async (trx) => {
        const current = await getActiveForm(trx, actor.orgId);
        version = current.version + 1;
        await trx
          .updateTable('case_forms')
          .set({ active: false })
          .where('org_id', '=', actor.orgId)
          .where('active', '=', true)
          .execute();
        await trx
          .insertInto('case_forms')
          .values({ org_id: actor.orgId, version, fields: JSON.stringify(fields), approved_by: actor.userId })
          .execute();
        await appendAudit(trx, [
          {
            orgId: actor.orgId,
            actorId: actor.userId,
            actorKind: 'user',
            action: 'form.approved',
            entity: 'case_form',
            entityId: String(version),
            data: { fields: fields.map((f) => ({ key: f.key, required: f.required })) },
          },
        ]);
      });
      return { version };
    },
  );
}
