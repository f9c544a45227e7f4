import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import type { Config } from '../../config.ts';
import { can, canReadCase } from '../../modules/access/permissions.ts';
import { checkUpload, safeFilename } from '../../modules/attachments/file-check.ts';
import { appendAudit } from '../../modules/audit/audit.ts';
import { appendCaseEvents, lockCase } from '../../modules/cases/case.repository.ts';
import type { Db } from '../../platform/db/db.ts';
import { AppError, notFound, validation } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/storage/storage.ts';
import { actorOf, requireAnyPermission, requirePermission } from '../auth.ts';

export function attachmentRoutes(app: FastifyInstance, db: Db, config: Config, store: FileStore) {
  app.post(
    '/api/v1/cases/:id/attachments',
    {
      preValidation: requirePermission('cases:work'),
      schema: {
        tags: ['cases'],
        summary: 'Attach a file (scanned form, photo, document, recording); type checked on content',
        consumes: ['multipart/form-data'],
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const caseId = (request.params as { id: string }).id;
      const target = await db
        .selectFrom('cases')
        .select(['department_id', 'owner_id'])
        .where('org_id', '=', actor.orgId)
        .where('id', '=', caseId)
        .executeTakeFirst();
      if (!target || !canReadCase(actor, target)) throw notFound();
      if (!request.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detected: 'none', allowed: 'multipart/form-data' });
      const file = await request.file({ limits: { fileSize: config.uploadMaxBytes, files: 1 } });
      if (!file) throw validation([{ field: 'file', reason: 'required' }]);
      const data = await file.toBuffer().catch((e: { code?: string }) => {
        if (e.code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError('PAYLOAD_TOO_LARGE', {
            max: `${Math.round(config.uploadMaxBytes / 1024 / 1024)} MB`,
          });
        }
        throw e;
      });
      if (file.file.truncated)
        throw new AppError('PAYLOAD_TOO_LARGE', {
          max: `${Math.round(config.uploadMaxBytes / 1024 / 1024)} MB`,
        });
      const filename = safeFilename(file.filename);
      const { mime } = await checkUpload(data, filename, config.uploadMaxBytes);
      const id = uuidv7();
      const now = new Date();
      const key = `${actor.orgId}/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
      const sha256 = createHash('sha256').update(data).digest('hex');
      // bytes first, then the row: a crash in between leaves an orphan file, never a dangling row
      await store.put(key, data);
      await db
        .transaction()
        .execute(async (trx) => {
          const c = await lockCase(trx, actor.orgId, caseId);
          if (!c || !canReadCase(actor, c)) throw notFound();
          await trx
            .insertInto('attachments')
            .values({
              org_id: actor.orgId,
              case_id: caseId,
              id,
              filename,
              content_type: mime,
              size_bytes: data.length,
              sha256,
              storage_key: key,
              uploaded_by: actor.userId,
            })
            .execute();
          await appendCaseEvents(trx, [
            {
              orgId: actor.orgId,
              caseId,
              type: 'attachment_added',
              actorId: actor.userId,
              actorKind: 'user',
              at: now,
              data: { attachmentId: id, filename, contentType: mime, size: data.length },
            },
          ]);
          await appendAudit(trx, [
            {
              orgId: actor.orgId,
              actorId: actor.userId,
              actorKind: 'user',
              action: 'attachment.added',
              entity: 'case',
              entityId: caseId,
              data: { attachmentId: id, sha256 },
            },
          ]);
        })
        .catch(async (e) => {
          await store.delete(key);
          throw e;
        });
      reply.status(201);
      return { id, filename, contentType: mime, size: data.length, sha256 };
    },
  );

  app.get(
    '/api/v1/cases/:id/attachments',
    {
      preValidation: requireAnyPermission('cases:read:org', 'cases:read:department'),
      schema: {
        tags: ['cases'],
        summary: 'Files attached to the case',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const caseId = (request.params as { id: string }).id;
      const c = await db
        .selectFrom('cases')
        .select(['department_id', 'owner_id'])
        .where('org_id', '=', actor.orgId)
        .where('id', '=', caseId)
        .executeTakeFirst();
      if (!c || !canReadCase(actor, c)) throw notFound();
      const rows = await db
        .selectFrom('attachments')
        .select(['id', 'filename', 'content_type', 'size_bytes', 'sha256', 'created_at', 'uploaded_by'])
        .where('org_id', '=', actor.orgId)
        .where('case_id', '=', caseId)
        .orderBy('created_at')
        .execute();
      return { items: rows };
    },
  );

  app.get(
    '/api/v1/cases/:id/attachments/:attachmentId',
    {
      preValidation: requireAnyPermission('cases:read:org', 'cases:read:department'),
      schema: {
        tags: ['cases'],
        summary: 'Download a file (every download is logged)',
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          attachmentId: Type.String({ format: 'uuid' }),
        }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id, attachmentId } = request.params as { id: string; attachmentId: string };
      const c = await db
        .selectFrom('cases')
        .select(['department_id', 'owner_id'])
        .where('org_id', '=', actor.orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!c || !canReadCase(actor, c) || !can(actor, 'customers:read')) throw notFound();
      const a = await db
        .selectFrom('attachments')
        .selectAll()
        .where('org_id', '=', actor.orgId)
        .where('case_id', '=', id)
        .where('id', '=', attachmentId)
        .executeTakeFirst();
      if (!a) throw notFound();
      await db.transaction().execute((trx) =>
        appendAudit(trx, [
          {
            orgId: actor.orgId,
            actorId: actor.userId,
            actorKind: 'user',
            action: 'attachment.downloaded',
            entity: 'case',
            entityId: id,
            data: { attachmentId },
          },
        ]),
      );
      reply
        .header('content-type', a.content_type)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`);
      return reply.send(await store.get(a.storage_key));
    },
  );
}
