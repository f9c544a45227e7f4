// Webhooks of the messaging platforms (WhatsApp Cloud API, Telegram Bot API, Messenger): public,
// no staff sign-in — each request proves itself by the platform's signature or secret, checked
// over the exact bytes received. Thin: find the channel, call one use-case, answer 200 at once.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import {
  answerHandshake,
  findWebhookTarget,
  receiveWebhook,
} from '../../modules/channels/messaging/receive-webhook.ts';
import type { Db } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/storage/storage.ts';

const Params = Type.Object({
  org: Type.String({ maxLength: 100 }),
  channel: Type.String({ maxLength: 64 }),
});
const Handshake = Type.Object({
  'hub.mode': Type.Optional(Type.String({ maxLength: 50 })),
  'hub.verify_token': Type.Optional(Type.String({ maxLength: 1000 })),
  'hub.challenge': Type.Optional(Type.String({ maxLength: 200 })),
});
const PATH = '/api/v1/webhooks/:org/:channel';

export function webhookRoutes(app: FastifyInstance, db: Db, store: FileStore): void {
  void app.register(async (scope) => {
    // Signatures cover the raw body: in this scope only, JSON stays the bytes that arrived.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );

    const target = async (params: unknown) => {
      const p = params as { org: string; channel: string };
      const t = await findWebhookTarget(db, p.org, p.channel);
      if (!t) throw new AppError('NOT_FOUND');
      return t;
    };

    scope.get(
      PATH,
      {
        schema: {
          tags: ['webhooks'],
          summary: "Meta's webhook subscription handshake (WhatsApp, Messenger): echoes hub.challenge",
          params: Params,
          querystring: Handshake,
        },
      },
      async (request, reply) => {
        const q = request.query as Record<string, string | undefined>;
        const challenge = answerHandshake(await target(request.params), {
          mode: q['hub.mode'],
          token: q['hub.verify_token'],
          challenge: q['hub.challenge'],
        });
        return reply.type('text/plain; charset=utf-8').send(challenge);
      },
    );

    scope.post(
      PATH,
      {
        schema: {
          tags: ['webhooks'],
          summary:
            'Updates from WhatsApp (X-Hub-Signature-256), Telegram (X-Telegram-Bot-Api-Secret-Token) or Messenger (X-Hub-Signature-256)',
          params: Params,
        },
      },
      async (request, reply) => {
        const t = await target(request.params);
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const r = await receiveWebhook(db, store, t, request.headers, raw);
        if (r.refused.length) {
          request.log.warn({ channel: t.channel.id, refused: r.refused }, 'webhook messages refused');
        }
        return reply.status(200).send();
      },
    );
  });
}
