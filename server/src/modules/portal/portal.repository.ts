// SQL of the public portal: cases by their quotable number, one-time codes and portal sessions.
// Codes and session tokens are stored only as SHA-256 hashes.
import { randomBytes } from 'node:crypto';
import type { DbOrTrx, Trx } from '../../platform/db/db.ts';
import { hashToken } from '../notifications/case-notices.ts';
import type { TimelineRow } from './customer-view.ts';
import { PORTAL_LIMITS } from './portal-limits.ts';

export const CASE_NUMBER = /^[A-Z]{1,10}-\d{4}-\d{6,}$/;

/** Numbers are quoted by people: tolerate case and surrounding spaces, nothing else. */
export function normaliseCaseNumber(raw: string): string | null {
  const n = raw.trim().toUpperCase();
  return CASE_NUMBER.test(n) ? n : null;
}

export async function findCaseByNumber(db: DbOrTrx, orgId: string, number: string) {
  const n = normaliseCaseNumber(number);
  if (!n) return null;
  return (
    (await db
      .selectFrom('cases')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('number', '=', n)
      .executeTakeFirst()) ?? null
  );
}

export async function customerPhone(db: DbOrTrx, orgId: string, customerId: string): Promise<string | null> {
  const row = await db
    .selectFrom('customer_contacts')
    .select('value')
    .where('org_id', '=', orgId)
    .where('customer_id', '=', customerId)
    .where('kind', '=', 'phone')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  return row?.value ?? null;
}

export async function timelineRows(db: DbOrTrx, orgId: string, caseId: string): Promise<TimelineRow[]> {
  return db
    .selectFrom('case_events')
    .select(['seq', 'type', 'at', 'reason', 'data'])
    .where('org_id', '=', orgId)
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
}

/** The code's id salts its hash, so equal codes of two cases never share a stored value. */
export const codeHash = (codeId: string, code: string) => hashToken(`${codeId}:${code}`);

export async function codesSentSince(trx: Trx, orgId: string, caseId: string, since: Date): Promise<number> {
  const { n } = await trx
    .selectFrom('portal_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('case_id', '=', caseId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/**
 * Counts one guess on the case's latest code and returns it, or null when that code is used,
 * expired or out of attempts. A newer code supersedes older ones. Runs on its own, outside the
 * request's transaction, so a wrong guess stays counted although the request fails.
 */
export async function spendAttempt(db: DbOrTrx, orgId: string, caseId: string, now: Date) {
  return (
    (await db
      .updateTable('portal_codes')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('org_id', '=', orgId)
      .where('id', '=', (eb) =>
        eb
          .selectFrom('portal_codes')
          .select('id')
          .where('org_id', '=', orgId)
          .where('case_id', '=', caseId)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(1),
      )
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .where('attempts', '<', PORTAL_LIMITS.attemptsPerCode)
      .returning(['id', 'code_hash'])
      .executeTakeFirst()) ?? null
  );
}

/** Marks the code used; false when a concurrent request used it first. */
export async function useCode(trx: Trx, orgId: string, codeId: string, now: Date): Promise<boolean> {
  const row = await trx
    .updateTable('portal_codes')
    .set({ used_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', codeId)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}

export async function createPortalSession(
  trx: Trx,
  orgId: string,
  caseId: string,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + PORTAL_LIMITS.sessionTtlMinutes * 60_000);
  await trx
    .insertInto('portal_sessions')
    .values({ org_id: orgId, token_hash: hashToken(token), case_id: caseId, expires_at: expiresAt })
    .execute();
  return { token, expiresAt };
}

/** The case a live portal session opens, or null. */
export async function portalSessionCase(
  db: DbOrTrx,
  orgId: string,
  token: string,
  now = new Date(),
): Promise<string | null> {
  const row = await db
    .selectFrom('portal_sessions')
    .select('case_id')
    .where('org_id', '=', orgId)
    .where('token_hash', '=', hashToken(token))
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row?.case_id ?? null;
}
