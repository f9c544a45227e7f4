// R-REC-3: the agent records which identifying questions a caller answered; the customer's
// personal data of that case is shown to that agent (masked before, or to anyone else).
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { can } from '../../modules/access/permissions.ts';
import {
  customerForAgent,
  IDENTITY_CHECK_VALID_MS,
  IDENTITY_QUESTIONS,
  MIN_IDENTITY_QUESTIONS,
  recordIdentityCheck,
} from '../../modules/cases/identity-check.ts';
import type { Db } from '../../platform/db/db.ts';
import { actorOf, requirePermission } from '../auth.ts';
import { IdParams } from './case.schemas.ts';

export function identityRoutes(app: FastifyInstance, db: Db) {
  app.post(
    '/api/v1/cases/:id/identity-check',
    {
      preValidation: requirePermission('cases:work'),
      schema: {
        tags: ['cases'],
        summary:
          "Record which identifying questions the caller answered; unmasks the case's customer for you",
        description: `At least ${MIN_IDENTITY_QUESTIONS} of: ${IDENTITY_QUESTIONS.join(', ')}. The answers themselves are not sent or stored. Unmasks for ${IDENTITY_CHECK_VALID_MS / 3_600_000} hours, for this user and this case only.`,
        params: IdParams,
        body: Type.Object(
          {
            questions: Type.Array(Type.String({ maxLength: 40 }), {
              maxItems: IDENTITY_QUESTIONS.length * 2,
            }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = (request.params as { id: string }).id;
      const { verifiedUntil } = await db
        .transaction()
        .execute((trx) =>
          recordIdentityCheck(trx, actor, id, (request.body as { questions: string[] }).questions),
        );
      reply.status(201);
      // the details themselves only for those who may read customers at all
      return {
        verifiedUntil,
        customer: can(actor, 'customers:read') ? await customerForAgent(db, actor, id) : null,
      };
    },
  );

  app.get(
    '/api/v1/cases/:id/customer',
    {
      preValidation: requirePermission('customers:read'),
      schema: {
        tags: ['cases'],
        summary: "The case's customer: names and contacts, masked until the caller's identity is checked",
        description: `Unmasked when the organisation does not require an identity check (\`requireIdentityCheck\`), or when you recorded one on this case within the last ${IDENTITY_CHECK_VALID_MS / 3_600_000} hours; otherwise masked, with \`verified: false\`.`,
        params: IdParams,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return customerForAgent(db, actor, (request.params as { id: string }).id);
    },
  );
}
