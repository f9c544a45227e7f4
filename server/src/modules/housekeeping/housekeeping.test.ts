import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db.ts';
import { createOrg, type TestOrg } from '../../../../test/factories.ts';
import type { Db } from '../../platform/db/db.ts';
import { runHousekeeping } from './housekeeping.ts';

let db: Db;
let kh: TestOrg;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
});

describe('housekeeping', () => {
  it('removes expired sessions and old idempotency keys, and keeps live ones', async () => {
    const agent = await kh.actor('agent');
    const now = new Date('2026-11-22T12:00:00Z');
    const base = { org_id: kh.org.orgId, user_id: agent.userId, csrf_token: 'x' };
    await db
      .insertInto('sessions')
      .values([
        { ...base, token_hash: 'expired', expires_at: new Date('2026-11-22T11:00:00Z') },
        { ...base, token_hash: 'live', expires_at: new Date('2026-11-22T13:00:00Z') },
      ])
      .execute();
    const key = { org_id: kh.org.orgId, scope: 's', request_hash: 'h', status_code: 201, response: '{}' };
    await db
      .insertInto('idempotency_keys')
      .values([
        { ...key, key: 'old', created_at: new Date('2026-11-10T00:00:00Z') },
        { ...key, key: 'recent', created_at: new Date('2026-11-22T11:00:00Z') },
      ])
      .execute();
    expect(await runHousekeeping(db, now)).toEqual({ sessions: 1, idempotencyKeys: 1 });
    expect((await db.selectFrom('sessions').select('token_hash').execute()).map((r) => r.token_hash)).toEqual(
      ['live'],
    );
    expect((await db.selectFrom('idempotency_keys').select('key').execute()).map((r) => r.key)).toEqual([
      'recent',
    ]);
  });
});
