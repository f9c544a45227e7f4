// Proof that a webhook came from the platform: Meta signs the raw body with the app secret
// (X-Hub-Signature-256), Telegram echoes the secret token given to setWebhook. Pure.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Constant-time comparison of a presented secret with the expected one. Both are hashed first, so
 * neither the content nor the length of the expected secret shows in the timing.
 */
export function secretsEqual(given: string | undefined, expected: string): boolean {
  if (given === undefined || !expected) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body, keyed with the app secret>` */
export function metaSignatureValid(raw: Buffer, header: string | undefined, appSecret: string): boolean {
  if (!header?.startsWith('sha256=') || !appSecret) return false;
  const expected = createHmac('sha256', appSecret).update(raw).digest('hex');
  return secretsEqual(header.slice('sha256='.length).toLowerCase(), expected);
}

export function headerValue(headers: Record<string, string | string[] | undefined>, name: string) {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}
