// R-FLOW-7: offers of an alternative service or compensation, and the customer's answer.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { canReadCase } from '../../modules/access/permissions.ts';
import { getCaseView } from '../../modules/cases/case.repository.ts';
import { answerOffer, listOffers, makeOffer, type OfferInput } from '../../modules/cases/offers.ts';
import type { Db } from '../../platform/db/db.ts';
import { notFound } from '../../platform/errors.ts';
import { actorOf, requireAnyPermission, requirePermission } from '../auth.ts';
import { IdParams } from './case.schemas.ts';

export function offerRoutes(app: FastifyInstance, db: Db) {
  app.get(
    '/api/v1/cases/:id/offers',
    {
      preValidation: requireAnyPermission('cases:read:org', 'cases:read:department'),
      schema: {
        tags: ['cases'],
        summary: 'Alternatives and compensation offered, with the answers',
        params: IdParams,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = (request.params as { id: string }).id;
      const view = await getCaseView(db, actor.orgId, id);
      if (!view || !canReadCase(actor, { department_id: view.department.id, owner_id: view.owner.id }))
        throw notFound();
      return { items: await listOffers(db, actor.orgId, id) };
    },
  );

  app.post(
    '/api/v1/cases/:id/offers',
    {
      preValidation: requirePermission('cases:work'),
      schema: {
        tags: ['cases'],
        summary: 'Offer an alternative of equal value, or compensation; the customer is told',
        params: IdParams,
        body: Type.Object(
          {
            kind: Type.Union([Type.Literal('alternative'), Type.Literal('compensation')]),
            description: Type.String({ maxLength: 2000 }),
            reason: Type.String({ maxLength: 2000 }),
            amount: Type.Optional(Type.Number()),
            currency: Type.Optional(Type.String({ maxLength: 3 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = (request.params as { id: string }).id;
      const r = await db
        .transaction()
        .execute((trx) => makeOffer(trx, actor, id, request.body as OfferInput));
      reply.status(201);
      return r;
    },
  );

  app.post(
    '/api/v1/cases/:id/offers/:offerId/answer',
    {
      preValidation: requirePermission('cases:work'),
      schema: {
        tags: ['cases'],
        summary: "Record the customer's answer to an offer",
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          offerId: Type.String({ format: 'uuid' }),
        }),
        body: Type.Object(
          {
            answer: Type.Union([Type.Literal('accepted'), Type.Literal('declined')]),
            note: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id, offerId } = request.params as { id: string; offerId: string };
      await db
        .transaction()
        .execute((trx) =>
          answerOffer(
            trx,
            actor,
            id,
            offerId,
            request.body as { answer: 'accepted' | 'declined'; note?: string },
          ),
        );
      return { items: await listOffers(db, actor.orgId, id) };
    },
  );
}
