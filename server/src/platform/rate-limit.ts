// Fixed-window counters in PostgreSQL, so every API process shares the same limits.
import { sql } from 'kysely';
import type { Db } from './db/db.ts';
import { AppError } from './errors.ts';

export const NO_ORG = '00000000-0000-0000-0000-000000000000';

export async function hitRateLimit(
  db: Db,
  opts: { orgId?: string; bucket: string; limit: number; windowSeconds: number },
  now = new Date(),
): Promise<void> {
  const windowMs = opts.windowSeconds * 1000;
  const start = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const row = await db
    .insertInto('rate_limit_hits')
    .values({ org_id: opts.orgId ?? NO_ORG, bucket: opts.bucket, window_start: start, hits: 1 })
    .onConflict((oc) =>
      oc.columns(['org_id', 'bucket', 'window_start']).doUpdateSet({ hits: sql`rate_limit_hits.hits + 1` }),
    )
    .returning('hits')
    .executeTakeFirstOrThrow();
  if (row.hits > opts.limit) {
    const seconds = Math.max(1, Math.ceil((start.getTime() + windowMs - now.getTime()) / 1000));
    throw new AppError('RATE_LIMITED', { seconds });
  }
}

/** Old windows are useless; the worker calls this now and then. */
export async function pruneRateLimits(db: Db, olderThan: Date): Promise<void> {
  await db.deleteFrom('rate_limit_hits').where('window_start', '<', olderThan).execute();
}
