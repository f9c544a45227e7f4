import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { appendAudit } from '../../modules/audit/audit.ts';
import { normalizeEmail, normalizeIdentifier, normalizePhone } from '../../modules/customers/contacts.ts';
import {
  type ContactKind,
  findCustomerIdByContact,
  getCustomer,
  mergeCustomerRows,
} from '../../modules/customers/customer.repository.ts';
import { getOrgById } from '../../modules/orgs/org.repository.ts';
import type { Db } from '../../platform/db/db.ts';
import { AppError, notFound, validation } from '../../platform/errors.ts';
import { actorOf, requirePermission } from '../auth.ts';

export function customerRoutes(app: FastifyInstance, db: Db) {
  app.get(
    '/api/v1/customers',
    {
      preValidation: requirePermission('customers:read'),
      schema: {
        tags: ['customers'],
        summary: 'Find a customer by one contact (phone, e-mail, national id or account id)',
        querystring: Type.Object(
          {
            phone: Type.Optional(Type.String({ maxLength: 40 })),
            email: Type.Optional(Type.String({ maxLength: 254 })),
            nationalId: Type.Optional(Type.String({ maxLength: 100 })),
            accountId: Type.Optional(Type.String({ maxLength: 100 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const q = request.query as Record<string, string | undefined>;
      const org = await getOrgById(db, actor.orgId);
      let contact: { kind: ContactKind; value: string } | null = null;
      if (q.phone) {
        const v = normalizePhone(q.phone, org?.country);
        if (!v) throw validation([{ field: 'customer.phone', reason: 'invalid_phone' }]);
        contact = { kind: 'phone', value: v };
      } else if (q.email) {
        const v = normalizeEmail(q.email);
        if (!v) throw validation([{ field: 'customer.email', reason: 'invalid_email' }]);
        contact = { kind: 'email', value: v };
      } else if (q.nationalId) contact = { kind: 'national_id', value: normalizeIdentifier(q.nationalId) };
      else if (q.accountId) contact = { kind: 'account_id', value: normalizeIdentifier(q.accountId) };
      if (!contact) throw new AppError('BAD_REQUEST');
      const id = await findCustomerIdByContact(db, actor.orgId, contact);
      if (!id) return { items: [] };
      const c = await getCustomer(db, actor.orgId, id);
      return { items: c ? [c] : [] };
    },
  );

  app.get(
    '/api/v1/customers/:id',
    {
      preValidation: requirePermission('customers:read'),
      schema: {
        tags: ['customers'],
        summary: 'One customer with contacts and services',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const c = await getCustomer(db, actor.orgId, (request.params as { id: string }).id);
      if (!c) throw notFound();
      return c;
    },
  );

  app.post(
    '/api/v1/customers/:id/merge',
    {
      preValidation: requirePermission('customers:write'),
      schema: {
        tags: ['customers'],
        summary: 'Merge a duplicate customer into this one (its contacts, services and cases move here)',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: Type.Object({ duplicateId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const targetId = (request.params as { id: string }).id;
      const { duplicateId } = request.body as { duplicateId: string };
      if (duplicateId === targetId) throw validation([{ field: 'duplicateId', reason: 'invalid_value' }]);
      const moved = await db.transaction().execute(async (trx) => {
        const rows = await trx
          .selectFrom('customers')
          .select(['id', 'merged_into_id'])
          .where('org_id', '=', actor.orgId)
          .where('id', 'in', [targetId, duplicateId])
          .forUpdate()
          .execute();
        if (rows.length !== 2) throw notFound();
        if (rows.some((r) => r.merged_into_id)) throw new AppError('CONFLICT');
        const n = await mergeCustomerRows(trx, actor.orgId, duplicateId, targetId);
        await appendAudit(trx, [
          {
            orgId: actor.orgId,
            actorId: actor.userId,
            actorKind: 'user',
            action: 'customer.merged',
            entity: 'customer',
            entityId: targetId,
            data: { duplicateId, casesMoved: n },
          },
        ]);
        return n;
      });
      return { id: targetId, casesMoved: moved };
    },
  );
}
