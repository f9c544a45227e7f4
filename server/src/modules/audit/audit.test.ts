import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db.ts';
import { createOrg, khComplaint, registerAs, type TestOrg } from '../../../../test/factories.ts';
import type { Db } from '../../platform/db/db.ts';
import { canonicalJson, verifyAudit } from './audit.ts';

let db: Db;
let url: string;
let kh: TestOrg;

beforeAll(async () => {
  ({ db, url } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
  const agent = await kh.actor('agent');
  for (let i = 0; i < 5; i++) await registerAs(db, kh, agent, khComplaint());
});

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts', ...args], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

/** Tampering as an attacker with SQL access would: with the append-only triggers bypassed. */
async function tamper(statement: ReturnType<typeof sql>) {
  await db.connection().execute(async (conn) => {
    await sql`SET session_replication_role = replica`.execute(conn);
    await statement.execute(conn);
    await sql`SET session_replication_role = origin`.execute(conn);
  });
}

describe('audit trail', () => {
  it('hashes canonical JSON, whatever order jsonb returns the keys in', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}',
    );
  });

  it('refuses updates and deletes through normal SQL', async () => {
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });

  it('verifies an intact chain, from the API and from `riza audit verify`', async () => {
    const [result] = await verifyAudit(db, kh.org.orgId);
    expect(result!.ok).toBe(true);
    expect(result!.rows).toBeGreaterThan(5);
    const run = cli('audit', 'verify');
    expect(run.stdout).toMatch(/ok\s+kontakt-home: \d+ entries, chain intact/);
    expect(run.status).toBe(0);
  });

  it('reports the first broken link after a row is edited', async () => {
    await tamper(
      sql`UPDATE audit_log SET data = '{"number":"forged"}' WHERE org_id = ${kh.org.orgId} AND seq = 3`,
    );
    const [result] = await verifyAudit(db, kh.org.orgId);
    expect(result!.ok).toBe(false);
    expect(result!.firstBroken).toEqual({ seq: 3, problem: 'hash_mismatch' });
    const run = cli('audit', 'verify', '--org', 'kontakt-home');
    expect(run.stdout).toMatch(/BROKEN\s+kontakt-home: first broken link at entry 3/);
    expect(run.status).toBe(1);
  });

  it('detects a deleted row, even the last one', async () => {
    const org2 = await createOrg(db, 'kontakt-home', { as: 'kh-copy' });
    const agent = await org2.actor('agent');
    await registerAs(db, org2, agent, khComplaint());
    expect((await verifyAudit(db, org2.org.orgId))[0]!.ok).toBe(true);
    await tamper(
      sql`DELETE FROM audit_log WHERE org_id = ${org2.org.orgId} AND seq = (SELECT max(seq) FROM audit_log WHERE org_id = ${org2.org.orgId})`,
    );
    const [result] = await verifyAudit(db, org2.org.orgId);
    expect(result!.ok).toBe(false);
    expect(result!.firstBroken!.problem).toBe('head_mismatch');
  });
});
