// Use-cases: a one-time code to the case's registered phone before the portal shows the case
// (R-FLOW-6). Asking for a code never reveals whether the number exists; a verified code opens a
// short portal session for that one case.
import { randomInt, timingSafeEqual } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../platform/db/db.ts';
import { validation } from '../../platform/errors.ts';
import { appendAudit } from '../audit/audit.ts';
import { enqueueCustomerNotice } from '../notifications/outbox.ts';
import type { OrgContext } from '../orgs/org.repository.ts';
import {
  codeHash,
  codesSentSince,
  createPortalSession,
  customerPhone,
  findCaseByNumber,
  normaliseCaseNumber,
  spendAttempt,
  useCode,
} from './portal.repository.ts';
import { PORTAL_LIMITS } from './portal-limits.ts';
import { portalFieldError } from './portal-text.ts';

/**
 * Queues a code by SMS when the number names a case with a phone and the case has not had its
 * hourly share of codes. Returns nothing either way: the caller answers the same in every case.
 */
export async function requestTrackingCode(
  db: Db,
  org: OrgContext,
  number: string,
  now = new Date(),
): Promise<void> {
  const n = normaliseCaseNumber(number);
  if (!n) return;
  await db.transaction().execute(async (trx) => {
    // the row lock serialises concurrent requests for one case, so the hourly count holds
    const c = await trx
      .selectFrom('cases')
      .select(['id', 'customer_id'])
      .where('org_id', '=', org.orgId)
      .where('number', '=', n)
      .forUpdate()
      .executeTakeFirst();
    if (!c) return;
    if (!(await customerPhone(trx, org.orgId, c.customer_id))) return;
    const since = new Date(now.getTime() - 3600_000);
    if ((await codesSentSince(trx, org.orgId, c.id, since)) >= PORTAL_LIMITS.codesPerCasePerHour) return;
    const id = uuidv7();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await trx
      .insertInto('portal_codes')
      .values({
        org_id: org.orgId,
        id,
        case_id: c.id,
        code_hash: codeHash(id, code),
        expires_at: new Date(now.getTime() + PORTAL_LIMITS.codeTtlMinutes * 60_000),
        created_at: now,
      })
      .execute();
    await enqueueCustomerNotice(trx, {
      orgId: org.orgId,
      caseId: c.id,
      event: 'otp',
      channels: ['sms'],
      variables: { code, minutes: PORTAL_LIMITS.codeTtlMinutes },
      dedupeKey: `otp:${id}`,
    });
  });
}

export interface PortalSession {
  token: string;
  expiresAt: Date;
  caseId: string;
  number: string;
}

const sameHash = (a: string, b: string) => {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Checks the code against the case's latest one. Unknown number, wrong, expired, used or
 * exhausted code: one and the same error, so none of them can be told apart.
 */
export async function verifyTrackingCode(
  db: Db,
  org: OrgContext,
  number: string,
  code: string,
  now = new Date(),
): Promise<PortalSession> {
  const refused = () => validation([portalFieldError('code', 'invalid_code')]);
  const c = await findCaseByNumber(db, org.orgId, number);
  if (!c) throw refused();
  const candidate = /^\d{6}$/.test(code.trim()) ? code.trim() : null;
  const live = await spendAttempt(db, org.orgId, c.id, now);
  if (!live || !candidate || !sameHash(codeHash(live.id, candidate), live.code_hash)) throw refused();
  return db.transaction().execute(async (trx) => {
    if (!(await useCode(trx, org.orgId, live.id, now))) throw refused();
    const session = await createPortalSession(trx, org.orgId, c.id, now);
    // access to personal data is logged (R-REC-4)
    await appendAudit(trx, [
      {
        orgId: org.orgId,
        actorId: null,
        actorKind: 'customer',
        action: 'case.portal_verified',
        entity: 'case',
        entityId: c.id,
        data: { number: c.number },
      },
    ]);
    return { ...session, caseId: c.id, number: c.number };
  });
}
