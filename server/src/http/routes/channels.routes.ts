// Inboxes (queue, hours, members, auto-reply) and channels (transport, credentials), and agents'
// replies that go back through the customer's channel.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { appendAudit } from '../../modules/audit/audit.ts';
import { getCaseView } from '../../modules/cases/case.repository.ts';
import {
  checkChannelConfig,
  keepChannelSecrets,
  redactChannelConfig,
} from '../../modules/channels/channel-config.ts';
import { CHANNEL_KINDS, type ChannelKind } from '../../modules/channels/channel-kinds.ts';
import '../../modules/channels/registry.ts';
import { sendReply } from '../../modules/channels/send-reply.ts';
import type { Db } from '../../platform/db/db.ts';
import { validation } from '../../platform/errors.ts';
import { LOCALES, type Locale } from '../../platform/i18n/locales.ts';
import { actorOf, requirePermission } from '../auth.ts';
import { IdParams } from './case.schemas.ts';

const CodeParams = Type.Object({ code: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' }) });
const Localized = Type.Partial(
  Type.Record(Type.Union(LOCALES.map((l) => Type.Literal(l))), Type.String({ maxLength: 1000 })),
);

export function channelRoutes(app: FastifyInstance, db: Db) {
  const manage = requirePermission('settings:manage');

  app.get(
    '/api/v1/admin/inboxes',
    {
      preValidation: manage,
      schema: { tags: ['administration'], summary: 'Inboxes: queue, hours, members, auto-reply' },
    },
    async (request) => {
      const actor = actorOf(request);
      const rows = await db
        .selectFrom('inboxes as i')
        .innerJoin('departments as d', (j) =>
          j.onRef('d.org_id', '=', 'i.org_id').onRef('d.id', '=', 'i.department_id'),
        )
        .leftJoin('calendars as k', (j) =>
          j.onRef('k.org_id', '=', 'i.org_id').onRef('k.id', '=', 'i.calendar_id'),
        )
        .select([
          'i.id',
          'i.code',
          'i.name',
          'i.auto_reply',
          'i.active',
          'd.code as department',
          'k.code as calendar',
        ])
        .where('i.org_id', '=', actor.orgId)
        .orderBy('i.code')
        .execute();
      const members = await db
        .selectFrom('inbox_members as m')
        .innerJoin('users as u', (j) => j.onRef('u.org_id', '=', 'm.org_id').onRef('u.id', '=', 'm.user_id'))
        .select(['m.inbox_id', 'u.email'])
        .where('m.org_id', '=', actor.orgId)
        .execute();
      return {
        items: rows.map(({ id, auto_reply, ...r }) => ({
          ...r,
          autoReply: auto_reply,
          members: members.filter((m) => m.inbox_id === id).map((m) => m.email),
        })),
      };
    },
  );

  app.put(
    '/api/v1/admin/inboxes/:code',
    {
      preValidation: manage,
      schema: {
        tags: ['administration'],
        summary: 'Create or change an inbox',
        params: CodeParams,
        body: Type.Object(
          {
            name: Localized,
            department: Type.String({ maxLength: 64 }),
            calendar: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
            autoReply: Type.Optional(Type.Union([Localized, Type.Null()])),
            members: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 500 })),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const code = (request.params as { code: string }).code;
      const b = request.body as {
        name: Partial<Record<Locale, string>>;
        department: string;
        calendar?: string | null;
        autoReply?: Partial<Record<Locale, string>> | null;
        members?: string[];
        active?: boolean;
      };
      let created = false;
      await db.transaction().execute(async (trx) => {
        const dept = await trx
          .selectFrom('departments')
          .select('id')
          .where('org_id', '=', actor.orgId)
          .where('code', '=', b.department)
          .executeTakeFirst();
        const cal = b.calendar
          ? await trx
              .selectFrom('calendars')
              .select('id')
              .where('org_id', '=', actor.orgId)
              .where('code', '=', b.calendar)
              .executeTakeFirst()
          : null;
        const users = b.members?.length
          ? await trx
              .selectFrom('users')
              .select(['id', 'email'])
              .where('org_id', '=', actor.orgId)
              .where(
                'email',
                'in',
                b.members.map((e) => e.toLowerCase()),
              )
              .execute()
          : [];
        const errors = [];
        if (!dept) errors.push({ field: 'department', reason: 'not_found' });
        if (b.calendar && !cal) errors.push({ field: 'calendar', reason: 'not_found' });
        if (b.members && users.length !== new Set(b.members.map((e) => e.toLowerCase())).size) {
          errors.push({ field: 'members', reason: 'not_found' });
        }
        if (errors.length) throw validation(errors);
        const values = {
          name: JSON.stringify(b.name),
          department_id: dept!.id,
          calendar_id: cal?.id ?? null,
          auto_reply: b.autoReply ? JSON.stringify(b.autoReply) : null,
          active: b.active ?? true,
        };
        const existing = await trx
          .selectFrom('inboxes')
          .select('id')
          .where('org_id', '=', actor.orgId)
          .where('code', '=', code)
          .executeTakeFirst();
        const id = existing?.id ?? uuidv7();
        if (existing) {
          await trx
            .updateTable('inboxes')
            .set(values)
            .where('org_id', '=', actor.orgId)
            .where('id', '=', id)
            .execute();
        } else {
          created = true;
          await trx
            .insertInto('inboxes')
            .values({ org_id: actor.orgId, id, code, ...values })
            .execute();
        }
        if (b.members) {
          await trx
            .deleteFrom('inbox_members')
            .where('org_id', '=', actor.orgId)
            .where('inbox_id', '=', id)
            .execute();
          if (users.length) {
            await trx
              .insertInto('inbox_members')
              .values(users.map((u) => ({ org_id: actor.orgId, inbox_id: id, user_id: u.id })))
              .execute();
          }
        }
        await appendAudit(trx, [
          {
            orgId: actor.orgId,
            actorId: actor.userId,
            actorKind: 'user',
            action: created ? 'inbox.created' : 'inbox.updated',
            entity: 'inbox',
            entityId: code,
            data: { department: b.department, calendar: b.calendar ?? null, members: b.members ?? null },
          },
        ]);
      });
      reply.status(created ? 201 : 200);
      return { code };
    },
  );

  app.get(
    '/api/v1/admin/channels',
    { preValidation: manage, schema: { tags: ['administration'], summary: 'Channels (secrets hidden)' } },
    async (request) => {
      const actor = actorOf(request);
      const rows = await db
        .selectFrom('channels as ch')
        .innerJoin('inboxes as i', (j) =>
          j.onRef('i.org_id', '=', 'ch.org_id').onRef('i.id', '=', 'ch.inbox_id'),
        )
        .select(['ch.code', 'ch.kind', 'ch.address', 'ch.config', 'ch.active', 'i.code as inbox'])
        .where('ch.org_id', '=', actor.orgId)
        .orderBy('ch.code')
        .execute();
      return {
        items: rows.map((r) => ({ ...r, config: redactChannelConfig(r.config as Record<string, unknown>) })),
      };
    },
  );

  app.put(
    '/api/v1/admin/channels/:code',
    {
      preValidation: manage,
      schema: {
        tags: ['administration'],
        summary:
          'Create or change a channel of an inbox (e-mail, web chat, WhatsApp, Telegram, Messenger, phone, store, video)',
        params: CodeParams,
        body: Type.Object(
          {
            inbox: Type.String({ maxLength: 64 }),
            kind: Type.Union(CHANNEL_KINDS.map((k) => Type.Literal(k))),
            address: Type.Optional(Type.Union([Type.String({ maxLength: 320 }), Type.Null()])),
            config: Type.Optional(Type.Object({}, { additionalProperties: true })),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const code = (request.params as { code: string }).code;
      const b = request.body as {
        inbox: string;
        kind: ChannelKind;
        address?: string | null;
        config?: Record<string, unknown>;
        active?: boolean;
      };
      let created = false;
      await db.transaction().execute(async (trx) => {
        const inbox = await trx
          .selectFrom('inboxes')
          .select('id')
          .where('org_id', '=', actor.orgId)
          .where('code', '=', b.inbox)
          .executeTakeFirst();
        if (!inbox) throw validation([{ field: 'inbox', reason: 'not_found' }]);
        const existing = await trx
          .selectFrom('channels')
          .select(['id', 'kind', 'config'])
          .where('org_id', '=', actor.orgId)
          .where('code', '=', code)
          .executeTakeFirst();
        const stored =
          existing && existing.kind === b.kind ? (existing.config as Record<string, unknown>) : null;
        const config = keepChannelSecrets(b.config ?? {}, stored);
        const problems = checkChannelConfig(b.kind, config);
        if (b.kind === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(b.address ?? '')) {
          problems.push(
            'an e-mail channel needs the address customers write to, e.g. complaints@example.com',
          );
        }
        if (problems.length) {
          throw validation(
            problems.map((p) => ({ field: 'config', reason: 'invalid_setting', params: { problem: p } })),
          );
        }
        const values = {
          inbox_id: inbox.id,
          kind: b.kind,
          address: b.address?.trim() || null,
          config: JSON.stringify(config),
          active: b.active ?? true,
        };
        try {
          if (existing) {
            await trx
              .updateTable('channels')
              .set(values)
              .where('org_id', '=', actor.orgId)
              .where('id', '=', existing.id)
              .execute();
          } else {
            created = true;
            await trx
              .insertInto('channels')
              .values({ org_id: actor.orgId, id: uuidv7(), code, ...values })
              .execute();
          }
        } catch (e) {
          if ((e as { code?: string }).code === '23505')
            throw validation([{ field: 'address', reason: 'invalid_value' }]);
          throw e;
        }
        await appendAudit(trx, [
          {
            orgId: actor.orgId,
            actorId: actor.userId,
            actorKind: 'user',
            action: created ? 'channel.created' : 'channel.updated',
            entity: 'channel',
            entityId: code,
            data: {
              kind: b.kind,
              inbox: b.inbox,
              address: values.address,
              config: redactChannelConfig(config),
            },
          },
        ]);
      });
      reply.status(created ? 201 : 200);
      return { code };
    },
  );

  app.post(
    '/api/v1/cases/:id/replies',
    {
      preValidation: requirePermission('cases:work'),
      schema: {
        tags: ['cases'],
        summary: 'Write to the customer through the channel they came in by',
        params: IdParams,
        body: Type.Object({ body: Type.String({ maxLength: 4000 }) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = (request.params as { id: string }).id;
      const r = await db
        .transaction()
        .execute((trx) => sendReply(trx, actor, id, (request.body as { body: string }).body));
      reply.status(201);
      return { ...r, case: await getCaseView(db, actor.orgId, id, actor.locale as Locale) };
    },
  );
}
