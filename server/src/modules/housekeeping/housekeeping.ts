// Removes what has outlived its purpose: expired sessions, old rate-limit windows, idempotency
// keys past their retry horizon. Plain DELETEs, so several workers running it at once is safe.
import type { Db } from '../../platform/db/db.ts';
import { pruneRateLimits } from '../../platform/rate-limit.ts';

export const IDEMPOTENCY_RETENTION_HOURS = 72;

export async function runHousekeeping(db: Db, now = new Date()) {
  const sessions = await db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
  await pruneRateLimits(db, new Date(now.getTime() - 24 * 3600_000));
  const keys = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', new Date(now.getTime() - IDEMPOTENCY_RETENTION_HOURS * 3600_000))
    .executeTakeFirst();
  // the portal's one-time codes (kept a day for the per-case hourly limit) and sessions
  await db
    .deleteFrom('portal_codes')
    .where('expires_at', '<', new Date(now.getTime() - 24 * 3600_000))
    .execute();
  await db.deleteFrom('portal_sessions').where('expires_at', '<', now).execute();
  return { sessions: Number(sessions.numDeletedRows), idempotencyKeys: Number(keys.numDeletedRows) };
}
