// Call recordings (R-REC-1): an audio file proven by its content (WAV, MP3, OGG), kept with the call
// and — once the call is linked — among the case's files. Played back in byte ranges so a browser's
// <audio> can seek; every playback and download is written to the audit trail with who and when.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { v7 as uuidv7 } from 'uuid';
import type { Db, DbOrTrx, Trx } from '../../../platform/db/db.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { FileStore } from '../../../platform/storage/storage.ts';
import { type Actor, can } from '../../access/permissions.ts';
import { checkUpload, safeFilename } from '../../attachments/file-check.ts';
import { appendAudit } from '../../audit/audit.ts';
import { appendCaseEvents, lockCase } from '../../cases/case.repository.ts';

/** Long calls recorded as WAV outgrow the general upload limit; the file is held in memory once. */
export const RECORDING_MIN_LIMIT_BYTES = 50 * 1024 * 1024;
const AUDIO_LIST = 'WAV, MP3, OGG';

export interface RecordingMeta {
  attachmentId: string;
  storageKey: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string | null;
}

export async function recordingOf(db: DbOrTrx, orgId: string, callId: string): Promise<RecordingMeta | null> {
  const row = await db
    .selectFrom('call_events')
    .select('data')
    .where('org_id', '=', orgId)
    .where('call_id', '=', callId)
    .where('type', '=', 'recording')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? (row.data as RecordingMeta) : null;
}

/** The recording becomes one of the case's files (same id and bytes), told on the timeline. */
export async function attachRecordingToCase(
  trx: Trx,
  actor: Actor,
  caseId: string,
  callId: string,
  r: RecordingMeta,
  now: Date,
): Promise<void> {
  await trx
    .insertInto('attachments')
    .values({
      org_id: actor.orgId,
      case_id: caseId,
      id: r.attachmentId,
      filename: r.filename,
      content_type: r.contentType,
      size_bytes: r.size,
      sha256: r.sha256,
      storage_key: r.storageKey,
      uploaded_by: r.uploadedBy,
      created_at: now,
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
      data: {
        attachmentId: r.attachmentId,
        filename: r.filename,
        contentType: r.contentType,
        size: r.size,
        callId,
        recording: true,
      },
    },
  ]);
}

export async function addCallRecording(
  db: Db,
  store: FileStore,
  actor: Actor,
  callId: string,
  file: { filename: string; data: Buffer },
  maxBytes: number,
  now = new Date(),
): Promise<RecordingMeta> {
  if (!can(actor, 'cases:work')) throw new AppError('FORBIDDEN');
  const existing = await db
    .selectFrom('calls')
    .select(['id', 'recording_attachment_id'])
    .where('org_id', '=', actor.orgId)
    .where('id', '=', callId)
    .executeTakeFirst();
  if (!existing) throw notFound();
  const filename = safeFilename(file.filename || 'recording');
  const { mime } = await checkUpload(file.data, filename, maxBytes);
  // a scanned form is a fine attachment, but not a call recording
  if (!mime.startsWith('audio/'))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detected: mime, allowed: AUDIO_LIST });
  if (existing.recording_attachment_id) throw new AppError('CONFLICT', { reason: 'recording_exists' });
  const id = uuidv7();
  const key = `${actor.orgId}/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
  const meta: RecordingMeta = {
    attachmentId: id,
    storageKey: key,
    filename,
    contentType: mime,
    size: file.data.length,
    sha256: createHash('sha256').update(file.data).digest('hex'),
    uploadedBy: actor.userId,
  };
  // bytes first, then the rows: a crash in between leaves an orphan file, never a dangling row
  await store.put(key, file.data);
  try {
    await db.transaction().execute(async (trx) => {
      const call = await trx
        .selectFrom('calls')
        .select(['case_id', 'recording_attachment_id'])
        .where('org_id', '=', actor.orgId)
        .where('id', '=', callId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      // a recording is evidence: a second upload must not replace the first
      if (call.recording_attachment_id) throw new AppError('CONFLICT', { reason: 'recording_exists' });
      const { max } = await trx
        .selectFrom('call_events')
        .select((eb) => eb.fn.max<number | null>('seq').as('max'))
        .where('org_id', '=', actor.orgId)
        .where('call_id', '=', callId)
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('call_events')
        .values({
          org_id: actor.orgId,
          call_id: callId,
          seq: (max ?? 0) + 1,
          type: 'recording',
          at: now,
          data: JSON.stringify(meta),
        })
        .execute();
      await trx
        .updateTable('calls')
        .set({ recording_attachment_id: id })
        .where('org_id', '=', actor.orgId)
        .where('id', '=', callId)
        .execute();
      if (call.case_id) {
        await lockCase(trx, actor.orgId, call.case_id);
        await attachRecordingToCase(trx, actor, call.case_id, callId, meta, now);
      }
      await appendAudit(trx, [
        {
          orgId: actor.orgId,
          actorId: actor.userId,
          actorKind: 'user',
          action: 'recording.added',
          entity: 'call',
          entityId: callId,
          data: { attachmentId: id, sha256: meta.sha256, caseId: call.case_id },
        },
      ]);
    });
  } catch (e) {
    await store.delete(key);
    throw e;
  }
  return meta;
}

export type ByteRange = { start: number; end: number };

/**
 * A single `bytes=` range (RFC 9110 §14.1.2) within a file of `size` bytes. null: serve the whole
 * file (no header, a malformed one, or several ranges, which browsers do not ask for);
 * 'unsatisfiable': answer 416.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // a Range the server does not understand may be ignored (RFC 9110): the whole file is sent
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    // the last N bytes
    const n = Number(m[2]);
    if (n === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/** The bytes start..end (inclusive) of a stream; the source is closed as soon as they are sent. */
export function sliceStream(source: Readable, range: ByteRange): Readable {
  async function* slice() {
    let pos = 0;
    for await (const chunk of source) {
      const b = chunk as Buffer;
      const from = Math.max(range.start - pos, 0);
      const to = Math.min(range.end + 1 - pos, b.length);
      if (to > from) yield b.subarray(from, to);
      pos += b.length;
      if (pos > range.end) break;
    }
  }
  return Readable.from(slice(), { objectMode: false });
}

/** Each playback or download, with the bytes served: whoever listened, and when, is on record. */
export async function logRecordingAccess(
  db: Db,
  actor: Actor,
  callId: string,
  kind: 'played' | 'downloaded',
  detail: { caseId: string | null; attachmentId: string; range: ByteRange | null; size: number },
): Promise<void> {
  await db.transaction().execute((trx) =>
    appendAudit(trx, [
      {
        orgId: actor.orgId,
        actorId: actor.userId,
        actorKind: 'user',
        action: `recording.${kind}`,
        entity: 'call',
        entityId: callId,
        data: {
          caseId: detail.caseId,
          attachmentId: detail.attachmentId,
          bytes: detail.range
            ? `${detail.range.start}-${detail.range.end}/${detail.size}`
            : `all/${detail.size}`,
        },
      },
    ]),
  );
}
