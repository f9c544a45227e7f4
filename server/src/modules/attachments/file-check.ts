// Uploads are judged by their content, not their name: the magic bytes must match an allowed
// type, and the name's extension must agree with it.
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../platform/errors.ts';

export const ALLOWED_TYPES: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'image/tiff': ['tif', 'tiff'],
  'audio/wav': ['wav'],
  'audio/x-wav': ['wav'],
  'audio/mpeg': ['mp3'],
  'audio/ogg': ['ogg', 'oga', 'opus'],
  // file-type names Opus-in-Ogg (what many PBXs record) with its codec
  'audio/ogg; codecs=opus': ['ogg', 'opus'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
};

const ALLOWED_LIST = 'PDF, PNG, JPEG, WebP, TIFF, WAV, MP3, OGG, DOCX, XLSX';

// Windows reserves device names (CON, LPT1, …) whatever the extension: a download so named cannot be saved
const DEVICE_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

/** A display name safe to store and to send back in Content-Disposition. */
export function safeFilename(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/\p{Cc}/gu, '')
    // direction overrides make "photo\u202Egnp.exe" read as "photoexe.png"
    .replace(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[<>:"|?*]/g, '')
    .replace(/^\.+/, '')
    .trim();
  const safe = DEVICE_NAME.test(cleaned) ? `_${cleaned}` : cleaned;
  return safe.slice(0, 200) || 'file';
}

export async function checkUpload(
  data: Buffer,
  filename: string,
  maxBytes: number,
): Promise<{ mime: string; ext: string }> {
  if (data.length > maxBytes)
    throw new AppError('PAYLOAD_TOO_LARGE', { max: `${Math.round(maxBytes / 1024 / 1024)} MB` });
  if (data.length === 0)
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detected: 'none', allowed: ALLOWED_LIST });
  const detected = await fileTypeFromBuffer(data);
  const allowedExts = detected ? ALLOWED_TYPES[detected.mime] : undefined;
  if (!detected || !allowedExts) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      detected: detected?.ext ?? 'none',
      allowed: ALLOWED_LIST,
    });
  }
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  // a PDF named .exe, or an executable named .pdf: both refused
  if (!allowedExts.includes(ext)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detected: detected.ext, allowed: ALLOWED_LIST });
  }
  return { mime: detected.mime, ext: detected.ext };
}
