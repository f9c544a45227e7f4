// A file that came with an inbound message: checked by content like any upload, stored, and put on
// the case. A file of a refused type is left out (and said so on the timeline) rather than losing
// the message it came with.
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Trx } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/storage/storage.ts';
import { checkUpload, safeFilename } from '../attachments/file-check.ts';
import { appendCaseEvents } from '../cases/case.repository.ts';

export const INBOUND_MAX_BYTES = 25 * 1024 * 1024;

export async function storeInboundAttachment(
  trx: Trx,
  store: FileStore,
  orgId: string,
  caseId: string,
  file: { filename: string; content: Buffer },
  opts: { maxBytes?: number; uploadedBy?: string | null; actorKind?: 'customer' | 'system' | 'user' } = {},
): Promise<string | null> {
  const filename = safeFilename(file.filename || 'attachment');
  let mime: string;
  try {
    ({ mime } = await checkUpload(file.content, filename, opts.maxBytes ?? INBOUND_MAX_BYTES));
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    await appendCaseEvents(trx, [
      {
        orgId,
        caseId,
        type: 'attachment_refused',
        actorId: null,
        actorKind: 'system',
        data: { filename, reason: e.code, size: file.content.length },
      },
    ]);
    return null;
  }
  const id = uuidv7();
  const now = new Date();
  const key = `${orgId}/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
  await store.put(key, file.content);
  await trx
    .insertInto('attachments')
    .values({
      org_id: orgId,
      case_id: caseId,
      id,
      filename,
      content_type: mime,
      size_bytes: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      storage_key: key,
      uploaded_by: opts.uploadedBy ?? null,
    })
    .execute();
  await appendCaseEvents(trx, [
    {
      orgId,
      caseId,
      type: 'attachment_added',
      actorId: opts.uploadedBy ?? null,
      actorKind: opts.actorKind ?? 'customer',
      at: now,
      data: { attachmentId: id, filename, contentType: mime, size: file.content.length },
    },
  ]);
  return id;
}
