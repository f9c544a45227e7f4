// Customer communication settings and records: delivery providers per channel, message
// templates with a live preview, the outbox (local or sent), and a case's messages.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { canReadCase } from '../../modules/access/permissions.ts';
import { appendAudit } from '../../modules/audit/audit.ts';
import { getCaseView } from '../../modules/cases/case.repository.ts';
import { buildAnswerLetter } from '../../modules/letters/index.ts';
import { DEFAULT_TEMPLATES } from '../../modules/notifications/default-templates.ts';
import {
  type ProviderConfig,
  parseProviderConfig,
  REDACTED,
  redactProviderConfig,
} from '../../modules/notifications/providers/index.ts';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_EVENTS,
  type NotificationChannel,
  type NotificationEvent,
  previewTemplate,
  type TemplateSource,
  validateTemplate,
} from '../../modules/notifications/templates.ts';
import type { Db } from '../../platform/db/db.ts';
import { notFound, validation } from '../../platform/errors.ts';
import { LOCALES, type Locale } from '../../platform/i18n/locales.ts';
import { actorOf, requireAnyPermission, requirePermission } from '../auth.ts';
import { IdParams } from './case.schemas.ts';

const Channel = Type.Union(NOTIFICATION_CHANNELS.map((c) => Type.Literal(c)));
const Event = Type.Union(NOTIFICATION_EVENTS.map((e) => Type.Literal(e)));
const Lang = Type.Union(LOCALES.map((l) => Type.Literal(l)));
const TemplateParams = Type.Object({ event: Event, channel: Channel, locale: Lang });
const TemplateBody = Type.Object(
  { subject: Type.Optional(Type.String({ maxLength: 300 })), body: Type.String({ maxLength: 5000 }) },
  { additionalProperties: false },
);

/** Problems from a validator, as localised field errors ("subject: …" → field subject). */
function problemsToFields(problems: string[], fallback: string) {
  return problems.map((p) => {
    const m = /^([a-zA-Z.[\]0-9_]+): (.*)$/.exec(p);
    return { field: m ? m[1]! : fallback, reason: 'invalid_setting', params: { problem: m ? m[2]! : p } };
  });
}

/** A secret the client sent back as the redaction mark keeps its stored value. */
function keepSecrets(next: ProviderConfig, stored: ProviderConfig | null): ProviderConfig {
  if (!stored || stored.kind !== next.kind) return next;
  if ((next.kind === 'smtp' || next.kind === 'smpp') && next.password === REDACTED) {
    return { ...next, password: (stored as { password?: string }).password } as ProviderConfig;
  }
  if (next.kind === 'http' && stored.kind === 'http') {
    const headers = Object.fromEntries(
      Object.entries(next.headers ?? {}).map(([k, v]) => [
        k,
        v === REDACTED ? (stored.headers?.[k] ?? v) : v,
      ]),
    );
    return {
      ...next,
      headers,
      url: next.url.includes(REDACTED) ? stored.url : next.url,
      bodyTemplate: next.bodyTemplate.includes(REDACTED) ? stored.bodyTemplate : next.bodyTemplate,
    };
  }
  return next;
}

export function notificationRoutes(app: FastifyInstance, db: Db) {
  const manage = requirePermission('settings:manage');

  app.get(
    '/api/v1/admin/providers',
    {
      preValidation: manage,
      schema: { tags: ['administration'], summary: 'Delivery providers per channel (secrets hidden)' },
    },
    async (request) => {
      const actor = actorOf(request);
      const rows = await db
        .selectFrom('notification_providers')
        .select(['channel', 'config', 'active', 'updated_at'])
        .where('org_id', '=', actor.orgId)
        .execute();
      return {
        items: NOTIFICATION_CHANNELS.map((channel) => {
          const r = rows.find((x) => x.channel === channel);
          const parsed = r ? parseProviderConfig(r.config) : null;
          return {
            channel,
            configured: Boolean(r?.active),
            config: parsed?.ok ? redactProviderConfig(parsed.config) : null,
            updatedAt: r?.updated_at.toISOString() ?? null,
            // without a provider, messages are kept in the local outbox (GET /api/v1/admin/outbox)
            delivery: r?.active ? 'provider' : 'local-outbox',
          };
        }),
      };
    },
  );

  app.put(
    '/api/v1/admin/providers/:channel',
    {
      preValidation: manage,
      schema: {
        tags: ['administration'],
        summary: 'Configure the SMTP, SMPP or HTTP-gateway provider of a channel; null removes it',
        description: 'Secrets shown as ••••••  may be sent back unchanged to keep the stored value.',
        params: Type.Object({ channel: Channel }),
        body: Type.Object({
          config: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
        }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const channel = (request.params as { channel: NotificationChannel }).channel;
      const raw = (request.body as { config: unknown }).config;
      const stored = await db
        .selectFrom('notification_providers')
        .select(['config'])
        .where('org_id', '=', actor.orgId)
        .where('channel', '=', channel)
        .executeTakeFirst();
      let config: ProviderConfig | null = null;
      if (raw !== null) {
        const parsed = parseProviderConfig(raw);
        if (!parsed.ok) throw validation(problemsToFields(parsed.problems, 'config'));
        const before = stored ? parseProviderConfig(stored.config) : null;
        config = keepSecrets(parsed.config, before?.ok ? before.config : null);
        if ((config.kind === 'smtp' ? 'email' : 'sms') !== channel) {
          throw validation([{ field: 'config.kind', reason: 'invalid_value' }]);
        }
      }
      await db.transaction().execute(async (trx) => {
        if (config === null) {
          await trx
            .deleteFrom('notification_providers')
            .where('org_id', '=', actor.orgId)
            .where('channel', '=', channel)
            .execute();
        } else {
          const json = JSON.stringify(config);
          await trx
            .insertInto('notification_providers')
            .values({ org_id: actor.orgId, channel, config: json, updated_by: actor.userId })
            .onConflict((oc) =>
              oc.columns(['org_id', 'channel']).doUpdateSet((eb) => ({
                config: json,
                active: true,
                version: eb('notification_providers.version', '+', 1),
                updated_by: actor.userId,
                updated_at: new Date(),
              })),
            )
            .execute();
        }
        await appendAudit(trx, [
          {
            orgId: actor.orgId,
            actorId: actor.userId,
            actorKind: 'user',
            action: config ? 'provider.configured' : 'provider.removed',
            entity: 'notification_provider',
            entityId: channel,
            data: config ? { config: redactProviderConfig(config) } : {},
          },
        ]);
      });
      return { channel, config: config ? redactProviderConfig(config) : null };
    },
  );

  app.get(
    '/api/v1/admin/templates',
    {
      preValidation: manage,
      schema: {
        tags: ['administration'],
        summary: 'Message templates: the org’s own text, else the default',
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const own = await db
        .selectFrom('notification_templates')
        .select(['event', 'channel', 'locale', 'subject', 'body', 'updated_at'])
        .where('org_id', '=', actor.orgId)
        .execute();
      const items = NOTIFICATION_EVENTS.flatMap((event) =>
        NOTIFICATION_CHANNELS.flatMap((channel) =>
          LOCALES.map((locale) => {
            const o = own.find((r) => r.event === event && r.channel === channel && r.locale === locale);
            const source: TemplateSource = o
              ? { ...(o.subject === null ? {} : { subject: o.subject }), body: o.body }
              : DEFAULT_TEMPLATES[event][channel][locale];
            return { event, channel, locale, ...source, custom: Boolean(o) };
          }),
        ),
      );
      return { items };
    },
  );

  app.put(
    '/api/v1/admin/templates/:event/:channel/:locale',
    {
      preValidation: manage,
      schema: {
        tags: ['administration'],
        summary: 'Save the org’s own text for one event, channel and language (ICU MessageFormat)',
        params: TemplateParams,
        body: TemplateBody,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { event, channel, locale } = request.params as {
        event: NotificationEvent;
        channel: NotificationChannel;
        locale: Locale;
      };
      const source = request.body as TemplateSource;
      const problems = validateTemplate(event, channel, source, locale);
      if (problems.length) throw validation(problemsToFields(problems, 'body'));
      await db.transaction().execute(async (trx) => {
        const values = {
          subject: source.subject ?? null,
          body: source.body,
          updated_by: actor.userId,
          updated_at: new Date(),
        };
        await trx
          .insertInto('notification_templates')
          .values({ org_id: actor.orgId, event, channel, locale, ...values })
          .onConflict((oc) => oc.columns(['org_id', 'event', 'channel', 'locale']).doUpdateSet(values))
          .execute();
        await appendAudit(trx, [
          {
            orgId: actor.orgId,
            actorId: actor.userId,
            actorKind: 'user',
            action: 'template.saved',
            entity: 'notification_template',
            entityId: `${event}/${channel}/${locale}`,
            data: { subject: source.subject ?? null, body: source.body },
          },
        ]);
      });
      return previewTemplate(event, channel, source, locale);
    },
  );

  app.delete(
    '/api/v1/admin/templates/:event/:channel/:locale',
    {
      preValidation: manage,
      schema: { tags: ['administration'], summary: 'Go back to the default text', params: TemplateParams },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { event, channel, locale } = request.params as { event: string; channel: string; locale: string };
      await db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('notification_templates')
          .where('org_id', '=', actor.orgId)
          .where('event', '=', event)
          .where('channel', '=', channel)
          .where('locale', '=', locale)
          .execute();
        await appendAudit(trx, [
          {
            orgId: actor.orgId,
            actorId: actor.userId,
            actorKind: 'user',
            action: 'template.reset',
            entity: 'notification_template',
            entityId: `${event}/${channel}/${locale}`,
            data: {},
          },
        ]);
      });
      reply.status(204);
    },
  );

  app.post(
    '/api/v1/admin/templates/preview',
    {
      preValidation: manage,
      schema: {
        tags: ['administration'],
        summary: 'Render a draft with sample values: the text, its problems, and SMS segments',
        body: Type.Object(
          {
            event: Event,
            channel: Channel,
            locale: Lang,
            subject: Type.Optional(Type.String({ maxLength: 300 })),
            body: Type.String({ maxLength: 5000 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const b = request.body as {
        event: NotificationEvent;
        channel: NotificationChannel;
        locale: Locale;
      } & TemplateSource;
      return previewTemplate(
        b.event,
        b.channel,
        { ...(b.subject === undefined ? {} : { subject: b.subject }), body: b.body },
        b.locale,
      );
    },
  );

  app.get(
    '/api/v1/admin/outbox',
    {
      preValidation: manage,
      schema: {
        tags: ['administration'],
        summary: 'Messages to customers and staff, newest first, as they were (or will be) sent',
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Union(['pending', 'sent', 'failed'].map((s) => Type.Literal(s)))),
            provider: Type.Optional(Type.String({ maxLength: 40 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const q = request.query as { status?: string; provider?: string; limit?: number };
      let query = db
        .selectFrom('notifications as n')
        .leftJoin('cases as c', (j) => j.onRef('c.org_id', '=', 'n.org_id').onRef('c.id', '=', 'n.case_id'))
        .select([
          'n.id',
          'n.event',
          'n.audience',
          'n.channel',
          'n.recipient',
          'n.locale',
          'n.status',
          'n.attempts',
          'n.provider',
          'n.last_error',
          'n.rendered_subject',
          'n.rendered_body',
          'n.segments',
          'n.created_at',
          'n.sent_at',
          'c.number',
        ])
        .where('n.org_id', '=', actor.orgId);
      if (q.status) query = query.where('n.status', '=', q.status);
      if (q.provider) query = query.where('n.provider', '=', q.provider);
      const rows = await query
        .orderBy('n.created_at', 'desc')
        .limit(q.limit ?? 50)
        .execute();
      return { items: rows.map(present) };
    },
  );

  app.get(
    '/api/v1/cases/:id/letter.pdf',
    {
      preValidation: requireAnyPermission('cases:read:org', 'cases:read:department'),
      schema: {
        tags: ['cases'],
        summary: 'The final written answer as a PDF letter (once the case has been answered)',
        params: IdParams,
        querystring: Type.Object({ locale: Type.Optional(Lang) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = (request.params as { id: string }).id;
      const view = await getCaseView(db, actor.orgId, id);
      if (!view || !canReadCase(actor, { department_id: view.department.id, owner_id: view.owner.id }))
        throw notFound();
      const letter = await buildAnswerLetter(
        db,
        actor.orgId,
        id,
        (request.query as { locale?: Locale }).locale,
      );
      if (!letter) throw notFound();
      reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${letter.filename}"`)
        .header('cache-control', 'private, no-store');
      return letter.pdf;
    },
  );

  app.get(
    '/api/v1/cases/:id/notifications',
    {
      preValidation: requireAnyPermission('cases:read:org', 'cases:read:department'),
      schema: {
        tags: ['cases'],
        summary: 'What the customer was sent about this case, and when',
        params: IdParams,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = (request.params as { id: string }).id;
      const view = await getCaseView(db, actor.orgId, id);
      if (!view || !canReadCase(actor, { department_id: view.department.id, owner_id: view.owner.id }))
        throw notFound();
      const rows = await db
        .selectFrom('notifications as n')
        .select([
          'n.id',
          'n.event',
          'n.audience',
          'n.channel',
          'n.recipient',
          'n.locale',
          'n.status',
          'n.attempts',
          'n.provider',
          'n.last_error',
          'n.rendered_subject',
          'n.rendered_body',
          'n.segments',
          'n.created_at',
          'n.sent_at',
        ])
        .where('n.org_id', '=', actor.orgId)
        .where('n.case_id', '=', id)
        .where('n.audience', '=', 'customer')
        .orderBy('n.created_at')
        .execute();
      return { items: rows.map((r) => present({ ...r, number: view.number })) };
    },
  );
}

function present(r: {
  id: string;
  event: string;
  audience: string;
  channel: string;
  recipient: string;
  locale: string;
  status: string;
  attempts: number;
  provider: string | null;
  last_error: string | null;
  rendered_subject: string | null;
  rendered_body: string | null;
  segments: number | null;
  created_at: Date;
  sent_at: Date | null;
  number: string | null;
}) {
  return {
    id: r.id,
    caseNumber: r.number,
    event: r.event,
    audience: r.audience,
    channel: r.channel,
    recipient: r.recipient,
    locale: r.locale,
    status: r.status,
    attempts: r.attempts,
    provider: r.provider,
    lastError: r.last_error,
    subject: r.rendered_subject,
    // A one-time code that really went to a phone is the customer's secret, not the admin's; in the
    // local outbox (no provider: a demo or a test bench) nothing left the building, so it is shown.
    body:
      r.event === 'otp' && r.provider !== 'local-outbox'
        ? (r.rendered_body?.replace(/\d{4,8}/g, '••••••') ?? null)
        : r.rendered_body,
    segments: r.segments,
    createdAt: r.created_at.toISOString(),
    sentAt: r.sent_at?.toISOString() ?? null,
  };
}
