// Live updates for the web app (server-sent events): a stream of "this case changed" notices for
// the cases the signed-in user may see, optionally only the cases in view.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { canReadCase } from '../../modules/access/permissions.ts';
import type { LiveEvents } from '../../platform/db/live-events.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, requireAnyPermission } from '../auth.ts';

const KEEPALIVE_MS = 25_000;

export function liveRoutes(app: FastifyInstance, live: LiveEvents | undefined) {
  app.get(
    '/api/v1/live',
    {
      preValidation: requireAnyPermission('cases:read:org', 'cases:read:department'),
      schema: {
        tags: ['cases'],
        summary: 'Server-sent events: a notice each time a case you may see changes',
        description:
          '`event: case`, `data: {"caseId","type","status"}`. `cases` limits the stream to those ids.',
        querystring: Type.Object(
          { cases: Type.Optional(Type.String({ maxLength: 4000, pattern: '^[0-9a-f,-]*$' })) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      if (!live) throw new AppError('UNAVAILABLE');
      const actor = actorOf(request);
      const only = (request.query as { cases?: string }).cases?.split(',').filter(Boolean);
      const wanted = only?.length ? new Set(only) : null;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(': riza live\n\n');
      const unsubscribe = live.subscribe(actor.orgId, (n) => {
        if (wanted && !wanted.has(n.case)) return;
        if (!canReadCase(actor, { department_id: n.department ?? '', owner_id: n.owner ?? '' })) return;
        res.write(
          `event: case\ndata: ${JSON.stringify({ caseId: n.case, type: n.type, status: n.status })}\n\n`,
        );
      });
      const timer = setInterval(() => res.write(': keep-alive\n\n'), KEEPALIVE_MS);
      request.raw.on('close', () => {
        clearInterval(timer);
        unsubscribe();
      });
    },
  );
}
