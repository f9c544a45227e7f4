// A case submitted through the public portal and a customer's portal session on it, opened the
// way a customer does: submit, ask for a one-time code, verify it (read from the queued SMS).
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Db } from '../../server/src/platform/db/db.ts';

let ipCounter = 0;
/** A new client address per call, so per-IP limits never mix one test's traffic with another's. */
export function newIp(): string {
  ipCounter += 1;
  return `203.0.${Math.floor(ipCounter / 250) % 250}.${(ipCounter % 250) + 1}`;
}

export interface PortalCase {
  caseId: string;
  number: string;
  /** the app's way to carry the portal session */
  headers: Record<string, string>;
}

export async function openPortalCase(
  app: FastifyInstance,
  db: Db,
  org: string,
  body: Record<string, unknown>,
): Promise<PortalCase> {
  const created = await app.inject({
    method: 'POST',
    url: `/api/v1/portal/${org}/cases`,
    headers: { 'x-forwarded-for': newIp() },
    payload: body,
  });
  expect(created.statusCode, created.body).toBe(201);
  const number = created.json().number as string;
  const { id: caseId } = await db
    .selectFrom('cases')
    .select('id')
    .where('number', '=', number)
    .executeTakeFirstOrThrow();
  const track = await app.inject({
    method: 'POST',
    url: `/api/v1/portal/${org}/track`,
    headers: { 'x-forwarded-for': newIp() },
    payload: { number },
  });
  expect(track.statusCode, track.body).toBe(202);
  const otp = await db
    .selectFrom('notifications')
    .select('variables')
    .where('case_id', '=', caseId)
    .where('event', '=', 'otp')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const verified = await app.inject({
    method: 'POST',
    url: `/api/v1/portal/${org}/track/verify`,
    headers: { 'x-forwarded-for': newIp() },
    payload: { number, code: (otp.variables as { code: string }).code },
  });
  expect(verified.statusCode, verified.body).toBe(200);
  return { caseId, number, headers: { 'x-portal-session': verified.json().token as string } };
}
