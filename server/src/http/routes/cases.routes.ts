// Thin routes: validate, authorise, call one use-case, present the result.

import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, canReadCase } from '../../modules/access/permissions.ts';
import { getCaseView, getTimeline, orgForDates, queueCounts } from '../../modules/cases/case.repository.ts';
import { type ActionInput, addNote, applyCaseAction, assignOwner } from '../../modules/cases/case-actions.ts';
import type { CaseInput } from '../../modules/cases/case-form.ts';
import { type CaseListFilters, listCases } from '../../modules/cases/case-list.ts';
import type { CaseAction } from '../../modules/cases/case-status.ts';
import { registerCase } from '../../modules/cases/register-case.ts';
import { getOrgById } from '../../modules/orgs/org.repository.ts';
import { searchQuery } from '../../modules/search/normalize.ts';
import type { Db } from '../../platform/db/db.ts';
import { AppError, notFound, validation } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { requestHash, runIdempotent } from '../../platform/idempotency.ts';
import { actorOf, requireAnyPermission, requirePermission } from '../auth.ts';
import { requestLocale } from '../error-handler.ts';
import {
  CaseActionBody,
  CaseActionParams,
  CaseCreateBody,
  CaseListPage,
  CaseListQuery,
  IdParams,
} from './case.schemas.ts';

const CASE_NUMBER = /^[A-Z]{1,10}-\d{4}-\d{6,}$/;

export function idempotencyKey(request: FastifyRequest): string | undefined {
  const v = request.headers['idempotency-key'];
  return typeof v === 'string' ? v : undefined;
}

function encodeCursor(c: { createdAt: string; id: string }) {
  return Buffer.from(`${c.createdAt}|${c.id}`).toString('base64url');
}
function decodeCursor(raw: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(raw, 'base64url').toString().split('|');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw validation([{ field: 'cursor', reason: 'invalid_format' }]);
  }
  return { createdAt, id };
}

export function caseRoutes(app: FastifyInstance, db: Db) {
  const readCase = requireAnyPermission('cases:read:org', 'cases:read:department');

  app.post(
    '/api/v1/cases',
    {
      preValidation: requirePermission('cases:create'),
      schema: {
        tags: ['cases'],
        summary: 'Register a case (any channel); optionally resolve it on the spot',
        description:
          "Validated against the organisation's approved form. Send an `Idempotency-Key` header to make retries safe: a repeated request returns the first result and creates nothing.",
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 200 })) }),
        body: CaseCreateBody,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const body = request.body as CaseInput & {
        resolveNow?: { response: string; mode?: 'written' | 'verbal'; customerAgreedToVerbal?: boolean };
      };
      const org = await getOrgById(db, actor.orgId);
      if (!org) throw notFound();
      const { resolveNow, ...input } = body;
      const result = await runIdempotent(
        db,
        {
          orgId: actor.orgId,
          scope: `user:${actor.userId}:cases`,
          key: idempotencyKey(request),
          hash: requestHash(body),
        },
        async (trx) => {
          let view: Awaited<ReturnType<typeof getCaseView>> = null;
          await registerCase(trx, org, { userId: actor.userId, departmentId: actor.departmentId }, input, {
            resolveNow,
            beforeAudit: async (id) => {
              view = await getCaseView(trx, actor.orgId, id, actor.locale as Locale, orgForDates(org));
            },
          });
          return { status: 201, body: view };
        },
      );
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      reply.status(result.status);
      return result.body;
    },
  );

  app.get(
    '/api/v1/cases',
    {
      preValidation: readCase,
      schema: {
        tags: ['cases'],
        summary: 'List cases with filters, full-text search (q) and keyset pagination (cursor)',
        description:
          "A slim row per case — what queues, boards and search results show: names in the language of Accept-Language (else the user's), the subject (or the start of the description), the customer's name and the most pressing running SLA stage. The full case, every SLA stage with its dates, is GET /api/v1/cases/{id}.",
        querystring: CaseListQuery,
        response: { 200: CaseListPage },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const q = request.query as Record<string, string | number | undefined>;
      const limit = (q.limit as number | undefined) ?? 50;
      const filters: CaseListFilters = { limit: limit + 1 };
      if (q.status)
        filters.status = String(q.status)
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
      if (q.type) filters.type = String(q.type);
      if (q.channel) filters.channel = String(q.channel);
      if (q.priority) filters.priority = String(q.priority);
      if (q.owner) filters.ownerId = String(q.owner);
      if (q.from) filters.createdFrom = new Date(String(q.from));
      if (q.to) filters.createdTo = new Date(String(q.to));
      if (q.cursor) filters.after = decodeCursor(String(q.cursor));
      if (q.queue === 'mine') filters.ownerId = actor.userId;
      if (q.queue === 'department') {
        if (!actor.departmentId) return { items: [], nextCursor: null };
        filters.departmentId = actor.departmentId;
      }
      if (q.department) {
        const d = await db
          .selectFrom('departments')
          .select('id')
          .where('org_id', '=', actor.orgId)
          .where('code', '=', String(q.department))
          .executeTakeFirst();
        if (!d) return { items: [], nextCursor: null };
        filters.departmentId = d.id;
      }
      if (q.category) {
        const c = await db
          .selectFrom('categories')
          .select('id')
          .where('org_id', '=', actor.orgId)
          .where('code', '=', String(q.category))
          .executeTakeFirst();
        if (!c) return { items: [], nextCursor: null };
        filters.categoryId = c.id;
      }
      if (q.q) {
        const text = String(q.q).trim();
        if (CASE_NUMBER.test(text.toUpperCase())) filters.number = text.toUpperCase();
        else {
          filters.tsQuery = searchQuery(text);
          if (!filters.tsQuery) return { items: [], nextCursor: null };
        }
      }
      if (!can(actor, 'cases:read:org'))
        filters.scope = { departmentId: actor.departmentId, userId: actor.userId };
      const rows = await listCases(db, actor.orgId, filters, requestLocale(request));
      const items = rows.slice(0, limit);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
    },
  );

  app.get(
    '/api/v1/cases/counts',
    {
      preValidation: readCase,
      schema: {
        tags: ['cases'],
        summary: 'Open cases in each of my queues: mine, my department, not yet picked up, all',
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return queueCounts(db, actor.orgId, {
        userId: actor.userId,
        departmentId: actor.departmentId,
        readOrg: can(actor, 'cases:read:org'),
      });
    },
  );

  app.get(
    '/api/v1/cases/:id',
    { preValidation: readCase, schema: { tags: ['cases'], summary: 'One case', params: IdParams } },
    async (request) => {
      const actor = actorOf(request);
      const view = await getCaseView(
        db,
        actor.orgId,
        (request.params as { id: string }).id,
        actor.locale as Locale,
      );
      if (!view || !canReadCase(actor, { department_id: view.department.id, owner_id: view.owner.id }))
        throw notFound();
      return view;
    },
  );

  app.get(
    '/api/v1/cases/:id/timeline',
    {
      preValidation: readCase,
      schema: {
        tags: ['cases'],
        summary: 'The case timeline: every event with who and when',
        params: IdParams,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = (request.params as { id: string }).id;
      const view = await getCaseView(db, actor.orgId, id, actor.locale as Locale);
      if (!view || !canReadCase(actor, { department_id: view.department.id, owner_id: view.owner.id }))
        throw notFound();
      return { items: await getTimeline(db, actor.orgId, id) };
    },
  );

  app.post(
    '/api/v1/cases/:id/actions/:action',
    {
      preValidation: requireAnyPermission('cases:work', 'cases:close'),
      schema: {
        tags: ['cases'],
        summary: 'Move the case through its lifecycle (acknowledge, transfer, respond, close, …)',
        description:
          'Allowed transitions are listed in docs/lifecycle.md. `close`, `reject` and `reopen` need the cases:close permission (manager, supervisor); the rest need cases:work.',
        params: CaseActionParams,
        body: CaseActionBody,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id, action } = request.params as { id: string; action: CaseAction };
      await db
        .transaction()
        .execute((trx) => applyCaseAction(trx, actor, id, action, request.body as ActionInput));
      return getCaseView(db, actor.orgId, id, actor.locale as Locale);
    },
  );

  app.post(
    '/api/v1/cases/:id/notes',
    {
      preValidation: requirePermission('cases:work'),
      schema: {
        tags: ['cases'],
        summary: 'Add an internal note (staff only)',
        params: IdParams,
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 200 })) }),
        body: Type.Object({ body: Type.String({ maxLength: 10_000 }) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = (request.params as { id: string }).id;
      const body = request.body as { body: string };
      const result = await runIdempotent(
        db,
        {
          orgId: actor.orgId,
          scope: `user:${actor.userId}:notes:${id}`,
          key: idempotencyKey(request),
          hash: requestHash(body),
        },
        async (trx) => ({ status: 201, body: await addNote(trx, actor, id, body.body) }),
      );
      reply.status(result.status);
      return result.body;
    },
  );

  app.post(
    '/api/v1/cases/:id/assign',
    {
      preValidation: requirePermission('cases:assign'),
      schema: {
        tags: ['cases'],
        summary: 'Make another user the accountable owner',
        params: IdParams,
        body: Type.Object(
          {
            ownerId: Type.String({ format: 'uuid' }),
            reason: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = (request.params as { id: string }).id;
      const body = request.body as { ownerId: string; reason?: string };
      await db.transaction().execute((trx) => assignOwner(trx, actor, id, body.ownerId, body.reason));
      return getCaseView(db, actor.orgId, id, actor.locale as Locale);
    },
  );

  app.post(
    '/api/v1/cases/bulk',
    {
      preValidation: requirePermission('cases:close'),
      schema: {
        tags: ['cases'],
        summary: "Apply one action to many cases (the manager's daily follow-up board)",
        description: 'Each case is handled in its own transaction; the answer lists the result per case.',
        body: Type.Object(
          {
            ids: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 200 }),
            action: Type.Union([Type.Literal('close'), Type.Literal('transfer')]),
            department: Type.Optional(Type.String({ maxLength: 100 })),
            reason: Type.Optional(Type.String({ maxLength: 5000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const body = request.body as {
        ids: string[];
        action: 'close' | 'transfer';
        department?: string;
        reason?: string;
      };
      const results = [];
      for (const id of [...new Set(body.ids)]) {
        try {
          const r = await db.transaction().execute((trx) =>
            applyCaseAction(trx, actor, id, body.action, {
              department: body.department,
              reason: body.reason,
            }),
          );
          results.push({ id, ok: true, status: r.status });
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          results.push({ id, ok: false, code: e.code });
        }
      }
      return { results };
    },
  );
}
