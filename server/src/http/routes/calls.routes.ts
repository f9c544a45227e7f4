// Telephony: the PBX's event webhook (CTI), call records for the contact centre and QA, linking a
// call to its case, call recordings (upload, playback with byte ranges, every access audited), and
// video-call references on a case.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { can } from '../../modules/access/permissions.ts';
import { CTI_EVENT_TYPES } from '../../modules/channels/phone/call-record.ts';
import {
  addCallRecording,
  logRecordingAccess,
  parseRange,
  RECORDING_MIN_LIMIT_BYTES,
  recordingOf,
  sliceStream,
} from '../../modules/channels/phone/call-recording.ts';
import { getCallView, listCalls } from '../../modules/channels/phone/calls.repository.ts';
import { linkCallToCase } from '../../modules/channels/phone/link-call.ts';
import {
  type CtiEventInput,
  ctiSecretMatches,
  loadPhoneChannel,
  type PhoneChannel,
  recordCtiEvents,
} from '../../modules/channels/phone/record-cti-events.ts';
import { recordVideoCall, type VideoCallInput } from '../../modules/channels/phone/video-call.ts';
import { getOrgBySlug, type OrgContext } from '../../modules/orgs/org.repository.ts';
import type { Db } from '../../platform/db/db.ts';
import { AppError, notFound, validation } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/storage/storage.ts';
import { actorOf, requireAnyPermission, requirePermission } from '../auth.ts';
import { IdParams } from './case.schemas.ts';

export const CTI_SECRET_HEADER = 'x-riza-cti-secret';

const Text = (max: number) => Type.Optional(Type.String({ maxLength: max }));
const CtiEvent = Type.Object(
  {
    type: Type.Union(CTI_EVENT_TYPES.map((t) => Type.Literal(t))),
    callId: Type.String({ minLength: 1, maxLength: 200 }),
    at: Type.String({ format: 'date-time' }),
    seq: Type.Optional(Type.Integer({ minimum: 0 })),
    caller: Text(64),
    callee: Text(64),
    queue: Text(200),
    agent: Text(320),
    waitSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400 })),
    target: Text(320),
  },
  { additionalProperties: false },
);

const READ_CALLS = requireAnyPermission('reports:read', 'cases:read:org');

export function callRoutes(app: FastifyInstance, db: Db, config: Config, store: FileStore) {
  // the org and channel a CTI post is for, found (and its secret checked) before the body is read
  const cti = new WeakMap<FastifyRequest, { org: OrgContext; channel: PhoneChannel }>();

  app.post(
    '/api/v1/cti/:org/:channel/events',
    {
      preValidation: async (request) => {
        const p = request.params as { org: string; channel: string };
        const org = await getOrgBySlug(db, p.org);
        const channel = org ? await loadPhoneChannel(db, org.orgId, p.channel) : null;
        if (!org || !channel) throw notFound();
        const given = request.headers[CTI_SECRET_HEADER];
        if (!ctiSecretMatches(channel.config.eventSecret, typeof given === 'string' ? given : undefined))
          throw new AppError('UNAUTHENTICATED');
        cti.set(request, { org, channel });
      },
      schema: {
        tags: ['channels'],
        summary:
          'Call events from the PBX (ringing, answered, hold, unhold, transfer, hangup, abandoned); authenticated by the X-Riza-Cti-Secret header',
        security: [],
        params: Type.Object({
          org: Type.String({ maxLength: 64 }),
          channel: Type.String({ maxLength: 64 }),
        }),
        body: Type.Object(
          { events: Type.Array(CtiEvent, { minItems: 1, maxItems: 500 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { org, channel } = cti.get(request)!;
      return recordCtiEvents(db, org, channel, (request.body as { events: CtiEventInput[] }).events);
    },
  );

  app.get(
    '/api/v1/calls',
    {
      preValidation: READ_CALLS,
      schema: {
        tags: ['calls'],
        summary: 'Call records with totals: answered, abandoned, unanswered, over the hold limit',
        querystring: Type.Object(
          {
            from: Type.Optional(Type.String({ format: 'date-time' })),
            to: Type.Optional(Type.String({ format: 'date-time' })),
            flagged: Type.Optional(Type.Boolean()),
            abandoned: Type.Optional(Type.Boolean()),
            unanswered: Type.Optional(Type.Boolean()),
            queue: Type.Optional(Type.String({ maxLength: 64 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const q = request.query as {
        from?: string;
        to?: string;
        flagged?: boolean;
        abandoned?: boolean;
        unanswered?: boolean;
        queue?: string;
        limit?: number;
      };
      return listCalls(
        db,
        actor.orgId,
        {
          from: q.from ? new Date(q.from) : undefined,
          to: q.to ? new Date(q.to) : undefined,
          flagged: q.flagged,
          abandoned: q.abandoned,
          unanswered: q.unanswered,
          queue: q.queue,
          limit: q.limit ?? 100,
        },
        { showContacts: can(actor, 'customers:read') },
      );
    },
  );

  app.get(
    '/api/v1/calls/:id',
    {
      preValidation: READ_CALLS,
      schema: {
        tags: ['calls'],
        summary: 'A call record with the events it was built from',
        params: IdParams,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const view = await getCallView(db, actor.orgId, (request.params as { id: string }).id, {
        showContacts: can(actor, 'customers:read'),
      });
      if (!view) throw notFound();
      return view;
    },
  );

  app.post(
    '/api/v1/calls/:id/link',
    {
      preValidation: requirePermission('cases:work'),
      schema: {
        tags: ['calls'],
        summary: 'Link the call to the case it was about (e.g. the case registered during the call)',
        params: IdParams,
        body: Type.Object({ caseId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = (request.params as { id: string }).id;
      const { caseId } = request.body as { caseId: string };
      const r = await db.transaction().execute((trx) => linkCallToCase(trx, actor, id, caseId));
      return {
        ...r,
        call: await getCallView(db, actor.orgId, id, { showContacts: can(actor, 'customers:read') }),
      };
    },
  );

  app.post(
    '/api/v1/calls/:id/recording',
    {
      preValidation: requirePermission('cases:work'),
      schema: {
        tags: ['calls'],
        summary: 'Upload the call recording (WAV, MP3 or OGG, checked by content); once only',
        consumes: ['multipart/form-data'],
        params: IdParams,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = (request.params as { id: string }).id;
      const max = Math.max(config.uploadMaxBytes, RECORDING_MIN_LIMIT_BYTES);
      const tooLarge = () =>
        new AppError('PAYLOAD_TOO_LARGE', { max: `${Math.round(max / 1024 / 1024)} MB` });
      // no such call: refused before a byte of the upload is read
      const call = await db
        .selectFrom('calls')
        .select('id')
        .where('org_id', '=', actor.orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!call) throw notFound();
      if (!request.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detected: 'none', allowed: 'multipart/form-data' });
      const file = await request.file({ limits: { fileSize: max, files: 1 } });
      if (!file) throw validation([{ field: 'file', reason: 'required' }]);
      const data = await file.toBuffer().catch((e: { code?: string }) => {
        throw e.code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge() : e;
      });
      if (file.file.truncated) throw tooLarge();
      const meta = await addCallRecording(db, store, actor, id, { filename: file.filename, data }, max);
      reply.status(201);
      return {
        id: meta.attachmentId,
        filename: meta.filename,
        contentType: meta.contentType,
        size: meta.size,
        sha256: meta.sha256,
      };
    },
  );

  app.get(
    '/api/v1/calls/:id/recording',
    {
      preValidation: READ_CALLS,
      schema: {
        tags: ['calls'],
        summary: 'Play (inline, HTTP Range for seeking) or download the recording; every access is logged',
        params: IdParams,
        querystring: Type.Object(
          { download: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = (request.params as { id: string }).id;
      const download = (request.query as { download?: boolean }).download === true;
      // a recording is personal data: like any case file, only for those who may see customers
      if (!can(actor, 'customers:read')) throw notFound();
      const call = await db
        .selectFrom('calls')
        .select(['case_id'])
        .where('org_id', '=', actor.orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      const rec = call ? await recordingOf(db, actor.orgId, id) : null;
      if (!call || !rec) throw notFound();
      const etag = `"${rec.sha256}"`;
      const ifRange = request.headers['if-range'];
      const range = ifRange && ifRange !== etag ? null : parseRange(request.headers.range, rec.size);
      reply
        .header('accept-ranges', 'bytes')
        .header('etag', etag)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff');
      if (range === 'unsatisfiable') {
        return reply.status(416).header('content-range', `bytes */${rec.size}`).send();
      }
      if (request.method !== 'HEAD') {
        await logRecordingAccess(db, actor, id, download ? 'downloaded' : 'played', {
          caseId: call.case_id,
          attachmentId: rec.attachmentId,
          range,
          size: rec.size,
        });
      }
      const source = await store.get(rec.storageKey);
      reply
        .header('content-type', rec.contentType)
        .header(
          'content-disposition',
          `${download ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(rec.filename)}`,
        );
      if (!range) return reply.header('content-length', rec.size).send(source);
      return reply
        .status(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${rec.size}`)
        .header('content-length', range.end - range.start + 1)
        .send(sliceStream(source, range));
    },
  );

  app.post(
    '/api/v1/cases/:id/video-calls',
    {
      preValidation: requirePermission('cases:work'),
      schema: {
        tags: ['cases'],
        summary: 'Record a video call with the customer: its https link and duration (no media is stored)',
        params: IdParams,
        body: Type.Object(
          {
            url: Type.String({ minLength: 1, maxLength: 2000 }),
            durationSeconds: Type.Integer({ minimum: 0, maximum: 86_400 }),
            at: Type.String({ format: 'date-time' }),
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
        .execute((trx) => recordVideoCall(trx, actor, id, request.body as VideoCallInput));
      reply.status(201);
      return r;
    },
  );
}
