import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { verifyAudit } from '../../modules/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { actorOf, requirePermission } from '../auth.ts';

export function auditRoutes(app: FastifyInstance, db: Db) {
  app.get(
    '/api/v1/audit',
    {
      preValidation: requirePermission('audit:read'),
      schema: {
        tags: ['audit'],
        summary: 'The audit trail, newest first, optionally for one entity',
        querystring: Type.Object(
          {
            entity: Type.Optional(Type.String({ maxLength: 60 })),
            entityId: Type.Optional(Type.String({ maxLength: 100 })),
            before: Type.Optional(Type.Integer({ minimum: 1 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const q = request.query as { entity?: string; entityId?: string; before?: number; limit?: number };
      let query = db
        .selectFrom('audit_log')
        .select(['seq', 'at', 'actor_id', 'actor_kind', 'action', 'entity', 'entity_id', 'data', 'hash'])
        .where('org_id', '=', actor.orgId);
      if (q.entity) query = query.where('entity', '=', q.entity);
      if (q.entityId) query = query.where('entity_id', '=', q.entityId);
      if (q.before) query = query.where('seq', '<', String(q.before));
      const items = await query
        .orderBy('seq', 'desc')
        .limit(q.limit ?? 100)
        .execute();
      return { items };
    },
  );

  app.post(
    '/api/v1/audit/verify',
    {
      preValidation: requirePermission('audit:read'),
      schema: { tags: ['audit'], summary: "Verify the hash chain of this organisation's audit trail" },
    },
    async (request) => {
      const actor = actorOf(request);
      const [result] = await verifyAudit(db, actor.orgId);
      return result;
    },
  );
}
