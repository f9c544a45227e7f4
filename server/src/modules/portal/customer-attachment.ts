// Use-case: the customer adds a file (photo, receipt, scanned document) to their own open case.
// The same content checks as staff uploads (size, magic bytes, extension agreeing with content),
// a cap per case, and the same order: bytes first, then the row, the event and the audit entry.
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../platform/db/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/storage/storage.ts';
import { checkUpload, safeFilename } from '../attachments/file-check.ts';
import { appendAudit } from '../audit/audit.ts';
import { appendCaseEvents, lockCase } from '../cases/case.repository.ts';
import { type CaseStatus, isOpen } from '../cases/case-status.ts';
import { PORTAL_LIMITS } from './portal-limits.ts';

export interface UploadedFile {
  filename: string;
  data: Buffer;
}

export interface StoredAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

export async function addCustomerAttachment(
  db: Db,
  store: FileStore,
  orgId: string,
  caseId: string,
  file: UploadedFile,
  maxBytes: number,
  now = new Date(),
): Promise<StoredAttachment> {
  const filename = safeFilename(file.filename);
  const { mime } = await checkUpload(file.data, filename, maxBytes);
  const id = uuidv7();
  const key = `${orgId}/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
  const sha256 = createHash('sha256').update(file.data).digest('hex');
  // a crash between the two leaves an orphan file, never a row without its bytes
  await store.put(key, file.data);
  try {
    await db.transaction().execute(async (trx) => {
      const c = await lockCase(trx, orgId, caseId);
      if (!c) throw notFound();
      if (!isOpen(c.status as CaseStatus)) throw new AppError('CONFLICT', { reason: 'case_not_open' });
      const { n } = await trx
        .selectFrom('attachments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('org_id', '=', orgId)
        .where('case_id', '=', caseId)
        .where('uploaded_by', 'is', null)
        .executeTakeFirstOrThrow();
      if (Number(n) >= PORTAL_LIMITS.attachmentsPerCase) {
        throw new AppError('CONFLICT', { reason: 'too_many_attachments' });
      }
      await trx
        .insertInto('attachments')
        .values({
          org_id: orgId,
          case_id: caseId,
          id,
          filename,
          content_type: mime,
          size_bytes: file.data.length,
          sha256,
          storage_key: key,
          uploaded_by: null,
        })
        .execute();
      await appendCaseEvents(trx, [
        {
          orgId,
          caseId,
          type: 'attachment_added',
          actorId: null,
          actorKind: 'customer',
          at: now,
          data: { attachmentId: id, filename, contentType: mime, size: file.data.length, via: 'portal' },
        },
      ]);
      await appendAudit(trx, [
        {
          orgId,
          actorId: null,
          actorKind: 'customer',
          action: 'attachment.added',
          entity: 'case',
          entityId: caseId,
          data: { attachmentId: id, sha256 },
        },
      ]);
    });
  } catch (e) {
    await store.delete(key);
    throw e;
  }
  return { id, filename, contentType: mime, size: file.data.length };
}
