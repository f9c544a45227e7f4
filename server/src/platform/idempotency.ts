// Idempotency-Key on every create: the key row is inserted in the same transaction as the
// change, so a retry either sees the committed first result or (if the first failed and rolled
// back) runs again. A concurrent duplicate waits on the key's row lock, then replays.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../modules/audit/audit.ts';
import type { Db, Trx } from './db/db.ts';
import { AppError } from './errors.ts';

export interface IdempotentResult<T> {
  status: number;
  body: T;
  replayed: boolean;
}

export function requestHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

export async function runIdempotent<T>(
  db: Db,
  opts: { orgId: string; scope: string; key: string | undefined; hash: string },
  work: (trx: Trx) => Promise<{ status: number; body: T }>,
): Promise<IdempotentResult<T>> {
  const { key } = opts;
  if (key !== undefined && (key.length < 1 || key.length > 200)) throw new AppError('BAD_REQUEST');
  return db.transaction().execute(async (trx) => {
    if (key === undefined) return { ...(await work(trx)), replayed: false };
    const claimed = await trx
      .insertInto('idempotency_keys')
      .values({
        org_id: opts.orgId,
        scope: opts.scope,
        key,
        request_hash: opts.hash,
        status_code: 0,
        response: '{}',
      })
      .onConflict((oc) => oc.columns(['org_id', 'scope', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) {
      const first = await trx
        .selectFrom('idempotency_keys')
        .select(['request_hash', 'status_code', 'response'])
        .where('org_id', '=', opts.orgId)
        .where('scope', '=', opts.scope)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      if (first.request_hash !== opts.hash) throw new AppError('IDEMPOTENCY_MISMATCH');
      return { status: first.status_code, body: first.response as T, replayed: true };
    }
    const result = await work(trx);
    await trx
      .updateTable('idempotency_keys')
      .set({ status_code: result.status, response: JSON.stringify(result.body) })
      .where('org_id', '=', opts.orgId)
      .where('scope', '=', opts.scope)
      .where('key', '=', key)
      .execute();
    return { ...result, replayed: false };
  });
}
